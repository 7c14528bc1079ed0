// analyzer: the one analysis pipeline of vnsearch, shared by the indexer and by searchd.
// Turns UTF-8 text into tokens carrying an exact and a folded term plus byte offsets into the
// input. Pure and thread-safe: Analyze() keeps no state between calls.
#ifndef VNSEARCH_ANALYSIS_ANALYZER_H_
#define VNSEARCH_ANALYSIS_ANALYZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnsearch {

enum class TokenKind : uint8_t {
  kWord,      // one syllable, word or number: "học", "2022"
  kCompound,  // a code kept whole: "kh&cn", "05-ct/tw", "2022-2025", "9001:2015"
  kPart,      // a piece of the compound just before it: "kh", "cn"
};

struct Token {
  // Exact term: NFC, case-folded, canonical tone placement and i/y ("Đảng uỷ" → "đảng", "uỷ").
  std::string exact;
  // Folded term: every diacritic removed, đ → d ("dang", "uy").
  std::string folded;
  uint32_t begin = 0;     // byte offset of the token in the analysed text
  uint32_t end = 0;       // one past its last byte
  uint32_t position = 0;  // word position; a compound shares the position of its first part
  TokenKind kind = TokenKind::kWord;
  bool has_diacritics = false;  // exact != folded: the writer typed an accent or đ
};

// Appends the tokens of `text` to `tokens`, numbering positions from `first_position`.
// Returns the next free position. Never fails: invalid UTF-8, control characters and unknown
// scripts are treated as separators or opaque letters, and words longer than kMaxTermBytes
// are skipped.
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
