// API tests of write safety and secrets (issue #12): an acknowledged write is never lost — not
// while `vnsearch-index --rebuild` or `--prune` waits or runs — a failed delete is reported, no
// article crashes the daemon or the indexer, and the write token never reaches the log.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/api_client.h"
#include "api/raw_http.h"
#include "api/searchd_process.h"
#include "api/temp_corpus.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr char kToken[] = "safety-token-3b81";

class WriteSafetyApiTest : public ::testing::Test {
 protected:
  void StartServer(int generated_articles, std::vector<std::string> extra_flags = {},
                   std::vector<std::string> environment = {}) {
    corpus_ = temp_ / ("corpus" + std::to_string(++servers_started_));
    CopyCorpus(corpus_);
    if (generated_articles > 0) GenerateArticles(corpus_, generated_articles);
    std::vector<std::string> flags = {"--corpus", corpus_, "--access-log", temp_ / "access.log"};
    flags.insert(flags.end(), extra_flags.begin(), extra_flags.end());
    server_ =
        std::make_unique<SearchdProcess>(std::vector<std::string>{corpus_}, flags, environment);
  }

  httplib::Client Client(const std::string& token = kToken) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(20, 0);
    if (!token.empty()) client.set_bearer_token_auth(token.c_str());
    return client;
  }

  // Posts articles http/<n> one after another (retrying on 503) until `stop` is set and at least
  // `minimum` were acknowledged; returns the ids acknowledged with 201.
  std::vector<std::string> PostUntil(const std::atomic<bool>& stop, int minimum) {
    httplib::Client client = Client();
    std::vector<std::string> acknowledged;
    for (int n = 0; !stop || static_cast<int>(acknowledged.size()) < minimum; ++n) {
      std::string id = "http/" + std::to_string(n);
      json article = {{"id", id},
                      {"body", "Bài gửi qua HTTP số " + std::to_string(n) + " về Đại hội."}};
      for (int attempt = 0; attempt < 600; ++attempt) {
        httplib::Result result = client.Post("/api/articles", article.dump(), "application/json");
        if (result && result->status == 503) {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          continue;
        }
        if (result && result->status == 201) acknowledged.push_back(id);
        break;
      }
    }
    return acknowledged;
  }

  // Runs vnsearch-index with `arguments` while articles are posted; checks that every
  // acknowledged one is in the index afterwards, with its file.
  void PostWhileIndexing(const std::vector<std::string>& arguments) {
    std::atomic<bool> stop{false};
    std::vector<std::string> acknowledged;
    std::thread poster([&] { acknowledged = PostUntil(stop, 40); });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // some posts go first
    std::vector<std::string> command = {"--db", server_->database(), "--wait", "60"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    command.push_back(corpus_);
    int status = SearchdProcess::RunIndexer(command);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // and some after
    stop = true;
    poster.join();
    EXPECT_EQ(status, 0);
    ASSERT_GE(acknowledged.size(), 40u);
    Xapian::Database index(server_->database());
    size_t missing = 0;
    for (const std::string& id : acknowledged) {
      bool indexed = index.get_termfreq("Q" + id) == 1;
      bool kept = std::filesystem::exists(corpus_ + "/" + id + ".txt");
      missing += !indexed || !kept;
      EXPECT_TRUE(indexed) << id << " was acknowledged but is not in the index";
      EXPECT_TRUE(kept) << id << " was acknowledged but its file is gone";
    }
    EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged";
  }

  std::string AccessLog() { return ReadText(temp_ / "access.log"); }

  // The access log once it holds `expected` (lines are written just after their answers).
  std::string AccessLogWith(const std::string& expected) {
    for (int attempt = 0; attempt < 40; ++attempt) {
      std::string log = AccessLog();
      if (log.find(expected) != std::string::npos) return log;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return AccessLog();
  }

  TempFolder temp_;
  int servers_started_ = 0;
  std::string corpus_;
  std::unique_ptr<SearchdProcess> server_;
};

// 199 of 200 posts made during a --rebuild were missing from the rebuilt index: the indexer
// listed the corpus before it held the writer lock.
TEST_F(WriteSafetyApiTest, PostsRacingARebuildAreAllKept) {
  StartServer(300, {"--token", kToken});
  PostWhileIndexing({"--rebuild", "--threads", "2"});
}

// ... and --prune deleted them.
TEST_F(WriteSafetyApiTest, PostsRacingAPruneAreAllKept) {
  StartServer(300, {"--token", kToken});
  PostWhileIndexing({"--prune", "--threads", "1", "--batch", "50"});
}

// Searches that outlasted two commits of a steady stream of writes failed with 503 (Xapian's
// DatabaseModifiedError): a write now waits for the reads its commit would end.
TEST_F(WriteSafetyApiTest, SearchesDuringWritesNeverFail) {
  StartServer(1000, {"--token", kToken, "--cache-entries", "0", "--threads", "8"});
  std::atomic<bool> stop{false};
  std::atomic<int> searches{0}, failures{0};
  std::vector<std::thread> searchers;
  for (int t = 0; t < 6; ++t) {
    searchers.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_read_timeout(20, 0);
      const char* paths[] = {"/api/search?q=&sort=date&size=100", "/api/search?q=dai%20hoi",
                             "/api/search?q=b*%20OR%20c*&facet_size=100"};
      for (int n = t; !stop; ++n) {
        httplib::Result result = client.Get(paths[n % 3]);
        ++searches;
        if (!result || result->status != 200) ++failures;
      }
    });
  }
  httplib::Client writer = Client();
  int written = 0;
  for (int n = 0; n < 100; ++n) {
    json article = {{"id", "steady/" + std::to_string(n)},
                    {"body", "Bài số " + std::to_string(n) + " về Đại hội Chi bộ."}};
    httplib::Result result = writer.Post("/api/articles", article.dump(), "application/json");
    written += result && result->status == 201;
  }
  stop = true;
  for (std::thread& searcher : searchers) searcher.join();
  EXPECT_EQ(written, 100);
  EXPECT_GT(searches.load(), 50);
  EXPECT_EQ(failures.load(), 0) << "of " << searches.load() << " searches";
}

