// API tests of replicas (issue #14): a replica kept by xapian-replicate from
// xapian-replicate-server, served by its own vnsearchd, answers like the master — before and
// after a write over HTTP to the master. Every server runs on 127.0.0.1, on a free port.

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/temp_corpus.h"
#include "api/xapian_server_process.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr char kToken[] = "replica-test-token";

class ReplicationApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The master keeps changesets for its replicas (Xapian writes them only when told how many
    // to keep): vnsearch-index and vnsearchd inherit this.
    setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
    CopyCorpus(corpus_.path());
    master_ = folders_ / "master/db";
    ASSERT_EQ(SearchdProcess::RunIndexer({"--db", master_, corpus_.path()}), 0);
    master_daemon_ = std::make_unique<SearchdProcess>(
        SearchdProcess::ServeOnly{},
        std::vector<std::string>{"--db", master_, "--token", kToken, "--corpus", corpus_.path(),
                                 "--threads", "2", "--access-log", "off"});
    int port = FreeLoopbackPort();
    replicate_server_ = std::make_unique<XapianServerProcess>(
        "xapian-replicate-server",
        std::vector<std::string>{"--interface", "127.0.0.1", "--port", std::to_string(port),
                                 folders_ / "master"},
        port);
    replica_ = folders_ / "replica";
    replicate_client_ = std::make_unique<XapianServerProcess>(
        "xapian-replicate",
        std::vector<std::string>{"--host", "127.0.0.1", "--port", std::to_string(port), "--master",
                                 "db", "--interval", "1", "--reader-time", "0", "--quiet",
                                 replica_});
    // The first copy is whole; the replica is a folder with a stub (XAPIANDB) naming it.
    for (int attempt = 0; attempt < 200 && !std::filesystem::exists(replica_ + "/XAPIANDB");
         ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(std::filesystem::exists(replica_ + "/XAPIANDB")) << "no replica was made";
    replica_daemon_ = std::make_unique<SearchdProcess>(
        SearchdProcess::ServeOnly{},
        std::vector<std::string>{"--db", replica_, "--threads", "2", "--access-log", "off"});
  }

  void TearDown() override { unsetenv("XAPIAN_MAX_CHANGESETS"); }

  static json GetJson(const SearchdProcess& server, const std::string& path) {
    httplib::Result result = ApiClient(server.port()).Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return json();
    EXPECT_EQ(result->status, 200) << path << ": " << result->body;
    json body = json::parse(result->body, nullptr, false);
    if (body.is_object()) body.erase("took_ms");
    return body;
  }

  // Asks the replica until it answers `path` as the master does (the replica polls every
  // second), at most ~20 s; returns whether it did.
  bool ReplicaCatchesUp(const std::string& path) const {
    json expected = GetJson(*master_daemon_, path);
    for (int attempt = 0; attempt < 100; ++attempt) {
      if (GetJson(*replica_daemon_, path) == expected) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ADD_FAILURE() << path << ": the replica still answers\n"
                  << GetJson(*replica_daemon_, path).dump() << "\nthe master\n"
                  << expected.dump();
    return false;
  }

  TempFolder corpus_;
  TempFolder folders_;
  std::string master_;
  std::string replica_;
  std::unique_ptr<SearchdProcess> master_daemon_;
  std::unique_ptr<XapianServerProcess> replicate_server_;
  std::unique_ptr<XapianServerProcess> replicate_client_;
  std::unique_ptr<SearchdProcess> replica_daemon_;
};

TEST_F(ReplicationApiTest, AReplicaAnswersLikeTheMasterAfterAWrite) {
  const std::vector<std::string> searches = {
      "/api/search?q=", "/api/search?q=dai+hoi&sort=-date",
      "/api/search?q=" + httplib::detail::encode_query_param("tran binh trong"),
      "/api/facets/person?limit=100"};
  for (const std::string& search : searches) EXPECT_TRUE(ReplicaCatchesUp(search));

  json article = {{"id", "tin/nhan-ban"},
                  {"title", "Đại hội Chi bộ Phòng Nhân bản nhiệm kỳ 2025-2030"},
                  {"date", "2025-06-02"},
                  {"body",
                   "Đồng chí Tạ Minh Khuê được bầu giữ chức Bí thư Chi bộ Phòng Nhân "
                   "bản nhiệm kỳ 2025-2030."}};
  httplib::Client master("127.0.0.1", master_daemon_->port());
  master.set_bearer_token_auth(kToken);
  httplib::Result written = master.Post("/api/articles", article.dump(), "application/json");
  ASSERT_TRUE(written);
  ASSERT_EQ(written->status, 201) << written->body;

  std::string found = "/api/search?q=" + httplib::detail::encode_query_param("ta minh khue");
  ASSERT_TRUE(ReplicaCatchesUp(found));
  EXPECT_EQ(GetJson(*replica_daemon_, found)["hits"][0]["id"], "tin/nhan-ban");
  for (const std::string& search : searches) EXPECT_TRUE(ReplicaCatchesUp(search));
  EXPECT_TRUE(
      ReplicaCatchesUp("/api/persons/" + httplib::detail::encode_query_param("Tạ Minh Khuê")));
}

}  // namespace
}  // namespace vnsearch::testing
