// article_parser: turns the raw scraped text of one article into an Article.
// Pure: text in, fields out; thread-safe.
#ifndef VNSEARCH_ARTICLE_ARTICLE_PARSER_H_
#define VNSEARCH_ARTICLE_ARTICLE_PARSER_H_

#include <string>
#include <string_view>

#include "article/article.h"

namespace vnsearch {

// Parses `raw_text` (UTF-8, one article) into fields. `article_id` is copied into the result.
// The title is the first line that reads like a headline rather than site chrome (a date line,
// a section name); the body is the text after it.
Article ParseArticle(std::string article_id, std::string_view raw_text);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_ARTICLE_PARSER_H_
