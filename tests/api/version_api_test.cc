// The version, as CMake's project() gives it, everywhere an operator looks for it: --version of
// both binaries, /healthz, and the vnsearch_build_info metric.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api/api_client.h"
#include "api/run_command.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"

namespace vnsearch::testing {
namespace {

class VersionApiTest : public SharedServerTest<VersionApiTest> {
 public:
  static SearchdProcess* Start() { return new SearchdProcess({VNSEARCH_CORPUS}); }
};

TEST(VersionFlagTest, BothBinariesPrintTheProjectVersion) {
  ASSERT_STRNE(VNSEARCH_PROJECT_VERSION, "");
  int status = -1;
  EXPECT_EQ(RunCommand(std::string(VNSEARCH_DAEMON) + " --version", &status),
            std::string("vnsearchd ") + VNSEARCH_PROJECT_VERSION + "\n");
  EXPECT_EQ(status, 0);
  status = -1;
  EXPECT_EQ(RunCommand(std::string(VNSEARCH_INDEXER) + " --version", &status),
            std::string("vnsearch-index ") + VNSEARCH_PROJECT_VERSION + "\n");
  EXPECT_EQ(status, 0);
  // --help lists it.
  EXPECT_NE(RunCommand(std::string(VNSEARCH_DAEMON) + " --help", &status).find("--version"),
            std::string::npos);
  EXPECT_NE(RunCommand(std::string(VNSEARCH_INDEXER) + " --help", &status).find("--version"),
            std::string::npos);
}

TEST_F(VersionApiTest, HealthzNamesTheVersion) {
  httplib::Result health = ApiClient(server_->port()).Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  nlohmann::json body = nlohmann::json::parse(health->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["version"], VNSEARCH_PROJECT_VERSION);
  EXPECT_EQ(body["documents"], 5);
}

TEST_F(VersionApiTest, MetricsNameTheVersion) {
  httplib::Result metrics = ApiClient(server_->port()).Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("# TYPE vnsearch_build_info gauge\n"), std::string::npos);
  EXPECT_NE(metrics->body.find(std::string("\nvnsearch_build_info{version=\"") +
                               VNSEARCH_PROJECT_VERSION + "\"} 1\n"),
            std::string::npos)
      << metrics->body;
}

}  // namespace
}  // namespace vnsearch::testing
