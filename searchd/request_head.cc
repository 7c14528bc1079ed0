// request_head: one pass over the head, byte by byte where it matters; nothing is read beyond the
// limits, so a client cannot make the server buffer more than max_head_bytes per connection.

#include "searchd/request_head.h"

#include <algorithm>

namespace vnsearch {
namespace {

bool IsTokenByte(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A control byte (other than horizontal tab) or DEL: never inside a request line or field value.
bool IsControl(char c) {
  unsigned char byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t') || byte == 0x7F;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return lower;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsKnownMethod(std::string_view method) {
  for (std::string_view known :
       {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"}) {
    if (method == known) return true;
  }
  return false;
}

RequestHead Bad(RequestHead head, int status, std::string message) {
  head.state = RequestHead::State::kBad;
  head.error_status = status;
  head.error_message = std::move(message);
  return head;
}

// Parses "METHOD /target HTTP/1.x" into `head`; returns false with `head` marked bad.
bool ParseRequestLine(std::string_view line, RequestHead* head) {
  size_t first_space = line.find(' ');
  size_t second_space = first_space == std::string_view::npos ? std::string_view::npos
                                                              : line.find(' ', first_space + 1);
  if (second_space == std::string_view::npos || line.find(' ', second_space + 1) != line.npos) {
    *head = Bad(*head, 400, "the request line must be METHOD /path HTTP/1.1");
    return false;
  }
  std::string_view method = line.substr(0, first_space);
  std::string_view target = line.substr(first_space + 1, second_space - first_space - 1);
  std::string_view version = line.substr(second_space + 1);
  bool method_shaped =
      !method.empty() && method.size() <= 20 &&
      std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!method_shaped) {
    *head = Bad(*head, 400, "the request line must start with a method in capitals (GET, POST…)");
    return false;
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    bool http = version.substr(0, 5) == "HTTP/";
    *head = Bad(
        *head, http ? 505 : 400,
        http ? "only HTTP/1.1 and HTTP/1.0 are served" : "the request line must end with HTTP/1.1");
    return false;
  }
  if (!IsKnownMethod(method)) {
    *head = Bad(*head, 501, "method " + std::string(method) + " is not implemented");
    return false;
  }
  if (target.empty() || target.front() != '/') {
    *head = Bad(*head, 400, "the request target must be a path starting with /");
    return false;
  }
  head->method = std::string(method);
  head->target = std::string(target);
  head->http_1_0 = version == "HTTP/1.0";
  return true;
}

}  // namespace

RequestHead ReadRequestHead(std::string_view received, const HeadLimits& limits) {
  RequestHead head;
  size_t line_end = received.substr(0, limits.max_request_line_bytes + 2).find("\r\n");
  if (line_end == std::string_view::npos) {
    std::string_view partial = received.substr(0, limits.max_request_line_bytes + 2);
    // A byte no request line holds (as from a TLS handshake sent to this plain-HTTP port)
    // needs no more bytes to be refused.
    for (size_t i = 0; i < partial.size(); ++i) {
      if (IsControl(partial[i]) && !(partial[i] == '\r' && i + 1 == partial.size())) {
        head.request_line = std::string(partial.substr(0, i));  // what came before, for the log
        return Bad(head, 400, "the request line holds a control byte: is this plain HTTP?");
      }
    }
    if (received.size() > limits.max_request_line_bytes + 1) {
      head.request_line = std::string(partial.substr(0, limits.max_request_line_bytes));
      return Bad(head, 414,
                 "the request line is longer than " +
                     std::to_string(limits.max_request_line_bytes) + " bytes: shorten the query");
    }
    return head;
  }
  std::string_view line = received.substr(0, line_end);
  head.request_line = std::string(line);
  if (line_end > limits.max_request_line_bytes) {
    return Bad(head, 414,
               "the request line is longer than " + std::to_string(limits.max_request_line_bytes) +
                   " bytes: shorten the query");
  }
  if (std::any_of(line.begin(), line.end(), [](char c) { return IsControl(c) || c == '\t'; })) {
    return Bad(head, 400, "the request line holds a control byte: percent-encode it");
  }
  if (!ParseRequestLine(line, &head)) return head;

  size_t scanned = std::min(received.size(), limits.max_head_bytes);
  size_t blank = received.substr(0, scanned).find("\r\n\r\n", line_end);
  if (blank == std::string_view::npos) {
    if (received.size() >= limits.max_head_bytes) {
      return Bad(head, 431,
                 "the request's header fields are larger than " +
                     std::to_string(limits.max_head_bytes) + " bytes");
    }
    return head;
  }
  head.size = blank + 4;
  head.forwarded.reserve(head.size);
  head.forwarded.append(line).append("\r\n");
  bool chunked = false, has_length = false, has_encoding = false, close = false, keep_alive = false;
  size_t fields = 0;
  for (size_t at = line_end + 2; at < blank + 2;) {
    size_t end = received.find("\r\n", at);
    std::string_view field = received.substr(at, end - at);
    at = end + 2;
    if (++fields > limits.max_header_fields) {
      return Bad(head, 431,
                 "more than " + std::to_string(limits.max_header_fields) + " header fields");
    }
    if (field.front() == ' ' || field.front() == '\t') {
      return Bad(head, 400, "folded header lines are not accepted: one field per line");
    }
    size_t colon = field.find(':');
    std::string_view name = field.substr(0, colon);
    if (colon == std::string_view::npos || name.empty() ||
        !std::all_of(name.begin(), name.end(), IsTokenByte)) {
      return Bad(head, 400, "malformed header field: write Name: value (no space before ':')");
    }
    std::string_view value = TrimSpaces(field.substr(colon + 1));
    if (std::any_of(value.begin(), value.end(), IsControl)) {
      return Bad(head, 400, "header field " + std::string(name) + " holds a control byte");
    }
    std::string lower_name = Lower(name);
    if (lower_name == "range" || lower_name == "if-range") continue;  // see `forwarded`
    if (lower_name == "content-length") {
      if (has_length) return Bad(head, 400, "Content-Length given twice: send it once");
      has_length = true;
      if (value.empty() || value.size() > 18 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Bad(head, 400, "Content-Length must be a number of bytes");
      }
      head.content_length = std::stoull(std::string(value));
    } else if (lower_name == "transfer-encoding") {
      if (has_encoding) return Bad(head, 400, "Transfer-Encoding given twice: send it once");
      has_encoding = true;
      if (Lower(value) != "chunked") {
        return Bad(head, 501,
                   "Transfer-Encoding " + std::string(value) +
                       " is not supported: send the body with Content-Length, or "
                       "chunked");
      }
      chunked = true;
    } else if (lower_name == "connection") {
      std::string options = Lower(value);
      for (size_t start = 0; start <= options.size();) {
        size_t comma = std::min(options.find(',', start), options.size());
        std::string_view option =
            TrimSpaces(std::string_view(options).substr(start, comma - start));
        close = close || option == "close";
        keep_alive = keep_alive || option == "keep-alive";
        start = comma + 1;
      }
    }
    head.forwarded.append(field).append("\r\n");
  }
  head.forwarded.append("\r\n");
  if (chunked && has_length) {
    return Bad(head, 400, "both Content-Length and Transfer-Encoding: send one of them");
  }
  if (chunked && head.http_1_0) return Bad(head, 400, "chunked bodies need HTTP/1.1");
  head.framing = chunked      ? BodyFraming::kChunked
                 : has_length ? BodyFraming::kLength
                              : BodyFraming::kNone;
  head.keep_alive = head.http_1_0 ? keep_alive && !close : !close;
  head.state = RequestHead::State::kComplete;
  return head;
}

}  // namespace vnsearch
