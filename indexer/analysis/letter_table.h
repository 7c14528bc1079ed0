// letter_table: what a Latin code point is made of, for Vietnamese analysis.
// Built once from ICU's canonical decompositions and case folding; immutable and thread-safe after.
#ifndef VNSEARCH_ANALYSIS_LETTER_TABLE_H_
#define VNSEARCH_ANALYSIS_LETTER_TABLE_H_

#include <cstdint>

#include "analysis/characters.h"

namespace vnsearch {

// The vowel-quality marks of Vietnamese (they make a different letter: a/ă/â, o/ô/ơ, u/ư, e/ê).
enum class Quality : uint8_t { kNone = 0, kCircumflex, kBreve, kHorn };

// The five tone marks (they belong to the syllable, not to the letter they sit on).
enum class Tone : uint8_t { kNone = 0, kGrave, kAcute, kHook, kTilde, kDotBelow };

// A case-folded letter split into its base, its quality mark and its tone mark.
// `base` is a lowercase code point with both marks removed ('đ' stays 'đ': it is its own letter).
// `other_marks` is true when the code point carries marks that are not Vietnamese (ü, ñ, ç):
// such a letter keeps `folded_code_point` as its exact form.
struct Letter {
  char32_t base = 0;
  Quality quality = Quality::kNone;
  Tone tone = Tone::kNone;
  bool other_marks = false;
  char32_t folded_code_point = 0;  // u_foldCase of the original code point
};

// Looks up a Latin letter (U+0041..U+024F, U+1E00..U+1EFF). Returns false for any other code
// point, which the caller must then treat with general ICU case folding.
bool LookUpLatinLetter(char32_t code_point, Letter* letter);

// The precomposed lowercase code point for base + quality + tone (ICU composition), or 0 when
// Unicode has none (the caller then emits base and combining marks).
char32_t ComposeLetter(char32_t base, Quality quality, Tone tone);

// Maps a combining mark (U+0300..U+036F) to a Vietnamese quality or tone mark.
// Returns false for marks that are neither.
bool ClassifyCombiningMark(char32_t mark, Quality* quality, Tone* tone);

// ---- The analyzer's fast path ----------------------------------------------------------------
// For code points below kFastTableSize, everything the analyzer asks per character is one table
// look-up, filled at start-up from ICU (character type, case, decomposition). Code points above
// it, and letters with non-Vietnamese marks, take ICU's general path.

enum class CharClass : uint8_t { kSeparator, kLetter, kDigit, kMark, kIdeograph, kConnector };

// Vietnamese letters are a–z and đ: base index 0–25 for a–z, 26 for đ.
inline constexpr uint8_t kDBarIndex = 26;
inline constexpr uint8_t kBaseCount = 27;
inline constexpr uint8_t kNotVietnamese = 0xFF;  // a letter the fast path does not model

struct CodePointInfo {
  CharClass char_class = CharClass::kSeparator;
  uint8_t base_index = kNotVietnamese;  // letters: a–z, đ; kNotVietnamese for any other
  Quality quality = Quality::kNone;     // letters: their quality mark; marks: the one they add
  Tone tone = Tone::kNone;              // letters: their tone mark; marks: the one they add
  bool upper = false;                   // an uppercase letter
  bool vietnamese_mark = false;         // marks: one of the eight Vietnamese combining marks
};

inline constexpr char32_t kFastTableSize = 0x2100;

// The table for code points [0, kFastTableSize).
const CodePointInfo* FastCodePointTable();

// The class of any code point, asked of ICU (what the table holds for the low ones).
CharClass ClassifyWithIcu(char32_t code_point);

// A base + quality + tone letter spelled in UTF-8, NFC: the exact form the analyzer writes.
struct SpelledLetter {
  char bytes[8];
  uint8_t length;
};
// Indexed [base index][quality][tone].
using SpelledLetterTable = SpelledLetter[kBaseCount][4][6];
const SpelledLetterTable& SpelledLetters();

// The lowercase code point of a base index ('a'…'z', U+0111).
inline char32_t BaseCodePoint(uint8_t base_index) {
  return base_index == kDBarIndex ? char32_t{kSmallDBar} : U'a' + base_index;
}

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_LETTER_TABLE_H_
