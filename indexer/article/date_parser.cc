// date_parser: hand-written scanners over the few shapes dates take in the corpus, linear in the
// text (an article is untrusted input). Day-first throughout: Vietnamese writes 27/09/2022, never
// 09/27/2022.

#include "article/date_parser.h"

#include <cstdio>

#include "article/text_scan.h"

namespace vnsearch {
namespace {

using scan::DigitRun;
using scan::IsDigit;
using scan::SpaceRun;
using scan::StartsWith;
using scan::ToInt;

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// A date written with numbers and one of / . - between them.
struct DateMatch {
  int day = 0, month = 0, year = 0;
  size_t end = 0;  // just past the match
};

bool IsDateSeparator(char c) { return c == '/' || c == '.' || c == '-'; }

// "D[D]<sep>M[M]<sep>YYYY" at `at`, the year not followed by another digit.
bool NumericDateAt(std::string_view text, size_t at, DateMatch* match) {
  size_t day_digits = DigitRun(text, at, 3);
  if (day_digits < 1 || day_digits > 2) return false;
  size_t month_at = at + day_digits + 1;
  if (month_at > text.size() || !IsDateSeparator(text[month_at - 1])) return false;
  size_t month_digits = DigitRun(text, month_at, 3);
  if (month_digits < 1 || month_digits > 2) return false;
  size_t year_at = month_at + month_digits + 1;
  if (year_at > text.size() || !IsDateSeparator(text[year_at - 1])) return false;
  if (DigitRun(text, year_at, 5) != 4) return false;
  match->day = ToInt(text.substr(at, day_digits));
  match->month = ToInt(text.substr(month_at, month_digits));
  match->year = ToInt(text.substr(year_at, 4));
  match->end = year_at + 4;
  return true;
}

// "ngày" (or "Ngày") at `at`; returns the position after it and the white space that must
// follow, or npos.
size_t AfterNgay(std::string_view text, size_t at) {
  if (text[at] != 'N' && text[at] != 'n') return std::string_view::npos;
  if (!StartsWith(text, at + 1, "g\xC3\xA0y")) return std::string_view::npos;  // "gày"
  size_t after = at + 1 + 4;
  size_t spaces = SpaceRun(text, after);
  return spaces == 0 ? std::string_view::npos : after + spaces;
}

// One or two digits at `at` followed by white space; returns the position after the space.
size_t ShortNumberThenSpace(std::string_view text, size_t at, int* value) {
  size_t digits = DigitRun(text, at, 3);
  if (digits < 1 || digits > 2) return std::string_view::npos;
  size_t spaces = SpaceRun(text, at + digits);
  if (spaces == 0) return std::string_view::npos;
  *value = ToInt(text.substr(at, digits));
  return at + digits + spaces;
}

// `word` at `at` followed by white space; returns the position after the space, or npos.
size_t WordThenSpace(std::string_view text, size_t at, std::string_view word) {
  if (at == std::string_view::npos || !StartsWith(text, at, word)) return std::string_view::npos;
  size_t spaces = SpaceRun(text, at + word.size());
  return spaces == 0 ? std::string_view::npos : at + word.size() + spaces;
}

// "ngày D tháng M năm YYYY" at `at`.
bool WordDateAt(std::string_view text, size_t at, DateMatch* match) {
  size_t next = AfterNgay(text, at);
  if (next == std::string_view::npos) return false;
  next = ShortNumberThenSpace(text, next, &match->day);
  next = WordThenSpace(text, next, "th\xC3\xA1ng");  // "tháng"
  if (next == std::string_view::npos) return false;
  next = ShortNumberThenSpace(text, next, &match->month);
  next = WordThenSpace(text, next, "n\xC4\x83m");  // "năm"
  if (next == std::string_view::npos || DigitRun(text, next, 4) != 4) return false;
  match->year = ToInt(text.substr(next, 4));
  match->end = next + 4;
  return true;
}

std::string FindNumericDate(std::string_view text) {
  // A date starts the text or follows a byte that is neither a digit nor '/'; after a match
  // that is no real date (31/02/2022), the search goes on past it.
  size_t search_from = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (!IsDigit(text[at])) continue;
    bool starts_well = at == 0
                           ? search_from == 0
                           : at - 1 >= search_from && text[at - 1] != '/' && !IsDigit(text[at - 1]);
    DateMatch match;
    if (!starts_well || !NumericDateAt(text, at, &match)) continue;
    std::string iso = IsoDate(match.year, match.month, match.day);
    if (!iso.empty()) return iso;
    search_from = match.end;
    at = match.end - 1;
  }
  return "";
}

std::string FindWordDate(std::string_view text) {
  for (size_t at = 0; at < text.size(); ++at) {
    DateMatch match;
    if (!WordDateAt(text, at, &match)) continue;
    std::string iso = IsoDate(match.year, match.month, match.day);
    if (!iso.empty()) return iso;
    at = match.end - 1;
  }
  return "";
}

// "HH:MM" at `colon` - 2 or - 1: the minutes part, not followed by another digit.
bool MinutesAt(std::string_view text, size_t colon) {
  return colon + 2 < text.size() && text[colon] == ':' && text[colon + 1] >= '0' &&
         text[colon + 1] <= '5' && IsDigit(text[colon + 2]) &&
         !(colon + 3 < text.size() && IsDigit(text[colon + 3]));
}

}  // namespace

std::string IsoDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return "";
  }
  char iso[32];  // 10 bytes are used; the size quiets -Wformat-truncation
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return iso;
}

bool IsIsoDate(const std::string& text) {
  int year = 0, month = 0, day = 0;
  char extra = 0;
  return text.size() == 10 &&
         std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &extra) == 3 &&
         IsoDate(year, month, day) == text;
}

std::string FindFullDate(std::string_view text) {
  std::string iso = FindNumericDate(text);
  return iso.empty() ? FindWordDate(text) : iso;
}

std::string FindDayMonth(std::string_view text, int year) {
  if (year == 0) return "";
  for (size_t at = 0; at < text.size(); ++at) {
    size_t day_at = AfterNgay(text, at);
    if (day_at == std::string_view::npos) continue;
    size_t day_digits = DigitRun(text, day_at, 3);
    if (day_digits < 1 || day_digits > 2) continue;
    size_t month_at = day_at + day_digits + 1;
    if (month_at > text.size() || text[month_at - 1] != '/') continue;
    size_t month_digits = DigitRun(text, month_at, 3);
    if (month_digits < 1 || month_digits > 2) continue;
    size_t end = month_at + month_digits;
    if (end < text.size() && text[end] == '/') continue;
    std::string iso = IsoDate(year, scan::ToInt(text.substr(month_at, month_digits)),
                              scan::ToInt(text.substr(day_at, day_digits)));
    if (!iso.empty()) return iso;
    at = end - 1;
  }
  return "";
}

bool HasTimeOfDay(std::string_view text) {
  for (size_t at = 0; at < text.size(); ++at) {
    if (!IsDigit(text[at]) || (at > 0 && IsDigit(text[at - 1]))) continue;
    // The hour: one digit, or two from 00 to 19, or 20 to 23.
    if (MinutesAt(text, at + 1)) return true;
    bool two_digit_hour =
        at + 1 < text.size() && (((text[at] == '0' || text[at] == '1') && IsDigit(text[at + 1])) ||
                                 (text[at] == '2' && text[at + 1] >= '0' && text[at + 1] <= '3'));
    if (two_digit_hour && MinutesAt(text, at + 2)) return true;
  }
  return false;
}

}  // namespace vnsearch
