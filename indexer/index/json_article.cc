// json_article: moved here from searchd's article store when vnsearch-index learnt --jsonl, so
// that the two writers cannot drift apart.

#include "index/json_article.h"

#include <nlohmann/json.hpp>

#include "article/article_parser.h"
#include "article/date_parser.h"

namespace vnsearch {
namespace {

bool HasControlCharacter(const std::string& text) {
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return true;
  }
  return false;
}

}  // namespace

bool ReadJsonArticle(const std::string& json_text, JsonArticle* article, std::string* error) {
  nlohmann::json json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    *error = "not a JSON object: send {\"body\": \"…\", …}";
    return false;
  }
  for (const auto& [name, value] : json.items()) {
    std::string* field = name == "id"       ? &article->id
                         : name == "title"  ? &article->title
                         : name == "date"   ? &article->date
                         : name == "source" ? &article->source
                         : name == "body"   ? &article->body
                                            : nullptr;
    if (field == nullptr) {
      *error = "unknown field \"" + name + "\": use id, title, date, source, body";
      return false;
    }
    if (!value.is_string()) {
      *error = "field \"" + name + "\" must be a string";
      return false;
    }
    *field = value.get<std::string>();
  }
  if (article->body.find_first_not_of(" \t\r\n") == std::string::npos) {
    *error = "field \"body\" is required and must not be empty";
    return false;
  }
  // The title and the source are lines of the corpus file: a line break would change what
  // parsing the file gives back.
  for (const auto& [name, value] :
       {std::pair<const char*, const std::string*>{"title", &article->title},
        {"source", &article->source}}) {
    if (HasControlCharacter(*value)) {
      *error = std::string("field \"") + name + "\" must be one line, without control characters";
      return false;
    }
  }
  if (!article->date.empty() && !IsIsoDate(article->date)) {
    *error = "field \"date\" must be a date YYYY-MM-DD, not \"" + article->date + "\"";
    return false;
  }
  return true;
}

std::string CorpusText(const JsonArticle& article) {
  std::string text;
  if (!article.date.empty() || !article.source.empty()) {
    if (!article.source.empty()) text += article.source + " - ";
    if (!article.date.empty()) {
      text += "Ngày đăng: " + article.date.substr(8, 2) + "/" + article.date.substr(5, 2) + "/" +
              article.date.substr(0, 4);
    }
    text += "\n\n";
  }
  if (!article.title.empty()) text += article.title + "\n\n";
  text += article.body;
  if (text.back() != '\n') text += '\n';
  return text;
}

std::string JsonArticleId(const JsonArticle& article, const std::string& content_hash) {
  return !article.id.empty() ? article.id : "posted/" + content_hash.substr(0, 16);
}

Article ParseJsonArticle(const std::string& article_id, const JsonArticle& fields,
                         const std::string& corpus_text) {
  Article article = ParseArticle(article_id, corpus_text);
  if (!fields.title.empty()) article.title = fields.title;
  if (!fields.date.empty()) article.date = fields.date;
  if (!fields.source.empty()) article.source = fields.source;
  return article;
}

}  // namespace vnsearch
