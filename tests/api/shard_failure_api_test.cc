// API tests of remote shards that write and fail (issue #14): three shards behind xapian-tcpsrv
// --writable on 127.0.0.1. A write goes to the shard that owns the article (FNV-1a of its id,
// modulo 3). A shard that stops, or hangs, is left out within the shard timeout and the answer
// says so ("partial_shards"); when it returns it is taken back. No wall-clock assertions: the
// client's read timeout only turns a hang into a failure.

#include <gtest/gtest.h>
#include <httplib.h>
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shard_owner.h"
#include "api/temp_corpus.h"
#include "api/xapian_server_process.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr int kShards = 3;
constexpr char kToken[] = "shard-test-token";

int OwningShard(const std::string& article_id) {
  return vnsearch::testing::OwningShard(article_id, kShards);
}

// An article id owned by `shard`.
std::string IdOnShard(int shard, const std::string& stem) {
  for (int i = 0;; ++i) {
    std::string id = stem + "-" + std::to_string(i);
    if (OwningShard(id) == shard) return id;
  }
}

class ShardFailureApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CopyCorpus(corpus_.path());
    GenerateArticles(corpus_.path(), 30);
    database_ = indexes_ / "sharded";
    ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database_, "--shards", "3", corpus_.path()}), 0);
    std::vector<std::string> flags = {"--threads",       "2",           "--access-log", "off",
                                      "--shard-timeout", "0.5",         "--token",      kToken,
                                      "--corpus",        corpus_.path()};
    for (int shard = 0; shard < kShards; ++shard) {
      servers_.emplace_back(XapianServerProcess::TcpServer(ShardPath(shard), /*writable=*/true));
      flags.push_back("--db");
      flags.push_back(servers_.back()->address());
    }
    daemon_ = std::make_unique<SearchdProcess>(SearchdProcess::ServeOnly{}, flags);
  }

  std::string ShardPath(int shard) const { return database_ + "/shard-" + std::to_string(shard); }

  Xapian::doccount ShardDocuments(int shard) const {
    return Xapian::Database(ShardPath(shard)).get_doccount();
  }

  httplib::Result Get(const std::string& path) const {
    httplib::Client client("127.0.0.1", daemon_->port());
    client.set_read_timeout(20, 0);  // a hang fails the test instead of blocking it
    return client.Get(path.c_str());
  }

  json GetJson(const std::string& path, int status = 200) const {
    httplib::Result result = Get(path);
    EXPECT_TRUE(result) << path << ": no answer";
    if (!result) return json();
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    return json::parse(result->body, nullptr, false);
  }

  // Searches until every shard answers again (each is retried every 2 s), at most ~20 s.
  json SearchUntilWhole(const std::string& path) const {
    for (int attempt = 0; attempt < 100; ++attempt) {
      httplib::Result result = Get(path);
      if (result && result->status == 200) {
        json answer = json::parse(result->body, nullptr, false);
        if (answer.is_object() && answer["partial_shards"].empty()) return answer;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ADD_FAILURE() << path << ": some shard is still left out";
    return json();
  }

  httplib::Client WriteClient() const {
    httplib::Client client("127.0.0.1", daemon_->port());
    client.set_bearer_token_auth(kToken);
    client.set_read_timeout(20, 0);
    return client;
  }

  TempFolder corpus_;
  TempFolder indexes_;
  std::string database_;
  std::vector<std::unique_ptr<XapianServerProcess>> servers_;
  std::unique_ptr<SearchdProcess> daemon_;
};

TEST_F(ShardFailureApiTest, WritesGoToTheShardThatOwnsTheArticle) {
  for (int shard = 0; shard < kShards; ++shard) {
    std::string id = IdOnShard(shard, "tin/shard");
    Xapian::doccount before[kShards];
    for (int s = 0; s < kShards; ++s) before[s] = ShardDocuments(s);
    json article = {{"id", id},
                    {"title", "Hội nghị Chi bộ Phòng Lưu trữ số " + std::to_string(shard)},
                    {"body",
                     "Đồng chí Đoàn Thị Hạnh Nguyên, Bí thư Chi bộ Phòng Lưu trữ, phát "
                     "biểu tại hội nghị nhiệm kỳ 2023-2025."}};
    httplib::Result put =
        WriteClient().Put(("/api/articles/" + id).c_str(), article.dump(), "application/json");
    ASSERT_TRUE(put);
    ASSERT_EQ(put->status, 201) << put->body;
    for (int s = 0; s < kShards; ++s) {
      EXPECT_EQ(ShardDocuments(s), before[s] + (s == shard ? 1 : 0)) << id << " shard " << s;
    }
    EXPECT_EQ(GetJson("/api/articles/" + id)["id"], id);
    // Replacing it keeps one copy, in the same shard.
    httplib::Result again =
        WriteClient().Put(("/api/articles/" + id).c_str(), article.dump(), "application/json");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200) << again->body;
    EXPECT_EQ(ShardDocuments(shard), before[shard] + 1);
  }
  json found =
      GetJson("/api/search?q=" + httplib::detail::encode_query_param("\"Đoàn Thị Hạnh Nguyên\""));
  EXPECT_EQ(found["total"], kShards);
  // Its facet values are named in the shard that holds them.
  bool named = false;
  for (const json& person : found["facets"]["person"]) {
    named = named || person["value"] == "Đoàn Thị Hạnh Nguyên";
  }
  EXPECT_TRUE(named) << found["facets"].dump();

  std::string id = IdOnShard(1, "tin/shard");
  httplib::Result deleted = WriteClient().Delete(("/api/articles/" + id).c_str());
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204);
  GetJson("/api/articles/" + id, 404);
}

