// json_article: an article as a writer sends it in JSON — POST/PUT /api/articles and
// vnsearch-index --jsonl — checked, turned into the corpus file it is kept as, and into the
// article it is indexed as. One code path for both, so an article imported in bulk is stored and
// indexed exactly as one written over HTTP. Pure; thread-safe.
#ifndef VNSEARCH_INDEX_JSON_ARTICLE_H_
#define VNSEARCH_INDEX_JSON_ARTICLE_H_

#include <string>

#include "article/article.h"

namespace vnsearch {

// The fields a JSON write may set; all but `body` may be empty.
struct JsonArticle {
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD
  std::string source;
  std::string body;
};

// Reads `json_text`, one object {"id"?,"title"?,"date"?,"source"?,"body"}, into *article.
// Returns false, with *error saying what is wrong in words a writer can act on ("unknown field
// \"tags\": use id, title, date, source, body"), when it is not a usable article.
bool ReadJsonArticle(const std::string& json_text, JsonArticle* article, std::string* error);

// The corpus file that keeps `article`: a meta line (source, date) above the headline, as news
// sites write them, then the headline and the body, so that parsing the file gives the fields
// back and `vnsearch-index --rebuild` loses nothing.
std::string CorpusText(const JsonArticle& article);

// The id `article` is stored under: its own, else one made from its corpus file's content hash
// ("posted/<16 hex digits>").
std::string JsonArticleId(const JsonArticle& article, const std::string& content_hash);

// The article to index: `corpus_text` (CorpusText of `fields`) parsed as any corpus file, with
// the fields the writer gave explicitly winning over what parsing makes of them.
Article ParseJsonArticle(const std::string& article_id, const JsonArticle& fields,
                         const std::string& corpus_text);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_JSON_ARTICLE_H_
