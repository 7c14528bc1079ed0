// request_head: reads the head of an HTTP/1.x request (request line and header fields, up to the
// blank line) from the bytes a connection has received so far, with limits, and says how its
// body is framed. Strict where a lenient reading would let two parsers disagree about where a
// request ends (bare CR or LF, a space before a colon, folded lines, Content-Length with
// Transfer-Encoding, a repeated Content-Length): those are 400. Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_REQUEST_HEAD_H_
#define VNSEARCH_SEARCHD_REQUEST_HEAD_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vnsearch {

struct HeadLimits {
  size_t max_request_line_bytes = 8192;  // beyond: 414
  size_t max_head_bytes = 16384;         // request line and every header field: beyond, 431
  size_t max_header_fields = 100;        // beyond: 431
};

enum class BodyFraming { kNone, kLength, kChunked };

struct RequestHead {
  enum class State {
    kIncomplete,  // no blank line yet, and nothing wrong so far: read more
    kComplete,    // a well-formed head of `size` bytes
    kBad,         // answer `error_status` with `error_message`, then close the connection
  };
  State state = State::kIncomplete;
  int error_status = 0;  // kBad: 400, 414, 431, 501 or 505
  std::string error_message;

  size_t size = 0;           // kComplete: bytes of the head, the blank line included
  std::string request_line;  // as received, without CRLF (for the access log), when one was read
  std::string method;
  std::string target;
  bool http_1_0 = false;

  BodyFraming framing = BodyFraming::kNone;
  uint64_t content_length = 0;  // kLength
  bool keep_alive = true;       // the client allows another request on the connection
  // The head as handed on to request parsing: Range and If-Range fields left out (no part of
  // vnsearch answers a range, and a list of thousands of ranges would multiply an answer).
  std::string forwarded;
};

// Reads the head at the start of `received`.
RequestHead ReadRequestHead(std::string_view received, const HeadLimits& limits);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_REQUEST_HEAD_H_
