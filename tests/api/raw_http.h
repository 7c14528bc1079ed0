// raw_http: test helper that speaks HTTP over a plain loopback socket, byte for byte, for the
// requests no well-behaved client library would send: slow, oversized, malformed, half-sent.
#ifndef VNSEARCH_TESTS_API_RAW_HTTP_H_
#define VNSEARCH_TESTS_API_RAW_HTTP_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

namespace vnsearch::testing {

// One answer as received: the status line's code, the head and the body.
struct RawAnswer {
  int status = 0;  // 0: no answer (closed, reset or timed out before a status line)
  std::string head;
  std::string body;

  // The value of header `name` (exact case as vnsearchd writes it), or "".
  std::string Header(const std::string& name) const {
    size_t at = head.find("\r\n" + name + ": ");
    if (at == std::string::npos) return "";
    at += name.size() + 4;
    return head.substr(at, head.find("\r\n", at) - at);
  }
};

class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { Close(); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  // Sends all of `bytes`; false when the server closed or reset the connection first.
  bool Send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  void ShutdownWrite() { ::shutdown(fd_, SHUT_WR); }

  // Reads one answer, waiting at most `seconds` in all. The answer to a HEAD request has no body
  // whatever its Content-Length says: pass `to_head`.
  RawAnswer Read(double seconds = 10, bool to_head = false) {
    RawAnswer answer;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    size_t head_end = std::string::npos;
    size_t body_length = std::string::npos;
    while (true) {
      head_end = pending_.find("\r\n\r\n");
      if (head_end != std::string::npos && body_length == std::string::npos) {
        answer.head = pending_.substr(0, head_end);
        answer.status = std::atoi(answer.head.substr(9, 3).c_str());
        std::string length = answer.Header("Content-Length");
        body_length = length.empty() || to_head ? 0 : std::strtoul(length.c_str(), nullptr, 10);
      }
      if (body_length != std::string::npos && pending_.size() >= head_end + 4 + body_length) {
        answer.body = pending_.substr(head_end + 4, body_length);
        pending_.erase(0, head_end + 4 + body_length);
        return answer;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd waiting = {fd_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) break;
      char chunk[65536];
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      pending_.append(chunk, static_cast<size_t>(n));
    }
    if (answer.status != 0 && body_length == std::string::npos) answer.status = 0;
    return answer;
  }

  // Whether the server closed the connection within `seconds` (reading and dropping input).
  bool ClosedWithin(double seconds) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd waiting = {fd_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) {
        return false;
      }
      char chunk[4096];
      if (::recv(fd_, chunk, sizeof chunk, 0) <= 0) return true;
    }
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string pending_;
};

// Sends `request` on a new connection and reads the answer.
inline RawAnswer RawRequest(int port, const std::string& request, double seconds = 10) {
  RawConnection connection(port);
  connection.Send(request);
  return connection.Read(seconds);
}

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_RAW_HTTP_H_
