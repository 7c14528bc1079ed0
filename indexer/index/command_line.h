// command_line: the numbers given to the flags of vnsearch-index and vnsearchd, checked.
// Pure; thread-safe.
#ifndef VNSEARCH_INDEX_COMMAND_LINE_H_
#define VNSEARCH_INDEX_COMMAND_LINE_H_

#include <string>

namespace vnsearch {

// Parses `text` as a decimal integer from `min` to `max`: the whole text, digits only after an
// optional '-' (no spaces, no '+', no trailing characters: "8x" and " 8" are refused). Returns
// true and sets `*value`, or returns false and leaves it as it was.
bool ParseFlagNumber(const std::string& text, long min, long max, long* value);

// The message for a flag's bad value, for standard error:
// "PROGRAM: FLAG must be from MIN to MAX, not TEXT" (+ " UNIT" after MAX when a unit is given).
std::string BadFlagNumberMessage(const std::string& program, const std::string& flag, long min,
                                 long max, const std::string& text, const std::string& unit = "");

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_COMMAND_LINE_H_
