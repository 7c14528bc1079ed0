// utf8: small helpers to read and write UTF-8 with ICU's macros, tolerant of invalid input.
#ifndef VNSEARCH_ANALYSIS_UTF8_H_
#define VNSEARCH_ANALYSIS_UTF8_H_

#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vnsearch {

// Decodes the code point at text[*offset] and advances *offset past it. An ill-formed sequence
// yields a negative value and advances by at least one byte, so loops always terminate.
inline int32_t NextCodePoint(std::string_view text, size_t* offset) {
  int32_t i = static_cast<int32_t>(*offset);
  const int32_t length = static_cast<int32_t>(text.size());
  UChar32 code_point;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, length, code_point);
  *offset = static_cast<size_t>(i);
  return code_point;
}

inline void AppendUtf8(char32_t code_point, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, code_point, error);
  if (!error) out->append(buffer, static_cast<size_t>(length));
}

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_UTF8_H_
