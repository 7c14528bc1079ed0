// article_parser: the first stage of article understanding. Scraped pages put site chrome
// ("Cập nhật lúc: 09:01:33 26/09/2022", a section name) above the headline; the headline is the
// first line long enough to be one that carries no date or time.

#include "article/article_parser.h"

#include <regex>
#include <vector>

#include "analysis/analyzer.h"

namespace vnsearch {
namespace {

constexpr size_t kMinHeadlineWords = 6;

std::string_view Trim(std::string_view line) {
  const char* kSpace = " \t\r\n\f\v";
  size_t begin = line.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = line.find_last_not_of(kSpace);
  return line.substr(begin, end - begin + 1);
}

bool LooksLikeChrome(std::string_view line) {
  static const std::regex kDateOrTime(R"(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}:\d{2})");
  if (std::regex_search(line.begin(), line.end(), kDateOrTime)) return true;
  std::vector<Token> tokens;
  Analyze(line, &tokens);
  size_t words = 0;
  for (const Token& token : tokens) words += token.kind != TokenKind::kPart;
  return words < kMinHeadlineWords;
}

}  // namespace

Article ParseArticle(std::string article_id, std::string_view raw_text) {
  Article article;
  article.id = std::move(article_id);
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= raw_text.size();) {
    size_t end = raw_text.find('\n', start);
    if (end == std::string_view::npos) end = raw_text.size();
    lines.push_back(raw_text.substr(start, end - start));
    start = end + 1;
  }
  size_t title_line = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = Trim(lines[i]);
    if (!line.empty() && !LooksLikeChrome(line)) {
      title_line = i;
      break;
    }
  }
  if (title_line == lines.size()) {
    // No headline-like line: fall back to the first non-empty line.
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!Trim(lines[i]).empty()) {
        title_line = i;
        break;
      }
    }
  }
  if (title_line == lines.size()) return article;
  article.title = std::string(Trim(lines[title_line]));
  size_t body_start = static_cast<size_t>(lines[title_line].data() - raw_text.data()) +
                      lines[title_line].size();
  article.body = std::string(Trim(raw_text.substr(std::min(body_start, raw_text.size()))));
  return article;
}

}  // namespace vnsearch
