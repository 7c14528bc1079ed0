// person_extractor: the people an article names, with their roles. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_PERSON_EXTRACTOR_H_
#define VNSEARCH_ARTICLE_PERSON_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"
#include "article/word_sequence.h"

namespace vnsearch {

// A role phrase in the text: words[begin..end) ("Bí thư Chi bộ", "Vụ trưởng Vụ Khoa học và
// Công nghệ"), whether the text reports an election to it, and the term written after it.
struct RoleSpan {
  size_t begin = 0;
  size_t end = 0;
  bool elected = false;
  std::string term;  // "2022-2025", or ""
};

// A role phrase found for a person: the person's canonical name and where the name stood.
struct RoleMention {
  std::string person;
  size_t name_begin = 0;  // the roles of one occurrence of a name share it
  RoleSpan role;
};

// Every person the article names, once each, under the fullest name the article gives them, in
// order of first mention. A capitalised stretch of words is a person's name when:
// - a cue stands right before it: a form of address, a title, a profession or a role ("ông",
//   "ca sĩ", "bị cáo", "Thứ trưởng Bộ KH&CN", "Tổng thống Mỹ"), article/data/person_cues.txt;
// - it is a Vietnamese name: a family name (article/data/surnames.txt) and 1–3 more words;
// - a verb of saying follows it ("… cho biết"), or an age ("(45 tuổi)", ", sinh năm 1980");
// - or it is the same name, or the last words of a name, found so elsewhere in the article
//   ("anh Tuấn" after "Nguyễn Anh Tuấn": one person).
// It is not a person's name when it is a place (article/data/places.txt) or stands where a
// place or a named thing does ("đường Lê Lợi", "Trường THPT Nguyễn Du", "giải Lê Văn Thiêm",
// "tàu Hoàng Sa"; article/data/place_cues.txt and the unit kinds). Roles come from the role
// before the name, roles in apposition after it and elections ("… giữ chức Bí thư").
// With `role_mentions`, also appends every role phrase found for a person, where it stands.
std::vector<Person> ExtractPersons(const std::vector<Word>& words,
                                   std::vector<RoleMention>* role_mentions = nullptr);

// The names in a byline ("Viết Tuân - Đoàn Loan", "Tuấn Anh (Theo AAP)", "Theo Hà Hà/Phụ nữ",
// "Hồng Nhung lược dịch"): what is left after sources, parentheses, notes and "Theo", when it
// reads like one or more names. With `require_marker`, a line of names alone is not enough
// (it may be a heading): a source, parentheses or "Theo" must say it is a byline.
std::vector<std::string> BylineNames(std::string_view byline, bool require_marker);

// The end of the role phrase starting at words[begin] (a role word and the unit it names:
// "Phó Vụ trưởng Vụ Khoa học và Công nghệ"), or `begin` when no role starts there.
size_t RoleEnd(const std::vector<Word>& words, size_t begin);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_PERSON_EXTRACTOR_H_
