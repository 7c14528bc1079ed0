// syllable: tone placement and i/y unification. Vietnamese writes the tone mark on one vowel of
// the syllable, and two conventions disagree on which one for oa/oe/uy (hòa/hoà); typists also
// vary kì/kỳ. Both sides of search — index and query — go through CanonicalizeSyllable, so every
// spelling of a syllable becomes one term, while the stored text keeps the article's own spelling.

#include "analysis/syllable.h"

#include <cstdint>

namespace vnsearch {
namespace {

bool IsValidFinal(const SyllableLetter* letters, size_t begin, size_t end) {
  size_t length = end - begin;
  if (length == 0) return true;
  char32_t first = letters[begin].base;
  char32_t second = length > 1 ? letters[begin + 1].base : 0;
  for (size_t i = begin; i < end; ++i) {
    if (letters[i].quality != Quality::kNone || letters[i].tone != Tone::kNone) return false;
  }
  if (length == 1) {
    return first == U'c' || first == U'm' || first == U'n' || first == U'p' || first == U't';
  }
  if (length == 2) {
    return (first == U'c' && second == U'h') || (first == U'n' && second == U'g') ||
           (first == U'n' && second == U'h');
  }
  return false;
}

bool IsInitialForIyVariant(const SyllableLetter* letters, size_t nucleus_begin) {
  if (nucleus_begin == 1) {
    switch (letters[0].base) {
      case U'h':
      case U'k':
      case U'l':
      case U'm':
      case U's':
      case U't':
      case U'v':
        return true;
      default:
        return false;
    }
  }
  // "qu" + i: the u belongs to the initial.
  return nucleus_begin == 2 && letters[0].base == U'q' && letters[1].base == U'u';
}

}  // namespace

bool IsVowelBase(char32_t base) {
  constexpr uint32_t kVowels = (1u << ('a' - 'a')) | (1u << ('e' - 'a')) | (1u << ('i' - 'a')) |
                               (1u << ('o' - 'a')) | (1u << ('u' - 'a')) | (1u << ('y' - 'a'));
  uint32_t index = base - U'a';
  return index < 26 && ((kVowels >> index) & 1u) != 0;
}

void CanonicalizeSyllable(SyllableLetter* letters, size_t count, bool complete) {
  if (count == 0 || count > 8) return;  // the longest syllable, "nghiêng", has 7 letters
  // Most syllables need nothing: no tone to place and no lone i that could be y.
  bool has_tone_or_i = false;
  for (size_t i = 0; i < count; ++i) {
    has_tone_or_i |= letters[i].tone != Tone::kNone || letters[i].base == U'i';
  }
  if (!has_tone_or_i) return;
  Tone tone = Tone::kNone;
  size_t nucleus_begin = count;
  for (size_t i = 0; i < count; ++i) {
    if (letters[i].opaque) return;
    if (letters[i].tone != Tone::kNone) {
      if (tone != Tone::kNone) return;  // two tones: not one Vietnamese syllable
      tone = letters[i].tone;
    }
    if (nucleus_begin == count && IsVowelBase(letters[i].base)) nucleus_begin = i;
  }
  if (nucleus_begin == count) return;
  for (size_t i = 0; i < nucleus_begin; ++i) {
    if (letters[i].quality != Quality::kNone || letters[i].tone != Tone::kNone) return;
  }
  // "qu" and "gi" before another vowel: the u / i is part of the initial consonant.
  if (nucleus_begin > 0 && nucleus_begin + 1 < count &&
      IsVowelBase(letters[nucleus_begin + 1].base) && letters[nucleus_begin].tone == Tone::kNone &&
      letters[nucleus_begin].quality == Quality::kNone) {
    char32_t initial = letters[nucleus_begin - 1].base;
    char32_t vowel = letters[nucleus_begin].base;
    if ((initial == U'q' && vowel == U'u') || (initial == U'g' && vowel == U'i')) ++nucleus_begin;
  }
  size_t nucleus_end = nucleus_begin;
  while (nucleus_end < count && IsVowelBase(letters[nucleus_end].base)) ++nucleus_end;
  if (!IsValidFinal(letters, nucleus_end, count)) return;
  size_t nucleus_length = nucleus_end - nucleus_begin;
  if (nucleus_length > 3) return;
  bool has_final = nucleus_end < count;

  // i/y: a lone i after h, k, l, m, s, t, v, qu with no final is written y.
  if (complete && nucleus_length == 1 && !has_final && letters[nucleus_begin].base == U'i' &&
      IsInitialForIyVariant(letters, nucleus_begin)) {
    letters[nucleus_begin].base = U'y';
  }
  if (tone == Tone::kNone) return;

  size_t tone_at = nucleus_begin;
  bool found_marked = false;
  for (size_t i = nucleus_begin; i < nucleus_end; ++i) {
    if (letters[i].quality != Quality::kNone) {
      tone_at = i;
      found_marked = true;
    }
  }
  if (!found_marked) {
    if (has_final) {
      tone_at = nucleus_end - 1;
    } else if (nucleus_length == 3) {
      tone_at = nucleus_begin + 1;
    } else if (nucleus_length == 2) {
      char32_t first = letters[nucleus_begin].base;
      char32_t second = letters[nucleus_begin + 1].base;
      bool new_style_pair = (first == U'o' && (second == U'a' || second == U'e')) ||
                            (first == U'u' && second == U'y');
      tone_at = new_style_pair ? nucleus_begin + 1 : nucleus_begin;
    }
  }
  for (size_t i = 0; i < count; ++i) letters[i].tone = Tone::kNone;
  letters[tone_at].tone = tone;
}

}  // namespace vnsearch
