// connection_stream: the socket is non-blocking; every wait is a poll() with the I/O timeout.

#include "searchd/connection_stream.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "searchd/chunked_body.h"

namespace vnsearch {
namespace {

constexpr size_t kReadChunk = 16384;
// Chunk-size lines and trailers around a chunked body, beyond twice the body itself.
constexpr uint64_t kChunkedOverheadBytes = 1 << 20;

}  // namespace

ConnectionStream::ConnectionStream(const std::string& received, int fd, const RequestHead& head,
                                   double io_timeout_seconds, const std::string& remote_addr,
                                   int remote_port, const std::string& local_addr, int local_port)
    : received_(received),
      fd_(fd),
      head_(head),
      io_timeout_seconds_(io_timeout_seconds),
      remote_addr_(remote_addr),
      remote_port_(remote_port),
      local_addr_(local_addr),
      local_port_(local_port) {}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  size_t count = std::min(size, head_.forwarded.size() - head_served_);
  std::memcpy(ptr, head_.forwarded.data() + head_served_, count);
  head_served_ += count;
  return static_cast<ssize_t>(count);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  size_t sent = 0;
  while (sent < size && !broken_) {
    ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!Wait(POLLOUT)) broken_ = true;
    } else {
      broken_ = true;
    }
  }
  return broken_ ? -1 : static_cast<ssize_t>(size);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_addr_;
  port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = local_addr_;
  port = local_port_;
}

int ConnectionStream::ReadBody(size_t max_bytes, std::string* body, std::string* error) {
  if (body_read_) {
    *error = "the body was read already";
    return 500;
  }
  body_read_ = true;
  switch (head_.framing) {
    case BodyFraming::kNone:
      return 0;
    case BodyFraming::kLength:
      return ReadLengthBody(max_bytes, body, error);
    case BodyFraming::kChunked:
      return ReadChunkedBody(max_bytes, body, error);
  }
  return 500;
}

bool ConnectionStream::RequestFullyRead() const {
  if (head_.framing == BodyFraming::kNone) return true;
  if (head_.framing == BodyFraming::kLength) return body_taken_ == head_.content_length;
  return false;  // a chunked body's end is not tracked: the connection closes after it
}

bool ConnectionStream::Wait(short events) {
  pollfd waiting = {fd_, events, 0};
  while (true) {
    int ready = ::poll(&waiting, 1, static_cast<int>(io_timeout_seconds_ * 1000));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) timed_out_ = true;
    return ready > 0;
  }
}

// Up to `size` bytes of the body, at most `budget` in all: from what was received with the head,
// then from the socket. 0 at the end of the budget, -1 on error or timeout.
ssize_t ConnectionStream::ReadBodyBytes(char* ptr, size_t size, uint64_t budget) {
  if (body_taken_ >= budget) return 0;
  size = static_cast<size_t>(std::min<uint64_t>(size, budget - body_taken_));
  size_t buffered_at = head_.size + body_from_received_;
  if (buffered_at < received_.size()) {
    size_t count = std::min(size, received_.size() - buffered_at);
    std::memcpy(ptr, received_.data() + buffered_at, count);
    body_from_received_ += count;
    body_taken_ += count;
    return static_cast<ssize_t>(count);
  }
  while (true) {
    ssize_t n = ::recv(fd_, ptr, size, 0);
    if (n > 0) {
      body_taken_ += static_cast<uint64_t>(n);
      return n;
    }
    if (n == 0) {
      read_failed_ = true;
      return -1;
    }
    if (errno == EINTR) continue;
    if ((errno == EAGAIN || errno == EWOULDBLOCK) && Wait(POLLIN)) continue;
    read_failed_ = true;
    return -1;
  }
}

int ConnectionStream::Failed(const char* cut_short, std::string* error) {
  read_failed_ = true;
  if (timed_out_) {
    *error = "the body did not arrive within " +
             std::to_string(static_cast<int>(io_timeout_seconds_)) + " s";
    return 408;
  }
  *error = cut_short;
  return 400;
}

int ConnectionStream::ReadLengthBody(size_t max_bytes, std::string* body, std::string* error) {
  if (head_.content_length > max_bytes) {
    *error = "the request body is larger than " + std::to_string(max_bytes) + " bytes";
    return 413;
  }
  body->resize(static_cast<size_t>(head_.content_length));
  size_t got = 0;
  while (got < body->size()) {
    ssize_t n = ReadBodyBytes(body->data() + got, body->size() - got, head_.content_length);
    if (n <= 0) return Failed("the body ended before its Content-Length", error);
    got += static_cast<size_t>(n);
  }
  return 0;
}

int ConnectionStream::ReadChunkedBody(size_t max_bytes, std::string* body, std::string* error) {
  ChunkedBody decoder(max_bytes);
  uint64_t raw_budget = 2 * static_cast<uint64_t>(max_bytes) + kChunkedOverheadBytes;
  char chunk[kReadChunk];
  while (decoder.state() == ChunkedBody::State::kMore) {
    ssize_t n = ReadBodyBytes(chunk, sizeof chunk, raw_budget);
    if (n == 0) {  // the raw budget is spent: chunk lines around tiny chunks
      *error = "the chunked body is larger than " + std::to_string(max_bytes) + " bytes";
      return 413;
    }
    if (n < 0) return Failed("the chunked body ended before its last chunk", error);
    decoder.Feed(std::string_view(chunk, static_cast<size_t>(n)), body);
  }
  if (decoder.state() == ChunkedBody::State::kTooLarge) {
    *error = decoder.error();
    return 413;
  }
  if (decoder.state() == ChunkedBody::State::kBad) {
    *error = decoder.error();
    return 400;
  }
  return 0;
}

}  // namespace vnsearch
