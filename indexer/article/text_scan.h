// text_scan: byte-level helpers for the hand-written scanners of article understanding (dates,
// layout lines). Linear in the text, no recursion: an article is untrusted input of any shape,
// and std::regex's backtracking recursion overflows the stack on long lines. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_TEXT_SCAN_H_
#define VNSEARCH_ARTICLE_TEXT_SCAN_H_

#include <cstddef>
#include <string_view>

namespace vnsearch::scan {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return.
inline bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A letter, digit or '_' (what a regular expression's \b separates from the rest).
inline bool IsWordByte(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The number of digits in text[at..), at most `max`.
inline size_t DigitRun(std::string_view text, size_t at, size_t max = std::string_view::npos) {
  size_t count = 0;
  while (at + count < text.size() && count < max && IsDigit(text[at + count])) ++count;
  return count;
}

// The number of white-space bytes in text[at..).
inline size_t SpaceRun(std::string_view text, size_t at) {
  size_t count = 0;
  while (at + count < text.size() && IsSpace(text[at + count])) ++count;
  return count;
}

// Whether text[at..) starts with `word`, ASCII letters compared without case (other bytes,
// such as those of "Đ" or "ậ", exactly).
inline bool StartsWithAsciiNoCase(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (AsciiLower(text[at + i]) != AsciiLower(word[i])) return false;
  }
  return true;
}

// Whether text[at..) starts with `word`, exactly.
inline bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  return at <= text.size() && text.substr(at, word.size()) == word;
}

// A number of at most 9 digits (callers pass runs they measured).
inline int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace vnsearch::scan

#endif  // VNSEARCH_ARTICLE_TEXT_SCAN_H_
