// article: what vnsearch knows about one news article, from its raw text to its fields.
// A plain value type; the parser that fills it lives in article_parser.
#ifndef VNSEARCH_ARTICLE_ARTICLE_H_
#define VNSEARCH_ARTICLE_ARTICLE_H_

#include <string>

namespace vnsearch {

struct Article {
  std::string id;      // stable identifier: path relative to the corpus root, without ".txt"
  std::string title;   // the headline as written
  std::string date;    // ISO 8601 "YYYY-MM-DD", or empty when unknown
  std::string source;  // site or section, when the text names one
  std::string author;  // byline, when the text has one
  std::string body;    // the article text as written (display and snippets)
};

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_ARTICLE_H_