TEST_F(WriteSafetyApiTest, ADeleteThatCannotRemoveTheFileIsReported) {
  StartServer(0, {"--token", kToken});
  const std::string id = "000_2bc41360e3854d8f";
  // The article's file is replaced by a folder that cannot be removed (it is not empty).
  std::filesystem::remove(corpus_ + "/" + id + ".txt");
  WriteText(corpus_ + "/" + id + ".txt/keep", "x");
  httplib::Result result = Client().Delete(("/api/articles/" + id).c_str());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 500) << result->body;
  EXPECT_EQ(json::parse(result->body)["error"]["code"], "storage_error");
  EXPECT_NE(result->body.find(id), std::string::npos) << "names the file: " << result->body;
  EXPECT_EQ(ApiClient(server_->port()).Get("/api/articles/" + id)->status, 200)
      << "nothing was deleted";
}

// A posted line of 65,535 characters without a space overflowed std::regex's stack and killed
// the daemon, and then every vnsearch-index run over the corpus.
TEST_F(WriteSafetyApiTest, NoArticleCrashesTheDaemonOrTheIndexer) {
  StartServer(0, {"--token", kToken});
  std::string kinds;
  for (int i = 0; i < 3000; ++i) kinds += "Chi bộ Vụ Khoa học ";
  std::vector<std::string> texts = {
      std::string(65535, 'x') + "\n", std::string(65535, '1') + "/1/2022\n",
      "Tiêu đề bài báo\n\n" + kinds + "\n", std::string(200000, '(') + "\n"};
  for (const std::string& text : texts) {
    auto started = std::chrono::steady_clock::now();
    httplib::Result result = Client().Post("/api/articles", text, "text/plain");
    ASSERT_TRUE(result) << "the daemon died on " << text.substr(0, 30);
    EXPECT_EQ(result->status, 201) << result->body;
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
              5.0);
  }
  std::string output;
  EXPECT_EQ(
      SearchdProcess::RunIndexer({"--db", server_->database(), "--rebuild", corpus_}, &output), 0)
      << output;
  EXPECT_EQ(ApiClient(server_->port()).Get("/healthz")->status, 200);
}

