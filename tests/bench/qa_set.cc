// qa_set: the three files of a set are the format of BEIR-style retrieval sets (corpus, queries,
// qrels), so further sets can be dropped in beside the first one without code changes.

#include "qa_set.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace vnsearch::bench {
namespace {

namespace fs = std::filesystem;

// Calls `use(line_number, object)` for every JSON object line of `path`.
template <typename Use>
void ForEachJsonLine(const std::string& path, std::vector<std::string>* errors, Use use) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors->push_back(path + ": cannot open");
    return;
  }
  size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) {
      errors->push_back(path + ":" + std::to_string(line_number) + ": not a JSON object");
      continue;
    }
    use(line_number, object);
  }
}

std::string StringField(const nlohmann::json& object, const char* name) {
  auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

}  // namespace

std::string DefaultQaFolder() {
  if (const char* folder = std::getenv("VNSEARCH_BENCH_QA"); folder && *folder) return folder;
  return std::string(VNSEARCH_SOURCE_DIR) + "/../shared/qa";
}

std::vector<std::string> ListQaSets(const std::string& folder) {
  std::vector<std::string> sets;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    if (fs::is_regular_file(path / "docs.jsonl") && fs::is_regular_file(path / "queries.jsonl") &&
        fs::is_regular_file(path / "qrels.tsv")) {
      sets.push_back(path.string());
    }
  }
  std::sort(sets.begin(), sets.end());
  return sets;
}

QaSet ReadQaSet(const std::string& set_folder, std::vector<std::string>* errors) {
  QaSet set;
  set.name = fs::path(set_folder).filename().string();
  std::string docs_path = set_folder + "/docs.jsonl";
  ForEachJsonLine(docs_path, errors, [&](size_t line_number, const nlohmann::json& object) {
    QaDocument document{StringField(object, "id"), StringField(object, "title"),
                        StringField(object, "text")};
    if (document.id.empty() || document.text.empty()) {
      errors->push_back(docs_path + ":" + std::to_string(line_number) +
                        ": needs a string \"id\" and a non-empty \"text\"");
      return;
    }
    set.documents.push_back(std::move(document));
  });

  std::map<std::string, std::set<std::string>> relevant_by_question;
  std::string qrels_path = set_folder + "/qrels.tsv";
  std::ifstream qrels(qrels_path);
  size_t line_number = 0;
  for (std::string line; std::getline(qrels, line);) {
    ++line_number;
    std::istringstream fields(line);
    std::string question_id, document_id;
    int grade = 0;
    if (!(fields >> question_id >> document_id >> grade)) {
      if (line_number > 1 || line.find("query") == std::string::npos) {  // a header is fine
        errors->push_back(qrels_path + ":" + std::to_string(line_number) +
                          ": want query-id TAB doc-id TAB grade");
      }
      continue;
    }
    if (grade > 0) relevant_by_question[question_id].insert(document_id);
  }

  std::string queries_path = set_folder + "/queries.jsonl";
  ForEachJsonLine(queries_path, errors, [&](size_t query_line, const nlohmann::json& object) {
    QaQuestion question{StringField(object, "id"), StringField(object, "text"), {}};
    auto relevant = relevant_by_question.find(question.id);
    if (question.id.empty() || question.text.empty()) {
      errors->push_back(queries_path + ":" + std::to_string(query_line) +
                        ": needs a string \"id\" and \"text\"");
      return;
    }
    if (relevant == relevant_by_question.end()) return;  // unjudged: not part of the evaluation
    question.relevant_ids = relevant->second;
    set.questions.push_back(std::move(question));
  });
  return set;
}

}  // namespace vnsearch::bench
