// metrics: the build's version, request counts by route and status, a latency histogram, where
// computed searches spent their time, and the index size, in the Prometheus text format served at
// /metrics. Thread-safe: every method may be called from any worker thread.
#ifndef VNSEARCH_SEARCHD_METRICS_H_
#define VNSEARCH_SEARCHD_METRICS_H_

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "searchd/searcher.h"

namespace vnsearch {

class Metrics {
 public:
  // Records one finished request on `route` (a template such as "/api/articles/{id}").
  void Record(const std::string& route, int status, double seconds);

  // Records where one computed search spent its time, and how long its answer took to write as
  // JSON.
  void RecordSearch(const SearchPhases& phases, double json_seconds);

  // The exposition text; `documents` is the index's document count.
  std::string Render(unsigned long documents,
                     const FacetColumnReads& column_reads = FacetColumnReads()) const;

 private:
  static constexpr std::array<double, 12> kBucketBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long> requests_;  // (route, status) → count
  std::array<unsigned long, kBucketBounds.size()> buckets_{};      // cumulative at render
  unsigned long count_ = 0;
  double sum_seconds_ = 0;
  unsigned long searches_computed_ = 0;
  std::map<std::string, double> search_phase_seconds_;  // phase name → total
};

// The route template of `path` for metrics labels, so ids do not explode the label space.
std::string RouteOf(const std::string& path);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_METRICS_H_
