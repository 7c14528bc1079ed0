// prepared_article: parsing and document building — the expensive, pure part of indexing an
// article.

#include "index/prepared_article.h"

#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/document_builder.h"

namespace vnsearch {
PreparedArticle PrepareParsedArticle(Article article, const std::string& content_hash) {
  PreparedArticle prepared;
  prepared.document = BuildDocument(article, content_hash);
  prepared.facet_names = FacetNames(article);
  prepared.content_hash = content_hash;
  prepared.article = std::move(article);
  return prepared;
}

PreparedArticle PrepareArticle(const std::string& article_id, const std::string& raw_text) {
  return PrepareParsedArticle(ParseArticle(article_id, raw_text), ContentHash(raw_text));
}

}  // namespace vnsearch
