// document_builder: turns an Article into the Xapian document vnsearch stores, following schema.
// Pure: no database access; thread-safe, so analysis can run on several threads at once.
#ifndef VNSEARCH_INDEX_DOCUMENT_BUILDER_H_
#define VNSEARCH_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "article/article.h"

namespace vnsearch {

// Builds the document: id term, exact and folded terms with positions for title and body,
// title-only terms, values, and the stored fields as JSON document data.
// `content_hash` identifies the source text (for incremental reindexing).
Xapian::Document BuildDocument(const Article& article, const std::string& content_hash);

// The metadata entries (key, name) that name the facet values of `article`: the index writer
// stores them so that searchd can show the ids it counts.
std::vector<std::pair<std::string, std::string>> FacetNames(const Article& article);

// Which of two spellings of one facet value is shown: the one with more words opening with a
// capital ("Chi cục Tiêu chuẩn Đo lường Chất lượng" over "… đo lường chất lượng": a unit's
// official name is title-cased), then the shorter, then the byte-wise smaller. A total order, so
// the name kept does not depend on the order articles are written in, nor on how the index is
// split into shards. Empty `current`: any other `candidate` wins; an empty `candidate` never
// does (a shard that does not name the value).
bool IsPreferredFacetName(const std::string& candidate, const std::string& current);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_DOCUMENT_BUILDER_H_
