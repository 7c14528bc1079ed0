// posted_article: what the body of a write (POST or PUT /api/articles) says, checked — a JSON
// article (index/json_article.h, the same reading as vnsearch-index --jsonl) or scraped text —
// and the corpus file text it is kept as. Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_POSTED_ARTICLE_H_
#define VNSEARCH_SEARCHD_POSTED_ARTICLE_H_

#include <string>

#include "index/json_article.h"

namespace vnsearch {

struct PostedArticle {
  int status = 0;          // 0 when usable; else 400 or 415 with `error_code` and `message`
  std::string error_code;  // bad_article, unsupported_media_type
  std::string message;

  bool is_json = false;
  JsonArticle fields;  // what a JSON body said (its fields win over what parsing makes of text)
  // The corpus file's text: the body as sent, or for JSON CorpusText(fields). Valid UTF-8.
  std::string text;
};

// Reads `body` as `content_type` says: application/json (any case, any parameters), or
// text/plain or none for text; any other type is refused (415).
PostedArticle ReadPostedArticle(const std::string& content_type, const std::string& body);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_POSTED_ARTICLE_H_
