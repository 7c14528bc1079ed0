// name_tables: every table entry goes through the analyzer, so entries match the article's words
// whatever their tone placement ("Đảng ủy" = "Đảng uỷ") or normalisation form.

#include "article/name_tables.h"

#include <algorithm>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/utf8.h"
#include "article/canonical_name.h"

namespace vnsearch {

const char* SurnameTableText();
const char* PlaceTableText();
const char* UnitKindTableText();
const char* RoleWordTableText();
const char* StopWordTableText();
const char* PersonCueTableText();
const char* ForeignGivenNameTableText();
const char* ForeignFamilyNameTableText();
const char* ForeignOrgWordTableText();
const char* PlaceCueTableText();
const char* SpeechVerbTableText();
const char* UnitFieldTableText();

namespace {

// The non-comment, non-empty lines of a table, split at the first tab.
std::vector<std::pair<std::string, std::string>> TableLines(const char* text) {
  std::vector<std::pair<std::string, std::string>> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      lines.emplace_back(line, "");
    } else {
      lines.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
  }
  return lines;
}

std::string JoinedExact(const std::string& text) {
  std::string joined;
  for (const std::string& term : ExactTerms(text)) {
    if (!joined.empty()) joined += ' ';
    joined += term;
  }
  return joined;
}

// "UBND", "HTX": written in capitals in the table.
bool IsAbbreviation(const std::string& kind) {
  std::vector<Word> words = SplitWords(kind);
  return words.size() == 1 && words.front().all_caps;
}

// Shorter words with a family name's ending are as often places or common words ("Kiev",
// "Suez", "Season").
constexpr size_t kMinLettersWithFamilyEnding = 7;

size_t LetterCount(std::string_view text) {
  size_t count = 0;
  for (size_t offset = 0; offset < text.size(); ++count) NextCodePoint(text, &offset);
  return count;
}

bool IsRoleModifier(const Word& word) {
  return word.exact == "phó" || word.exact == "quyền" || word.exact == "nguyên";
}

}  // namespace

void PhraseSet::Add(const std::string& phrase) {
  std::vector<std::string> terms = folded_ ? FoldedTerms(phrase) : ExactTerms(phrase);
  if (terms.empty()) return;
  max_words_ = std::max(max_words_, terms.size());
  first_terms_.insert(terms.front());
  last_terms_.insert(terms.back());
  std::string joined;
  for (const std::string& term : terms) {
    if (!joined.empty()) joined += ' ';
    joined += term;
  }
  phrases_.insert(joined);
}

size_t PhraseSet::LongestAt(const std::vector<Word>& words, size_t i) const {
  if (i >= words.size() || !first_terms_.count(TermOf(words[i]))) return 0;
  size_t longest = 0;
  std::string joined;
  for (size_t k = i; k < words.size() && k - i < max_words_; ++k) {
    if (k > i) {
      if (!IsSpaceOnly(words[k].gap)) break;
      joined += ' ';
    }
    joined += TermOf(words[k]);
    if (phrases_.count(joined)) longest = k - i + 1;
  }
  return longest;
}

size_t PhraseSet::LongestEndingAt(const std::vector<Word>& words, size_t end) const {
  if (end == 0 || end > words.size() || !last_terms_.count(TermOf(words[end - 1]))) return 0;
  size_t longest = 0;
  std::string joined;
  for (size_t length = 1; length <= max_words_ && length <= end; ++length) {
    size_t k = end - length;
    if (length > 1 && !IsSpaceOnly(words[k + 1].gap)) break;
    joined = length == 1 ? TermOf(words[k]) : TermOf(words[k]) + ' ' + joined;
    if (phrases_.count(joined)) longest = length;
  }
  return longest;
}

bool NameTables::IsForeignFamilyName(const Word& word) const {
  if (!word.capitalized || word.all_caps || IsVietnameseSyllable(word)) return false;
  if (foreign_family_names_.count(word.exact)) return true;
  if (LetterCount(word.exact) < kMinLettersWithFamilyEnding) return false;
  for (const std::string& ending : foreign_family_name_endings_) {
    if (word.exact.size() > ending.size() &&
        word.exact.compare(word.exact.size() - ending.size(), ending.size(), ending) == 0) {
      return true;
    }
  }
  return false;
}

const NameTables& NameTables::Get() {
  static const NameTables* tables = new NameTables();
  return *tables;
}

