// build_summary: du-style disk usage (what a user sees the index take) and the summary line.

#include "build_summary.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>

namespace vnsearch::bench {
namespace {

uint64_t AllocatedBytes(const std::filesystem::path& path) {
  struct stat status;
  if (lstat(path.c_str(), &status) != 0) return 0;
  return static_cast<uint64_t>(status.st_blocks) * 512;
}

}  // namespace

uint64_t DiskUsageBytes(const std::string& path) {
  std::error_code error;
  uint64_t total = AllocatedBytes(path);
  if (!std::filesystem::is_directory(path, error)) return total;
  for (std::filesystem::recursive_directory_iterator entry(path, error), end;
       !error && entry != end; entry.increment(error)) {
    total += AllocatedBytes(entry->path());
  }
  return total;
}

void PrintBuildSummary(const BuildFigures& figures) {
  double text_mb = figures.text_bytes / 1e6;
  double index_mb = figures.index_bytes / 1e6;
  double seconds = figures.seconds > 0 ? figures.seconds : 1e-9;
  std::printf(
      "%s: %zu articles, %.1f MB of text in %.2f s: %.0f articles/s, %.2f MB/s; "
      "index %.1f MB (%.2f x the text), %s\n",
      figures.program.c_str(), figures.articles, text_mb, figures.seconds,
      figures.articles / seconds, text_mb / seconds, index_mb,
      figures.text_bytes > 0 ? static_cast<double>(figures.index_bytes) / figures.text_bytes : 0.0,
      figures.index_size_source.c_str());
  std::fflush(stdout);
}

int ReadBuildInput(const char* program, const char* usage, int argc, char** argv,
                   BuildInput* input) {
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--db" && i + 1 < argc) {
      input->database_path = argv[++i];
    } else if (argument == "--corpus" && i + 1 < argc) {
      input->corpus = argv[++i];
    } else {
      std::cerr << program << ": unexpected argument " << argument << "\n" << usage;
      return 2;
    }
  }
  if (input->database_path.empty() || input->corpus.empty()) {
    std::cerr << usage;
    return 2;
  }
  if (std::filesystem::exists(input->database_path)) {
    // A fresh index every time: timing an update of an old one would measure something else.
    std::cerr << program << ": " << input->database_path
              << " already exists: give a path that does not, or remove it\n";
    return 2;
  }
  input->articles = ReadBenchCorpus(input->corpus, 0, &input->errors);
  for (const std::string& error : input->errors) std::cerr << program << ": " << error << "\n";
  if (input->articles.empty()) {
    std::cerr << program << ": no readable .txt articles under " << input->corpus << "\n";
    return 1;
  }
  return 0;
}

}  // namespace vnsearch::bench
