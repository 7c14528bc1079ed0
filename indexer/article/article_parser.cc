// article_parser: line-level layout first (where the headline, meta lines, body, byline and
// boilerplate are), then word-level extraction over the headline and body.

#include "article/article_parser.h"

#include <regex>
#include <unordered_set>
#include <vector>

#include "article/canonical_name.h"
#include "article/date_parser.h"
#include "article/person_extractor.h"
#include "article/term_extractor.h"
#include "article/unit_extractor.h"
#include "article/word_sequence.h"

namespace vnsearch {
namespace {

constexpr size_t kMinHeadlineWords = 6;
constexpr size_t kMaxMetaLineWords = 16;
constexpr size_t kMaxMetaOtherWords = 5;
constexpr size_t kMaxBylineWords = 6;
constexpr size_t kMaxBoilerplateMarkerWords = 5;

std::string_view Trim(std::string_view line) {
  const char* kSpace = " \t\r\n\f\v";
  size_t begin = line.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = line.find_last_not_of(kSpace);
  line = line.substr(begin, end - begin + 1);
  // No-break spaces (U+00A0) pad some scraped lines.
  while (line.size() >= 2 && line.substr(0, 2) == "\xC2\xA0") line.remove_prefix(2);
  while (line.size() >= 2 && line.substr(line.size() - 2) == "\xC2\xA0") line.remove_suffix(2);
  return line;
}

size_t WordCount(std::string_view line) { return SplitWords(line).size(); }

bool HasDate(std::string_view line) {
  static const std::regex kDate(R"(\d{1,2}/\d{1,2}/\d{4})");
  return std::regex_search(line.begin(), line.end(), kDate);
}

// A meta line: a date or time with little else — a label, a weekday, a section name
// ("Ngành TN&MT - Ngày đăng : 19:45, 27/09/2022"). A headline that mentions a date has more.
bool IsDateLine(std::string_view line) {
  if (!HasDate(line) && !HasTimeOfDay(line)) return false;
  static const std::unordered_set<std::string> kMetaWords = {
      "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "ngày", "đăng", "cập",
      "lúc", "gmt", "am", "pm", "giờ", "xuất", "bản"};
  size_t other_words = 0;
  for (const Word& word : SplitWords(line)) {
    other_words += !word.is_number && !kMetaWords.count(word.exact);
  }
  return other_words <= kMaxMetaOtherWords;
}

bool IsImageFileName(std::string_view line) {
  static const std::regex kImage(R"(^\S+\.(jpe?g|png|gif|webp|bmp)$)", std::regex::icase);
  return std::regex_match(line.begin(), line.end(), kImage);
}

bool IsBoilerplateMarker(std::string_view line) {
  static const std::regex kMarker(
      R"(^(Bình luận|Ý kiến của bạn|Ý kiến bạn đọc|Viết bình luận|Gửi bình luận|Các tin khác|)"
      R"(Tin khác|Tin liên quan|Tin cùng chuyên mục|Bài viết liên quan|Thăm dò ý kiến|)"
      R"(Xem tin theo ngày|Chia sẻ|Từ khóa|Từ khoá|Tags)\b)");
  return WordCount(line) <= kMaxBoilerplateMarkerWords &&
         std::regex_search(line.begin(), line.end(), kMarker);
}

bool HasPublicationLabel(std::string_view line) {
  static const std::regex kLabel(R"(Ngày đăng|Cập nhật|Đăng lúc|Đăng ngày|Xuất bản)",
                                 std::regex::icase);
  return std::regex_search(line.begin(), line.end(), kLabel);
}

// "Bài, ảnh: Đăng Minh" → "Đăng Minh"; "Thủy Nguyễn" → itself; a sentence → "".
std::string Byline(std::string_view line) {
  static const std::regex kPrefix(R"(^(Bài và ảnh|Bài, ảnh|Bài|Ảnh|Theo|Tin, ảnh|Tin)\s*:\s*)");
  std::string text(line);
  text = std::regex_replace(text, kPrefix, "");
  std::vector<Word> words = SplitWords(text);
  if (words.empty() || words.size() > kMaxBylineWords) return "";
  char last = text.back();
  if (last == '.' || last == ':' || last == ';' || last == ',') return "";
  for (const Word& word : words) {
    if (!word.capitalized && !word.all_caps) return "";
  }
  return text;
}

// Site or section named in a chrome line: what stands before its date, weekday or label.
std::string SourceFromChrome(std::string_view line) {
  static const std::regex kCut(
      R"(\s*[-|–]?\s*(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật|Ngày đăng|Cập nhật|Đăng lúc|\d{1,2}[/:]).*$)",
      std::regex::icase);
  std::string source = std::regex_replace(std::string(line), kCut, "");
  return std::string(Trim(source));
}

// "(BLC) - Hôm nay…" → "BLC".
std::string AgencyCode(std::string_view body) {
  static const std::regex kAgency(R"(^\(([^()\s]{2,20})\)\s*[-–])");
  std::cmatch match;
  if (std::regex_search(body.begin(), body.end(), match, kAgency)) return match[1];
  return "";
}

// The writers the byline names, and those of bylines left inside the body (a story that quotes
// another, with its own "Phương Nghi (t/h)"), are persons the article names too.
void AddBylinePersons(const std::string& author, const std::vector<std::string_view>& body_lines,
                      std::vector<Person>* persons) {
  std::vector<std::string> names = BylineNames(author, /*require_marker=*/false);
  for (std::string_view line : body_lines) {
    if (line.empty() || WordCount(line) > kMaxBylineWords + 2) continue;
    for (std::string& name : BylineNames(line, /*require_marker=*/true)) names.push_back(name);
  }
  // A byline run on to the last sentence: "… đã có khoảng 300 lái xe nộp lại thẻ. Đoàn Loan".
  if (author.empty() && !body_lines.empty()) {
    std::string_view last = body_lines.back();
    size_t stop = last.find_last_of(".!?");
    if (stop != std::string_view::npos && stop + 1 < last.size()) {
      for (std::string& name : BylineNames(last.substr(stop + 1), /*require_marker=*/false)) {
        names.push_back(name);
      }
    }
  }
  for (const std::string& name : names) {
    std::string key = NameKey(name);
    bool known = false;
    for (const Person& person : *persons) known = known || NameKey(person.name) == key;
    if (!known) persons->push_back({name, {}});
  }
}

struct Layout {
  std::vector<std::string_view> chrome_before;  // lines above the headline
  std::string_view title;
  std::vector<std::string_view> meta_after;  // date/source lines right after the headline
  std::vector<std::string_view> body_lines;  // with empty lines kept as paragraph breaks
  std::string author;
};

Layout ReadLayout(std::string_view raw_text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= raw_text.size();) {
    size_t end = raw_text.find('\n', start);
    if (end == std::string_view::npos) end = raw_text.size();
    lines.push_back(Trim(raw_text.substr(start, end - start)));
    start = end + 1;
  }
  Layout layout;
  size_t at = 0;
  size_t first_text = lines.size();
  for (; at < lines.size(); ++at) {
    if (lines[at].empty()) continue;
    if (first_text == lines.size()) first_text = at;
    if (!IsDateLine(lines[at])) {
      if (WordCount(lines[at]) >= kMinHeadlineWords) break;
      // A short line is a section name only when a meta line follows it ("Tin hoạt động Trung
      // tâm" above "Cập nhật lúc: …"); otherwise it is a short headline ("Cải chính").
      size_t next = at + 1;
      while (next < lines.size() && lines[next].empty()) ++next;
      if (next == lines.size() || !IsDateLine(lines[next])) break;
    }
    layout.chrome_before.push_back(lines[at]);
  }
  if (at == lines.size()) {  // nothing reads like a headline: the first line is the title
    layout.chrome_before.clear();
    at = first_text;
    if (at == lines.size()) return layout;
  }
  layout.title = lines[at++];
  for (; at < lines.size(); ++at) {
    if (lines[at].empty()) continue;
    if (!IsDateLine(lines[at])) break;
    layout.meta_after.push_back(lines[at]);
  }
  size_t body_end = lines.size();
  for (size_t k = at; k < lines.size(); ++k) {
    if (IsBoilerplateMarker(lines[k])) {
      body_end = k;
      break;
    }
  }
  for (size_t k = at; k < body_end; ++k) {
    if (!IsImageFileName(lines[k])) layout.body_lines.push_back(lines[k]);
  }
  while (!layout.body_lines.empty() && layout.body_lines.back().empty()) {
    layout.body_lines.pop_back();
  }
  if (layout.body_lines.size() > 1) {
    std::string author = Byline(layout.body_lines.back());
    if (!author.empty()) {
      layout.author = author;
      layout.body_lines.pop_back();
    }
  }
  return layout;
}

std::string JoinBody(const std::vector<std::string_view>& lines) {
  std::string body;
  bool pending_break = false;
  for (std::string_view line : lines) {
    if (line.empty()) {
      pending_break = !body.empty();
      continue;
    }
    if (!body.empty()) body += pending_break ? "\n\n" : "\n";
    pending_break = false;
    body.append(line);
  }
  return body;
}

std::string PublicationDate(const Layout& layout, const std::string& body, int congress_year) {
  for (const auto* lines : {&layout.chrome_before, &layout.meta_after}) {
    for (std::string_view line : *lines) {
      if (HasPublicationLabel(line)) {
        std::string date = FindFullDate(line);
        if (!date.empty()) return date;
      }
    }
  }
  for (const auto* lines : {&layout.meta_after, &layout.chrome_before}) {
    for (std::string_view line : *lines) {
      std::string date = FindFullDate(line);
      if (!date.empty()) return date;
    }
  }
  size_t lead_end = body.find("\n\n");
  std::string_view lead = std::string_view(body).substr(0, lead_end);
  std::string date = FindFullDate(lead);
  if (!date.empty()) return date;
  return FindDayMonth(lead, congress_year);
}

std::string Source(const Layout& layout, const std::string& body) {
  for (const auto* lines : {&layout.chrome_before, &layout.meta_after}) {
    for (std::string_view line : *lines) {
      std::string source = SourceFromChrome(line);
      if (!source.empty() && WordCount(source) <= kMaxMetaLineWords) return source;
    }
  }
  return AgencyCode(body);
}

}  // namespace

