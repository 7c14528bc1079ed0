// query_builder: gives a parsed query its meaning in vnsearch's index — which term space each word
// is looked up in, how codes and phrases are matched, and how adjacent words are rewarded.
// Pure functions of (parse tree, space); thread-safe.
#ifndef VNSEARCH_SEARCHD_QUERY_BUILDER_H_
#define VNSEARCH_SEARCHD_QUERY_BUILDER_H_

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "searchd/query_parser.h"
#include "searchd/quorum_source.h"

namespace vnsearch {

// A query typed with any diacritic means exactly the diacritics typed, for every word
// ("Ban chấp hành" does not find "bản"); a query typed without any means every accent.
enum class MatchSpace { kExact, kFolded };

// The words a query looks for, as the snippet maker needs them to mark matches in text.
struct Highlighter {
  MatchSpace space = MatchSpace::kExact;
  // Single words, exact or folded by `space`. Ordered with a transparent comparator, so that a
  // token's spelling is looked up as a view, without a string made per token.
  std::set<std::string, std::less<>> terms;
  std::vector<std::string> prefixes;  // from `word*`
  // Words that count only side by side, in order: phrases, and expansions of abbreviations,
  // which list their words without "và" and so allow one between any two of them.
  struct WordSequence {
    std::vector<std::string> words;
    bool conjunction_optional = false;
  };
  std::vector<WordSequence> sequences;

  // For each of `tokens` (one analysed text), whether it is a match.
  std::vector<bool> MatchTokens(const TokenList& tokens) const;
  bool empty() const { return terms.empty() && prefixes.empty() && sequences.empty(); }

