// API tests of writes over HTTP (issue #6): POST, PUT and DELETE /api/articles with a bearer
// token, durable and searchable on return, kept as files under the corpus folder; and the one-
// writer rule when vnsearch-index and HTTP writes happen at the same time.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <xapian.h>

#include <chrono>
#include <thread>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/temp_corpus.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr char kToken[] = "test-token-7f3a";

class WritesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = temp_ / "corpus";
    CopyCorpus(corpus_);
    server_ = std::make_unique<SearchdProcess>(
        std::vector<std::string>{corpus_},
        std::vector<std::string>{"--token", kToken, "--corpus", corpus_});
  }

  httplib::Client Client(bool with_token = true) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(20, 0);
    if (with_token) client.set_bearer_token_auth(kToken);
    return client;
  }

  TempFolder temp_;
  std::string corpus_;
  std::unique_ptr<SearchdProcess> server_;
};

TEST_F(WritesApiTest, WritesNeedTheToken) {
  httplib::Client anonymous = Client(false);
  httplib::Result result = anonymous.Post("/api/articles", "{\"body\":\"x\"}", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(result->get_header_value("WWW-Authenticate"), "Bearer");
  httplib::Client wrong("127.0.0.1", server_->port());
  wrong.set_bearer_token_auth("not-the-token");
  result = wrong.Delete("/api/articles/000_2bc41360e3854d8f");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(ApiClient(server_->port()).Ids("Trần Bình Trọng").size(), 1u) << "nothing deleted";
}

TEST(WritesDisabledTest, WithoutATokenWritesAre403) {
  SearchdProcess server({VNSEARCH_CORPUS});
  httplib::Client client("127.0.0.1", server.port());
  client.set_bearer_token_auth("anything");
  httplib::Result result = client.Post("/api/articles", "text", "text/plain");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403);
  EXPECT_EQ(json::parse(result->body)["error"]["code"], "writes_disabled");
}

