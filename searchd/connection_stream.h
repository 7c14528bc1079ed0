// connection_stream: what one request on a connection reads and writes through, for cpp-httplib
// and for the handler that reads the body: the head the poller received and checked (and
// nothing after it); then — only through ReadBody — the body, from the bytes received with the
// head and then the socket, never past its framing, with a size limit and a wait limit; and the
// answer, written with a wait limit. Not thread-safe: one per request, on its worker.
#ifndef VNSEARCH_SEARCHD_CONNECTION_STREAM_H_
#define VNSEARCH_SEARCHD_CONNECTION_STREAM_H_

#include <httplib.h>

#include <cstdint>
#include <string>

#include "searchd/request_head.h"

namespace vnsearch {

class ConnectionStream : public httplib::Stream {
 public:
  // `received`: the connection's bytes, from the start of this request's `head` (all of them
  // outlive the stream). Waits on `fd` at most `io_timeout_seconds` at a time.
  ConnectionStream(const std::string& received, int fd, const RequestHead& head,
                   double io_timeout_seconds, const std::string& remote_addr, int remote_port,
                   const std::string& local_addr, int local_port);

  bool is_readable() const override { return true; }
  bool is_writable() const override { return !broken_; }
  // The head only; past it, the end of the stream (a body is read by ReadBody).
  ssize_t read(char* ptr, size_t size) override;
  // All of it, or -1 when the client does not take it in time or the connection broke.
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

  // Reads the body into *body, decoding a chunked one; 0 when read, else the status to answer:
  // 400 (malformed, cut short), 408 (too slow), 413 (past `max_bytes`: refused from its
  // Content-Length without reading it, or as soon as a chunk goes past), 500 (read twice).
  int ReadBody(size_t max_bytes, std::string* body, std::string* error);

  // Whether every byte of the request was read: the next request starts where it ended.
  bool RequestFullyRead() const;

  // Bytes of `received` the request used (its head, and the body bytes taken from there).
  size_t ReceivedBytesUsed() const { return head_.size + body_from_received_; }

  // Whether the connection cannot carry another request: an answer could not be written, or a
  // body could not be read.
  bool broken() const { return broken_ || read_failed_; }

 private:
  bool Wait(short events);
  ssize_t ReadBodyBytes(char* ptr, size_t size, uint64_t budget);
  int Failed(const char* cut_short, std::string* error);
  int ReadLengthBody(size_t max_bytes, std::string* body, std::string* error);
  int ReadChunkedBody(size_t max_bytes, std::string* body, std::string* error);

  const std::string& received_;
  const int fd_;
  const RequestHead& head_;
  const double io_timeout_seconds_;
  const std::string& remote_addr_;
  const int remote_port_;
  const std::string& local_addr_;
  const int local_port_;
  size_t head_served_ = 0;
  bool body_read_ = false;
  uint64_t body_taken_ = 0;        // body bytes (raw, for chunked) read so far
  size_t body_from_received_ = 0;  // of which from `received_`
  bool broken_ = false;            // writing failed: nothing more can be sent
  bool read_failed_ = false;       // reading the body failed (closed, reset or too slow)
  bool timed_out_ = false;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_CONNECTION_STREAM_H_
