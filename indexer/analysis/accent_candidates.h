// accent_candidates: every accented spelling a syllable typed without diacritics could stand for.
// "hoc" → học, hóc, hoc, hộc, …: the query side checks which exist in the index. Pure; thread-safe.
#ifndef VNSEARCH_ANALYSIS_ACCENT_CANDIDATES_H_
#define VNSEARCH_ANALYSIS_ACCENT_CANDIDATES_H_

#include <string>
#include <vector>

namespace vnsearch {

// The exact terms (canonical, as the analyzer spells them) whose folded form is `folded_word`.
// Includes `folded_word` itself. Empty when the word is not a plain ASCII syllable (digits,
// codes, more than kMaxSyllableLetters letters) or would have more than kMaxAccentCandidates
// spellings.
std::vector<std::string> AccentCandidates(const std::string& folded_word);

constexpr size_t kMaxSyllableLetters = 7;
constexpr size_t kMaxAccentCandidates = 512;

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_ACCENT_CANDIDATES_H_