TEST_F(ShardFailureApiTest, AStoppedShardIsLeftOutFlaggedAndTakenBackWhenItReturns) {
  json whole = GetJson("/api/search?q=&size=100");
  ASSERT_EQ(whole["partial_shards"], json::array());
  Xapian::doccount on_stopped_shard = ShardDocuments(1);
  ASSERT_GT(on_stopped_shard, 0u);

  servers_[1]->Kill();
  json partial = GetJson("/api/search?q=&size=100");
  ASSERT_TRUE(partial.is_object());
  EXPECT_EQ(partial["partial_shards"], json::array({servers_[1]->address()}));
  EXPECT_EQ(partial["total"].get<Xapian::doccount>(),
            whole["total"].get<Xapian::doccount>() - on_stopped_shard);
  for (const json& hit : partial["hits"]) EXPECT_NE(OwningShard(hit["id"]), 1) << hit["id"];
  // Other routes say so too, or answer 503 when the answer depends on the missing shard.
  EXPECT_EQ(GetJson("/api/facets/person")["partial_shards"], json::array({servers_[1]->address()}));
  std::string stopped_id, live_id;
  for (const json& hit : whole["hits"]) {
    if (OwningShard(hit["id"]) == 1 && stopped_id.empty()) stopped_id = hit["id"];
    if (OwningShard(hit["id"]) == 0 && live_id.empty()) live_id = hit["id"];
  }
  json unavailable = GetJson("/api/articles/" + stopped_id, 503);
  EXPECT_EQ(unavailable["error"]["code"], "shards_unavailable");
  EXPECT_EQ(GetJson("/api/articles/" + live_id)["id"], live_id);
  json write = {{"body", "Bài viết thử khi một shard dừng."}};
  httplib::Result refused = WriteClient().Put(("/api/articles/" + IdOnShard(1, "tin/down")).c_str(),
                                              write.dump(), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503) << refused->body;
  EXPECT_FALSE(refused->get_header_value("Retry-After").empty());

  servers_[1]->Restart();
  json back = SearchUntilWhole("/api/search?q=&size=100");
  EXPECT_EQ(back["partial_shards"], json::array());
  EXPECT_EQ(back["total"], whole["total"]);
  EXPECT_EQ(back["hits"], whole["hits"]);
}

TEST_F(ShardFailureApiTest, AHangingShardIsLeftOutWithinTheTimeout) {
  json whole = GetJson("/api/search?q=dai+hoi");
  servers_[2]->Freeze();
  httplib::Result result = Get("/api/search?q=dai+hoi");
  ASSERT_TRUE(result) << "vnsearchd did not answer while a shard hung";
  ASSERT_EQ(result->status, 200) << result->body;
  json partial = json::parse(result->body);
  EXPECT_EQ(partial["partial_shards"], json::array({servers_[2]->address()}));
  EXPECT_LT(partial["total"].get<int>(), whole["total"].get<int>());
  servers_[2]->Thaw();
  json back = SearchUntilWhole("/api/search?q=dai+hoi");
  EXPECT_EQ(back["total"], whole["total"]);
}

TEST_F(ShardFailureApiTest, NoShardAnsweringIsAClearError) {
  for (auto& server : servers_) server->Kill();
  json error = GetJson("/api/search?q=dai+hoi", 503);
  EXPECT_EQ(error["error"]["code"], "shards_unavailable");
  EXPECT_NE(error["error"]["message"].get<std::string>().find(servers_[0]->address()),
            std::string::npos)
      << error.dump();
  for (auto& server : servers_) server->Restart();
  EXPECT_EQ(SearchUntilWhole("/api/search?q=dai+hoi")["partial_shards"], json::array());
}

}  // namespace
}  // namespace vnsearch::testing
