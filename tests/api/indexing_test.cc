// Tests of vnsearch-index as a user runs it (issue #6): incremental runs, pruning, bad files,
// crash safety under kill -9, and --rebuild swapping a new index in while vnsearchd serves; and
// the JSON Lines import (issue #11), stored exactly as HTTP writes are.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <regex>
#include <thread>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/temp_corpus.h"
#include "article/article_json.h"
#include "index/stored_article.h"

namespace vnsearch::testing {
namespace {

// The counts of the indexer's summary line: added, updated, unchanged, deleted, failed.
struct Counts {
  int added = -1, updated = -1, unchanged = -1, deleted = -1, failed = -1;
};

Counts SummaryCounts(const std::string& output) {
  std::smatch match;
  Counts counts;
  std::regex line(R"((\d+) added, (\d+) updated, (\d+) unchanged, (\d+) deleted, (\d+) failed)");
  if (std::regex_search(output, match, line)) {
    counts = {std::stoi(match[1]), std::stoi(match[2]), std::stoi(match[3]), std::stoi(match[4]),
              std::stoi(match[5])};
  }
  return counts;
}

Xapian::doccount DocumentCount(const std::string& database) {
  return Xapian::Database(database).get_doccount();
}

TEST(IndexerCliTest, IncrementalRunsSkipUnchangedReplaceChangedAndPrune) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  std::string database = temp / "db";
  CopyCorpus(corpus);
  std::string output;
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, corpus}, &output), 0) << output;
  Counts first = SummaryCounts(output);
  EXPECT_EQ(first.added, 5);

  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, corpus}, &output), 0) << output;
  Counts second = SummaryCounts(output);
  EXPECT_EQ(second.unchanged, 5);
  EXPECT_EQ(second.added + second.updated, 0);

  WriteText(corpus + "/001_551df31cd02b8069.txt",
            ReadText(corpus + "/001_551df31cd02b8069.txt") + "\nĐồng chí Hà Văn Quyết dự họp.\n");
  std::filesystem::remove(corpus + "/004_ae8750124fb58d60.txt");
  WriteText(corpus + "/new/extra.txt",
            "Một bài mới về Đại hội Chi bộ Phòng Kế toán\n\nNội dung.\n");
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, "--prune", corpus}, &output), 0)
      << output;
  Counts third = SummaryCounts(output);
  EXPECT_EQ(third.updated, 1);
  EXPECT_EQ(third.added, 1);
  EXPECT_EQ(third.unchanged, 3);
  EXPECT_EQ(third.deleted, 1);
  EXPECT_EQ(DocumentCount(database), 5u);
  Xapian::Database index(database);
  EXPECT_EQ(index.get_termfreq("Q004_ae8750124fb58d60"), 0u);
  EXPECT_EQ(index.get_termfreq("Qnew/extra"), 1u);
}

TEST(IndexerCliTest, BadFilesAreReportedSkippedAndMakeTheRunFail) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  CopyCorpus(corpus);
  WriteText(corpus + "/broken.txt", "Tiêu đề\xff\xfe hỏng\n\nThân bài.\n");
  WriteText(corpus + "/empty.txt", "  \n\n");
  std::string output;
  int status = SearchdProcess::RunIndexer({"--db", temp / "db", corpus}, &output);
  EXPECT_EQ(status, 1);
  Counts counts = SummaryCounts(output);
  EXPECT_EQ(counts.added, 5);
  EXPECT_EQ(counts.failed, 2);
  EXPECT_EQ(DocumentCount(temp / "db"), 5u);
}

// kill -9 at random moments: the index always opens and passes xapian-check, and a rerun
// completes the job.
TEST(IndexerCrashTest, KillNineLeavesACheckableIndexAndARerunCompletes) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  std::string database = temp / "db";
  constexpr int kArticles = 1200;
  GenerateArticles(corpus, kArticles);
  std::mt19937 random(20261122);
  std::uniform_int_distribution<int> delay_ms(150, 900);
  int kills = 0;
  for (int attempt = 0; attempt < 6; ++attempt) {
    pid_t pid = SearchdProcess::StartIndexer({"--db", database, "--batch", "40", corpus});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ++kills;
    }
    if (!std::filesystem::exists(database)) continue;  // killed before the first commit
    EXPECT_NO_THROW(Xapian::Database{database}) << "after kill " << attempt;
    std::string check = "xapian-check " + database + " > /dev/null 2>&1";
    EXPECT_EQ(std::system(check.c_str()), 0) << "xapian-check failed after kill " << attempt;
  }
  EXPECT_GT(kills, 0) << "no run was interrupted: the kills came too late to test anything";
  std::string output;
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, corpus}, &output), 0) << output;
  EXPECT_EQ(DocumentCount(database), static_cast<Xapian::doccount>(kArticles));
  EXPECT_EQ(std::system(("xapian-check " + database + " > /dev/null 2>&1").c_str()), 0);
}

