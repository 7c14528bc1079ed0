// characters: what a dash, a space and a gap's one punctuation mark are, in one place, from ICU's
// character properties — the analyzer and every extractor ask here, so "–", "—" and "-" or a
// no-break space are read alike everywhere. Pure; thread-safe.
#ifndef VNSEARCH_ANALYSIS_CHARACTERS_H_
#define VNSEARCH_ANALYSIS_CHARACTERS_H_

#include <cstdint>
#include <string_view>

namespace vnsearch {

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