Article ParseArticle(std::string article_id, std::string_view raw_text) {
  Article article;
  article.id = std::move(article_id);
  Layout layout = ReadLayout(raw_text);
  article.title = std::string(layout.title);
  article.body = JoinBody(layout.body_lines);
  article.author = layout.author;
  article.source = Source(layout, article.body);

  std::vector<Word> title_words = SplitWords(article.title);
  std::string text = article.title + "\n\n" + article.body;
  std::vector<Word> words = SplitWords(text);
  article.terms = ExtractTerms(words);
  article.date = PublicationDate(layout, article.body, CongressYear(article.terms));
  article.persons = ExtractPersons(words);
  AddBylinePersons(article.author, layout.body_lines, &article.persons);
  article.units = ExtractUnits(words, article.persons);

  size_t lead_end = article.body.find("\n\n");
  std::vector<Word> lead_words = SplitWords(std::string_view(article.body).substr(0, lead_end));
  article.main_unit = FirstPartyUnit(title_words);
  if (article.main_unit.empty()) article.main_unit = FirstPartyUnit(lead_words);
  if (article.main_unit.empty()) article.main_unit = FirstUnit(title_words);
  if (article.main_unit.empty()) article.main_unit = FirstUnit(lead_words);
  // The main unit is one of the units, spelled as the unit list spells it.
  std::string main_key = NameKey(article.main_unit);
  for (const Unit& unit : article.units) {
    if (NameKey(unit.name) == main_key) article.main_unit = unit.name;
  }
  return article;
}

}  // namespace vnsearch
