// chunked_body: a four-step machine (size line, data, the CRLF after the data, trailer lines).

#include "searchd/chunked_body.h"

#include <algorithm>

namespace vnsearch {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void ChunkedBody::Fail(State state, std::string error) {
  state_ = state;
  error_ = std::move(error);
}

void ChunkedBody::EndSizeLine() {
  // "1a3f" or "1a3f;name=value" (extensions are ignored).
  std::string_view size = std::string_view(line_).substr(0, line_.find(';'));
  while (!size.empty() && (size.back() == ' ' || size.back() == '\t')) size.remove_suffix(1);
  if (size.empty() || size.size() > 15) return Fail(State::kBad, "malformed chunk size");
  uint64_t value = 0;
  for (char c : size) {
    int digit = HexValue(c);
    if (digit < 0) return Fail(State::kBad, "malformed chunk size");
    value = value * 16 + static_cast<uint64_t>(digit);
  }
  line_.clear();
  if (value > max_body_bytes_ - decoded_bytes_) {  // refused on its announced size
    return Fail(State::kTooLarge,
                "the request body is larger than " + std::to_string(max_body_bytes_) + " bytes");
  }
  chunk_left_ = value;
  step_ = value == 0 ? Step::kTrailer : Step::kData;
}

size_t ChunkedBody::Feed(std::string_view input, std::string* body) {
  size_t used = 0;
  while (used < input.size() && state_ == State::kMore) {
    char c = input[used];
    switch (step_) {
      case Step::kSizeLine:
      case Step::kDataEnd:
      case Step::kTrailer: {
        ++used;
        if (c != '\n') {
          line_ += c;
          if (line_.size() > kMaxLineBytes) Fail(State::kBad, "a chunk line is too long");
          if (step_ == Step::kTrailer && ++trailer_bytes_ > kMaxTrailerBytes) {
            Fail(State::kBad, "the chunked body's trailer fields are too long");
          }
          break;
        }
        if (line_.empty() || line_.back() != '\r') {
          Fail(State::kBad, "chunk lines must end with CRLF");
          break;
        }
        line_.pop_back();
        if (step_ == Step::kSizeLine) {
          EndSizeLine();
        } else if (step_ == Step::kDataEnd) {
          if (!line_.empty()) Fail(State::kBad, "a chunk is longer than its size says");
          step_ = Step::kSizeLine;
        } else if (line_.empty()) {
          state_ = State::kDone;  // the blank line after the trailer fields
        }
        line_.clear();
        break;
      }
      case Step::kData: {
        size_t take = static_cast<size_t>(
            std::min<uint64_t>(chunk_left_, static_cast<uint64_t>(input.size() - used)));
        body->append(input.substr(used, take));
        decoded_bytes_ += take;
        used += take;
        chunk_left_ -= take;
        if (chunk_left_ == 0) step_ = Step::kDataEnd;
        break;
      }
    }
  }
  return used;
}

}  // namespace vnsearch
