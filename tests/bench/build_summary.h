// build_summary: the figures an index-build benchmark reports (articles, seconds, articles/s,
// MB/s, index size) and the one line it prints them as, shared by xapian_baseline_index and
// fts5_build so that index_bench.sh reads both the same way. Stateless; thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_BUILD_SUMMARY_H_
#define VNSEARCH_TESTS_BENCH_BUILD_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_corpus.h"

namespace vnsearch::bench {

// What one index build did. MB are 10^6 bytes, as vnsearch-index prints them.
struct BuildFigures {
  std::string program;    // prefixes the printed line ("fts5_build")
  size_t articles = 0;    // articles written to the index
  size_t text_bytes = 0;  // their files' bytes
  double seconds = 0;     // reading, indexing and the final commit
  uint64_t index_bytes = 0;
  std::string index_size_source;  // how index_bytes was measured ("du of /tmp/x", "size of f.db")
};

// What an index-build benchmark starts from: its arguments and the articles, read.
struct BuildInput {
  std::string database_path;
  std::string corpus;
  std::vector<BenchArticle> articles;
  std::vector<std::string> errors;  // files that could not be read (already reported)
};

// Reads `--db PATH --corpus DIR` from the command line and the corpus's articles. On a problem
// (bad arguments, an existing PATH, no readable article) it says what on stderr and returns the
// exit status to end with (2 for usage, 1 otherwise); 0 when the build can go ahead.
int ReadBuildInput(const char* program, const char* usage, int argc, char** argv,
                   BuildInput* input);

// The space `path` (a file, or a folder and everything under it) takes on disk, as `du` counts
// it: allocated 512-byte blocks, not apparent sizes. 0 when `path` does not exist.
uint64_t DiskUsageBytes(const std::string& path);

// Prints, on stdout, one line:
//   PROGRAM: N articles, T MB of text in S s: A articles/s, M MB/s; index I MB (R x the text),
//   SOURCE
void PrintBuildSummary(const BuildFigures& figures);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_BUILD_SUMMARY_H_
