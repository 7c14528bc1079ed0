// snippet: picks the densest window of matches by sliding over the analysed tokens, then writes
// the original bytes of that window as HTML. Offsets come from the analyzer, so the text shown is
// exactly the article's own, whatever normalisation the terms went through.

#include "searchd/snippet.h"

#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"

namespace vnsearch {
namespace {

// Marked spans, in text order and not overlapping (a compound wins over its parts).
struct Span {
  uint32_t begin;
  uint32_t end;
};

// Adjacent matches separated only by spaces become one span: "<mark>Trần Bình Trọng</mark>".
std::vector<Span> MatchedSpans(std::string_view text, const TokenList& tokens,
                               const std::vector<bool>& matched, size_t first, size_t last) {
  std::vector<Span> spans;
  uint32_t covered_until = 0;
  for (size_t i = first; i < last; ++i) {
    const TokenView& token = tokens[i];
    if (token.begin < covered_until || !matched[i]) continue;
    bool only_spaces_between = !spans.empty();
    for (uint32_t at = covered_until; only_spaces_between && at < token.begin; ++at) {
      only_spaces_between = text[at] == ' ';
    }
    if (only_spaces_between) {
      spans.back().end = token.end;
    } else {
      spans.push_back({token.begin, token.end});
    }
    covered_until = token.end;
  }
  return spans;
}

// Escapes `text` for a snippet: a paragraph break becomes " · ", so that the end of one
// paragraph does not run into the next ("…tại Đại hội · Cùng với đó…").
std::string EscapeSnippetText(std::string_view text) {
  std::string escaped;
  size_t at = 0;
  while (at < text.size()) {
    size_t line_break = text.find('\n', at);
    if (line_break == std::string_view::npos) line_break = text.size();
    escaped += EscapeHtml(text.substr(at, line_break - at));
    if (line_break == text.size()) break;
    size_t after = text.find_first_not_of("\r\n \t", line_break);
    if (after == std::string_view::npos) after = text.size();
    while (!escaped.empty() && escaped.back() == ' ') escaped.pop_back();
    if (!escaped.empty() && after < text.size()) escaped += " · ";
    at = after;
  }
  return escaped;
}

std::string RenderMarked(std::string_view text, uint32_t begin, uint32_t end,
                         const std::vector<Span>& spans) {
  std::string html;
  uint32_t at = begin;
  for (const Span& span : spans) {
    if (span.begin < at || span.end > end) continue;
    html += EscapeSnippetText(text.substr(at, span.begin - at));
    html += "<mark>";
    html += EscapeHtml(text.substr(span.begin, span.end - span.begin));
    html += "</mark>";
    at = span.end;
  }
  html += EscapeSnippetText(text.substr(at, end - at));
  return html;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string MakeSnippet(std::string_view text, const Highlighter& highlighter, size_t max_words) {
  TokenList tokens;
  Analyze(text, &tokens);
  return MakeSnippet(text, tokens, highlighter, max_words);
}

std::string MakeSnippet(std::string_view text, const TokenList& tokens,
                        const Highlighter& highlighter, size_t max_words) {
  if (tokens.empty()) return EscapeSnippetText(text.substr(0, 300));
  std::vector<bool> matched = highlighter.MatchTokens(tokens);
  auto spelling = [&](const TokenView& token) -> std::string_view {
    return highlighter.space == MatchSpace::kExact ? token.exact : token.folded;
  };
  // Slide a window of max_words positions; keep the one with the most distinct matched words.
  size_t best_start = 0;
  size_t best_score = 0;
  // Matched spelling → occurrences; the keys are views into `tokens`.
  std::unordered_map<std::string_view, size_t> in_window;
  size_t window_start = 0;
  size_t distinct = 0;
  size_t total = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (tokens[i].position - tokens[window_start].position >= max_words) {
      if (matched[window_start]) {
        --total;
        if (--in_window[spelling(tokens[window_start])] == 0) --distinct;
      }
      ++window_start;
    }
    if (matched[i]) {
      ++total;
      if (in_window[spelling(tokens[i])]++ == 0) ++distinct;
    }
    size_t score = distinct * 1000 + total;
    if (score > best_score) {
      best_score = score;
      best_start = window_start;
    }
  }
  // Start a few words before the first match so that it reads in context.
  size_t first = best_start;
  if (best_score > 0) {
    while (first + 1 < tokens.size() && !matched[first]) ++first;
    uint32_t lead_position = tokens[first].position;
    while (first > 0 && lead_position - tokens[first - 1].position < 5) --first;
  }
  size_t last = first;
  while (last < tokens.size() && tokens[last].position - tokens[first].position < max_words) {
    ++last;
  }
  uint32_t begin = first == 0 ? 0 : tokens[first].begin;
  uint32_t end = last == tokens.size() ? static_cast<uint32_t>(text.size()) : tokens[last - 1].end;
  std::string html;
  if (begin > 0) html += "… ";
  html += RenderMarked(text, begin, end, MatchedSpans(text, tokens, matched, first, last));
  if (end < text.size()) html += " …";
  return html;
}

}  // namespace vnsearch
