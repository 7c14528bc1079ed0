// progress: redraws at most ten times a second on a terminal, prints every five seconds to a log.

#include "index/progress.h"

#include <unistd.h>

#include <string>

namespace vnsearch {

Progress::Progress(std::FILE* out, size_t total)
    : out_(out),
      total_(total),
      terminal_(isatty(fileno(out)) != 0),
      started_(std::chrono::steady_clock::now()),
      last_report_(started_) {}

void Progress::Update(size_t done, size_t bytes) {
  auto now = std::chrono::steady_clock::now();
  auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000);
  if (now - last_report_ < interval && done < total_) return;
  last_report_ = now;
  double seconds = std::chrono::duration<double>(now - started_).count();
  double rate = seconds > 0 ? done / seconds : 0;
  double megabytes_per_second = seconds > 0 ? bytes / 1e6 / seconds : 0;
  double eta = rate > 0 ? (total_ - done) / rate : 0;
  if (terminal_) {
    constexpr int kWidth = 30;
    int filled = total_ == 0 ? kWidth : static_cast<int>(kWidth * done / total_);
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(out_, "\r[%s] %zu/%zu  %.0f articles/s  %.1f MB/s  ETA %.0fs ", bar.c_str(), done,
                 total_, rate, megabytes_per_second, eta);
    drew_bar_ = true;
  } else {
    std::fprintf(out_, "vnsearch-index: %zu/%zu articles, %.0f articles/s, %.1f MB/s, ETA %.0fs\n",
                 done, total_, rate, megabytes_per_second, eta);
  }
  std::fflush(out_);
}

void Progress::Finish() {
  if (drew_bar_) std::fputc('\n', out_);
}

}  // namespace vnsearch
