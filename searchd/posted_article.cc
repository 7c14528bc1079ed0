// posted_article: JSON fields are strings, the date a real date, one-line fields one line, and
// the result valid UTF-8 — so that the corpus file written from it parses back to the same.

#include "searchd/posted_article.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "article/date_parser.h"
#include "index/corpus_reader.h"

namespace vnsearch {
namespace {

// The media type of a Content-Type value, lowercase, without parameters or spaces.
std::string MediaType(const std::string& content_type) {
  std::string media_type = content_type.substr(0, content_type.find(';'));
  size_t start = media_type.find_first_not_of(" \t");
  size_t end = media_type.find_last_not_of(" \t");
  if (start == std::string::npos) return "";
  media_type = media_type.substr(start, end - start + 1);
  for (char& c : media_type) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return media_type;
}

PostedArticle Refused(int status, const std::string& code, const std::string& message) {
  PostedArticle article;
  article.status = status;
  article.error_code = code;
  article.message = message;
  return article;
}

bool HasControlCharacter(const std::string& text) {
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return true;
  }
  return false;
}

// Fills `article` from a JSON body; returns what is wrong, or "".
std::string ReadJson(const std::string& body, PostedArticle* article) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) return "the body is not a JSON object: send {\"body\": \"…\", …}";
  std::string text_body;
  for (const auto& [name, value] : json.items()) {
    std::string* field = name == "id"       ? &article->id
                         : name == "title"  ? &article->title
                         : name == "date"   ? &article->date
                         : name == "source" ? &article->source
                         : name == "body"   ? &text_body
                                            : nullptr;
    if (field == nullptr)
      return "unknown field \"" + name + "\": use id, title, date, source, body";
    if (!value.is_string()) return "field \"" + name + "\" must be a string";
    *field = value.get<std::string>();
  }
  if (text_body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return "field \"body\" is required and must not be empty";
  }
  for (const auto& [name, value] :
       {std::pair<const char*, const std::string*>{"title", &article->title},
        {"source", &article->source}}) {
    if (HasControlCharacter(*value)) {
      return std::string("field \"") + name + "\" must be one line, without control characters";
    }
  }
  if (!article->date.empty()) {
    int year = 0, month = 0, day = 0;
    char extra = 0;
    if (article->date.size() != 10 ||
        std::sscanf(article->date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &extra) != 3 ||
        IsoDate(year, month, day) != article->date) {
      return "field \"date\" must be a date YYYY-MM-DD";
    }
  }
  std::string& text = article->text;
  if (!article->date.empty() || !article->source.empty()) {
    if (!article->source.empty()) text += article->source + " - ";
    if (!article->date.empty()) {
      text += "Ngày đăng: " + article->date.substr(8, 2) + "/" + article->date.substr(5, 2) + "/" +
              article->date.substr(0, 4);
    }
    text += "\n\n";
  }
  if (!article->title.empty()) text += article->title + "\n\n";
  text += text_body;
  if (text.back() != '\n') text += '\n';
  return "";
}

}  // namespace

PostedArticle ReadPostedArticle(const std::string& content_type, const std::string& body) {
  std::string media_type = MediaType(content_type);
  PostedArticle article;
  if (media_type == "application/json") {
    article.is_json = true;
    std::string problem = ReadJson(body, &article);
    if (!problem.empty()) return Refused(400, "bad_article", problem);
  } else if (media_type == "text/plain" || media_type.empty()) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Refused(400, "bad_article", "the article text is empty");
    }
    article.text = body;
  } else {
    return Refused(415, "unsupported_media_type",
                   "Content-Type " + media_type + ": send application/json or text/plain");
  }
  size_t invalid_at = FirstInvalidUtf8(article.text);
  if (invalid_at != std::string::npos) {
    return Refused(400, "bad_article",
                   "the article is not valid UTF-8 (byte " + std::to_string(invalid_at) + ")");
  }
  return article;
}

}  // namespace vnsearch
