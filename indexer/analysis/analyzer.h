// analyzer: the one analysis pipeline of vnsearch, shared by the indexer and by searchd.
// Turns UTF-8 text into tokens carrying an exact and a folded term plus byte offsets into the
// input. Pure and thread-safe: the same text always gives the same tokens (a per-thread cache of
// spellings, analysis/spelling_cache.h, changes only the speed).
#ifndef VNSEARCH_ANALYSIS_ANALYZER_H_
#define VNSEARCH_ANALYSIS_ANALYZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/token_list.h"

namespace vnsearch {

// A token that owns its terms, for callers that keep tokens apart from the list they came in (the
// query side). The fields are those of TokenView (analysis/token_list.h).
struct Token {
  std::string exact;
  std::string folded;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t position = 0;
  TokenKind kind = TokenKind::kWord;
  bool has_diacritics = false;
};

// Appends the tokens of `text` to `tokens`, numbering positions from `first_position`.
// Returns the next free position. Never fails: invalid UTF-8, control characters and unknown
// scripts are treated as separators or opaque letters, and words of more than kMaxTermBytes
// bytes or more than 64 letters are skipped. The fast form: reuse one list (clear() between
// texts) and no term is allocated.
uint32_t Analyze(std::string_view text, TokenList* tokens, uint32_t first_position = 0);

// The same tokens, each with its own copy of its terms.
uint32_t Analyze(std::string_view text, std::vector<Token>* tokens, uint32_t first_position = 0);

// Convenience for callers that want one term per word: the exact (or folded) terms of `text`
// in order, compounds and their parts included.
std::vector<std::string> ExactTerms(std::string_view text);
std::vector<std::string> FoldedTerms(std::string_view text);

// The exact and folded spellings of a word prefix as typed ("vi", "côn"), for prefix queries:
// spelled like a word, except that rules for whole syllables (kì → kỳ) are not applied.
// Empty strings when `prefix` holds no word.
void SpellPrefix(std::string_view prefix, std::string* exact, std::string* folded);

// True when `text` contains any Vietnamese diacritic or đ in a word: a query typed with accents
// means exactly them; a query typed without means any accent.
bool HasDiacritics(std::string_view text);

// Terms longer than this (in bytes) are not indexed: Xapian caps a term at 245 bytes.
constexpr size_t kMaxTermBytes = 120;

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_ANALYZER_H_
