// progress: what an indexing run shows while it works — a bar with rate and ETA on a terminal,
// a plain line every few seconds otherwise. Not thread-safe: the writer thread reports.
#ifndef VNSEARCH_INDEX_PROGRESS_H_
#define VNSEARCH_INDEX_PROGRESS_H_

#include <chrono>
#include <cstdio>

namespace vnsearch {

class Progress {
 public:
  // Reports to `out` about `total` articles; a terminal gets a redrawn bar.
  Progress(std::FILE* out, size_t total);

  // `done` articles of the total are handled (indexed, skipped or failed), `bytes` read so far.
  void Update(size_t done, size_t bytes);

  // Ends the bar's line, if one was drawn.
  void Finish();

 private:
  std::FILE* out_;
  size_t total_;
  bool terminal_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_report_;
  bool drew_bar_ = false;
};

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_PROGRESS_H_
