// analysis_fuzzer: libFuzzer target over the code that reads untrusted text before any index is
// involved: the analyzer, accent candidates, the query parser and article understanding (layout,
// dates, terms, persons, units). Any crash, hang, leak or sanitizer report (address, undefined)
// is a bug. Run by tests/fuzz/run.sh for a bounded time.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/accent_candidates.h"
#include "analysis/analyzer.h"
#include "article/article_parser.h"
#include "searchd/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<vnsearch::Token> tokens;
  uint32_t next_position = vnsearch::Analyze(text, &tokens, 7);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const vnsearch::Token& token = tokens[i];
    if (token.begin > token.end || token.end > text.size()) __builtin_trap();
    if (token.position < 7 || token.position >= next_position) __builtin_trap();
    if (token.exact.empty() || token.exact.size() > vnsearch::kMaxTermBytes) __builtin_trap();
    if (i < 3) vnsearch::AccentCandidates(token.folded);  // costly: a few words are enough
  }
  vnsearch::ParsedQuery parsed = vnsearch::ParseQuery(text);
  if (!parsed.ok && parsed.error.empty()) __builtin_trap();
  vnsearch::Article article = vnsearch::ParseArticle("fuzz", text);
  if (article.body.size() > text.size() || article.title.size() > text.size()) __builtin_trap();
  return 0;
}
