// metrics: a fixed-bucket histogram under one mutex — requests take microseconds to record and
// the lock is held for a handful of additions.

#include "searchd/metrics.h"

#include <cstdio>
#include <sstream>

#include "searchd/api_routes.h"
#include "vnsearch/version.h"

namespace vnsearch {

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  ++count_;
  sum_seconds_ += seconds;
  for (size_t i = 0; i < kBucketBounds.size(); ++i) {
    if (seconds <= kBucketBounds[i]) {
      ++buckets_[i];
      break;
    }
  }
}

void Metrics::RecordSearch(const SearchPhases& phases, double json_seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++searches_computed_;
  search_phase_seconds_["query"] += phases.query;
  search_phase_seconds_["spelling"] += phases.spelling;
  search_phase_seconds_["ranking"] += phases.ranking;
  search_phase_seconds_["facets"] += phases.facets;
  search_phase_seconds_["stored"] += phases.stored;
  search_phase_seconds_["analysis"] += phases.analysis;
  search_phase_seconds_["snippets"] += phases.snippets;
  search_phase_seconds_["json"] += json_seconds;
}

std::string Metrics::Render(unsigned long documents, const FacetColumnReads& column_reads) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::ostringstream out;
  out << "# HELP vnsearch_build_info The running vnsearchd's version; always 1.\n"
      << "# TYPE vnsearch_build_info gauge\n"
      << "vnsearch_build_info{version=\"" << kVersion << "\"} 1\n"
      << "# HELP vnsearch_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE vnsearch_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "vnsearch_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << count << "\n";
  }
  out << "# HELP vnsearch_http_request_duration_seconds Time to answer a request.\n"
      << "# TYPE vnsearch_http_request_duration_seconds histogram\n";
  unsigned long cumulative = 0;
  for (size_t i = 0; i < kBucketBounds.size(); ++i) {
    cumulative += buckets_[i];
    char bound[32];
    std::snprintf(bound, sizeof bound, "%g", kBucketBounds[i]);
    out << "vnsearch_http_request_duration_seconds_bucket{le=\"" << bound << "\"} " << cumulative
        << "\n";
  }
  out << "vnsearch_http_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << "\n"
      << "vnsearch_http_request_duration_seconds_sum " << sum_seconds_ << "\n"
      << "vnsearch_http_request_duration_seconds_count " << count_ << "\n"
      << "# HELP vnsearch_searches_computed_total Searches computed (not answered from the "
         "cache).\n"
      << "# TYPE vnsearch_searches_computed_total counter\n"
      << "vnsearch_searches_computed_total " << searches_computed_ << "\n"
      << "# HELP vnsearch_search_phase_seconds_total Time computed searches spent in each phase.\n"
      << "# TYPE vnsearch_search_phase_seconds_total counter\n";
  for (const auto& [phase, seconds] : search_phase_seconds_) {
    out << "vnsearch_search_phase_seconds_total{phase=\"" << phase << "\"} " << seconds << "\n";
  }
  out << "# HELP vnsearch_index_documents Articles in the index.\n"
      << "# TYPE vnsearch_index_documents gauge\n"
      << "vnsearch_index_documents " << documents << "\n"
      << "# HELP vnsearch_facet_column_reads_total Facet columns made for a new index revision: "
         "by reading every article, or by extending the revision before with the articles added.\n"
      << "# TYPE vnsearch_facet_column_reads_total counter\n"
      << "vnsearch_facet_column_reads_total{how=\"whole\"} " << column_reads.whole << "\n"
      << "vnsearch_facet_column_reads_total{how=\"extended\"} " << column_reads.extended << "\n";
  return out.str();
}

std::string RouteOf(const std::string& path) { return RouteTemplate(MatchRoute(path).route); }

}  // namespace vnsearch
