// api_client: a small HTTP client for the API tests, speaking to a vnsearchd on loopback.
#ifndef VNSEARCH_TESTS_API_API_CLIENT_H_
#define VNSEARCH_TESTS_API_API_CLIENT_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace vnsearch::testing {

class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}

  httplib::Result Get(const std::string& path) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client.Get(path.c_str());
  }

  // GET /api/search?q=<query><extra>, expecting 200; returns the parsed body.
  nlohmann::json Search(const std::string& query, const std::string& extra = "") const {
    httplib::Result result =
        Get("/api/search?q=" + httplib::detail::encode_query_param(query) + extra);
    EXPECT_TRUE(result) << "no answer from vnsearchd";
    if (!result) return nlohmann::json::object();
    EXPECT_EQ(result->status, 200) << query << ": " << result->body;
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  // The ids of the hits of `query`, best first.
  std::vector<std::string> Ids(const std::string& query, const std::string& extra = "") const {
    std::vector<std::string> ids;
    nlohmann::json response = Search(query, extra);
    for (const nlohmann::json& hit : response["hits"]) ids.push_back(hit["id"]);
    return ids;
  }

  // The value of the sample `series` (name with labels, exactly as printed) in /metrics, or 0
  // when it is absent (a counter not yet incremented).
  double Metric(const std::string& series) const {
    httplib::Result result = Get("/metrics");
    EXPECT_TRUE(result) << "no answer from vnsearchd";
    return result ? SampleValue(result->body, series) : 0;
  }

  // The value of the sample `series` in a Prometheus text exposition, or 0 when it is absent.
  static double SampleValue(const std::string& exposition, const std::string& series) {
    std::istringstream lines(exposition);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.compare(0, series.size() + 1, series + " ") == 0) {
        return std::stod(line.substr(series.size() + 1));
      }
    }
    return 0;
  }

 private:
  int port_;
};

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_API_CLIENT_H_