NameTables::NameTables() {
  for (const auto& [surname, unused] : TableLines(SurnameTableText())) {
    surnames_.insert(JoinedExact(surname));
  }
  for (const auto& [place, unused] : TableLines(PlaceTableText())) {
    if (ExactTerms(place).size() == 1) {
      single_word_places_.Add(place);
    } else {
      multi_word_places_.Add(place);
    }
  }
  for (const auto& [cue, kind] : TableLines(PersonCueTableText())) {
    person_cues_.Add(cue);
    if (kind == "address") address_cues_.Add(cue);
  }
  for (const auto& [cue, kind] : TableLines(PlaceCueTableText())) {
    if (kind == "named") {
      named_thing_cues_.Add(cue);
    } else {
      place_cues_.Add(cue);
    }
  }
  for (const auto& [verb, unused] : TableLines(SpeechVerbTableText())) speech_verbs_.Add(verb);
  for (const auto& [field, kind] : TableLines(UnitFieldTableText())) {
    unit_fields_.Add(field);
    if (kind == "qualifier") unit_qualifiers_.Add(field);
  }
  for (const auto& [name, unused] : TableLines(ForeignGivenNameTableText())) {
    foreign_given_names_.insert(JoinedExact(name));
  }
  for (const auto& [name, kind] : TableLines(ForeignFamilyNameTableText())) {
    if (kind == "ending") {
      foreign_family_name_endings_.push_back(JoinedExact(name));
    } else if (kind == "first") {
      east_asian_family_names_.insert(JoinedExact(name));
    } else {
      foreign_family_names_.insert(JoinedExact(name));
    }
  }
  for (const auto& [word, unused] : TableLines(ForeignOrgWordTableText())) {
    foreign_org_words_.insert(JoinedExact(word));
  }
  for (const auto& [word, unused] : TableLines(StopWordTableText())) {
    stop_words_.insert(JoinedExact(word));
  }
  for (const auto& [kind, family] : TableLines(UnitKindTableText())) {
    Phrase phrase;
    phrase.exact_words = ExactTerms(kind);
    phrase.opens_lowercase = family.find(" lowercase") != std::string::npos;
    phrase.abbreviation = IsAbbreviation(kind);
    phrase.family = family.rfind("party", 0) == 0      ? UnitFamily::kParty
                    : family.rfind("organ", 0) == 0    ? UnitFamily::kOrgan
                    : family.rfind("national", 0) == 0 ? UnitFamily::kNational
                                                       : UnitFamily::kUnit;
    if (!phrase.exact_words.empty()) {
      unit_kinds_[phrase.exact_words.front()].push_back(std::move(phrase));
    }
  }
  for (const auto& [role, headed] : TableLines(RoleWordTableText())) {
    Phrase phrase{ExactTerms(role), UnitFamily::kUnit, false, false, {}};
    std::istringstream kinds(headed);
    for (std::string kind; std::getline(kinds, kind, ',');) {
      std::string key = NameKey(kind);
      if (!key.empty()) phrase.headed_kinds.push_back(key);
    }
    if (!phrase.exact_words.empty()) {
      role_words_[phrase.exact_words.front()].push_back(std::move(phrase));
    }
  }
}

const std::vector<NameTables::Phrase>& NameTables::PhrasesAt(const PhraseIndex& index,
                                                             const std::vector<Word>& words,
                                                             size_t i) {
  static const std::vector<Phrase> kNone;
  if (i >= words.size()) return kNone;
  auto found = index.find(words[i].exact);
  return found == index.end() ? kNone : found->second;
}

size_t NameTables::MatchPhrase(const std::vector<Word>& words, size_t i, const Phrase& phrase) {
  if (phrase.exact_words.empty() || i + phrase.exact_words.size() > words.size()) return 0;
  for (size_t k = 0; k < phrase.exact_words.size(); ++k) {
    if (words[i + k].exact != phrase.exact_words[k]) return 0;
    if (k > 0 && !IsSpaceOnly(words[i + k].gap)) return 0;
  }
  return phrase.exact_words.size();
}

size_t NameTables::UnitKindAt(const std::vector<Word>& words, size_t i, UnitFamily* family,
                              bool any_case) const {
  if (i >= words.size() || (!words[i].capitalized && !any_case)) return 0;
  if (PhrasesAt(unit_kinds_, words, i).empty() || RoleAt(words, i) > 0) return 0;
  size_t longest = 0;
  for (const Phrase& kind : PhrasesAt(unit_kinds_, words, i)) {
    // "TRƯỜNG TRUNG HỌC": a kind in capitals is shouted text, unless it is an abbreviation.
    if (words[i].all_caps && !kind.abbreviation) continue;
    size_t length = MatchPhrase(words, i, kind);
    if (length > longest) {
      longest = length;
      if (family != nullptr) *family = kind.family;
    }
  }
  return longest;
}

size_t NameTables::LowercaseUnitKindAt(const std::vector<Word>& words, size_t i) const {
  const std::vector<Phrase>& kinds = PhrasesAt(unit_kinds_, words, i);
  if (kinds.empty() || RoleAt(words, i) > 0) return 0;
  size_t longest = 0;
  for (const Phrase& kind : kinds) {
    if (kind.opens_lowercase) longest = std::max(longest, MatchPhrase(words, i, kind));
  }
  return longest;
}

std::vector<std::string> NameTables::HeadedKindsAt(const std::vector<Word>& words, size_t i) const {
  if (i < words.size() && IsRoleModifier(words[i]) && i + 1 < words.size()) ++i;
  const Phrase* longest = nullptr;
  for (const Phrase& role : PhrasesAt(role_words_, words, i)) {
    size_t length = MatchPhrase(words, i, role);
    if (length > 0 && (longest == nullptr || length > longest->exact_words.size())) {
      longest = &role;
    }
  }
  return longest == nullptr ? std::vector<std::string>() : longest->headed_kinds;
}

size_t NameTables::RoleAt(const std::vector<Word>& words, size_t i) const {
  size_t start = i;
  if (i < words.size() && IsRoleModifier(words[i]) && i + 1 < words.size() &&
      IsSpaceOnly(words[i + 1].gap)) {
    ++i;
  }
  size_t longest = 0;
  for (const Phrase& role : PhrasesAt(role_words_, words, i)) {
    longest = std::max(longest, MatchPhrase(words, i, role));
  }
  return longest == 0 ? 0 : longest + (i - start);
}

}  // namespace vnsearch