TEST_F(WritesApiTest, PostedJsonIsSearchableAtOnceAndKeptAsAFile) {
  httplib::Client client = Client();
  json article = {{"id", "tin/hoi-nghi-phong-thi-nghiem"},
                  {"title", "Hội nghị tổng kết của Chi bộ Phòng Thí nghiệm"},
                  {"date", "2024-03-05"},
                  {"source", "Báo Thử"},
                  {"body",
                   "Ngày 5/3, Chi bộ Phòng Thí nghiệm tổ chức Hội nghị nhiệm kỳ "
                   "2023-2025. Đồng chí Phạm Quang Vinh, Bí thư Chi bộ, phát biểu."}};
  httplib::Result result = client.Post("/api/articles", article.dump(), "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  EXPECT_EQ(json::parse(result->body)["id"], "tin/hoi-nghi-phong-thi-nghiem");
  EXPECT_EQ(result->get_header_value("Location"), "/api/articles/tin/hoi-nghi-phong-thi-nghiem");

  // A search right after the write sees it, with the fields given and the entities found.
  json found = ApiClient(server_->port()).Search("pham quang vinh");
  ASSERT_FALSE(found["hits"].empty());
  const json& hit = found["hits"][0];
  EXPECT_EQ(hit["id"], "tin/hoi-nghi-phong-thi-nghiem");
  EXPECT_EQ(hit["date"], "2024-03-05");
  EXPECT_EQ(hit["source"], "Báo Thử");
  EXPECT_EQ(hit["persons"], json::array({"Phạm Quang Vinh"}));
  EXPECT_EQ(hit["terms"], json::array({"2023-2025"}));

  // The file is the source of truth: a rebuild from the corpus folder loses nothing.
  std::string file = ReadText(corpus_ + "/tin/hoi-nghi-phong-thi-nghiem.txt");
  EXPECT_NE(file.find("Phạm Quang Vinh"), std::string::npos);
  std::string output;
  ASSERT_EQ(
      SearchdProcess::RunIndexer({"--db", server_->database(), "--rebuild", corpus_}, &output), 0)
      << output;
  json rebuilt = ApiClient(server_->port()).Search("pham quang vinh");
  ASSERT_FALSE(rebuilt["hits"].empty());
  EXPECT_EQ(rebuilt["hits"][0]["id"], "tin/hoi-nghi-phong-thi-nghiem");
  EXPECT_EQ(rebuilt["hits"][0]["date"], "2024-03-05");
  EXPECT_EQ(rebuilt["hits"][0]["source"], "Báo Thử");
}

// A search answered before a write is never answered from the cache after it.
TEST_F(WritesApiTest, RepeatedSearchSeesAWriteAtOnce) {
  ApiClient api(server_->port());
  const std::string path = "/api/search?q=" + httplib::detail::encode_query_param("Lương Thế Vinh");
  auto cache_state = [&] { return api.Get(path)->get_header_value("X-Vnsearch-Cache"); };
  json before = api.Search("Lương Thế Vinh");
  EXPECT_EQ(cache_state(), "hit") << "a repeated search comes from the cache";
  EXPECT_EQ(api.Search("Lương Thế Vinh")["total"], before["total"]);
  json article = {{"id", "tin/luong-the-vinh"},
                  {"body", "Đồng chí Lương Thế Vinh, Bí thư Chi bộ Phòng Toán học, phát biểu."}};
  httplib::Result result = Client().Post("/api/articles", article.dump(), "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201);
  EXPECT_EQ(cache_state(), "miss") << "the write changed the index: searched again";
  json after = api.Search("Lương Thế Vinh");
  ASSERT_FALSE(after["hits"].empty());
  EXPECT_EQ(after["hits"][0]["id"], "tin/luong-the-vinh");
}

// Facet counts after writes are those a server starting on the index would count: an added or
// deleted article extends the running server's facet columns, a replaced one makes it read them
// again.
TEST_F(WritesApiTest, FacetCountsAfterWritesAreThoseOfAFreshStart) {
  const std::string query = "đại hội";
  auto facets = [&](int port) {
    json answer = ApiClient(port).Search(query);
    EXPECT_TRUE(answer.contains("facets")) << answer.dump();
    return answer["facets"];
  };
  auto expect_fresh_counts = [&](const std::string& after) {
    json running = facets(server_->port());
    SearchdProcess fresh(SearchdProcess::ServeOnly{}, {"--db", server_->database()});
    EXPECT_EQ(running, facets(fresh.port())) << "after " << after;
    return running;
  };
  ApiClient api(server_->port());
  const std::string whole = "vnsearch_facet_column_reads_total{how=\"whole\"}";
  const std::string extended = "vnsearch_facet_column_reads_total{how=\"extended\"}";
  json before = facets(server_->port());
  EXPECT_EQ(api.Metric(whole), 1) << "read once, when the server started";
  httplib::Client client = Client();
  // The congress of one department's Chi bộ: its secretary, term and institute.
  auto post_congress = [&](const std::string& department, const std::string& secretary,
                           const std::string& term, const std::string& institute) {
    json article = {
        {"id", "tin/dai-hoi-phong"},
        {"title", "Đại hội Chi bộ Phòng " + department + " nhiệm kỳ " + term},
        {"body", "Đồng chí " + secretary + ", Bí thư Chi bộ Phòng " + department +
                     ", phát biểu tại Đại hội nhiệm kỳ " + term + " của Viện " + institute + "."}};
    return client.Post("/api/articles", article.dump(), "application/json");
  };
  httplib::Result result = post_congress("Toán học", "Lương Thế Vinh", "2025-2030", "Toán học");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201);
  json after_add = expect_fresh_counts("an added article");
  EXPECT_NE(after_add, before) << "the added article's values are counted";
  EXPECT_EQ(api.Metric(whole), 1);
  EXPECT_EQ(api.Metric(extended), 1) << "an added article extends the columns";

  result = post_congress("Vật lý", "Phạm Quang Vinh", "2020-2025", "Vật lý");
  ASSERT_TRUE(result);
  ASSERT_TRUE(result->status == 200 || result->status == 201) << result->status;
  json after_replace = expect_fresh_counts("a replaced article");
  EXPECT_NE(after_replace, after_add) << "the replaced article's values are counted anew";
  EXPECT_EQ(api.Metric(whole), 2) << "a replaced article means reading them all again";

  result = client.Delete("/api/articles/tin/dai-hoi-phong");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 204);
  json after_delete = expect_fresh_counts("a deleted article");
  EXPECT_NE(after_delete, after_replace) << "the deleted article's values are no longer counted";
  EXPECT_EQ(api.Metric(whole), 2);
  EXPECT_EQ(api.Metric(extended), 2) << "a deleted article matches nothing: the columns are kept";
}

