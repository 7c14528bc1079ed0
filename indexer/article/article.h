// article: what vnsearch knows about one news article, from its raw text to its fields and the
// entities it names. Plain value types; the parser that fills them lives in article_parser.
#ifndef VNSEARCH_ARTICLE_ARTICLE_H_
#define VNSEARCH_ARTICLE_ARTICLE_H_

#include <string>
#include <vector>

namespace vnsearch {

// A person the article names, with the positions it gives them.
struct Person {
  std::string name;                // full name, canonical spelling: "Trần Bình Trọng"
  std::vector<std::string> roles;  // "Bí thư Chi bộ", "Vụ trưởng Vụ Khoa học và Công nghệ"
};

// An organisation unit the article names.
struct Unit {
  std::string name;    // full canonical name, abbreviations spelled out
  std::string parent;  // the larger unit the text places it in, or ""
};

// Who held which role in which unit, and for which term, as one article reports it.
struct RoleFact {
  std::string person;  // canonical name: "Trần Bình Trọng"
  std::string role;  // the bare title: "Bí thư", "Phó Vụ trưởng", "Ủy viên Ban Thường vụ"
  std::string unit;  // the full canonical unit: "Chi bộ Vụ Khoa học và Công nghệ", or ""
  std::string term;  // "2022-2025" when the article ties the role to a term, else ""
  bool elected = false;  // the article reports the election ("được bầu giữ chức …")
};

struct Article {
  std::string id;      // stable identifier: path relative to the corpus root, without ".txt"
  std::string title;   // the headline as written
  std::string date;    // publication date, ISO 8601 "YYYY-MM-DD", or empty when unknown
  std::string source;  // site, section or agency, when the text names one
  std::string author;  // byline, when the text has one
  std::string body;    // the article text as written, without site chrome and boilerplate

  std::vector<std::string> terms;  // terms of office, "YYYY-YYYY", in order of mention
  std::vector<Person> persons;
  std::vector<Unit> units;
  std::string main_unit;  // the unit whose congress or conference the article reports
  std::vector<RoleFact> role_facts;
};

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_ARTICLE_H_
