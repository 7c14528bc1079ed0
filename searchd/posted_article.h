// posted_article: what the body of a write (POST or PUT /api/articles) says, checked — a JSON
// article {"id"?,"title"?,"date"?,"source"?,"body"} or scraped text — and the corpus file text
// it is kept as. Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_POSTED_ARTICLE_H_
#define VNSEARCH_SEARCHD_POSTED_ARTICLE_H_

#include <string>

namespace vnsearch {

struct PostedArticle {
  int status = 0;          // 0 when usable; else 400 or 415 with `error_code` and `message`
  std::string error_code;  // bad_article, unsupported_media_type
  std::string message;

  bool is_json = false;
  // What a JSON body said explicitly: wins over what parsing the text makes of it.
  std::string id, title, date, source;
  // The corpus file's text: the body as sent, or for JSON a meta line (source, date) and the
  // headline above the body, as news sites write them, so that parsing the file gives the same
  // fields back. Valid UTF-8.
  std::string text;
};

// Reads `body` as `content_type` says: application/json (any case, any parameters), or
// text/plain or none for text; any other type is refused (415).
PostedArticle ReadPostedArticle(const std::string& content_type, const std::string& body);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_POSTED_ARTICLE_H_
