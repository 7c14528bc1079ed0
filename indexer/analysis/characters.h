// characters: what a dash, a space, a gap's one punctuation mark and the letter đ are, in one
// place, from ICU's character properties — the analyzer and every extractor ask here, so "–", "—"
// and "-" or a no-break space are read alike everywhere. Pure; thread-safe.
#ifndef VNSEARCH_ANALYSIS_CHARACTERS_H_
#define VNSEARCH_ANALYSIS_CHARACTERS_H_

#include <cstdint>
#include <string_view>

namespace vnsearch {

// The Vietnamese letter đ, as case folding leaves it (Đ, U+0110, folds to it). A letter of its
// own, not a d with a mark: Unicode gives it no decomposition, so stripping marks keeps it, and
// the folded term space spells it 'd' by name.
inline constexpr int32_t kSmallDBar = 0x0111;

// `folded_letter`, case-folded and without marks, as the folded term space spells it: đ is 'd'.
inline int32_t FoldDBar(int32_t folded_letter) {
  return folded_letter == kSmallDBar ? int32_t{'d'} : folded_letter;
}

// A dash of any kind: hyphen-minus, the Unicode dashes (‐ ‑ ‒ – — ―), the minus sign
// (ICU's Dash property).
bool IsDash(int32_t code_point);

// White space within a line (ICU's White_Space property, which holds the no-break space U+00A0
// that scraped text is full of), but not a line break.
bool IsSpaceInLine(int32_t code_point);

// The one mark `gap` holds besides spaces within a line (", ", " – ", "&"), a dash read as '-';
// -1 when it holds none, several, or a line break.
int32_t SoleMark(std::string_view gap);

// `text` without the spaces (no-break ones too) at its ends.
std::string_view TrimSpaces(std::string_view text);

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_CHARACTERS_H_
