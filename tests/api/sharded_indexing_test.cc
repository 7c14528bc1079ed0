// Tests of vnsearch-index --shards (issue #14) as a user runs it: every article lands in the
// shard that owns it, incremental runs and --prune work shard by shard, another number of shards
// needs --rebuild, which reshards — every shard swapped in at once.

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <regex>
#include <string>

#include "api/searchd_process.h"
#include "api/shard_owner.h"
#include "api/temp_corpus.h"

namespace vnsearch::testing {
namespace {

std::string ShardPath(const std::string& index, int shard) {
  return index + "/shard-" + std::to_string(shard);
}

// Checks that `index` has `shard_count` shards, labelled, each holding exactly the articles
// it owns, and returns how many articles they hold together.
Xapian::doccount ExpectOwnersHoldTheirArticles(const std::string& index, int shard_count) {
  Xapian::doccount total = 0;
  for (int shard = 0; shard < shard_count; ++shard) {
    Xapian::Database database(ShardPath(index, shard));
    EXPECT_EQ(database.get_metadata("shard"),
              std::to_string(shard) + "/" + std::to_string(shard_count));
    for (Xapian::TermIterator term = database.allterms_begin("Q");
         term != database.allterms_end("Q"); ++term) {
      std::string id = (*term).substr(1);
      EXPECT_EQ(OwningShard(id, shard_count), shard) << id;
    }
    total += database.get_doccount();
  }
  EXPECT_FALSE(std::filesystem::exists(ShardPath(index, shard_count)));
  EXPECT_EQ(Xapian::Database(index).get_doccount(), total) << "the stub lists every shard";
  return total;
}

std::string Summary(const std::string& output) {
  std::smatch match;
  std::regex counts(R"(\d+ added, \d+ updated, \d+ unchanged, \d+ deleted, \d+ failed)");
  return std::regex_search(output, match, counts) ? match[0].str() : output;
}

TEST(ShardedIndexingTest, IncrementalRunsPruneAndReshardShardByShard) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  std::string index = temp / "db";
  CopyCorpus(corpus);
  GenerateArticles(corpus, 20);
  std::string output;
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", index, "--shards", "3", corpus}, &output), 0);
  EXPECT_NE(output.find("(3 shards)"), std::string::npos) << output;
  EXPECT_EQ(ExpectOwnersHoldTheirArticles(index, 3), 25u);

  // Unchanged, changed, new and removed files, each handled in its own shard.
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", index, corpus}, &output), 0);
  EXPECT_EQ(Summary(output), "0 added, 0 updated, 25 unchanged, 0 deleted, 0 failed");
  WriteText(corpus + "/gen/00003.txt", ReadText(corpus + "/gen/00003.txt") + "\nĐính chính.\n");
  std::filesystem::remove(corpus + "/gen/00007.txt");
  std::filesystem::remove(corpus + "/gen/00008.txt");
  WriteText(corpus + "/new/one.txt", "Hội nghị Chi bộ Phòng Thư viện\n\nNội dung hội nghị.\n");
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", index, "--prune", corpus}, &output), 0);
  EXPECT_EQ(Summary(output), "1 added, 1 updated, 22 unchanged, 2 deleted, 0 failed");
  EXPECT_EQ(ExpectOwnersHoldTheirArticles(index, 3), 24u);

  // Another number of shards without --rebuild is refused, the index left as it was.
  EXPECT_EQ(SearchdProcess::RunIndexer({"--db", index, "--shards", "2", corpus}, &output), 1);
  EXPECT_EQ(ExpectOwnersHoldTheirArticles(index, 3), 24u);

  // --rebuild reshards: two shards, then one plain database, every article kept.
  ASSERT_EQ(
      SearchdProcess::RunIndexer({"--db", index, "--rebuild", "--shards", "2", corpus}, &output),
      0);
  EXPECT_EQ(ExpectOwnersHoldTheirArticles(index, 2), 24u);
  ASSERT_EQ(
      SearchdProcess::RunIndexer({"--db", index, "--rebuild", "--shards", "1", corpus}, &output),
      0);
  EXPECT_FALSE(std::filesystem::exists(index + "/XAPIANDB"));
  EXPECT_EQ(Xapian::Database(index).get_doccount(), 24u);
  // Only the live generation is left beside the link.
  int generations = 0;
  for (const auto& entry : std::filesystem::directory_iterator(temp.path())) {
    generations += entry.path().filename().string().rfind("db.gen-", 0) == 0;
  }
  EXPECT_EQ(generations, 1);
}

TEST(ShardedIndexingTest, ABadShardCountIsAUsageError) {
  TempFolder temp;
  for (const char* count : {"0", "-1", "257", "x"}) {
    EXPECT_EQ(SearchdProcess::RunIndexer({"--db", temp / "db", "--shards", count, temp.path()}), 2)
        << count;
  }
}

}  // namespace
}  // namespace vnsearch::testing
