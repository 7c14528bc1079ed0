// canonical_name: built on word_sequence, so names are spelled exactly as the analyzer spells
// the words of the index.

#include "article/canonical_name.h"

#include <unicode/uchar.h>

#include "analysis/abbreviations.h"
#include "analysis/utf8.h"
#include "article/word_sequence.h"

namespace vnsearch {
namespace {

// Rebuilds `words` with each word replaced by `spell(word)`, gaps as JoinWords folds them.
template <typename Speller>
std::string Respell(const std::vector<Word>& words, Speller spell) {
  std::vector<Word> respelled = words;
  std::vector<std::string> spellings;
  spellings.reserve(words.size());
  for (const Word& word : words) spellings.push_back(spell(word));
  for (size_t i = 0; i < respelled.size(); ++i) respelled[i].text = spellings[i];
  return JoinWords(respelled, 0, respelled.size());
}

}  // namespace

std::string CanonicalName(std::string_view name) {
  return Respell(SplitWords(name), [](const Word& word) {
    if (word.all_caps || word.is_number || word.text.find_first_of("&/.-,") != std::string::npos) {
      return std::string(word.text);
    }
    return word.capitalized ? CapitalizeFirst(word.exact) : word.exact;
  });
}

// The expansion of the abbreviation `exact` ("tn&mt"), or "".
std::string ExpansionOf(const std::string& exact) {
  for (const AbbreviationGroup& group : AbbreviationGroups()) {
    for (const std::string& term : group.abbreviation_terms.exact) {
      if (term == exact) return group.expansion;
    }
  }
  return "";
}

std::string ExpandAbbreviations(std::string_view name) {
  std::vector<Word> words = SplitWords(name);
  // "KH và CN" is "KH&CN" written with the conjunction: join such triples first.
  std::vector<std::string> joined_spellings;
  joined_spellings.reserve(words.size());
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (!words[i].all_caps || words[i + 1].exact != "và" || !words[i + 2].all_caps) continue;
    std::string expansion = ExpansionOf(words[i].exact + "&" + words[i + 2].exact);
    if (expansion.empty()) continue;
    joined_spellings.push_back(expansion);
    words[i].text = joined_spellings.back();
    words[i].all_caps = false;
    words.erase(words.begin() + i + 1, words.begin() + i + 3);
  }
  return Respell(words, [](const Word& word) {
    std::string expansion = word.all_caps ? ExpansionOf(word.exact) : "";
    return expansion.empty() ? std::string(word.text) : expansion;
  });
}

std::string CapitalizeFirst(std::string_view text) {
  if (text.empty()) return std::string(text);
  size_t offset = 0;
  int32_t first = NextCodePoint(text, &offset);
  std::string capitalized;
  if (first < 0) return std::string(text);
  AppendUtf8(static_cast<char32_t>(u_toupper(first)), &capitalized);
  capitalized.append(text.substr(offset));
  return capitalized;
}

std::string NameKey(std::string_view name) {
  std::string expanded = ExpandAbbreviations(name);
  std::string key;
  for (const Word& word : SplitWords(expanded)) {
    if (word.folded == "va") continue;
    if (!key.empty()) key += ' ';
    key += word.folded;
  }
  return key;
}

}  // namespace vnsearch
