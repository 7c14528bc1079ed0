// syllable: one canonical spelling for every Vietnamese syllable.
// Moves the tone mark to one fixed vowel (hoà/hòa, thuỷ/thủy, uỷ/ủy → one form) and unifies the
// i/y spelling variants (kì/kỳ, lí/lý, quí/quý). Pure functions; thread-safe.
#ifndef VNSEARCH_ANALYSIS_SYLLABLE_H_
#define VNSEARCH_ANALYSIS_SYLLABLE_H_

#include <cstddef>

#include "analysis/letter_table.h"

namespace vnsearch {

// One letter of a word being analysed: a lowercase base, its quality mark and tone mark.
// `opaque` letters (non-Vietnamese marks, other scripts) are never moved or merged.
// No member initialisers on purpose: the analyzer keeps 64 of these on the stack per word and
// sets each one it uses; value-initialise (`SyllableLetter{}`) where zeroes are wanted.
struct SyllableLetter {
  char32_t base;
  Quality quality;
  Tone tone;
  bool opaque;
};

// Rewrites letters[0..count) in place into the canonical spelling, when they form a Vietnamese
// syllable (optional initial consonant cluster, a vowel nucleus, an optional final c/ch/m/n/ng/
// nh/p/t). Anything else — foreign words, several tone marks, codes — is left exactly as it came.
//
// The convention (documented in README, "Analysis"): the tone sits on
//   1. the last vowel with a quality mark in the nucleus (ươ → ơ, uyê → ê, ưu → ư); otherwise
//   2. the last vowel when a final consonant follows (hoàn, thuyết); otherwise
//   3. the middle vowel of a three-vowel nucleus (ngoài, khuỷu); otherwise
//   4. the second vowel of oa, oe, uy (hoà, khoẻ, thuỷ: the "new" placement), the first of any
//      other two-vowel nucleus (mùa, bài), the only vowel of a one-vowel nucleus.
// And a lone i after h, k, l, m, s, t, v or qu with no final consonant is written y (kì → kỳ).
// `complete` is false for a word still being typed ("vi" of "viện"): the i/y rule, which
// holds only for whole syllables, is then not applied.
void CanonicalizeSyllable(SyllableLetter* letters, size_t count, bool complete = true);

// True for a, ă, â, e, ê, i, o, ô, ơ, u, ư, y (by base letter).
bool IsVowelBase(char32_t base);

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_SYLLABLE_H_
