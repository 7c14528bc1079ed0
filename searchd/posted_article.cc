// posted_article: the media type picks the reading; either way the result is valid UTF-8, so
// that the corpus file written from it parses back to the same.

#include "searchd/posted_article.h"

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

}  // namespace

PostedArticle ReadPostedArticle(const std::string& content_type, const std::string& body) {
  std::string media_type = MediaType(content_type);
  PostedArticle article;
  if (media_type == "application/json") {
    article.is_json = true;
    std::string problem;
    if (!ReadJsonArticle(body, &article.fields, &problem)) {
      return Refused(400, "bad_article", problem);
    }
    article.text = CorpusText(article.fields);
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
