// name_tables: the data tables of article understanding (family names, places, unit kinds, role
// words, stop words, the cues around a person's or a place's name), parsed once from the
// compiled-in files under article/data/, and the look-ups the extractors make in them.
// Immutable after first use; thread-safe.
#ifndef VNSEARCH_ARTICLE_NAME_TABLES_H_
#define VNSEARCH_ARTICLE_NAME_TABLES_H_

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article/word_sequence.h"

namespace vnsearch {

// kParty: a Party organisation, named after the unit it serves ("Chi bộ Vụ …"). kOrgan: a
// national organ named by its kind alone ("Bộ Chính trị"). kNational: an organ that is a unit
// only with its country or place ("Quốc hội Mỹ", "Chính phủ Trung Quốc"). kUnit: the rest.
enum class UnitFamily { kParty, kOrgan, kNational, kUnit };

// A set of phrases of one or more words, matched on the words' exact terms in any case (or on
// their folded terms, without diacritics); the words of a phrase must be separated by spaces.
class PhraseSet {
 public:
  explicit PhraseSet(bool folded = false) : folded_(folded) {}
  void Add(const std::string& phrase);
  // The number of words of the longest phrase that starts at words[i], or 0.
  size_t LongestAt(const std::vector<Word>& words, size_t i) const;
  // The number of words of the longest phrase that ends right before words[end], or 0.
  size_t LongestEndingAt(const std::vector<Word>& words, size_t end) const;
  bool Contains(const std::string& exact_words) const { return phrases_.count(exact_words) != 0; }

 private:
  const std::string& TermOf(const Word& word) const { return folded_ ? word.folded : word.exact; }

  bool folded_;
  std::unordered_set<std::string> phrases_;      // terms joined by single spaces
  std::unordered_set<std::string> first_terms_;  // so that most words are rejected at once
  std::unordered_set<std::string> last_terms_;
  size_t max_words_ = 0;
};

class NameTables {
 public:
  static const NameTables& Get();

  bool IsSurname(const Word& word) const { return word.capitalized && surnames_.count(word.exact); }
  bool IsForeignGivenName(const Word& word) const {
    return word.capitalized && foreign_given_names_.count(word.exact) != 0;
  }
  // A family name from outside Vietnam, the last word of a name written in Western order
  // ("Smith", "Rossi"), or a foreign word with the ending of one ("Djokovic", "Rodriguez").
  bool IsForeignFamilyName(const Word& word) const;
  // A Korean, Japanese or Chinese family name, written first: "Park", "Zhang".
  bool IsEastAsianFamilyName(const Word& word) const {
    return word.capitalized && east_asian_family_names_.count(word.exact) != 0;
  }
  // "Bank", "Group": a word that ends a firm's or a publication's name, not a person's.
  bool IsForeignOrgWord(const Word& word) const {
    return word.capitalized && foreign_org_words_.count(word.exact) != 0;
  }
  bool IsStopWord(const Word& word) const { return stop_words_.count(word.exact) != 0; }
  // Whether a name of two or more words is a place. `folded_words`: its folded terms joined by
  // single spaces ("ha noi"), so that a missing accent ("Hồ Chi Minh") is still the place.
  bool IsPlace(const std::string& folded_words) const {
    return multi_word_places_.Contains(folded_words);
  }
  // The number of words of the longest place name starting at words[i] ("Tây Ban Nha" → 3).
  size_t PlaceAt(const std::vector<Word>& words, size_t i) const {
    return std::max(single_word_places_.LongestAt(words, i),
                    multi_word_places_.LongestAt(words, i));
  }
  // Cues right before a capitalised name: a person's ("ông", "ca sĩ", "bị cáo"), a place's
  // ("đường", "tỉnh") or a named thing's ("giải", "tàu", "Trường THPT"). Each returns the cue's
  // length in words.
  size_t PersonCueEndingAt(const std::vector<Word>& words, size_t end) const {
    return person_cues_.LongestEndingAt(words, end);
  }
  // A form of address ("ông", "chị", "đồng chí"): it may stand before a given name alone.
  size_t AddressCueEndingAt(const std::vector<Word>& words, size_t end) const {
    return address_cues_.LongestEndingAt(words, end);
  }
  size_t AddressCueAt(const std::vector<Word>& words, size_t i) const {
    return address_cues_.LongestAt(words, i);
  }
  size_t PersonCueAt(const std::vector<Word>& words, size_t i) const {
    return person_cues_.LongestAt(words, i);
  }
  size_t PlaceCueEndingAt(const std::vector<Word>& words, size_t end) const {
    return place_cues_.LongestEndingAt(words, end);
  }
  size_t NamedThingCueEndingAt(const std::vector<Word>& words, size_t end) const {
    return named_thing_cues_.LongestEndingAt(words, end);
  }
  // The number of words of a field or fixed phrase of unit names starting at words[i] ("Giao
  // thông vận tải", "nhân dân tối cao"), or 0: capitalised, or a qualifier in any case.
  size_t UnitFieldAt(const std::vector<Word>& words, size_t i) const {
    size_t qualifier = unit_qualifiers_.LongestAt(words, i);
    if (i >= words.size() || !words[i].capitalized) return qualifier;
    return std::max(qualifier, unit_fields_.LongestAt(words, i));
  }
  // A verb of saying right after a name ("cho biết", "nói"): the verb's length in words.
  size_t SpeechVerbAt(const std::vector<Word>& words, size_t i) const {
    return speech_verbs_.LongestAt(words, i);
  }

