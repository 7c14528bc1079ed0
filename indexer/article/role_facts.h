// role_facts: who held which role, in which unit, for which term, as one article reports it —
// the role phrases found next to persons, each split into its bare title and its unit, the unit
// resolved from the sentence and the article. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_ROLE_FACTS_H_
#define VNSEARCH_ARTICLE_ROLE_FACTS_H_

#include <vector>

#include "article/article.h"
#include "article/person_extractor.h"
#include "article/word_sequence.h"

namespace vnsearch {

// The facts of `mentions` (from ExtractPersons over `words`), one per person, title, unit and
// term. `article` gives the context a role needs to name its unit: its units (with main_unit)
// and terms. A role's unit is:
// - the unit its phrase names: "Vụ trưởng Vụ Khoa học và Công nghệ", "Chánh Văn phòng Đảng -
//   Đoàn thể Bộ TN&MT" (the kind inside the title belongs to the unit);
// - for a Party body named by its kind alone ("Bí thư Chi bộ", "Bí thư Đảng ủy"), that body of
//   the organisation another role of the same person names ("Bí thư Đảng uỷ, Giám đốc Sở KH&CN"
//   → "Đảng uỷ Sở Khoa học và Công nghệ"), else the article's unit of that kind (its main unit
//   first: the congress it reports), else that body of the article's organisation of the kind
//   named ("Bí thư Đảng ủy Bộ" → "Đảng ủy Bộ Khoa học và Công nghệ");
// - for a title alone ("Vụ trưởng", "Giám đốc"), the unit of the kind it heads that another role
//   of the same person names, or the article's main unit when it is of that kind;
// - else "".
// The term is the one written after the role ("… nhiệm kỳ 2022 - 2025"); an election the article
// reports without one is to the term of the congress it reports (the headline's, else the
// latest).
std::vector<RoleFact> ResolveRoleFacts(const std::vector<Word>& words,
                                       const std::vector<RoleMention>& mentions,
                                       const Article& article);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_ROLE_FACTS_H_
