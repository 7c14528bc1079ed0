// term_extractor: the terms of office (nhiệm kỳ) an article mentions, as "YYYY-YYYY".
// Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_TERM_EXTRACTOR_H_
#define VNSEARCH_ARTICLE_TERM_EXTRACTOR_H_

#include <string>
#include <vector>

#include "article/word_sequence.h"

namespace vnsearch {

// Every "nhiệm kỳ Y1-Y2" (any dash, any spacing: "2022 – 2025", "2020- 2022", "Nhiệm kỳ
// 2015 - 2020"), in order of first mention, without repeats. A year pair without "nhiệm kỳ"
// just before it (a plan period: "giai đoạn 2021-2025") is not a term of office.
std::vector<std::string> ExtractTerms(const std::vector<Word>& words);

// The start year of the latest term in `terms` ("2022-2025" → 2022), or 0: the year a congress
// that elects that term is held.
int CongressYear(const std::vector<std::string>& terms);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_TERM_EXTRACTOR_H_
