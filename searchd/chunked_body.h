// chunked_body: decodes a request body sent with Transfer-Encoding: chunked, as its bytes
// arrive, refusing it as soon as it would exceed the size limit — the whole body is never held
// beyond the limit, and no chunk-size or trailer line beyond a few KiB is buffered.
// Not thread-safe: one decoder per body.
#ifndef VNSEARCH_SEARCHD_CHUNKED_BODY_H_
#define VNSEARCH_SEARCHD_CHUNKED_BODY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vnsearch {

class ChunkedBody {
 public:
  enum class State {
    kMore,      // feed more bytes
    kDone,      // the last chunk and the trailer fields were read
    kBad,       // malformed (error() says how): 400
    kTooLarge,  // the decoded body would exceed max_body_bytes: 413
  };

  explicit ChunkedBody(size_t max_body_bytes) : max_body_bytes_(max_body_bytes) {}

  // Decodes from `input`, appending the body's bytes to *body. Returns how many bytes of
  // `input` were used: all of them unless the body ended (kDone) or was refused.
  size_t Feed(std::string_view input, std::string* body);

  State state() const { return state_; }
  const std::string& error() const { return error_; }

 private:
  enum class Step { kSizeLine, kData, kDataEnd, kTrailer };
  static constexpr size_t kMaxLineBytes = 4096;     // a chunk-size line with its extensions
  static constexpr size_t kMaxTrailerBytes = 8192;  // all trailer fields together

  void Fail(State state, std::string error);
  void EndSizeLine();

  const size_t max_body_bytes_;
  State state_ = State::kMore;
  Step step_ = Step::kSizeLine;
  std::string line_;          // the line being read (size line, CRLF after data, trailer)
  uint64_t chunk_left_ = 0;   // bytes of the current chunk still to come
  size_t decoded_bytes_ = 0;  // body bytes so far (at most max_body_bytes_)
  size_t trailer_bytes_ = 0;
  std::string error_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_CHUNKED_BODY_H_
