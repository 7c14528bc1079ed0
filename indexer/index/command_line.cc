// command_line: flag numbers are parsed whole, so that a typo ("--threads 8x") is an error the
// operator sees rather than a value silently taken from its first digits.

#include "index/command_line.h"

#include <charconv>

namespace vnsearch {

bool ParseFlagNumber(const std::string& text, long min, long max, long* value) {
  long parsed = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, parsed);
  if (text.empty() || error != std::errc() || stop != end || parsed < min || parsed > max) {
    return false;
  }
  *value = parsed;
  return true;
}

std::string BadFlagNumberMessage(const std::string& program, const std::string& flag, long min,
                                 long max, const std::string& text, const std::string& unit) {
  return program + ": " + flag + " must be from " + std::to_string(min) + " to " +
         std::to_string(max) + (unit.empty() ? "" : " " + unit) + ", not " + text;
}

}  // namespace vnsearch
