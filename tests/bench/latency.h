// latency: what the benchmarks that time queries share — percentiles of their timings and the
// query file they read (one query a line).
#ifndef VNSEARCH_TESTS_BENCH_LATENCY_H_
#define VNSEARCH_TESTS_BENCH_LATENCY_H_

#include <string>
#include <vector>

namespace vnsearch::bench {

// The value below which `fraction` (0..1) of `values` lie (nearest rank); 0 when there are none.
double Percentile(std::vector<double> values, double fraction);

// The non-empty lines of the file at `path`; none when it cannot be read.
std::vector<std::string> ReadQueryLines(const std::string& path);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_LATENCY_H_
