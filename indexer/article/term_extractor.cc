// term_extractor: looks for the words "nhiệm kỳ" (kì and kỳ are one word after analysis) and the
// year pair within the next few words; the pair may be one code ("2022-2025") or two numbers
// joined by a spaced dash ("2022 – 2025").

#include "article/term_extractor.h"

#include <algorithm>
#include <cstdlib>

#include "analysis/characters.h"
#include "analysis/utf8.h"

namespace vnsearch {
namespace {

constexpr size_t kMaxWordsBetween = 3;  // "nhiệm kỳ mới 2022-2025", "nhiệm kỳ qua (2020-2022)"
constexpr int kLongestTerm = 10;

int AsYear(std::string_view text) {
  if (text.size() != 4) return 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
  }
  int year = std::atoi(std::string(text).c_str());
  return year >= 1930 && year <= 2100 ? year : 0;
}

bool IsDashGap(std::string_view gap) { return SoleMark(gap) == '-'; }

std::string TermOf(int first, int second) {
  if (first == 0 || second <= first || second - first > kLongestTerm) return "";
  return std::to_string(first) + "-" + std::to_string(second);
}

// The term written at words[i]: "2022-2025" as one word, or "2022", dash, "2025".
std::string TermAt(const std::vector<Word>& words, size_t i) {
  std::string_view text = words[i].text;
  size_t dash = text.find_first_not_of("0123456789");
  if (dash == 4 && text.size() > 5) {
    size_t second_start = text.find_first_of("0123456789", dash);
    if (second_start != std::string_view::npos && IsDashGap(text.substr(4, second_start - 4))) {
      return TermOf(AsYear(text.substr(0, 4)), AsYear(text.substr(second_start)));
    }
  }
  if (i + 1 < words.size() && IsDashGap(words[i + 1].gap)) {
    return TermOf(AsYear(text), AsYear(words[i + 1].text));
  }
  return "";
}

}  // namespace

std::vector<std::string> ExtractTerms(const std::vector<Word>& words) {
  std::vector<std::string> terms;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].exact != "nhiệm" || words[i + 1].exact != "kỳ") continue;
    for (size_t k = i + 2; k < words.size() && k <= i + 1 + kMaxWordsBetween; ++k) {
      if (!words[k].is_number) continue;
      std::string term = TermAt(words, k);
      if (!term.empty() && std::find(terms.begin(), terms.end(), term) == terms.end()) {
        terms.push_back(term);
      }
      break;
    }
  }
  return terms;
}

int CongressYear(const std::vector<std::string>& terms) {
  int year = 0;
  for (const std::string& term : terms) year = std::max(year, std::atoi(term.c_str()));
  return year;
}

}  // namespace vnsearch