TEST_F(WriteSafetyApiTest, ContentTypeIsReadWithoutCaseAndIdsMustBeReadable) {
  StartServer(0, {"--token", kToken});
  json article = {{"id", "tin/hoa"}, {"title", "Tiêu đề từ JSON"}, {"body", "Nội dung bài."}};
  httplib::Result result =
      Client().Post("/api/articles", article.dump(), "APPLICATION/JSON; Charset=UTF-8");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  httplib::Result stored = ApiClient(server_->port()).Get("/api/articles/tin/hoa");
  ASSERT_TRUE(stored);
  EXPECT_EQ(json::parse(stored->body)["title"], "Tiêu đề từ JSON") << "stored as JSON, not text";
  // An id ending in /similar could be written but never read back.
  json similar = {{"id", "tin/similar"}, {"body", "x"}};
  result = Client().Post("/api/articles", similar.dump(), "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  result = Client().Put("/api/articles/tin/similar", "{\"body\":\"x\"}", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 405);
  EXPECT_FALSE(std::filesystem::exists(corpus_ + "/tin/similar.txt"));
}

TEST_F(WriteSafetyApiTest, TheTokenComesFromAFileOrTheEnvironmentAndIsNeverLogged) {
  std::string token_file = temp_ / "token";
  WriteText(token_file, std::string(kToken) + "\n");
  StartServer(0, {"--token-file", token_file});
  httplib::Result result =
      Client().Post("/api/articles", "{\"body\":\"Tin.\"}", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201) << result->body;
  // A token sent where it does not belong: in the query string, in the path.
  ApiClient api(server_->port());
  api.Get(std::string("/api/search?q=x&token=") + kToken);
  api.Get(std::string("/api/search?access_token=") + kToken);
  api.Get(std::string("/api/search?q=") + kToken);
  api.Get(std::string("/api/articles/") + kToken);
  RawRequest(server_->port(), std::string("GET /") + kToken + "\x01 HTTP/1.1\r\n\r\n");
  EXPECT_EQ(Client("wrong").Post("/api/articles", "x", "text/plain")->status, 401);
  std::string log = AccessLogWith("401");
  EXPECT_EQ(log.find(kToken), std::string::npos) << log;
  EXPECT_NE(log.find("[withheld]"), std::string::npos) << log;

  server_.reset();
  StartServer(0, {}, {std::string("VNSEARCH_TOKEN=") + kToken});
  result = Client().Post("/api/articles", "{\"body\":\"Tin.\"}", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201) << result->body;
}

// Control characters from the request went raw into the log; requests refused before routing
// were logged without method or path, with the machine's uptime as their duration.
TEST_F(WriteSafetyApiTest, LogLinesAreEscapedAndRefusalsLoggedProperly) {
  StartServer(0);
  RawRequest(server_->port(), "GET /api/search?q=a%0Ab HTTP/1.1\r\nHost: t\r\n\r\n");
  RawRequest(server_->port(), "GET /\x1b[2J\x1b[31mred HTTP/1.1\r\nHost: t\r\n\r\n");
  RawRequest(server_->port(), "GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n");
  RawRequest(server_->port(), "GET /a\"b\\c HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string log = AccessLogWith("\\x22b\\x5Cc");
  for (char c : log) {
    unsigned char byte = static_cast<unsigned char>(c);
    EXPECT_FALSE(byte < 0x20 && c != '\n') << "raw control byte " << int(byte) << " in " << log;
  }
  EXPECT_NE(log.find("\\x1B[2J"), std::string::npos) << log;
  EXPECT_NE(log.find("\"GET /api/search?q=aaaa"), std::string::npos) << "the 414 names its line";
  EXPECT_NE(log.find("\\x22b\\x5Cc"), std::string::npos) << log;
  std::string metrics = ApiClient(server_->port()).Get("/metrics")->body;
  size_t sum_at = metrics.find("vnsearch_http_request_duration_seconds_sum ");
  ASSERT_NE(sum_at, std::string::npos);
  double total_seconds = std::atof(metrics.c_str() + sum_at + 43);
  EXPECT_LT(total_seconds, 5.0) << "no request took the machine's uptime";
  EXPECT_NE(metrics.find("status=\"414\""), std::string::npos) << metrics;
}

}  // namespace
}  // namespace vnsearch::testing
