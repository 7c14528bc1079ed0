// ner_eval: the person and unit facets measured on real news nobody here wrote (issue #10): the
// hand-tagged VLSP 2018 articles in ../shared/ner/, scored as that folder's README says, beside a
// naive "family name + capitalised words" baseline computed in the same run.
//
// Usage: ner_eval [--data FILE.jsonl] [--errors FILE] [--check | --floor]
//   --data    the tagged articles (default: ../shared/ner/vlsp2018-dev.jsonl beside the checkout)
//   --errors  writes every miss and every wrong extraction there, one a line, grouped by article
//   --check   exits 1 when a figure is below issue #10's aims (the ctest test: a change that
//             makes the facets worse on real news than the issue asks fails)
//   --floor   exits 1 when a figure falls below a little under what the rules reach today
// Exits 77 (ctest: skipped) when the data file is absent: a user's clone has none.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "article/article_parser.h"
#include "article/canonical_name.h"
#include "article/name_tables.h"
#include "article/word_sequence.h"

namespace vnsearch {
namespace {

using nlohmann::json;

constexpr int kSkipped = 77;

struct Aims {
  const char* name;
  double civic_person_f1;
  double all_person_f1;
  double civic_unit_f1;
  double person_precision;
};

// Issue #10's aims on the dev split (the ctest test holds them), and a floor a little under the
// dev figures of the rules as committed: persons F1 0.912 civic, 0.862 all, precision 0.922;
// units F1 0.851 civic.
constexpr Aims kIssueAims = {"issue #10 aims", 0.90, 0.85, 0.85, 0.90};
constexpr Aims kRegressionFloor = {"regression floor", 0.90, 0.855, 0.845, 0.90};

struct Score {
  size_t found = 0, found_right = 0, expected = 0, expected_found = 0;
  double Precision() const { return found == 0 ? 1.0 : double(found_right) / found; }
  double Recall() const { return expected == 0 ? 1.0 : double(expected_found) / expected; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// The domains of civic news, where the facets matter most (the README's list).
bool IsCivic(const std::string& domain) {
  static const std::set<std::string> kCivic = {"xa hoi",   "phap luat", "kinh te",
                                               "giao duc", "kh - cn",   "doi song"};
  std::string lower;
  for (char c : domain) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kCivic.count(lower) != 0;
}

// Diacritics and case removed, words joined by one space: how persons are compared.
std::string PersonKey(const std::string& name) {
  std::string key;
  for (const Word& word : SplitWords(name)) {
    if (!key.empty()) key += ' ';
    key += word.folded;
  }
  return key;
}

// Abbreviations spelled out, "và" and punctuation dropped, and "Trường Đại học X" ~ "Đại học X".
std::string UnitKey(const std::string& name) {
  std::string key = NameKey(name);
  if (key.rfind("truong dai hoc", 0) == 0) key.erase(0, 7);
  return key;
}

// `longer` is `shorter` plus trailing words ("so y te ha noi" ~ "so y te").
bool ExtendsAtWordBoundary(const std::string& longer, const std::string& shorter) {
  return longer.size() > shorter.size() && longer.compare(0, shorter.size(), shorter) == 0 &&
         longer[shorter.size()] == ' ';
}

bool EndsWithWords(const std::string& full, const std::string& tail) {
  return full.size() > tail.size() &&
         full.compare(full.size() - tail.size(), tail.size(), tail) == 0 &&
         full[full.size() - tail.size() - 1] == ' ';
}

// An extracted full name matches a gold mention that is the same or its last words.
bool PersonMatches(const std::string& found, const std::string& gold) {
  return found == gold || EndsWithWords(found, gold);
}

bool UnitMatches(const std::string& found, const std::string& gold) {
  return found == gold || ExtendsAtWordBoundary(found, gold) || ExtendsAtWordBoundary(gold, found);
}

// Gold organisations that start with a unit kind: state, Party and public bodies, not companies.
bool StartsWithUnitKind(const std::string& unit_key) {
  static const std::vector<std::string> kKinds = {
      "bo",        "so",        "vien",          "vu",        "cuc",      "tong cuc",  "chi cuc",
      "uy ban",    "hoi dong",  "ban",           "dang bo",   "dang uy",  "chi bo",    "tinh uy",
      "thanh uy",  "huyen uy",  "quan uy",       "trung tam", "truong",   "hoc vien",  "dai hoc",
      "benh vien", "toa an",    "vien kiem sat", "cong an",   "quoc hoi", "chinh phu", "van phong",
      "phong",     "lien minh", "lien hiep",     "mat tran",  "hoi",      "doan",      "thanh doan",
      "tinh doan", "ubnd",      "hdnd"};
  for (const std::string& kind : kKinds) {
    if (unit_key == kind || unit_key.rfind(kind + " ", 0) == 0) return true;
  }
  return false;
}

// The baseline: every run of 2–4 capitalised words that starts with a family name.
std::set<std::string> BaselinePersons(const std::vector<Word>& words) {
  const NameTables& tables = NameTables::Get();
  std::set<std::string> persons;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!tables.IsSurname(words[i])) continue;
    size_t end = i + 1;
    while (end < words.size() && end - i < 4 && words[end].capitalized && !words[end].all_caps &&
           IsSpaceOnly(words[end].gap)) {
      ++end;
    }
    if (end - i < 2) continue;
    persons.insert(PersonKey(JoinWords(words, i, end)));
    i = end - 1;
  }
  return persons;
}

// The baseline: a capitalised unit kind and the capitalised words after it.
std::set<std::string> BaselineUnits(const std::vector<Word>& words) {
  const NameTables& tables = NameTables::Get();
  std::set<std::string> units;
  for (size_t i = 0; i < words.size(); ++i) {
    size_t kind = tables.UnitKindAt(words, i);
    if (kind == 0) continue;
    size_t end = i + kind;
    while (end < words.size() && (words[end].capitalized || words[end].all_caps) &&
           IsSpaceOnly(words[end].gap)) {
      ++end;
    }
    if (end == i + kind) continue;
    units.insert(UnitKey(JoinWords(words, i, end)));
    i = end - 1;
  }
  return units;
}

struct Tally {
  Score persons, units;
};

struct Errors {
  std::vector<std::string> lines;
  void Add(const std::string& doc, const char* what, const std::string& text) {
    lines.push_back(doc + "\t" + what + "\t" + text);
  }
};

// Scores one article's `found` names against the gold: an extraction is right when it matches a
// name of `gold_for_precision`, a gold name of `gold_for_recall` is found when one matches it.
template <typename Matches>
void ScoreNames(const std::set<std::string>& gold_for_recall,
                const std::set<std::string>& gold_for_precision, const std::set<std::string>& found,
                Matches matches, const char* facet, Score* score, Errors* errors,
                const std::string& doc) {
  for (const std::string& name : found) {
    bool right = false;
    for (const std::string& expected : gold_for_precision) right = right || matches(name, expected);
    score->found_right += right;
    if (!right && errors) errors->Add(doc, (std::string(facet) + "-wrong").c_str(), name);
  }
  for (const std::string& expected : gold_for_recall) {
    bool matched = false;
    for (const std::string& name : found) matched = matched || matches(name, expected);
    score->expected_found += matched;
    if (!matched && errors) errors->Add(doc, (std::string(facet) + "-missed").c_str(), expected);
  }
  score->found += found.size();
  score->expected += gold_for_recall.size();
}

void PrintRow(const char* label, const Score& score) {
  std::printf("  %-26s P %.3f  R %.3f  F1 %.3f   (%zu found, %zu right; %zu gold, %zu found)\n",
              label, score.Precision(), score.Recall(), score.F1(), score.found, score.found_right,
              score.expected, score.expected_found);
}

std::string DefaultDataPath() {
  return std::string(VNSEARCH_SOURCE_DIR) + "/../shared/ner/vlsp2018-dev.jsonl";
}

int Run(int argc, char** argv) {
  std::string data_path = DefaultDataPath();
  std::string errors_path;
  const Aims* required = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--data" && i + 1 < argc) {
      data_path = argv[++i];
    } else if (flag == "--errors" && i + 1 < argc) {
      errors_path = argv[++i];
    } else if (flag == "--check") {
      required = &kIssueAims;
    } else if (flag == "--floor") {
      required = &kRegressionFloor;
    } else {
      std::fprintf(stderr,
                   "usage: ner_eval [--data FILE.jsonl] [--errors FILE] [--check | --floor]\n");
      return 2;
    }
  }
  std::ifstream in(data_path);
  if (!in) {
    std::printf(
        "ner_eval: no tagged articles at %s (the VLSP 2018 data in ../shared/ner/); "
        "skipped\n",
        data_path.c_str());
    return kSkipped;
  }
  Tally civic, all, baseline_civic, baseline_all;
  Errors errors;
  std::string line;
  size_t articles = 0;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    json doc = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.contains("text")) {
      std::fprintf(stderr, "ner_eval: %s:%zu: not a tagged article; skipped\n", data_path.c_str(),
                   line_number);
      continue;
    }
    ++articles;
    std::string doc_id = doc.value("doc", std::to_string(line_number));
    std::string text = doc["text"];
    std::set<std::string> gold_persons, gold_units_all, gold_units_kind;
    for (const json& entity : doc["entities"]) {
      std::string type = entity["type"];
      std::string entity_text = entity["text"];
      int depth = entity.value("depth", 0);
      if (type == "PERSON" && depth == 0) gold_persons.insert(PersonKey(entity_text));
      if (type == "ORGANIZATION") {
        std::string key = UnitKey(entity_text);
        gold_units_all.insert(key);
        if (depth == 0 && StartsWithUnitKind(key)) gold_units_kind.insert(key);
      }
    }
    Article article = ParseArticle("vlsp", text);
    std::set<std::string> found_persons, found_units;
    for (const Person& person : article.persons) found_persons.insert(PersonKey(person.name));
    for (const Unit& unit : article.units) found_units.insert(UnitKey(unit.name));
    std::vector<Word> words = SplitWords(text);
    std::set<std::string> naive_persons = BaselinePersons(words);
    std::set<std::string> naive_units = BaselineUnits(words);

    bool is_civic = IsCivic(doc.value("domain", ""));
    for (Tally* tally : {&all, is_civic ? &civic : nullptr}) {
      if (tally == nullptr) continue;
      Errors* error_list = tally == &all ? &errors : nullptr;
      ScoreNames(gold_persons, gold_persons, found_persons, PersonMatches, "person",
                 &tally->persons, error_list, doc_id);
      ScoreNames(gold_units_kind, gold_units_all, found_units, UnitMatches, "unit", &tally->units,
                 error_list, doc_id);
    }
    for (Tally* tally : {&baseline_all, is_civic ? &baseline_civic : nullptr}) {
      if (tally == nullptr) continue;
      ScoreNames(gold_persons, gold_persons, naive_persons, PersonMatches, "person",
                 &tally->persons, nullptr, doc_id);
      ScoreNames(gold_units_kind, gold_units_all, naive_units, UnitMatches, "unit", &tally->units,
                 nullptr, doc_id);
    }
  }
  std::printf("ner_eval: %zu articles from %s\n", articles, data_path.c_str());
  std::printf("persons, civic domains\n");
  PrintRow("vnsearch", civic.persons);
  PrintRow("naive baseline", baseline_civic.persons);
  std::printf("persons, all domains\n");
  PrintRow("vnsearch", all.persons);
  PrintRow("naive baseline", baseline_all.persons);
  std::printf("units, civic domains\n");
  PrintRow("vnsearch", civic.units);
  PrintRow("naive baseline", baseline_civic.units);
  std::printf("units, all domains\n");
  PrintRow("vnsearch", all.units);
  PrintRow("naive baseline", baseline_all.units);

  if (!errors_path.empty()) {
    std::ofstream out(errors_path);
    for (const std::string& error : errors.lines) out << error << '\n';
    if (!out) {
      std::fprintf(stderr, "ner_eval: could not write %s\n", errors_path.c_str());
      return 2;
    }
    std::printf("ner_eval: %zu errors listed in %s\n", errors.lines.size(), errors_path.c_str());
  }
  bool met_all = true;
  for (const Aims* aims : {&kIssueAims, &kRegressionFloor}) {
    bool met = civic.persons.F1() >= aims->civic_person_f1 &&
               all.persons.F1() >= aims->all_person_f1 && civic.units.F1() >= aims->civic_unit_f1 &&
               all.persons.Precision() >= aims->person_precision;
    std::printf(
        "ner_eval: %s (persons F1 civic >= %g, all >= %g, precision >= %g; units "
        "F1 civic >= %g): %s\n",
        aims->name, aims->civic_person_f1, aims->all_person_f1, aims->person_precision,
        aims->civic_unit_f1, met ? "met" : "NOT met");
    if (aims == required) met_all = met;
  }
  return required == nullptr || met_all ? 0 : 1;
}

}  // namespace
}  // namespace vnsearch

int main(int argc, char** argv) { return vnsearch::Run(argc, argv); }
