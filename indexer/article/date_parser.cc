// date_parser: regular expressions over the few shapes dates take in the corpus. Day-first
// throughout: Vietnamese writes 27/09/2022, never 09/27/2022.

#include "article/date_parser.h"

#include <cstdio>
#include <regex>

namespace vnsearch {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::string IsoDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return "";
  }
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return iso;
}

std::string FindFullDate(std::string_view text) {
  static const std::regex kNumeric(R"((?:^|[^\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d))");
  static const std::regex kWords(
      R"([Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))");
  std::string subject(text);
  for (const std::regex* pattern : {&kNumeric, &kWords}) {
    for (std::sregex_iterator it(subject.begin(), subject.end(), *pattern), end; it != end;
         ++it) {
      std::string iso = IsoDate(std::stoi((*it)[3]), std::stoi((*it)[2]), std::stoi((*it)[1]));
      if (!iso.empty()) return iso;
    }
  }
  return "";
}

std::string FindDayMonth(std::string_view text, int year) {
  if (year == 0) return "";
  static const std::regex kDayMonth(R"([Nn]gày\s+(\d{1,2})/(\d{1,2})(?![\d/]))");
  std::string subject(text);
  for (std::sregex_iterator it(subject.begin(), subject.end(), kDayMonth), end; it != end;
       ++it) {
    std::string iso = IsoDate(year, std::stoi((*it)[2]), std::stoi((*it)[1]));
    if (!iso.empty()) return iso;
  }
  return "";
}

bool HasTimeOfDay(std::string_view text) {
  static const std::regex kTime(R"((?:^|\D)([01]?\d|2[0-3]):[0-5]\d(?!\d))");
  std::string subject(text);
  return std::regex_search(subject, kTime);
}

}  // namespace vnsearch
