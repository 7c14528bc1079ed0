// latency: nearest-rank percentiles, and the query files of the load tests.

#include "latency.h"

#include <algorithm>
#include <fstream>

namespace vnsearch::bench {

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(fraction * values.size()))];
}

std::vector<std::string> ReadQueryLines(const std::string& path) {
  std::vector<std::string> queries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  return queries;
}

}  // namespace vnsearch::bench
