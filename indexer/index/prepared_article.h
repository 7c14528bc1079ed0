// prepared_article: everything the index writer needs to store one article, computed without
// touching the database — so that many articles can be prepared on many threads while a single
// writer applies them. Pure; thread-safe.
#ifndef VNSEARCH_INDEX_PREPARED_ARTICLE_H_
#define VNSEARCH_INDEX_PREPARED_ARTICLE_H_

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "article/article.h"

namespace vnsearch {

struct PreparedArticle {
  Article article;
  Xapian::Document document;
  std::string content_hash;
  // Facet value names to record as metadata (key, name).
  std::vector<std::pair<std::string, std::string>> facet_names;
};

// Parses `raw_text` as article `article_id` and builds its document.
PreparedArticle PrepareArticle(const std::string& article_id, const std::string& raw_text);

// Builds the document for an article already parsed (HTTP writes set some fields themselves).
PreparedArticle PrepareParsedArticle(Article article, const std::string& content_hash);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_PREPARED_ARTICLE_H_