 private:
  bool MatchesWord(const TokenView& token) const;
};

// How free text is matched and ranked. The defaults are what vnsearchd serves, each chosen by
// measurement (README, "Long queries and questions"); the fields exist so that the benchmark can
// measure every choice against its alternative (tests/bench/qa_eval --ablation).
struct RankingOptions {
  // A query of at least this many free words side by side (typed without quotes, field or '*';
  // question words not counted) is ranked rather than filtered: articles holding enough of the
  // words are found, best first. With fewer, every word must match. 0: every query is filtered.
  // Seven syllables are three or four Vietnamese words: a sentence or a question, not keywords.
  size_t ranked_from_words = 7;
  // Question words (question_words.h) are neither required nor weighted.
  bool skip_question_words = true;
  // A ranked query matches the articles holding a quorum of its rarer free words (the
  // anchors): the share of the free words that are anchors, and the share of the anchors that
  // make a quorum (at least one). 1 and 0: any word will do.
  double ranked_anchor_share = 0.5;
  double ranked_quorum_share = 0.4;
  // BM25 of ranked queries (filtered ones keep Xapian's k1 1, b 0.5, chosen for headlines).
  double ranked_bm25_k1 = 1.2;
  double ranked_bm25_b = 0.75;
  // What an adjacent pair of words found side by side adds in a ranked query, as a share of
  // the two words' own weight, and to how many of the best matches by their words.
  double ranked_pair_weight = 0.5;
  size_t pair_rerank_depth = 20;
  // Whether ranked queries (and ranked fallbacks) get the headline boost filtered ones get.
  bool ranked_headline_boost = false;
  // Whether a filtered query that finds nothing falls back to a ranked match of its words
  // (false: to any-word matching with the filtered query's boosts, as before).
  bool rank_fallback_like_ranked = true;
  // Whether a ranked query typed with diacritics is looked up without them, as one typed
  // without any is (to measure the exact-space choice).
  bool fold_ranked_queries = false;
  // Only Xapian's own operators, for remote shards (xapian-tcpsrv knows no posting source of
  // ours): a ranked query's quorum of anchors becomes any one of them.
  bool xapian_operators_only = false;
  // Whether every article of the index has pair terms (schema::kFoldedPair): phrases are then
  // looked for only where their pairs are. The searcher sets it from the index's metadata.
  bool pair_terms = false;
  // Whether every article of the index has expansion terms (schema::kExpansion): an
  // abbreviation group's expansion is then that term, not a phrase. Set like pair_terms.
  bool expansion_terms = false;
};

struct BuiltQuery {
  // Every word must match (the default); or, when `ranked`, enough of them, best first.
  Xapian::Query query;
  // Any word may match: the fallback when a filtered `query` finds nothing (empty if ranked).
  Xapian::Query relaxed;
  // What `query` / `relaxed` match, without the optional boosts: enough to count matches.
  Xapian::Query query_matches;
  Xapian::Query relaxed_matches;
  // A ranked query (RankingOptions::ranked_from_words), and what matches all of its words
  // (without boosts): whether any article does says whether the answer is a partial match.
  bool ranked = false;
  Xapian::Query every_word;
  // What adjacent words found side by side add to a ranked `query` (or a ranked `relaxed`).
  // Looking for pairs in every match would cost far more than the words themselves, so the
  // searcher adds it to the best matches only, where it can change the order. Empty: no pairs.
  Xapian::Query pair_bonus;
  Xapian::Query relaxed_pair_bonus;
  MatchSpace space = MatchSpace::kExact;
  Highlighter highlighter;
  // The free-text words in query order (not in quotes, fields or exclusions), as typed:
  // what accent restoration and spelling suggestions work on.
  std::vector<std::string> plain_words;
  // The title-only terms of those words: an article whose headline holds the query's words is
  // most likely the one sought, so they are added as an optional boost.
  std::vector<std::string> title_terms;
  // Every quorum of terms in the queries above (QuorumPostingSource), for working out their
  // matches without Xapian (match_bitmap.h).
  std::vector<TermQuorum> quorums;
  // Every `prefix*` of the query (excluded ones too) as the prefixed stem its expansion starts
  // with ("XFtr"): what estimating the query's cost needs besides its terms.
  std::vector<std::string> wildcards;
};

// A query that matches every article. Xapian::Query::MatchAll is one shared static object
// whose reference count is not atomic: copying it from several threads corrupts it, so each
// use gets a fresh query (the empty term, which is what MatchAll is).
inline Xapian::Query MatchEverything() { return Xapian::Query(std::string()); }

// Chooses the space from everything typed in `root`.
MatchSpace ChooseSpace(const QueryNode& root);

// The query of the terms starting with `stem` (at most `limit`, the most frequent). Given to
// BuildQuery, it replaces Xapian's OP_WILDCARD — which is expanded on each shard by itself, so
// that over several shards the terms and their statistics would be each shard's own.
using WildcardExpander =
    std::function<Xapian::Query(const std::string& stem, Xapian::termcount limit)>;

// What the weightless side of a ranked query (which articles hold enough of its words: terms and
// quorums of terms, `quorums` listing those made so far) becomes in the query that ranks: a query
// matching the same articles that is cheaper for Xapian to read — for one local index, the
// matches worked out beforehand from term bitmaps (Searcher). Returning `matches` keeps it.
using MatchesPrecomputer = std::function<Xapian::Query(const Xapian::Query& matches,
                                                       const std::vector<TermQuorum>& quorums)>;

// Builds the Xapian queries for `root`. `statistics`: the index to be searched, whose term
// frequencies shape ranked queries (nullptr: every free word may be the one that matches).
// `expand_wildcard`: see WildcardExpander; without it, prefixes become OP_WILDCARD.
// `precompute_matches`: see MatchesPrecomputer; without it, ranked queries keep their form.
BuiltQuery BuildQuery(const QueryNode& root, const RankingOptions& options = RankingOptions(),
                      const Xapian::Database* statistics = nullptr,
                      const WildcardExpander& expand_wildcard = nullptr,
                      const MatchesPrecomputer& precompute_matches = nullptr);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUERY_BUILDER_H_
