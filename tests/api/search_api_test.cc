// API tests: a real vnsearchd over a fresh index of corpus/, queried over loopback HTTP.

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

class SearchApiTest : public SharedServerTest<SearchApiTest> {
 public:
  static SearchdProcess* Start() { return new SearchdProcess({VNSEARCH_CORPUS}); }

 protected:
  static httplib::Result Get(const std::string& path) { return Client().Get(path); }

  static json Search(const std::string& query, const std::string& extra = "") {
    return Client().Search(query, extra);
  }

  static ApiClient Client() { return ApiClient(server_->port()); }

  static std::string TopId(const json& response) {
    return response["hits"].empty() ? "" : response["hits"][0]["id"].get<std::string>();
  }
};

constexpr char kTranBinhTrongArticle[] = "000_2bc41360e3854d8f";

TEST_F(SearchApiTest, AccentedNameFindsItsArticleFirst) {
  json response = Search("Trần Bình Trọng");
  EXPECT_EQ(TopId(response), kTranBinhTrongArticle);
  EXPECT_EQ(response["query"], "Trần Bình Trọng");
  EXPECT_GE(response["total"].get<int>(), 1);
  EXPECT_EQ(response["page"], 1);
  EXPECT_EQ(response["size"], 10);
  EXPECT_TRUE(response["took_ms"].is_number());
  const json& hit = response["hits"][0];
  for (const char* field : {"id", "title", "date", "snippet", "score"}) {
    EXPECT_TRUE(hit.contains(field)) << field;
  }
  EXPECT_NE(hit["title"].get<std::string>().find("Chi bộ Vụ Khoa học và Công nghệ"),
            std::string::npos);
}

TEST_F(SearchApiTest, SnippetMarksMatchesAndEscapesTheRest) {
  json response = Search("Trần Bình Trọng");
  std::string snippet = response["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>Trần Bình Trọng</mark>"), std::string::npos) << snippet;
  response = Search("KH&CN");
  ASSERT_FALSE(response["hits"].empty());
  snippet = response["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>KH&amp;CN</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("KH&CN"), std::string::npos) << "unescaped & in " << snippet;
}

TEST_F(SearchApiTest, QueryWithoutDiacriticsFindsAndMarksTheAccentedName) {
  json response = Search("tran binh trong");
  EXPECT_EQ(TopId(response), kTranBinhTrongArticle);
  std::string snippet = response["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>Trần Bình Trọng</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchApiTest, ArticleByIdAndUnknownId) {
  httplib::Result result = Get(std::string("/api/articles/") + kTranBinhTrongArticle);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  json article = json::parse(result->body);
  EXPECT_EQ(article["id"], kTranBinhTrongArticle);
  EXPECT_NE(article["body"].get<std::string>().find("Trần Bình Trọng"), std::string::npos);

  result = Get("/api/articles/no-such-article");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_EQ(json::parse(result->body)["error"]["code"], "not_found");
}

TEST_F(SearchApiTest, ArticleCarriesItsFieldsAndEntities) {
  httplib::Result result = Get(std::string("/api/articles/") + kTranBinhTrongArticle);
  ASSERT_TRUE(result);
  json article = json::parse(result->body);
  EXPECT_EQ(article["date"], "2022-09-27");
  EXPECT_EQ(article["author"], "Thủy Nguyễn");
  EXPECT_EQ(article["terms"], json::array({"2022-2025", "2020-2022"}));
  EXPECT_EQ(article["main_unit"], "Chi bộ Vụ Khoa học và Công nghệ");
  json expected_person = {{"name", "Trần Bình Trọng"},
                          {"roles", {"Vụ trưởng Vụ Khoa học và Công nghệ", "Bí thư Chi bộ"}}};
  EXPECT_EQ(article["persons"][0], expected_person);
  json expected_unit = {{"name", "Chi bộ Vụ Khoa học và Công nghệ"},
                        {"parent", "Bộ Tài nguyên và Môi trường"}};
  EXPECT_EQ(article["units"][0], expected_unit);
  std::string body = article["body"];
  EXPECT_EQ(body.find("_mg_0821rs.jpg"), std::string::npos) << "image file names stay out";
  EXPECT_EQ(body.find("Ngày đăng"), std::string::npos) << "meta lines stay out";

  result = Get("/api/articles/002_525ec149e4b227f3");
  ASSERT_TRUE(result);
  article = json::parse(result->body);
  body = article["body"];
  EXPECT_EQ(body.find("Thăm dò ý kiến"), std::string::npos) << "the poll stays out";
  EXPECT_EQ(body.find("Tên của bạn"), std::string::npos) << "the comment form stays out";
  EXPECT_EQ(article["title"],
            "Đảng bộ Bộ Khoa học và Công nghệ đạt nhiều kết quả tích cực trong công tác xây dựng "
            "Đảng năm 2023");
  EXPECT_EQ(article["source"], "Hoạt động KH&CN");
}

TEST_F(SearchApiTest, HitsCarryDates) {
  json response = Search("Trần Bình Trọng");
  EXPECT_EQ(response["hits"][0]["date"], "2022-09-27");
}

TEST_F(SearchApiTest, MalformedQueriesAre400WithAMessage) {
  for (const char* query : {"AND AND", "\"khoa học", "foo:bar", "(khoa học", "khoa OR"}) {
    httplib::Result result = Get("/api/search?q=" + httplib::detail::encode_query_param(query));
    ASSERT_TRUE(result) << query;
    EXPECT_EQ(result->status, 400) << query;
    json body = json::parse(result->body);
    EXPECT_EQ(body["error"]["code"], "bad_query") << query;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << query;
  }
}

TEST_F(SearchApiTest, BadParametersAre400NamingTheParameter) {
  for (const char* path : {"/api/search?q=a&size=-1", "/api/search?q=a&page=abc",
                           "/api/search?q=a&size=101", "/api/search?q=a&page=0"}) {
    httplib::Result result = Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 400) << path;
    json body = json::parse(result->body);
    EXPECT_EQ(body["error"]["code"], "bad_parameter");
    std::string message = body["error"]["message"];
    std::string parameter = std::string(path).find("size") != std::string::npos ? "size" : "page";
    EXPECT_EQ(message.rfind(parameter, 0), 0u) << message;
  }
}

TEST_F(SearchApiTest, PagingWalksTheSameResults) {
  json all = Search("Đảng", "&size=5");
  json first = Search("Đảng", "&size=2&page=1");
  json second = Search("Đảng", "&size=2&page=2");
  ASSERT_EQ(all["hits"].size(), 5u);
  EXPECT_EQ(first["hits"][0]["id"], all["hits"][0]["id"]);
  EXPECT_EQ(second["hits"][0]["id"], all["hits"][2]["id"]);
  EXPECT_EQ(second["page"], 2);
  EXPECT_EQ(first["total"], all["total"]);
}

TEST_F(SearchApiTest, HealthAndPage) {
  httplib::Result health = Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["documents"], 5);
  httplib::Result page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  httplib::Result traversal = Get("/../CMakeLists.txt");
  ASSERT_TRUE(traversal);
  EXPECT_NE(traversal->status, 200);
}

}  // namespace
}  // namespace vnsearch::testing
