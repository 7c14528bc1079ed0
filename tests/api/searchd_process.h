// searchd_process: test helper that builds a fresh index of a corpus in a temporary folder and
// runs a real vnsearchd on a free loopback port for the duration of a test suite.
#ifndef VNSEARCH_TESTS_API_SEARCHD_PROCESS_H_
#define VNSEARCH_TESTS_API_SEARCHD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace vnsearch::testing {

class SearchdProcess {
 public:
  // Indexes `corpus_paths` into a new temporary database and starts vnsearchd on it with
  // --port 0 (the daemon picks a free port and prints it), `extra_flags`, and `environment`
  // ("NAME=VALUE") added to its environment. Aborts the test run on failure.
  explicit SearchdProcess(const std::vector<std::string>& corpus_paths,
                          const std::vector<std::string>& extra_flags = {},
                          const std::vector<std::string>& environment = {});
  // Starts vnsearchd on databases that exist already: `flags` name them (--db …, repeated for
  // shards) and anything else; nothing is indexed. The temporary folder is made all the same.
  struct ServeOnly {};
  SearchdProcess(ServeOnly, const std::vector<std::string>& flags,
                 const std::vector<std::string>& environment = {});
  ~SearchdProcess();  // stops the daemon (SIGTERM) and removes the temporary folder

  SearchdProcess(const SearchdProcess&) = delete;
  SearchdProcess& operator=(const SearchdProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // The daemon's resident memory in KiB (VmRSS), or -1.
  long ResidentKib() const;
  const std::string& database() const { return database_; }
  const std::string& temp_dir() const { return temp_dir_; }

  // Runs vnsearch-index with `arguments`; returns its exit status. When `output` is given, it
  // receives what the indexer printed on standard output (its summary line); when `errors` is,
  // what it printed on standard error (progress and the files or lines it skipped; else that is
  // kept quiet).
  static int RunIndexer(const std::vector<std::string>& arguments, std::string* output = nullptr,
                        std::string* errors = nullptr);

  // Starts vnsearch-index with `arguments` in the background; returns its process id.
  static pid_t StartIndexer(const std::vector<std::string>& arguments);

 private:
  void Launch(const std::vector<std::string>& arguments,
              const std::vector<std::string>& environment);

  std::string temp_dir_;
  std::string database_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_SEARCHD_PROCESS_H_