TEST(IndexerRebuildTest, RebuildSwapsInANewIndexWhileSearchdServes) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  CopyCorpus(corpus);
  SearchdProcess server({corpus});
  ApiClient client(server.port());
  ASSERT_EQ(client.Ids("Trần Bình Trọng").size(), 1u);

  // Change the corpus, rebuild, and keep searching throughout.
  std::filesystem::remove(corpus + "/000_2bc41360e3854d8f.txt");
  WriteText(corpus + "/fresh.txt",
            "Đại hội Chi bộ Phòng Thử nghiệm nhiệm kỳ 2025-2030\n\nĐồng chí Trần Bình Trọng dự.\n");
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<int> requests{0};
  std::thread searcher([&] {
    while (!done) {
      httplib::Result result = client.Get("/api/search?q=Tr%E1%BA%A7n");
      ++requests;
      if (!result || result->status != 200) ++failures;
    }
  });
  std::string output;
  int status =
      SearchdProcess::RunIndexer({"--db", server.database(), "--rebuild", corpus}, &output);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  done = true;
  searcher.join();
  ASSERT_EQ(status, 0) << output;
  EXPECT_EQ(failures.load(), 0) << "of " << requests.load() << " searches during the rebuild";
  EXPECT_GT(requests.load(), 0);
  EXPECT_TRUE(std::filesystem::is_symlink(server.database()));
  // The swap is visible without a restart: the removed article is gone, the new one is there.
  EXPECT_EQ(client.Ids("Trần Bình Trọng"), std::vector<std::string>{"fresh"});
  EXPECT_EQ(client.Ids("\"Vũ Minh Sơn\"").size(), 0u);
}

// ---- vnsearch-index --jsonl (issue #11) ------------------------------------------------------

// Three good articles, then one bad line of each kind, a blank line, and an id used again.
constexpr char kJsonLines[] =
    R"({"id": "bulk/cum", "title": "Cúm mùa lây lan mạnh", "date": "2024-01-15", "source": "Sức khỏe", "body": "Cúm mùa lây qua đường hô hấp."})"
    "\n"
    R"({"id": "bulk/da-day", "title": "Đau dạ dày kéo dài", "body": "Nội soi giúp phát hiện sớm viêm loét dạ dày."})"
    "\n"
    R"({"title": "Bài không có id", "body": "Người bệnh tiểu đường cần kiểm soát đường huyết."})"
    "\n"
    R"({"id": "bulk/hong", "body": )"
    "\n"
    R"({"id": "bulk/no-body", "title": "Chỉ có tiêu đề"})"
    "\n"
    R"({"id": "bulk/bad-date", "date": "15/1/2024", "body": "Nội dung."})"
    "\n"
    R"({"id": "../outside", "body": "Nội dung."})"
    "\n"
    R"({"id": "bulk/cum", "tags": ["cúm"], "body": "Nội dung."})"
    "\n"
    "\n"
    R"({"id": "bulk/twice", "body": "Bản cũ về sốt xuất huyết."})"
    "\n"
    R"({"id": "bulk/twice", "body": "Bản mới về sốt xuất huyết."})"
    "\n";

TEST(IndexerJsonlTest, ImportsGoodLinesAsCorpusFilesAndReportsBadOnesByLineNumber) {
  TempFolder temp;
  std::string jsonl = temp / "import.jsonl";
  WriteText(jsonl, kJsonLines);
  std::string output, errors;
  int status = SearchdProcess::RunIndexer(
      {"--db", temp / "db", "--corpus", temp / "corpus", "--jsonl", jsonl}, &output, &errors);
  EXPECT_EQ(status, 1) << "bad lines make the run fail";
  Counts counts = SummaryCounts(output);
  EXPECT_EQ(counts.added, 4) << output;
  EXPECT_EQ(counts.failed, 6) << output;
  for (const char* line : {":4: not a JSON object", ":5: field \"body\" is required",
                           ":6: field \"date\" must be a date", ":7: id \"../outside\"",
                           ":8: unknown field \"tags\"", ":10: id \"bulk/twice\" comes again at"}) {
    EXPECT_NE(errors.find(jsonl + line), std::string::npos) << line << " in\n" << errors;
  }
  EXPECT_EQ(DocumentCount(temp / "db"), 4u);
  EXPECT_NE(ReadText(temp / "corpus/bulk/cum.txt").find("Cúm mùa lây qua đường hô hấp."),
            std::string::npos);
  EXPECT_NE(ReadText(temp / "corpus/bulk/twice.txt").find("Bản mới"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(temp / "outside.txt"));
  size_t posted = 0;
  for (const auto& entry : std::filesystem::directory_iterator(temp / "corpus/posted")) {
    posted += entry.path().extension() == ".txt";
  }
  EXPECT_EQ(posted, 1u) << "the article without an id gets one from its content";

  // Again: nothing changed.
  ASSERT_EQ(SearchdProcess::RunIndexer(
                {"--db", temp / "db", "--corpus", temp / "corpus", "--jsonl", jsonl}, &output),
            1);
  counts = SummaryCounts(output);
  EXPECT_EQ(counts.unchanged, 4) << output;
  EXPECT_EQ(counts.added + counts.updated, 0) << output;
}

TEST(IndexerJsonlTest, ImportedArticlesAreKeptByRebuildAndPruneOfTheCorpusFolder) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  std::string database = temp / "db";
  CopyCorpus(corpus);
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, corpus}), 0);
  WriteText(
      temp / "import.jsonl",
      R"({"id": "bulk/cum", "title": "Cúm mùa lây lan mạnh", "body": "Cúm mùa lây qua đường hô hấp."})"
      "\n");
  std::string output;
  ASSERT_EQ(SearchdProcess::RunIndexer(
                {"--db", database, "--corpus", corpus, "--jsonl", temp / "import.jsonl"}, &output),
            0)
      << output;
  EXPECT_EQ(DocumentCount(database), 6u);

  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, "--prune", corpus}, &output), 0);
  EXPECT_EQ(SummaryCounts(output).deleted, 0) << output;
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", database, "--rebuild", corpus}, &output), 0);
  EXPECT_EQ(DocumentCount(database), 6u);
  EXPECT_EQ(Xapian::Database(database).get_termfreq("Qbulk/cum"), 1u);
}

