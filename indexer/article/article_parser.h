// article_parser: turns the raw scraped text of one article into an Article — fields, a clean
// body and the entities it names. Pure: text in, article out; thread-safe.
#ifndef VNSEARCH_ARTICLE_ARTICLE_PARSER_H_
#define VNSEARCH_ARTICLE_ARTICLE_PARSER_H_

#include <string>
#include <string_view>

#include "article/article.h"

namespace vnsearch {

// Parses `raw_text` (UTF-8, one article as scraped) into an Article with id `article_id`.
//
// Layout: site chrome above the headline (a section name, the site's clock), the headline (the
// first line that reads like one), meta lines right after it (date, source), the body, a byline
// (a short name line at the end), then site boilerplate (comment form, poll, "Các tin khác",
// teasers), which is dropped, as are image file names.
//
// Date: a labelled one ("Ngày đăng", "Cập nhật") wins; then a date line after the headline; then
// one before it; then "Ngày 19/8" in the body with the year of the congress's term of office.
Article ParseArticle(std::string article_id, std::string_view raw_text);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_ARTICLE_PARSER_H_
