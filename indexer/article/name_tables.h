// name_tables: the data tables of article understanding (family names, places, unit kinds, role
// words, stop words), parsed once from the compiled-in files under article/data/, and the
// look-ups the extractors make in them. Immutable after first use; thread-safe.
#ifndef VNSEARCH_ARTICLE_NAME_TABLES_H_
#define VNSEARCH_ARTICLE_NAME_TABLES_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article/word_sequence.h"

namespace vnsearch {

enum class UnitFamily { kParty, kOrgan, kUnit };

class NameTables {
 public:
  static const NameTables& Get();

  bool IsSurname(const Word& word) const { return word.capitalized && surnames_.count(word.exact); }
  bool IsStopWord(const Word& word) const { return stop_words_.count(word.exact) != 0; }
  // `exact_words`: the name's exact terms joined by single spaces ("hà nội").
  bool IsPlace(const std::string& exact_words) const { return places_.count(exact_words) != 0; }

  // How many words the unit kind at words[i] spans ("Chi bộ" → 2), or 0 when none starts there
  // or a role does ("Vụ trưởng" is a role, not the unit "Vụ"). The kind must be capitalised
  // unless `any_case` ("Phó Bí thư chi bộ").
  size_t UnitKindAt(const std::vector<Word>& words, size_t i, UnitFamily* family = nullptr,
                    bool any_case = false) const;

  // How many words the role word at words[i] spans, with a leading Phó / Quyền / Nguyên
  // ("Phó Vụ trưởng" → 3), or 0.
  size_t RoleAt(const std::vector<Word>& words, size_t i) const;

 private:
  NameTables();

  struct Phrase {
    std::vector<std::string> exact_words;
    UnitFamily family = UnitFamily::kUnit;
  };
  // Phrases by their first exact word, each list in table order (the first of the longest wins).
  using PhrasesByFirstWord = std::unordered_map<std::string, std::vector<Phrase>>;
  static size_t MatchPhrase(const std::vector<Word>& words, size_t i, const Phrase& phrase);
  static void AddPhrase(Phrase phrase, PhrasesByFirstWord* phrases);
  static const std::vector<Phrase>& StartingAt(const PhrasesByFirstWord& phrases, const Word& word);

  std::unordered_set<std::string> surnames_;
  std::unordered_set<std::string> places_;
  std::unordered_set<std::string> stop_words_;
  PhrasesByFirstWord unit_kinds_;
  PhrasesByFirstWord role_words_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_NAME_TABLES_H_
