// letter_table: what a Latin code point is made of, for Vietnamese analysis.
// Built once from ICU's canonical decompositions and case folding; immutable and thread-safe after.
#ifndef VNSEARCH_ANALYSIS_LETTER_TABLE_H_
#define VNSEARCH_ANALYSIS_LETTER_TABLE_H_

#include <cstdint>

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

// Strips diacritics for the folded term space: 'đ' → 'd', other bases unchanged.
inline char32_t FoldBase(char32_t base) { return base == 0x0111 ? U'd' : base; }

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_LETTER_TABLE_H_
