// Unit tests of shard_layout: which shard owns an article, and what a --db value names.

#include "index/shard_layout.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

TEST(ShardLayoutTest, OwnerIsAStableHashOfTheId) {
  // Pinned: a change would move articles between the shards of every existing index.
  EXPECT_EQ(ShardOf("000_2bc41360e3854d8f", 3), ShardOf("000_2bc41360e3854d8f", 3));
  EXPECT_EQ(ShardOf("", 3), static_cast<int>(14695981039346656037ull % 3));
  EXPECT_EQ(ShardOf("a", 7),
            static_cast<int>(((14695981039346656037ull ^ 'a') * 1099511628211ull) % 7));
  EXPECT_EQ(ShardOf("anything", 1), 0);
  std::map<int, int> per_shard;
  for (int i = 0; i < 3000; ++i) ++per_shard[ShardOf("gen/" + std::to_string(i), 3)];
  ASSERT_EQ(per_shard.size(), 3u);
  for (const auto& [shard, count] : per_shard) {
    EXPECT_GT(count, 900) << "shard " << shard;
    EXPECT_LT(count, 1100) << "shard " << shard;
  }
}

TEST(ShardLayoutTest, NamesAndLabels) {
  EXPECT_EQ(ShardFolderName(2), "shard-2");
  EXPECT_EQ(ShardLabel(0, 3), "0/3");
}

TEST(ShardLayoutTest, RemoteDatabasesAreTcpAddresses) {
  std::string error;
  auto locations = ResolveDatabase("tcp://127.0.0.1:7001", &error);
  ASSERT_TRUE(locations) << error;
  ASSERT_EQ(locations->size(), 1u);
  EXPECT_TRUE((*locations)[0].remote());
  EXPECT_EQ((*locations)[0].host, "127.0.0.1");
  EXPECT_EQ((*locations)[0].port, 7001u);
  EXPECT_EQ((*locations)[0].Name(), "tcp://127.0.0.1:7001");
  locations = ResolveDatabase("tcp://[::1]:80", &error);
  ASSERT_TRUE(locations) << error;
  EXPECT_EQ((*locations)[0].host, "::1");
  EXPECT_EQ((*locations)[0].Name(), "tcp://[::1]:80");
  for (const char* bad : {"tcp://host", "tcp://host:", "tcp://:80", "tcp://host:0",
                          "tcp://host:70000", "tcp://host:8o"}) {
    error.clear();
    EXPECT_FALSE(ResolveDatabase(bad, &error)) << bad;
    EXPECT_NE(error.find("tcp://HOST:PORT"), std::string::npos) << error;
  }
}

class StubFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/vnsearch-stub-XXXXXX";
    folder_ = mkdtemp(pattern);
  }
  void TearDown() override { fs::remove_all(folder_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name) << text;
  }
  fs::path folder_;
};

TEST_F(StubFileTest, AStubListsLocalAndRemoteShardsInOrder) {
  Write("shards.stub",
        "# three shards\nauto shard-0\n\nglass /abs/shard-1\nremote 10.0.0.5:33333\n");
  std::string error;
  auto locations = ResolveDatabase((folder_ / "shards.stub").string(), &error);
  ASSERT_TRUE(locations) << error;
  ASSERT_EQ(locations->size(), 3u);
  EXPECT_EQ((*locations)[0].path, (folder_ / "shard-0").string());  // relative to the stub
  EXPECT_EQ((*locations)[1].path, "/abs/shard-1");
  EXPECT_EQ((*locations)[2].Name(), "tcp://10.0.0.5:33333");
}

TEST_F(StubFileTest, AShardedIndexFolderIsItsShards) {
  std::string error;
  ASSERT_TRUE(WriteShardStub(folder_.string(), 3, &error)) << error;
  EXPECT_EQ(LocalShardCount(folder_.string()), 3);
  auto locations = ResolveDatabase(folder_.string(), &error);
  ASSERT_TRUE(locations) << error;
  ASSERT_EQ(locations->size(), 3u);
  EXPECT_EQ((*locations)[2].path, (folder_ / "shard-2").string());
  EXPECT_EQ(LocalShardCount((folder_ / "nothing").string()), 0);
  fs::create_directory(folder_ / "plain");
  EXPECT_EQ(LocalShardCount((folder_ / "plain").string()), 1);
  auto plain = ResolveDatabases({(folder_ / "plain").string(), "tcp://h:1"}, &error);
  ASSERT_TRUE(plain) << error;
  EXPECT_EQ(plain->size(), 2u);
}

TEST_F(StubFileTest, ABadStubSaysWhichLine) {
  Write("bad.stub", "auto a\nremote :xapian-progsrv /db\n");
  std::string error;
  EXPECT_FALSE(ResolveDatabase((folder_ / "bad.stub").string(), &error));
  EXPECT_NE(error.find("bad.stub:2"), std::string::npos) << error;
  Write("empty.stub", "# nothing\n");
  EXPECT_FALSE(ResolveDatabase((folder_ / "empty.stub").string(), &error));
  EXPECT_NE(error.find("lists no database"), std::string::npos) << error;
}

}  // namespace
}  // namespace vnsearch