  // How many words the kind at words[i] spans when it opens a unit in lowercase ("trường",
  // "công an"), or 0.
  size_t LowercaseUnitKindAt(const std::vector<Word>& words, size_t i) const;

  // How many words the unit kind at words[i] spans ("Chi bộ" → 2), or 0 when none starts there
  // or a role does ("Vụ trưởng" is a role, not the unit "Vụ"). The kind must be capitalised
  // unless `any_case` ("Phó Bí thư chi bộ").
  size_t UnitKindAt(const std::vector<Word>& words, size_t i, UnitFamily* family = nullptr,
                    bool any_case = false) const;

  // How many words the role word at words[i] spans, with a leading Phó / Quyền / Nguyên
  // ("Phó Vụ trưởng" → 3), or 0.
  size_t RoleAt(const std::vector<Word>& words, size_t i) const;

  // The kinds of unit the role word at words[i] heads when it stands alone, as NameKey()s
  // ("Vụ trưởng" → {"vu"}); empty when it names none.
  std::vector<std::string> HeadedKindsAt(const std::vector<Word>& words, size_t i) const;

 private:
  NameTables();

  struct Phrase {
    std::vector<std::string> exact_words;
    UnitFamily family = UnitFamily::kUnit;
    bool opens_lowercase = false;
    bool abbreviation = false;              // "UBND": matched in capitals
    std::vector<std::string> headed_kinds;  // for role words: the kinds of unit they head
  };
  using PhraseIndex = std::unordered_map<std::string, std::vector<Phrase>>;  // by first word
  static size_t MatchPhrase(const std::vector<Word>& words, size_t i, const Phrase& phrase);
  static const std::vector<Phrase>& PhrasesAt(const PhraseIndex& index,
                                              const std::vector<Word>& words, size_t i);

  std::unordered_set<std::string> surnames_;
  std::unordered_set<std::string> foreign_given_names_;
  std::unordered_set<std::string> foreign_family_names_;
  std::vector<std::string> foreign_family_name_endings_;  // "ov", "ez", "sson"
  std::unordered_set<std::string> east_asian_family_names_;
  std::unordered_set<std::string> foreign_org_words_;
  std::unordered_set<std::string> stop_words_;
  PhraseSet single_word_places_;                  // "Mỹ", "Nga": exact, as "Nga" is a name too
  PhraseSet multi_word_places_{/*folded=*/true};  // "Hà Nội", also without its accents
  PhraseSet person_cues_;
  PhraseSet address_cues_;
  PhraseSet place_cues_;
  PhraseSet named_thing_cues_;
  PhraseSet speech_verbs_;
  PhraseSet unit_fields_;
  PhraseSet unit_qualifiers_;
  PhraseIndex unit_kinds_;
  PhraseIndex role_words_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_NAME_TABLES_H_