TEST_F(WritesApiTest, PostedTextIsAnalysedLikeACorpusFile) {
  httplib::Client client = Client();
  std::string text = ReadText(std::string(VNSEARCH_CORPUS) + "/004_ae8750124fb58d60.txt");
  httplib::Result result = client.Post("/api/articles", text, "text/plain; charset=utf-8");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  std::string id = json::parse(result->body)["id"];
  EXPECT_EQ(id.rfind("posted/", 0), 0u);
  httplib::Result article = ApiClient(server_->port()).Get("/api/articles/" + id);
  ASSERT_TRUE(article);
  json stored = json::parse(article->body);
  EXPECT_EQ(stored["title"], "Đại hội lần thứ IV Đảng bộ Sở Khoa học và Công nghệ");
  EXPECT_EQ(stored["date"], "2020-05-28");
}

TEST_F(WritesApiTest, PutReplacesAndDeleteRemoves) {
  httplib::Client client = Client();
  std::string id = "000_2bc41360e3854d8f";
  json replacement = {{"title", "Chi bộ Vụ Khoa học và Công nghệ họp bất thường"},
                      {"body", "Đồng chí Hoàng Minh Đức, Bí thư Chi bộ, chủ trì cuộc họp."}};
  httplib::Result result =
      client.Put(("/api/articles/" + id).c_str(), replacement.dump(), "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;  // it existed: replaced
  ApiClient api(server_->port());
  EXPECT_EQ(api.Ids("\"Hoàng Minh Đức\""), std::vector<std::string>{id});
  EXPECT_TRUE(api.Ids("\"Vũ Minh Sơn\"").empty()) << "the old text is gone";

  result = client.Delete(("/api/articles/" + id).c_str());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 204);
  httplib::Result gone = api.Get("/api/articles/" + id);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  EXPECT_FALSE(std::filesystem::exists(corpus_ + "/" + id + ".txt"));
  result = client.Delete(("/api/articles/" + id).c_str());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
}

TEST_F(WritesApiTest, BadWritesAre400) {
  httplib::Client client = Client();
  for (const char* body :
       {"not json", "{\"body\": \"\"}", "{\"body\": 5}",
        "{\"body\": \"x\", \"date\": \"2024-02-30\"}", "{\"body\": \"x\", \"colour\": \"red\"}",
        "{\"id\": \"../escape\", \"body\": \"x\"}"}) {
    httplib::Result result = client.Post("/api/articles", body, "application/json");
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body << " → " << result->body;
  }
  httplib::Result result = client.Post("/api/articles", "Tiêu \xff đề", "text/plain");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
}

// vnsearch-index holds the writer lock for its run; HTTP writes meanwhile answer 503 with
// Retry-After, and once it is done they go through. Nothing is lost on either side.
TEST_F(WritesApiTest, CliAndHttpWritesAtTheSameTime) {
  std::string big = temp_ / "big";
  // Enough that the indexer outlasts a post's wait for the lock (2 s) on a fast host: 800
  // articles took it about 2 s, and a post then waited for the lock and got it.
  constexpr int kGenerated = 2400;
  GenerateArticles(big, kGenerated);
  pid_t indexer = SearchdProcess::StartIndexer(
      {"--db", server_->database(), "--batch", "50", "--threads", "1", big});
  std::this_thread::sleep_for(std::chrono::milliseconds(100));

  httplib::Client client = Client();
  constexpr int kPosts = 12;
  int busy_answers = 0;
  for (int i = 0; i < kPosts; ++i) {
    json article = {{"id", "http/" + std::to_string(i)},
                    {"body", "Bài gửi qua HTTP số " + std::to_string(i) + " về Đại hội."}};
    for (int attempt = 0;; ++attempt) {
      ASSERT_LT(attempt, 400) << "post " << i << " never got through";
      httplib::Result result = client.Post("/api/articles", article.dump(), "application/json");
      ASSERT_TRUE(result);
      if (result->status == 503) {
        ++busy_answers;
        EXPECT_FALSE(result->get_header_value("Retry-After").empty());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        continue;
      }
      ASSERT_EQ(result->status, 201) << result->body;
      break;
    }
  }
  int status = 0;
  waitpid(indexer, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_GT(busy_answers, 0) << "the indexer finished before any post: the test proved nothing";
  Xapian::Database index(server_->database());
  EXPECT_EQ(index.get_doccount(), static_cast<Xapian::doccount>(5 + kGenerated + kPosts));
  for (int i = 0; i < kPosts; ++i) {
    EXPECT_EQ(index.get_termfreq("Qhttp/" + std::to_string(i)), 1u) << i;
  }
}

}  // namespace
}  // namespace vnsearch::testing
