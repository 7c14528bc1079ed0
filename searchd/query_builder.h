// query_builder: gives a parsed query its meaning in vnsearch's index — which term space each word
// is looked up in, how codes and phrases are matched, and how adjacent words are rewarded.
// Pure functions of (parse tree, space); thread-safe.
#ifndef VNSEARCH_SEARCHD_QUERY_BUILDER_H_
#define VNSEARCH_SEARCHD_QUERY_BUILDER_H_

#include <xapian.h>

#include <functional>

#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.h"
#include "searchd/query_parser.h"

namespace vnsearch {

// A query typed with any diacritic means exactly the diacritics typed, for every word
// ("Ban chấp hành" does not find "bản"); a query typed without any means every accent.
enum class MatchSpace { kExact, kFolded };

// The words a query looks for, as the snippet maker needs them to mark matches in text.
struct Highlighter {
  MatchSpace space = MatchSpace::kExact;
  std::unordered_set<std::string> terms;  // single words, exact or folded by `space`
  std::vector<std::string> prefixes;      // from `word*`
  // Words that count only side by side, in order: phrases, and expansions of abbreviations,
  // which list their words without "và" and so allow one between any two of them.
  struct WordSequence {
    std::vector<std::string> words;
    bool conjunction_optional = false;
  };
  std::vector<WordSequence> sequences;

  // For each of `tokens` (one analysed text), whether it is a match.
  std::vector<bool> MatchTokens(const std::vector<Token>& tokens) const;
  bool empty() const { return terms.empty() && prefixes.empty() && sequences.empty(); }

 private:
  bool MatchesWord(const Token& token) const;
};

struct BuiltQuery {
  Xapian::Query query;    // every word must match (the default)
  Xapian::Query relaxed;  // any word may match: the fallback when `query` finds nothing
  // What `query` / `relaxed` match, without the optional boosts: enough to count matches.
  Xapian::Query query_matches;
  Xapian::Query relaxed_matches;
  MatchSpace space = MatchSpace::kExact;
  Highlighter highlighter;
  // The free-text words in query order (not in quotes, fields or exclusions), as typed:
  // what accent restoration and spelling suggestions work on.
  std::vector<std::string> plain_words;
  // The title-only terms of those words: an article whose headline holds the query's words is
  // most likely the one sought, so they are added as an optional boost.
  std::vector<std::string> title_terms;
};

// A query that matches every article. Xapian::Query::MatchAll is one shared static object
// whose reference count is not atomic: copying it from several threads corrupts it, so each
// use gets a fresh query (the empty term, which is what MatchAll is).
inline Xapian::Query MatchEverything() { return Xapian::Query(std::string()); }

// Chooses the space from everything typed in `root`.
MatchSpace ChooseSpace(const QueryNode& root);

// Builds the Xapian queries for `root`.
// The query of the terms starting with `stem` (at most `limit`, the most frequent). Given to
// BuildQuery, it replaces Xapian's OP_WILDCARD — which is expanded on each shard by itself, so
// that over several shards the terms and their statistics would be each shard's own.
using WildcardExpander =
    std::function<Xapian::Query(const std::string& stem, Xapian::termcount limit)>;

// `expand_wildcard`: see WildcardExpander; without it, prefixes become OP_WILDCARD.
BuiltQuery BuildQuery(const QueryNode& root, const WildcardExpander& expand_wildcard = nullptr);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUERY_BUILDER_H_
