// abbreviations: the curated table of Vietnamese abbreviations (KH&CN, TN&MT, HTX, UBND…) and
// their expansions, analysed into terms. Built once on first use; immutable and thread-safe after.
#ifndef VNSEARCH_ANALYSIS_ABBREVIATIONS_H_
#define VNSEARCH_ANALYSIS_ABBREVIATIONS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace vnsearch {

// The spellings of one term in both term spaces.
struct SpacedTerms {
  std::vector<std::string> exact;
  std::vector<std::string> folded;
};

// An expansion and every abbreviation of it: all of them mean the same thing.
struct AbbreviationGroup {
  std::string expansion;                   // as written in the table
  std::vector<std::string> abbreviations;  // as written in the table
  SpacedTerms abbreviation_terms;          // one term per abbreviation ("kh&cn", "khcn")
  SpacedTerms expansion_words;             // the expansion's words without "và", in order
  size_t optional_words = 0;               // how many "và" were left out of expansion_words
};

// The table, grouped by expansion, in file order.
const std::vector<AbbreviationGroup>& AbbreviationGroups();

// Whether the indexer finds `group`'s expansion in texts (CountExpansions): one of two words or
// more; a one-word expansion is that word's own term.
inline bool HasExpansionTerm(const AbbreviationGroup& group) {
  return group.expansion_words.folded.size() >= 2;
}

// How many times each group's expansion of two words or more stands in `tokens` (one field's,
// in position order): its folded words in order, with at most `optional_words` positions left
// between them in all — where a query that spells the expansion finds it (a phrase of the words
// within words + optional_words positions). Counted once per position its first word is at;
// groups not found are left out.
std::vector<std::pair<const AbbreviationGroup*, uint32_t>> CountExpansions(
    const std::vector<Token>& tokens);

// The raw table text (abbreviations.tsv, compiled in).
const char* AbbreviationTableText();

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_ABBREVIATIONS_H_
