// characters: thin over ICU's binary properties; a dash is normalised to '-' where one mark is
// read, so callers compare with ASCII.

#include "analysis/characters.h"

#include <unicode/uchar.h>

#include "analysis/utf8.h"

namespace vnsearch {

bool IsDash(int32_t code_point) {
  return code_point >= 0 && u_hasBinaryProperty(code_point, UCHAR_DASH);
}

bool IsSpaceInLine(int32_t code_point) {
  if (code_point == '\n' || code_point == '\r' || code_point == 0x2028 || code_point == 0x2029) {
    return false;
  }
  return code_point >= 0 && (code_point == ' ' || u_isUWhiteSpace(code_point));
}

int32_t SoleMark(std::string_view gap) {
  int32_t mark = -1;
  for (size_t offset = 0; offset < gap.size();) {
    int32_t code_point = NextCodePoint(gap, &offset);
    if (IsSpaceInLine(code_point)) continue;
    if (mark != -1 || code_point < 0 || code_point == '\n' || code_point == '\r') return -1;
    mark = IsDash(code_point) ? '-' : code_point;
  }
  return mark;
}

std::string_view TrimSpaces(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    size_t next = begin;
    if (!IsSpaceInLine(NextCodePoint(text, &next))) break;
    begin = next;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t next = start;
    if (!IsSpaceInLine(NextCodePoint(text, &next))) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

}  // namespace vnsearch
