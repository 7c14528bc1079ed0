// analysis_fuzzer: libFuzzer target over everything that reads untrusted text without an index:
// the analyzer, the query parser and builder, and the snippet maker. Any crash, hang, leak or
// sanitizer report (address, undefined) is a bug. Run by tests/fuzz/run.sh for a bounded time.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/accent_candidates.h"
#include "analysis/analyzer.h"
#include "searchd/query_builder.h"
#include "searchd/query_parser.h"
#include "searchd/snippet.h"

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
  if (parsed.ok) {
    vnsearch::BuiltQuery built = vnsearch::BuildQuery(parsed.root);
    vnsearch::MakeSnippet(text, built.highlighter, 12);
    vnsearch::HighlightAll(text, built.highlighter);
  } else if (parsed.error.empty()) {
    __builtin_trap();
  }
  return 0;
}
