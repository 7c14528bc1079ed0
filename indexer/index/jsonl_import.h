// jsonl_import: reads JSON Lines of articles for vnsearch-index --jsonl — one object a line, with
// the fields of POST /api/articles — checking each line as an HTTP write is checked. Stateless
// functions; thread-safe.
#ifndef VNSEARCH_INDEX_JSONL_IMPORT_H_
#define VNSEARCH_INDEX_JSONL_IMPORT_H_

#include <string>
#include <vector>

#include "index/json_article.h"

namespace vnsearch {

// One usable line: the article, and the corpus file it is kept as.
struct ImportedArticle {
  std::string article_id;  // its "id", or one made from the content (JsonArticleId)
  JsonArticle fields;
  std::string corpus_text;   // CorpusText(fields)
  std::string content_hash;  // ContentHash(corpus_text)
  std::string origin;        // "FILE:LINE", for messages
};

// Reads the JSON Lines file at `path`. Returns its usable articles in order; each unusable line
// is described in *errors ("import.jsonl:7: field \"date\" must be a date YYYY-MM-DD, not
// \"7/6\"") and skipped, as is an article whose id a later line uses again (the later one
// wins). Blank lines are skipped silently; a file that cannot be read is one error.
std::vector<ImportedArticle> ReadJsonLines(const std::string& path,
                                           std::vector<std::string>* errors);

// Drops from `articles` every article but the last with each id (across files), describing each
// drop in *errors.
void KeepLastOfEachId(std::vector<ImportedArticle>* articles, std::vector<std::string>* errors);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_JSONL_IMPORT_H_
