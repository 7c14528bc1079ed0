// date_parser: the dates Vietnamese news pages write, as ISO 8601 "YYYY-MM-DD".
// Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_DATE_PARSER_H_
#define VNSEARCH_ARTICLE_DATE_PARSER_H_

#include <string>
#include <string_view>

namespace vnsearch {

// The first full date in `text` — "27/09/2022", "28/05/2020 - 22:16'", "ngày 27 tháng 9 năm
// 2022" — as "YYYY-MM-DD", or "" when there is none. Impossible dates (31/02) are skipped.
std::string FindFullDate(std::string_view text);

// The first day and month written without a year after "ngày" ("Ngày 19/8", "ngày 27/9"),
// completed with `year`, or "" when there is none or `year` is 0.
std::string FindDayMonth(std::string_view text, int year);

// True when `text` holds a time of day ("22:16", "09:01:33", "02:04 pm").
bool HasTimeOfDay(std::string_view text);

// "YYYY-MM-DD" for a valid date, else "".
std::string IsoDate(int year, int month, int day);

// True when `text` is exactly a valid date "YYYY-MM-DD" (the form IsoDate writes): the one check
// of a date given by a client, in an article's JSON or in a query parameter.
bool IsIsoDate(const std::string& text);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_DATE_PARSER_H_
