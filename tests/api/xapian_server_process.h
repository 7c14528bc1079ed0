// xapian_server_process: test helper that runs one of Xapian's own servers — xapian-tcpsrv (a
// remote shard) or xapian-replicate-server — or xapian-replicate, on a free loopback port, in
// a process group of its own, so that a test can stop it as a machine would (every connection
// it forked with it), freeze it, and start it again on the same port.
#ifndef VNSEARCH_TESTS_API_XAPIAN_SERVER_PROCESS_H_
#define VNSEARCH_TESTS_API_XAPIAN_SERVER_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace vnsearch::testing {

// A free TCP port on 127.0.0.1 (bound, then released: the caller binds it next).
int FreeLoopbackPort();

// Whether something accepts connections on 127.0.0.1:`port`, waiting up to `seconds`.
bool WaitForListener(int port, double seconds);

class XapianServerProcess {
 public:
  // Runs `program` (a path, or a name looked up in PATH) with `arguments`; when `port` is not 0,
  // waits until it accepts connections there (aborting the test run after a few seconds).
  XapianServerProcess(std::string program, std::vector<std::string> arguments, int port = 0);
  ~XapianServerProcess();  // Kill()

  XapianServerProcess(const XapianServerProcess&) = delete;
  XapianServerProcess& operator=(const XapianServerProcess&) = delete;

  // xapian-tcpsrv serving `database` on 127.0.0.1 and a free port (--writable if asked).
  static XapianServerProcess* TcpServer(const std::string& database, bool writable);

  int port() const { return port_; }
  std::string address() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

  // Kills the whole process group (the server and the connections it forked) and waits.
  void Kill();
  // Stops (SIGSTOP) and resumes (SIGCONT) the whole group: a server that hangs.
  void Freeze();
  void Thaw();
  // Starts the same command again (same port), after Kill().
  void Restart();

 private:
  void Start();

  std::string program_;
  std::vector<std::string> arguments_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_XAPIAN_SERVER_PROCESS_H_
