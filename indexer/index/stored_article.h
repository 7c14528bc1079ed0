// stored_article: how an article is kept in its Xapian document's data, and read back. Every
// field of Article in a compact binary form compressed with zstd, so that showing a page of hits
// costs a fast decompression and no JSON parsing; indexes written before this format hold the
// article as JSON, and DecodeStoredArticle reads those too.
#ifndef VNSEARCH_INDEX_STORED_ARTICLE_H_
#define VNSEARCH_INDEX_STORED_ARTICLE_H_

#include <string>
#include <string_view>

#include "article/article.h"

namespace vnsearch {

// The document data for `article`: a format byte (never '{'), then a zstd frame.
std::string EncodeStoredArticle(const Article& article);

// Reads document data written by EncodeStoredArticle, or the JSON object (ArticleToJson) of an
// older index, into *article. False, with *article left empty, when `data` is neither (a
// document of another program, or damaged).
bool DecodeStoredArticle(std::string_view data, Article* article);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_STORED_ARTICLE_H_