// The stored article (document data) of `article_id` in the index at `database`.
nlohmann::json StoredArticle(const std::string& database, const std::string& article_id) {
  Xapian::Database index(database);
  Xapian::PostingIterator posting = index.postlist_begin("Q" + article_id);
  if (posting == index.postlist_end("Q" + article_id)) return nullptr;
  Article article;
  EXPECT_TRUE(DecodeStoredArticle(index.get_document(*posting).get_data(), &article));
  return ArticleToJson(article);
}

// The same JSON, imported and POSTed: the same corpus file, the same stored article.
TEST(IndexerJsonlTest, ImportedArticleIsStoredExactlyAsAnHttpWrite) {
  TempFolder temp;
  // A headline that parsing alone would take for site chrome (it starts with a time): the
  // writer's title must win, in both.
  nlohmann::json article = {{"id", "bulk/one"},
                            {"title", "10:30 Cúm mùa"},
                            {"date", "2024-01-15"},
                            {"source", "Sức khỏe"},
                            {"body", "Cúm mùa lây qua đường hô hấp."}};
  WriteText(temp / "import.jsonl", article.dump() + "\n");
  ASSERT_EQ(SearchdProcess::RunIndexer({"--db", temp / "cli_db", "--corpus", temp / "cli_corpus",
                                        "--jsonl", temp / "import.jsonl"}),
            0);

  std::filesystem::create_directories(temp / "http_corpus");
  SearchdProcess server({temp / "http_corpus"},
                        {"--token", "jsonl-test", "--corpus", temp / "http_corpus"});
  httplib::Client client("127.0.0.1", server.port());
  client.set_bearer_token_auth("jsonl-test");
  httplib::Result posted = client.Post("/api/articles", article.dump(), "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;

  EXPECT_EQ(ReadText(temp / "cli_corpus/bulk/one.txt"),
            ReadText(temp / "http_corpus/bulk/one.txt"));
  nlohmann::json imported = StoredArticle(temp / "cli_db", "bulk/one");
  EXPECT_EQ(imported, StoredArticle(server.database(), "bulk/one"));
  EXPECT_EQ(imported["title"], "10:30 Cúm mùa");
  EXPECT_EQ(imported["date"], "2024-01-15");
}

TEST(IndexerJsonlTest, MissingJsonlFileIsReported) {
  TempFolder temp;
  std::string output, errors;
  EXPECT_EQ(SearchdProcess::RunIndexer({"--db", temp / "db", "--jsonl", temp / "missing.jsonl"},
                                       &output, &errors),
            1);
  EXPECT_NE(errors.find("missing.jsonl: cannot open"), std::string::npos) << errors;
}

// An index whose folder cannot be created (here a parent is a file; running as root, a
// read-only folder would not stop it): every kind of run fails, naming the folder and why.
TEST(IndexerCliTest, AnIndexFolderThatCannotBeCreatedFailsTheRunNamingIt) {
  TempFolder temp;
  std::string corpus = temp / "corpus";
  CopyCorpus(corpus);
  WriteText(temp / "a_file", "not a folder\n");
  std::string database = temp / "a_file/sub/db";
  const std::vector<std::vector<std::string>> runs = {
      {}, {"--shards", "2"}, {"--rebuild"}, {"--rebuild", "--shards", "2"}};
  for (const std::vector<std::string>& extra : runs) {
    std::vector<std::string> arguments = {"--db", database};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    arguments.push_back(corpus);
    std::string output, errors;
    EXPECT_EQ(SearchdProcess::RunIndexer(arguments, &output, &errors), 1) << output << errors;
    EXPECT_NE(errors.find("cannot create the folder " + temp / "a_file/sub: "), std::string::npos)
        << errors;
    EXPECT_EQ(errors.find("last committed state"), std::string::npos) << errors;
  }
}

}  // namespace
}  // namespace vnsearch::testing
