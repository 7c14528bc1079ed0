// accent_candidates: enumerates the quality marks each letter can take (a ă â, e ê, o ô ơ, u ư,
// d đ) times the six tones, and spells each combination through the analyzer so that tone
// placement and composition are exactly the index's.

#include "analysis/accent_candidates.h"

#include <algorithm>

#include "analysis/analyzer.h"
#include "analysis/characters.h"
#include "analysis/letter_table.h"
#include "analysis/syllable.h"
#include "analysis/utf8.h"

namespace vnsearch {
namespace {

struct LetterChoice {
  char32_t base;
  Quality quality;
};

std::vector<LetterChoice> ChoicesFor(char letter) {
  switch (letter) {
    case 'a':
      return {{U'a', Quality::kNone}, {U'a', Quality::kBreve}, {U'a', Quality::kCircumflex}};
    case 'e':
      return {{U'e', Quality::kNone}, {U'e', Quality::kCircumflex}};
    case 'o':
      return {{U'o', Quality::kNone}, {U'o', Quality::kCircumflex}, {U'o', Quality::kHorn}};
    case 'u':
      return {{U'u', Quality::kNone}, {U'u', Quality::kHorn}};
    case 'd':
      return {{U'd', Quality::kNone}, {kSmallDBar, Quality::kNone}};
    default:
      return {{static_cast<char32_t>(letter), Quality::kNone}};
  }
}

std::string Spell(const std::vector<SyllableLetter>& letters) {
  std::string text;
  for (const SyllableLetter& letter : letters) {
    char32_t composed = ComposeLetter(letter.base, letter.quality, Tone::kNone);
    AppendUtf8(composed != 0 ? composed : letter.base, &text);
  }
  return text;
}

}  // namespace

std::vector<std::string> AccentCandidates(const std::string& folded_word) {
  if (folded_word.empty() || folded_word.size() > kMaxSyllableLetters) return {};
  std::vector<std::vector<LetterChoice>> choices;
  size_t combinations = 6;  // tones
  size_t first_vowel = folded_word.size();
  for (size_t i = 0; i < folded_word.size(); ++i) {
    char letter = folded_word[i];
    if (letter < 'a' || letter > 'z') return {};
    if (first_vowel == folded_word.size() && IsVowelBase(static_cast<char32_t>(letter))) {
      first_vowel = i;
    }
    choices.push_back(ChoicesFor(letter));
    combinations *= choices.back().size();
  }
  if (combinations > kMaxAccentCandidates) return {};
  std::vector<std::string> candidates;
  std::vector<size_t> pick(choices.size(), 0);
  while (true) {
    std::vector<SyllableLetter> letters(choices.size());
    for (size_t i = 0; i < choices.size(); ++i) {
      letters[i].base = choices[i][pick[i]].base;
      letters[i].quality = choices[i][pick[i]].quality;
    }
    std::string base_spelling = Spell(letters);
    for (int tone = 0; tone <= static_cast<int>(Tone::kDotBelow); ++tone) {
      if (tone != 0 && first_vowel == folded_word.size()) break;
      std::string written = base_spelling;
      if (tone != 0) {
        // Write the tone on the first vowel as a combining mark; the analyzer moves it to its
        // canonical place.
        static const char32_t kToneMarks[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
        std::string with_tone;
        size_t vowel_index = 0;
        for (size_t offset = 0; offset < written.size();) {
          size_t start = offset;
          NextCodePoint(written, &offset);
          with_tone.append(written, start, offset - start);
          if (vowel_index++ == first_vowel) AppendUtf8(kToneMarks[tone], &with_tone);
        }
        written = with_tone;
      }
      std::vector<std::string> terms = ExactTerms(written);
      if (terms.size() == 1) candidates.push_back(terms.front());
    }
    size_t position = 0;
    while (position < pick.size() && ++pick[position] == choices[position].size()) {
      pick[position++] = 0;
    }
    if (position == pick.size()) break;
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

}  // namespace vnsearch
