// build_summary: du-style disk usage (what a user sees the index take) and the summary line.

#include "build_summary.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
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

}  // namespace vnsearch::bench
