// person_extractor: the people an article names, with their roles. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_PERSON_EXTRACTOR_H_
#define VNSEARCH_ARTICLE_PERSON_EXTRACTOR_H_

#include <vector>

#include "article/article.h"
#include "article/word_sequence.h"

namespace vnsearch {

// A candidate name is 2–4 capitalised words starting with a family name (article/data/
// surnames.txt) that is not a place (article/data/places.txt). It is a person when the text
// marks it as one somewhere: an honorific or address before it (đồng chí, ông, bà, TS, PGS.TS…),
// a role before it ("Thứ trưởng Bộ KH&CN Lê Xuân Định"), a role in apposition after it
// (", Bí thư Chi bộ", " - Giám đốc Sở") or an election to a role ("… giữ chức Bí thư").
// Roles come from those same places. Persons are listed in order of first mention.
std::vector<Person> ExtractPersons(const std::vector<Word>& words);

// The end of the role phrase starting at words[begin] (a role word and the unit it names:
// "Phó Vụ trưởng Vụ Khoa học và Công nghệ"), or `begin` when no role starts there.
size_t RoleEnd(const std::vector<Word>& words, size_t begin);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_PERSON_EXTRACTOR_H_
