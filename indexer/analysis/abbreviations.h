// abbreviations: the curated table of Vietnamese abbreviations (KH&CN, TN&MT, HTX, UBND…) and
// their expansions, analysed into terms. Built once on first use; immutable and thread-safe after.
#ifndef VNSEARCH_ANALYSIS_ABBREVIATIONS_H_
#define VNSEARCH_ANALYSIS_ABBREVIATIONS_H_

#include <string>
#include <vector>

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

// The raw table text (abbreviations.tsv, compiled in).
const char* AbbreviationTableText();

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_ABBREVIATIONS_H_
