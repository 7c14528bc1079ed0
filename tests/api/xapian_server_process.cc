// xapian_server_process: fork/exec with setpgid, so that kill(-pgid) reaches the children that
// xapian-tcpsrv forks for each connection — killing only the listener would leave them serving
// the connections vnsearchd already holds, and the shard would not look stopped at all.

#include "api/xapian_server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace vnsearch::testing {

int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("cannot find a free loopback port");
  }
  int port = ntohs(address.sin_port);
  close(fd);
  return port;
}

bool WaitForListener(int port, double seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    if (connected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

XapianServerProcess::XapianServerProcess(std::string program, std::vector<std::string> arguments,
                                         int port)
    : program_(std::move(program)), arguments_(std::move(arguments)), port_(port) {
  Start();
}

XapianServerProcess::~XapianServerProcess() { Kill(); }

XapianServerProcess* XapianServerProcess::TcpServer(const std::string& database, bool writable) {
  int port = FreeLoopbackPort();
  std::vector<std::string> arguments = {"--interface", "127.0.0.1", "--port", std::to_string(port),
                                        "--quiet"};
  if (writable) arguments.push_back("--writable");
  arguments.push_back(database);
  return new XapianServerProcess("xapian-tcpsrv", arguments, port);
}

void XapianServerProcess::Start() {
  pid_ = fork();
  if (pid_ == 0) {
    setpgid(0, 0);
    int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDOUT_FILENO);
    std::vector<char*> argv = {const_cast<char*>(program_.c_str())};
    for (const std::string& argument : arguments_)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    std::perror(("execvp " + program_ + " (install xapian-tools: make deps)").c_str());
    _exit(127);
  }
  setpgid(pid_, pid_);  // also here, so that a Kill() right after the fork reaches the group
  if (port_ != 0 && !WaitForListener(port_, 10)) {
    Kill();
    throw std::runtime_error(program_ + " did not start listening on port " +
                             std::to_string(port_));
  }
}

void XapianServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(-pid_, SIGCONT);  // a frozen group cannot die of SIGKILL any later, but wake it anyway
  kill(-pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void XapianServerProcess::Freeze() {
  if (pid_ > 0) kill(-pid_, SIGSTOP);
}

void XapianServerProcess::Thaw() {
  if (pid_ > 0) kill(-pid_, SIGCONT);
}

void XapianServerProcess::Restart() {
  Kill();
  Start();
}

}  // namespace vnsearch::testing
