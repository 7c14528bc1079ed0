// searchd_process: fork/exec of the real binaries, so the API tests exercise exactly what a user
// runs. The daemon is started with --port 0 and its first line of output names the port it got,
// which avoids the race of picking a free port in the test and binding it later in the daemon.

#include "api/searchd_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <stdexcept>
#include <thread>

namespace vnsearch::testing {
namespace {

// The binaries under test: this tree's, unless the environment names others (the sanitizer
// trees run these tests against their own vnsearchd and vnsearch-index).
std::string Binary(const char* variable, const char* built) {
  const char* chosen = std::getenv(variable);
  return chosen != nullptr && *chosen != '\0' ? chosen : built;
}

std::string Indexer() { return Binary("VNSEARCH_TEST_INDEXER", VNSEARCH_INDEXER); }
std::string Daemon() { return Binary("VNSEARCH_TEST_DAEMON", VNSEARCH_DAEMON); }

// Starts `arguments`, with `environment` ("NAME=value") added, standard output on `stdout_fd`
// (if ≥ 0) and standard error on `stderr_fd` (if ≥ 0), or discarded when `quiet_stderr`.
pid_t Spawn(const std::vector<std::string>& arguments, int stdout_fd, bool quiet_stderr = false,
            const std::vector<std::string>& environment = {}, int stderr_fd = -1) {
  pid_t pid = fork();
  if (pid == 0) {
    for (const std::string& variable : environment) putenv(const_cast<char*>(variable.c_str()));
    if (stdout_fd >= 0) dup2(stdout_fd, STDOUT_FILENO);
    if (stderr_fd >= 0) {
      dup2(stderr_fd, STDERR_FILENO);
    } else if (quiet_stderr) {
      int null_fd = open("/dev/null", O_WRONLY);
      dup2(null_fd, STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::perror("execv");
    _exit(127);
  }
  return pid;
}

}  // namespace

int SearchdProcess::RunIndexer(const std::vector<std::string>& arguments, std::string* output,
                               std::string* errors) {
  std::vector<std::string> command = {Indexer()};
  command.insert(command.end(), arguments.begin(), arguments.end());
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  // Standard error, when kept, goes to a file: read after the run, it cannot block the pipe.
  char errors_path[] = "/tmp/vnsearch-indexer-errors-XXXXXX";
  int errors_fd = errors != nullptr ? mkstemp(errors_path) : -1;
  pid_t pid = Spawn(command, pipe_fds[1], /*quiet_stderr=*/true, {}, errors_fd);
  close(pipe_fds[1]);
  std::string printed;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) printed.append(buffer, n);
  close(pipe_fds[0]);
  if (output != nullptr) *output = printed;
  int status = 0;
  waitpid(pid, &status, 0);
  if (errors_fd >= 0) {
    errors->clear();
    lseek(errors_fd, 0, SEEK_SET);
    for (ssize_t n; (n = read(errors_fd, buffer, sizeof buffer)) > 0;) errors->append(buffer, n);
    close(errors_fd);
    unlink(errors_path);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

pid_t SearchdProcess::StartIndexer(const std::vector<std::string>& arguments) {
  std::vector<std::string> command = {Indexer()};
  command.insert(command.end(), arguments.begin(), arguments.end());
  int null_fd = open("/dev/null", O_WRONLY);
  pid_t pid = Spawn(command, null_fd, /*quiet_stderr=*/true);
  close(null_fd);
  return pid;
}

SearchdProcess::SearchdProcess(const std::vector<std::string>& corpus_paths,
                               const std::vector<std::string>& extra_flags,
                               const std::vector<std::string>& environment) {
  char pattern[] = "/tmp/vnsearch-test-XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  temp_dir_ = pattern;
  database_ = temp_dir_ + "/db";
  std::vector<std::string> index_arguments = {"--db", database_};
  index_arguments.insert(index_arguments.end(), corpus_paths.begin(), corpus_paths.end());
  std::string errors;
  if (int status = RunIndexer(index_arguments, nullptr, &errors); status != 0) {
    if (errors.size() > 2000) errors = "..." + errors.substr(errors.size() - 2000);
    throw std::runtime_error("vnsearch-index failed with status " + std::to_string(status) + ": " +
                             errors);
  }
  std::vector<std::string> arguments = {"--db", database_};
  arguments.insert(arguments.end(), extra_flags.begin(), extra_flags.end());
  Launch(arguments, environment);
}

SearchdProcess::SearchdProcess(ServeOnly, const std::vector<std::string>& flags,
                               const std::vector<std::string>& environment) {
  char pattern[] = "/tmp/vnsearch-test-XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  temp_dir_ = pattern;
  Launch(flags, environment);
}

void SearchdProcess::Launch(const std::vector<std::string>& arguments,
                            const std::vector<std::string>& environment) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> command = {Daemon(), "--host", "127.0.0.1", "--port",
                                      "0",      "--web",  VNSEARCH_WEB};
  command.insert(command.end(), arguments.begin(), arguments.end());
  pid_ = Spawn(command, pipe_fds[1], /*quiet_stderr=*/false, environment);
  close(pipe_fds[1]);
  FILE* output = fdopen(pipe_fds[0], "r");
  char line[512];
  std::regex port_pattern(R"(http://[0-9.]+:(\d+)/)");
  while (port_ == 0 && std::fgets(line, sizeof line, output) != nullptr) {
    std::cmatch match;
    if (std::regex_search(line, match, port_pattern)) port_ = std::atoi(match[1].str().c_str());
  }
  // Keep reading (and discarding) the daemon's output so it never blocks on a full pipe.
  std::thread([output] {
    char discard[512];
    while (std::fgets(discard, sizeof discard, output) != nullptr) {
    }
    std::fclose(output);
  }).detach();
  if (port_ == 0) throw std::runtime_error("vnsearchd did not start");
}

long SearchdProcess::ResidentKib() const {
  FILE* status = std::fopen(("/proc/" + std::to_string(pid_) + "/status").c_str(), "r");
  if (status == nullptr) return -1;
  char line[256];
  long kib = -1;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::sscanf(line, "VmRSS: %ld kB", &kib) == 1) break;
  }
  std::fclose(status);
  return kib;
}

SearchdProcess::~SearchdProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  std::error_code error;
  std::filesystem::remove_all(temp_dir_, error);
}

}  // namespace vnsearch::testing
