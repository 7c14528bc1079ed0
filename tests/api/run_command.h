// run_command: test helper that runs a shell command and gives back what it printed and its
// exit status, for the tests of the binaries' command lines.
#ifndef VNSEARCH_TESTS_API_RUN_COMMAND_H_
#define VNSEARCH_TESTS_API_RUN_COMMAND_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace vnsearch::testing {

// What `command` prints on standard output (add "2>&1" for standard error too), and its exit
// status (-1 when it did not exit).
inline std::string RunCommand(const std::string& command, int* status) {
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  if (pipe == nullptr) return output;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  int wait_status = ::pclose(pipe);
  *status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  return output;
}

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_RUN_COMMAND_H_
