// article_parser: line-level layout first (where the headline, meta lines, body, byline and
// boilerplate are), then word-level extraction over the headline and body.

#include "article/article_parser.h"

#include <unordered_set>
#include <vector>

#include "analysis/characters.h"
#include "analysis/utf8.h"
#include "article/canonical_name.h"
#include "article/date_parser.h"
#include "article/person_extractor.h"
#include "article/role_facts.h"
#include "article/term_extractor.h"
#include "article/text_scan.h"
#include "article/unit_extractor.h"
#include "article/word_sequence.h"

namespace vnsearch {
namespace {

constexpr size_t kMinHeadlineWords = 6;
constexpr size_t kMaxMetaLineWords = 16;
constexpr size_t kMaxMetaOtherWords = 5;
constexpr size_t kMaxBylineWords = 6;
constexpr size_t kMaxBoilerplateMarkerWords = 5;

// A line without the spaces at its ends — no-break spaces (U+00A0) too, which pad some scraped
// lines — and its carriage return.
std::string_view Trim(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  return TrimSpaces(line);
}

// "D/M/YYYY" anywhere in the line (one or two digits for the day and the month).
bool HasDate(std::string_view line) {
  for (size_t at = 0; at < line.size(); ++at) {
    for (size_t day_digits : {1, 2}) {
      if (scan::DigitRun(line, at, day_digits) != day_digits) continue;
      size_t month_at = at + day_digits + 1;
      if (month_at > line.size() || line[month_at - 1] != '/') continue;
      for (size_t month_digits : {1, 2}) {
        if (scan::DigitRun(line, month_at, month_digits) != month_digits) continue;
        size_t year_at = month_at + month_digits + 1;
        if (year_at > line.size() || line[year_at - 1] != '/') continue;
        if (scan::DigitRun(line, year_at, 4) == 4) return true;
      }
    }
  }
  return false;
}

// A meta line: a date or time with little else — a label, a weekday, a section name
// ("Ngành TN&MT - Ngày đăng : 19:45, 27/09/2022"). A headline that mentions a date has more.
bool IsDateLine(std::string_view line) {
  if (!HasDate(line) && !HasTimeOfDay(line)) return false;
  static const std::unordered_set<std::string> kMetaWords = {
      "thứ",  "hai", "ba",  "tư",  "năm", "sáu", "bảy", "chủ",  "nhật", "ngày",
      "đăng", "cập", "lúc", "gmt", "am",  "pm",  "giờ", "xuất", "bản"};
  size_t other_words = 0;
  for (const Word& word : SplitWords(line)) {
    other_words += !word.is_number && !kMetaWords.count(word.exact);
  }
  return other_words <= kMaxMetaOtherWords;
}

// A line that is only an image's file name: "anh-dai-hoi.JPG".
bool IsImageFileName(std::string_view line) {
  size_t dot = line.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  for (char c : line) {
    if (scan::IsSpace(c)) return false;
  }
  std::string_view extension = line.substr(dot + 1);
  for (std::string_view image : {"jpg", "jpeg", "png", "gif", "webp", "bmp"}) {
    if (extension.size() == image.size() && scan::StartsWithAsciiNoCase(extension, 0, image)) {
      return true;
    }
  }
  return false;
}

// A short line that opens the site's boilerplate after the article: comments, related news.
bool IsBoilerplateMarker(std::string_view line) {
  static constexpr std::string_view kMarkers[] = {"Bình luận",
                                                  "Ý kiến của bạn",
                                                  "Ý kiến bạn đọc",
                                                  "Viết bình luận",
                                                  "Gửi bình luận",
                                                  "Các tin khác",
                                                  "Tin khác",
                                                  "Tin liên quan",
                                                  "Tin cùng chuyên mục",
                                                  "Bài viết liên quan",
                                                  "Thăm dò ý kiến",
                                                  "Xem tin theo ngày",
                                                  "Chia sẻ",
                                                  "Từ khóa",
                                                  "Từ khoá",
                                                  "Tags"};
  for (std::string_view marker : kMarkers) {
    if (!scan::StartsWith(line, 0, marker)) continue;
    // The marker ends at a word boundary (as a regular expression's \b sees bytes).
    bool word_before = scan::IsWordByte(marker.back());
    bool word_after = marker.size() < line.size() && scan::IsWordByte(line[marker.size()]);
    if (word_before != word_after) return !HasMoreWordsThan(line, kMaxBoilerplateMarkerWords);
  }
  return false;
}

bool HasPublicationLabel(std::string_view line) {
  static constexpr std::string_view kLabels[] = {"Ngày đăng", "Cập nhật", "Đăng lúc", "Đăng ngày",
                                                 "Xuất bản"};
  for (size_t at = 0; at < line.size(); ++at) {
    for (std::string_view label : kLabels) {
      if (scan::StartsWithAsciiNoCase(line, at, label)) return true;
    }
  }
  return false;
}

// "Bài, ảnh: Đăng Minh" → "Đăng Minh"; "Thủy Nguyễn" → itself; a sentence → "".
std::string Byline(std::string_view line) {
  static constexpr std::string_view kCredits[] = {"Bài và ảnh", "Bài, ảnh", "Bài", "Ảnh",
                                                  "Theo",       "Tin, ảnh", "Tin"};
  for (std::string_view credit : kCredits) {
    if (!scan::StartsWith(line, 0, credit)) continue;
    size_t colon = credit.size() + scan::SpaceRun(line, credit.size());
    if (colon < line.size() && line[colon] == ':') {
      line.remove_prefix(colon + 1 + scan::SpaceRun(line, colon + 1));
      break;
    }
  }
  std::string text(line);
  std::vector<Word> words = SplitWords(text);
  if (words.empty() || words.size() > kMaxBylineWords) return "";
  char last = text.back();
  if (last == '.' || last == ':' || last == ';' || last == ',') return "";
  for (const Word& word : words) {
    if (!word.capitalized && !word.all_caps) return "";
  }
  return text;
}

// Where the date, weekday or label part of a chrome line starts at `at`: "Thứ hai", "Chủ nhật",
// "Ngày đăng", "Cập nhật", "Đăng lúc" (ASCII letters in any case), or one or two digits and
// '/' or ':'.
bool ChromeDateAt(std::string_view line, size_t at) {
  static constexpr std::string_view kWords[] = {"Thứ hai",  "Thứ ba",  "Thứ tư",   "Thứ năm",
                                                "Thứ sáu",  "Thứ bảy", "Chủ nhật", "Ngày đăng",
                                                "Cập nhật", "Đăng lúc"};
  for (std::string_view word : kWords) {
    if (scan::StartsWithAsciiNoCase(line, at, word)) return true;
  }
  size_t digits = scan::DigitRun(line, at, 2);
  if (digits == 0) return false;
  for (size_t used = 1; used <= digits; ++used) {
    if (at + used < line.size() && (line[at + used] == '/' || line[at + used] == ':')) return true;
  }
  return false;
}

// Site or section named in a chrome line: what stands before its date, weekday or label (and
// the dash or bar before those).
std::string SourceFromChrome(std::string_view line) {
  // The date part runs to the end of the line, which holds no carriage return after it.
  size_t last_return = line.find_last_of("\r\n");
  size_t first_allowed = last_return == std::string_view::npos ? 0 : last_return + 1;
  for (size_t at = first_allowed; at < line.size(); ++at) {
    if (!ChromeDateAt(line, at)) continue;
    size_t cut = at;
    while (cut > 0 && scan::IsSpace(line[cut - 1])) --cut;
    size_t last = cut;  // the start of the code point before the date
    while (last > 0 && (static_cast<unsigned char>(line[--last]) & 0xC0) == 0x80) {
    }
    size_t after_last = last;
    int32_t before = cut > 0 ? NextCodePoint(line, &after_last) : -1;
    if (before == '|' || IsDash(before)) cut = last;
    while (cut > 0 && scan::IsSpace(line[cut - 1])) --cut;
    return std::string(Trim(line.substr(0, cut)));
  }
  return std::string(Trim(line));
}

// "(BLC) - Hôm nay…" → "BLC".
std::string AgencyCode(std::string_view body) {
  if (body.empty() || body[0] != '(') return "";
  size_t close = 1;
  while (close < body.size() && close <= 21 && body[close] != '(' && body[close] != ')' &&
         !scan::IsSpace(body[close])) {
    ++close;
  }
  size_t code_bytes = close - 1;
  if (close >= body.size() || body[close] != ')' || code_bytes < 2 || code_bytes > 20) return "";
  size_t dash = close + 1 + scan::SpaceRun(body, close + 1);
  size_t after_dash = dash;
  bool dashed = dash < body.size() && IsDash(NextCodePoint(body, &after_dash));  // - – —
  return dashed ? std::string(body.substr(1, code_bytes)) : "";
}

// The writer of a byline that carries its source and time: "Hoàng Minh - Báo Thể thao | 18:45
// 22/09/2017" → "Hoàng Minh"; "" for any other line.
std::string_view WriterBeforeSourceAndTime(std::string_view line) {
  size_t bar = line.rfind('|');
  if (bar == std::string_view::npos || !IsDateLine(Trim(line.substr(bar + 1)))) return "";
  std::string_view writer_and_source = line.substr(0, bar);
  size_t dash = writer_and_source.find(" - ");
  if (dash == std::string_view::npos) dash = writer_and_source.find(" – ");
  if (dash == std::string_view::npos) return "";
  return Trim(writer_and_source.substr(0, dash));
}

// The writers the byline names, and those of bylines left inside the body (a story that quotes
// another, with its own "Phương Nghi (t/h)"), are persons the article names too.
void AddBylinePersons(const std::string& author, const std::vector<std::string_view>& body_lines,
                      std::vector<Person>* persons) {
  std::vector<std::string> names = BylineNames(author, /*require_marker=*/false);
  for (std::string_view line : body_lines) {
    std::string_view writer = WriterBeforeSourceAndTime(line);
    if (!writer.empty()) {
      for (std::string& name : BylineNames(writer, /*require_marker=*/false)) {
        names.push_back(name);
      }
      continue;
    }
    if (line.empty() || HasMoreWordsThan(line, kMaxBylineWords + 2)) continue;
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

// A last line that names only the source ("Theo RT, Sputnik", "(Theo SCMP)") leaves the writer
// on the line above it: "Tú Oanh" / "Theo RT" is one byline, "Tú Oanh (Theo RT)".
void WriterAboveSource(Layout* layout) {
  std::string_view source = layout->author;
  if (!source.empty() && source.front() == '(') source.remove_prefix(1);
  if (!scan::StartsWith(source, 0, "Theo ")) return;
  std::vector<std::string_view>& lines = layout->body_lines;
  while (lines.size() > 1 && lines.back().empty()) lines.pop_back();
  if (lines.size() < 2) return;
  std::string writer = Byline(lines.back());
  if (writer.empty() || scan::StartsWith(writer, 0, "Theo")) return;
  if (source.back() == ')') source.remove_suffix(1);
  layout->author = writer + " (" + std::string(source) + ")";
  lines.pop_back();
}

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
      if (HasMoreWordsThan(lines[at], kMinHeadlineWords - 1)) break;
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
      WriterAboveSource(&layout);
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
      if (!source.empty() && !HasMoreWordsThan(source, kMaxMetaLineWords)) return source;
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
  std::vector<RoleMention> role_mentions;
  article.persons = ExtractPersons(words, &role_mentions);
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
  article.role_facts = ResolveRoleFacts(words, role_mentions, article);
  return article;
}

}  // namespace vnsearch
