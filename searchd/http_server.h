// http_server: vnsearchd's HTTP/1.1 server. cpp-httplib parses each request and writes each
// answer, with the handlers, error handler and logger set on it (httplib::Server's interface);
// the connections are handled here instead of by cpp-httplib's accept loop and thread pool:
//   - one poller thread accepts connections and reads request heads (request_head.h) without
//     blocking, with limits on their size and a deadline on their arrival, so idle or slow
//     connections cost a file descriptor and a buffer, never a worker;
//   - a fixed pool of worker threads answers requests whose head has arrived whole, and may read
//     their bodies (ReadRequestBody) only when a handler asks, with a limit, so a request can be
//     refused (401, 413, 405…) before its body is read;
//   - connections past the limit evict the longest idle one; an answer that ends a connection
//     with unread input is followed by a short lingering close, so the client reads it.
// Thread-safety: configure (the httplib::Server setters) and Bind before Run; Stop may be
// called from any thread. Handlers run on the worker threads, one request per thread at a time.
#ifndef VNSEARCH_SEARCHD_HTTP_SERVER_H_
#define VNSEARCH_SEARCHD_HTTP_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "searchd/request_head.h"

namespace vnsearch {

struct HttpLimits {
  HeadLimits head;
  double head_timeout_seconds = 10;  // from a request's first byte to its blank line: else 408
  double idle_timeout_seconds = 5;   // a connection with no request under way is closed after
  double io_timeout_seconds = 10;    // each wait while reading a body or writing an answer
  size_t max_connections = 10000;    // open at once (fewer if the file limit is lower)
  size_t max_requests_per_connection = 1000;
};

// The request being answered on the calling thread: valid in handlers and in the logger.
struct RequestContext {
  std::chrono::steady_clock::time_point started;  // its first byte arrived
  std::string request_line;                       // as received (for logs)
  BodyFraming framing = BodyFraming::kNone;
  uint64_t content_length = 0;  // with BodyFraming::kLength
};

// Null outside a request served by an HttpServer.
const RequestContext* CurrentRequest();

// Reads the body of the request being answered on the calling thread into *body, refusing it
// beyond `max_bytes`. Returns 0 when read, else the status to answer (400 malformed or cut
// short, 408 too slow, 413 too large) with *error saying why; the connection is then closed
// after the answer. Reads at most once per request.
int ReadRequestBody(size_t max_bytes, std::string* body, std::string* error);

// A request refused while its head was read (before any handler): for the access log.
struct RefusedRequest {
  std::string remote_addr;
  std::string request_line;  // may be empty or partial
  int status = 0;
  size_t body_bytes = 0;
  double seconds = 0;
};

class HttpServer : public httplib::Server {
 public:
  HttpServer(const HttpLimits& limits, int worker_threads);
  ~HttpServer() override;

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on host:port (port 0: any free one). Returns the port, or -1 with *error set.
  int Bind(const std::string& host, int port, std::string* error);

  // Serves until Stop(); the calling thread becomes the poller.
  void Run();

  // Makes Run return: requests being answered finish, queued ones are dropped. Thread-safe.
  void Stop();

  // Called (on the poller thread) for each request refused before routing.
  void set_refusal_logger(std::function<void(const RefusedRequest&)> logger) {
    refusal_logger_ = std::move(logger);
  }

 private:
  struct Connection;
  struct Poller;

  // httplib::Server's accept loop (listen) is not used; should it be, its sockets come here.
  bool process_and_close_socket(socket_t sock) override;

  void WorkerLoop();
  void Serve(std::unique_ptr<Connection> connection, RequestHead head);
  // Answers one request; returns whether the connection may carry another.
  bool ServeOne(Connection& connection, const RequestHead& head);
  void ReturnToPoller(std::unique_ptr<Connection> connection, bool close_lingering);

  const HttpLimits limits_;
  const int worker_threads_;
  std::unique_ptr<Poller> poller_;
  std::function<void(const RefusedRequest&)> refusal_logger_;

  // Wakes the worker idle last (its searcher and memory the warmest in the caches), or every
  // idle worker. Called with work_mutex_ held.
  void WakeOneWorker();
  void WakeEveryWorker();

  std::mutex work_mutex_;
  // The idle workers, each waiting on its own condition, the one idle last at the back.
  std::vector<std::condition_variable*> idle_workers_;
  std::deque<std::pair<std::unique_ptr<Connection>, RequestHead>> work_;
  std::vector<std::thread> workers_;
  std::atomic<bool> stopping_{false};
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_HTTP_SERVER_H_
