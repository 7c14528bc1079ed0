// name_tables: every table entry goes through the analyzer, so entries match the article's words
// whatever their tone placement ("Đảng ủy" = "Đảng uỷ") or normalisation form.

#include "article/name_tables.h"

#include <sstream>

#include "analysis/analyzer.h"

namespace vnsearch {

const char* SurnameTableText();
const char* PlaceTableText();
const char* UnitKindTableText();
const char* RoleWordTableText();
const char* StopWordTableText();

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

bool IsRoleModifier(const Word& word) {
  return word.exact == "phó" || word.exact == "quyền" || word.exact == "nguyên";
}

}  // namespace

const NameTables& NameTables::Get() {
  static const NameTables* tables = new NameTables();
  return *tables;
}

NameTables::NameTables() {
  for (const auto& [surname, unused] : TableLines(SurnameTableText())) {
    surnames_.insert(JoinedExact(surname));
  }
  for (const auto& [place, unused] : TableLines(PlaceTableText())) places_.insert(JoinedExact(place));
  for (const auto& [word, unused] : TableLines(StopWordTableText())) {
    stop_words_.insert(JoinedExact(word));
  }
  for (const auto& [kind, family] : TableLines(UnitKindTableText())) {
    Phrase phrase;
    phrase.exact_words = ExactTerms(kind);
    phrase.family = family == "party"   ? UnitFamily::kParty
                    : family == "organ" ? UnitFamily::kOrgan
                                        : UnitFamily::kUnit;
    AddPhrase(std::move(phrase), &unit_kinds_);
  }
  for (const auto& [role, unused] : TableLines(RoleWordTableText())) {
    AddPhrase({ExactTerms(role), UnitFamily::kUnit}, &role_words_);
  }
}

void NameTables::AddPhrase(Phrase phrase, PhrasesByFirstWord* phrases) {
  if (phrase.exact_words.empty()) return;  // matches nothing
  std::string first_word = phrase.exact_words.front();
  (*phrases)[first_word].push_back(std::move(phrase));
}

const std::vector<NameTables::Phrase>& NameTables::StartingAt(const PhrasesByFirstWord& phrases,
                                                              const Word& word) {
  static const std::vector<Phrase> kNone;
  auto found = phrases.find(word.exact);
  return found == phrases.end() ? kNone : found->second;
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
  if (i >= words.size() || (!words[i].capitalized && !any_case) || RoleAt(words, i) > 0) {
    return 0;
  }
  size_t longest = 0;
  for (const Phrase& kind : StartingAt(unit_kinds_, words[i])) {
    size_t length = MatchPhrase(words, i, kind);
    if (length > longest) {
      longest = length;
      if (family != nullptr) *family = kind.family;
    }
  }
  return longest;
}

size_t NameTables::RoleAt(const std::vector<Word>& words, size_t i) const {
  size_t start = i;
  if (i < words.size() && IsRoleModifier(words[i]) && i + 1 < words.size() &&
      IsSpaceOnly(words[i + 1].gap)) {
    ++i;
  }
  size_t longest = 0;
  if (i >= words.size()) return 0;
  for (const Phrase& role : StartingAt(role_words_, words[i])) {
    longest = std::max(longest, MatchPhrase(words, i, role));
  }
  return longest == 0 ? 0 : longest + (i - start);
}

}  // namespace vnsearch
