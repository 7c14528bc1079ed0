// http_server: the poller owns every connection that is waiting for a request (or lingering
// before its close); a worker owns a connection while it answers on it and hands it back after.
// cpp-httplib reads the head through a ConnectionStream (connection_stream.h), which serves it
// the head the poller already received and checked (request_head.h) and nothing more: a body is
// only ever read by ReadRequestBody, when a handler has decided the request deserves it.

#include "searchd/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <list>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "searchd/connection_stream.h"

namespace vnsearch {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kReadChunk = 16384;
// After an answer that closes a connection with input still coming (a refused body, a head over
// the limit), the input is read and dropped this long, so that the client sees the answer
// instead of a reset.
constexpr double kLingerSeconds = 2;
constexpr int kSweepMilliseconds = 250;

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

Clock::duration Duration(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

void SetNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

std::string AddressText(const sockaddr_storage& address, int* port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    const auto* ipv4 = reinterpret_cast<const sockaddr_in*>(&address);
    ::inet_ntop(AF_INET, &ipv4->sin_addr, text, sizeof text);
    *port = ntohs(ipv4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* ipv6 = reinterpret_cast<const sockaddr_in6*>(&address);
    ::inet_ntop(AF_INET6, &ipv6->sin6_addr, text, sizeof text);
    *port = ntohs(ipv6->sin6_port);
  }
  return text;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

const char* ErrorCode(int status) {
  switch (status) {
    case 408:
      return "timeout";
    case 413:
      return "too_large";
    case 414:
      return "too_long";
    case 431:
      return "headers_too_large";
    case 501:
      return "not_implemented";
    case 505:
      return "http_version";
    default:
      return "bad_request";
  }
}

// The whole answer to a request refused before routing, in the API's error shape.
std::string RefusalAnswer(int status, const std::string& message) {
  nlohmann::json error = {{"error", {{"code", ErrorCode(status)}, {"message", message}}}};
  std::string body = error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "HTTP/1.1 " + std::to_string(status) + " " + ReasonPhrase(status) +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace

struct HttpServer::Connection {
  ~Connection() {
    if (fd >= 0) ::close(fd);
  }

  int fd = -1;
  std::string remote_addr;
  int remote_port = 0;
  std::string local_addr;
  int local_port = 0;
  std::string received;            // bytes received and not yet used by a request
  Clock::time_point parked_at;     // when it last began to wait for a request
  Clock::time_point head_started;  // the first byte of the request under way arrived
  bool head_under_way = false;
  bool request_line_seen = false;  // a line end arrived (control bytes before it are refused)
  size_t requests = 0;
  bool lingering = false;  // answered and shut for writing: input is dropped
  Clock::time_point linger_until;
  std::list<Connection*>::iterator in_order;  // in Poller::order while parked
};

namespace {

thread_local ConnectionStream* current_stream = nullptr;
thread_local RequestContext current_context;

}  // namespace

const RequestContext* CurrentRequest() {
  return current_stream == nullptr ? nullptr : &current_context;
}

int ReadRequestBody(size_t max_bytes, std::string* body, std::string* error) {
  if (current_stream == nullptr) {
    *error = "no request is being answered on this thread";
    return 500;
  }
  return current_stream->ReadBody(max_bytes, body, error);
}

// The poller: one thread, one epoll set of the listening socket, a wake-up eventfd and every
// parked connection (level-triggered; a connection handed to a worker leaves the set).
struct HttpServer::Poller {
  explicit Poller(const HttpLimits& poller_limits) : limits(poller_limits) {
    epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    Watch(wake_fd);
  }
  ~Poller() {
    parked.clear();
    if (listen_fd >= 0) ::close(listen_fd);
    ::close(wake_fd);
    ::close(epoll_fd);
  }

  void Watch(int fd) {
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
  }

  void Wake() {
    uint64_t one = 1;
    ssize_t ignored = ::write(wake_fd, &one, sizeof one);
    (void)ignored;
  }

  // A connection starts (or resumes) waiting for a request.
  void Park(std::unique_ptr<Connection> connection, Clock::time_point now) {
    Connection* raw = connection.get();
    raw->parked_at = now;
    raw->head_under_way = !raw->received.empty();
    raw->head_started = now;
    raw->request_line_seen = false;
    order.push_back(raw);
    raw->in_order = std::prev(order.end());
    Watch(raw->fd);
    parked[raw->fd] = std::move(connection);
  }

  // Takes a parked connection out of the poller's hands (to a worker, or to be closed).
  std::unique_ptr<Connection> Unpark(int fd) {
    auto found = parked.find(fd);
    std::unique_ptr<Connection> connection = std::move(found->second);
    parked.erase(found);
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    if (!connection->lingering) order.erase(connection->in_order);
    return connection;
  }

  void Close(int fd) {
    Unpark(fd);
    --open_connections;
  }

  // Answers `status` and closes the connection after a lingering wait for its input to stop.
  void Refuse(Connection* connection, int status, const std::string& message,
              const std::string& request_line, Clock::time_point now,
              const std::function<void(const RefusedRequest&)>& logger) {
    std::string answer = RefusalAnswer(status, message);
    ssize_t ignored =
        ::send(connection->fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)ignored;
    if (logger) {
      RefusedRequest refused;
      refused.remote_addr = connection->remote_addr;
      refused.request_line = request_line;
      refused.status = status;
      refused.body_bytes = answer.size() - answer.find("\r\n\r\n") - 4;
      refused.seconds = Seconds(
          now - (connection->head_under_way ? connection->head_started : connection->parked_at));
      logger(refused);
    }
    Linger(connection, now);
  }

  void Linger(Connection* connection, Clock::time_point now) {
    ::shutdown(connection->fd, SHUT_WR);
    if (!connection->lingering) order.erase(connection->in_order);
    connection->lingering = true;
    connection->linger_until = now + Duration(kLingerSeconds);
    connection->received.clear();
  }

  const HttpLimits limits;
  int epoll_fd = -1;
  int wake_fd = -1;
  int listen_fd = -1;
  size_t max_connections = 0;
  std::unordered_map<int, std::unique_ptr<Connection>> parked;
  std::list<Connection*> order;  // parked, not lingering, longest parked first: evicted first
  std::atomic<size_t> open_connections{0};

  std::mutex returned_mutex;
  // Connections given back by workers: to park again, or (true) to close after lingering.
  std::vector<std::pair<std::unique_ptr<Connection>, bool>> returned;
};

HttpServer::HttpServer(const HttpLimits& limits, int worker_threads)
    : limits_(limits), worker_threads_(worker_threads), poller_(new Poller(limits)) {
  set_keep_alive_timeout(static_cast<time_t>(limits.idle_timeout_seconds));
  set_keep_alive_max_count(limits.max_requests_per_connection);
}

HttpServer::~HttpServer() {
  Stop();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
}

int HttpServer::Bind(const std::string& host, int port, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* addresses = nullptr;
  std::string service = std::to_string(port);
  if (int status = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &addresses)) {
    *error = "cannot resolve " + host + ": " + ::gai_strerror(status);
    return -1;
  }
  int fd = -1;
  std::string last_error = "no address";
  for (addrinfo* address = addresses; address != nullptr && fd < 0; address = address->ai_next) {
    fd = ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, address->ai_addr, address->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
      last_error = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(addresses);
  if (fd < 0) {
    *error = "cannot listen on " + host + ":" + service + ": " + last_error;
    return -1;
  }
  SetNonBlocking(fd);
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  int bound_port = 0;
  AddressText(bound, &bound_port);
  poller_->listen_fd = fd;
  poller_->Watch(fd);

  // Each connection is a file descriptor: raise the soft limit to the hard one, and keep a
  // margin for the index's files and the access log.
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
    ::getrlimit(RLIMIT_NOFILE, &files);
  }
  size_t usable = files.rlim_cur > 256 ? static_cast<size_t>(files.rlim_cur) - 128 : 128;
  poller_->max_connections = std::min(limits_.max_connections, usable);
  return bound_port;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  auto connection = std::make_unique<Connection>();
  connection->fd = sock;
  SetNonBlocking(sock);
  ++poller_->open_connections;
  {
    std::lock_guard<std::mutex> lock(poller_->returned_mutex);
    poller_->returned.emplace_back(std::move(connection), false);
  }
  poller_->Wake();
  return true;
}

void HttpServer::Stop() {
  stopping_ = true;
  poller_->Wake();
  std::lock_guard<std::mutex> lock(work_mutex_);
  WakeEveryWorker();
}

void HttpServer::WakeOneWorker() {
  if (idle_workers_.empty()) return;  // a busy worker takes the work when it is done
  idle_workers_.back()->notify_one();
  idle_workers_.pop_back();
}

void HttpServer::WakeEveryWorker() {
  for (std::condition_variable* idle : idle_workers_) idle->notify_one();
  idle_workers_.clear();
}

void HttpServer::Run() {
  for (int i = 0; i < worker_threads_; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  Poller& poller = *poller_;
  auto last_sweep = Clock::now();
  bool listening_paused = false;

  auto accept_all = [&](Clock::time_point now) {
    while (true) {
      sockaddr_storage address{};
      socklen_t length = sizeof address;
      int fd = ::accept4(poller.listen_fd, reinterpret_cast<sockaddr*>(&address), &length,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO) continue;
        if (errno == EMFILE || errno == ENFILE) {
          if (!poller.order.empty()) {
            poller.Close(poller.order.front()->fd);  // make room: the longest idle goes
            continue;
          }
          // Nothing to close: stop listening until the next sweep rather than spin.
          ::epoll_ctl(poller.epoll_fd, EPOLL_CTL_DEL, poller.listen_fd, nullptr);
          listening_paused = true;
        }
        return;  // EAGAIN: all accepted (other errors: tried again at the next wake-up)
      }
      if (poller.open_connections >= poller.max_connections) {
        if (poller.order.empty()) {
          ::close(fd);  // every connection is busy with a request: no room
          continue;
        }
        poller.Close(poller.order.front()->fd);
      }
      auto connection = std::make_unique<Connection>();
      connection->fd = fd;
      connection->remote_addr = AddressText(address, &connection->remote_port);
      sockaddr_storage local{};
      length = sizeof local;
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length);
      connection->local_addr = AddressText(local, &connection->local_port);
      // Answers go out as two writes (head, body): without TCP_NODELAY, Nagle's algorithm and
      // the client's delayed ACK hold the body back ~40 ms on every keep-alive request.
      int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      ++poller.open_connections;
      poller.Park(std::move(connection), now);
    }
  };

  // New bytes arrived on a parked connection: refuse its head, hand it to a worker, or wait.
  auto examine = [&](Connection* connection, size_t new_from, Clock::time_point now) {
    if (connection->received.size() > new_from && !connection->head_under_way) {
      connection->head_under_way = true;
      connection->head_started = now;
    }
    std::string_view received = connection->received;
    // Cheap checks on the new bytes first; the head is read whole only when it may be done,
    // too long, or wrong from its first line.
    bool worth_reading =
        received.size() >= limits_.head.max_head_bytes ||
        received.find("\r\n\r\n", new_from >= 3 ? new_from - 3 : 0) != std::string_view::npos;
    if (!connection->request_line_seen) {
      for (size_t i = new_from; i < received.size(); ++i) {
        unsigned char byte = static_cast<unsigned char>(received[i]);
        if (byte == '\n') {
          connection->request_line_seen = true;
          worth_reading = true;
          break;
        }
        worth_reading = worth_reading || (byte < 0x20 && byte != '\r') || byte == 0x7F;
      }
      worth_reading = worth_reading || received.size() > limits_.head.max_request_line_bytes + 1;
    }
    if (!worth_reading) return;
    RequestHead head = ReadRequestHead(received, limits_.head);
    if (head.state == RequestHead::State::kBad) {
      poller.Refuse(connection, head.error_status, head.error_message, head.request_line, now,
                    refusal_logger_);
    } else if (head.state == RequestHead::State::kComplete) {
      std::unique_ptr<Connection> ready = poller.Unpark(connection->fd);
      std::lock_guard<std::mutex> lock(work_mutex_);
      work_.emplace_back(std::move(ready), std::move(head));
      WakeOneWorker();
    }
  };

  auto read_from = [&](int fd, Clock::time_point now) {
    auto found = poller.parked.find(fd);
    if (found == poller.parked.end()) return;
    Connection* connection = found->second.get();
    size_t new_from = connection->received.size();
    char chunk[kReadChunk];
    bool ended = false;
    while (connection->lingering ||
           connection->received.size() < limits_.head.max_head_bytes + kReadChunk) {
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n > 0) {
        if (!connection->lingering) connection->received.append(chunk, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      ended = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
      break;
    }
    if (connection->lingering) {
      if (ended) poller.Close(fd);
      return;
    }
    if (connection->received.size() > new_from) examine(connection, new_from, now);
    // The client closed its side (or the connection broke) and no complete request is left.
    if (ended && poller.parked.count(fd) && !poller.parked[fd]->lingering) poller.Close(fd);
  };

  auto take_returned = [&](Clock::time_point now) {
    std::vector<std::pair<std::unique_ptr<Connection>, bool>> returned;
    {
      std::lock_guard<std::mutex> lock(poller.returned_mutex);
      returned.swap(poller.returned);
    }
    for (auto& [connection, close_lingering] : returned) {
      Connection* raw = connection.get();
      poller.Park(std::move(connection), now);
      if (close_lingering) {
        poller.Linger(raw, now);
      } else if (!raw->received.empty()) {
        examine(raw, 0, now);  // part of the next request came with the last one
      }
    }
  };

  // Deadlines: idle connections close, slow heads get 408, lingering ends.
  auto sweep = [&](Clock::time_point now) {
    std::vector<int> to_close;
    std::vector<Connection*> too_slow;
    for (auto& [fd, connection] : poller.parked) {
      if (connection->lingering) {
        if (now >= connection->linger_until) to_close.push_back(fd);
      } else if (!connection->head_under_way) {
        if (now - connection->parked_at > Duration(limits_.idle_timeout_seconds)) {
          to_close.push_back(fd);
        }
      } else if (now - connection->head_started > Duration(limits_.head_timeout_seconds)) {
        too_slow.push_back(connection.get());
      }
    }
    for (int fd : to_close) poller.Close(fd);
    for (Connection* connection : too_slow) {
      RequestHead partial = ReadRequestHead(connection->received, limits_.head);
      poller.Refuse(connection, 408,
                    "the request did not arrive within " +
                        std::to_string(static_cast<int>(limits_.head_timeout_seconds)) + " s",
                    partial.request_line, now, refusal_logger_);
    }
  };

  epoll_event events[128];
  while (!stopping_) {
    int count = ::epoll_wait(poller.epoll_fd, events, 128, kSweepMilliseconds);
    auto now = Clock::now();
    for (int i = 0; i < count; ++i) {
      int fd = events[i].data.fd;
      if (fd == poller.listen_fd) {
        accept_all(now);
      } else if (fd == poller.wake_fd) {
        uint64_t wakes = 0;
        ssize_t ignored = ::read(poller.wake_fd, &wakes, sizeof wakes);
        (void)ignored;
        take_returned(now);
      } else {
        read_from(fd, now);
      }
    }
    if (now - last_sweep > std::chrono::milliseconds(kSweepMilliseconds)) {
      sweep(now);
      last_sweep = now;
      if (listening_paused) {
        poller.Watch(poller.listen_fd);
        listening_paused = false;
      }
    }
  }
  // Stopping: answer no more; workers finish the requests they have.
  if (!listening_paused) ::epoll_ctl(poller.epoll_fd, EPOLL_CTL_DEL, poller.listen_fd, nullptr);
  ::close(poller.listen_fd);
  poller.listen_fd = -1;
  {
    std::lock_guard<std::mutex> lock(work_mutex_);
    WakeEveryWorker();
  }
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  {
    std::lock_guard<std::mutex> lock(work_mutex_);
    work_.clear();
  }
  std::lock_guard<std::mutex> lock(poller.returned_mutex);
  poller.returned.clear();
}

void HttpServer::WorkerLoop() {
  std::condition_variable woken;
  while (true) {
    std::unique_ptr<Connection> connection;
    RequestHead head;
    {
      std::unique_lock<std::mutex> lock(work_mutex_);
      while (!stopping_ && work_.empty()) {
        idle_workers_.push_back(&woken);
        woken.wait(lock);
        // Woken by WakeOneWorker, which took it off the list; or spuriously, still on it.
        auto still_idle = std::find(idle_workers_.begin(), idle_workers_.end(), &woken);
        if (still_idle != idle_workers_.end()) idle_workers_.erase(still_idle);
      }
      if (stopping_) return;
      connection = std::move(work_.front().first);
      head = std::move(work_.front().second);
      work_.pop_front();
    }
    Serve(std::move(connection), std::move(head));
  }
}

void HttpServer::Serve(std::unique_ptr<Connection> connection, RequestHead head) {
  while (true) {
    bool reusable = ServeOne(*connection, head);
    if (!reusable || stopping_) {
      // Input may still be coming (a body not read): linger, so the client reads the answer.
      ReturnToPoller(std::move(connection), /*close_lingering=*/true);
      return;
    }
    if (connection->received.empty()) break;
    // Pipelined: the next request arrived with this one.
    head = ReadRequestHead(connection->received, limits_.head);
    if (head.state != RequestHead::State::kComplete) break;
    connection->head_started = Clock::now();
  }
  ReturnToPoller(std::move(connection), /*close_lingering=*/false);
}

bool HttpServer::ServeOne(Connection& connection, const RequestHead& head) {
  ConnectionStream stream(connection.received, connection.fd, head, limits_.io_timeout_seconds,
                          connection.remote_addr, connection.remote_port, connection.local_addr,
                          connection.local_port);
  current_context.started = connection.head_started;
  current_context.request_line = head.request_line;
  current_context.framing = head.framing;
  current_context.content_length = head.content_length;
  current_stream = &stream;
  bool last = !head.keep_alive || connection.requests + 1 >= limits_.max_requests_per_connection;
  bool closed_by_client = false;
  bool answered = process_request(stream, last, closed_by_client, {});
  current_stream = nullptr;
  ++connection.requests;
  bool reusable =
      answered && !last && !closed_by_client && !stream.broken() && stream.RequestFullyRead();
  if (reusable) connection.received.erase(0, stream.ReceivedBytesUsed());
  return reusable;
}

void HttpServer::ReturnToPoller(std::unique_ptr<Connection> connection, bool close_lingering) {
  {
    std::lock_guard<std::mutex> lock(poller_->returned_mutex);
    poller_->returned.emplace_back(std::move(connection), close_lingering);
  }
  poller_->Wake();
}

}  // namespace vnsearch
