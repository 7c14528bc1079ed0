// API test: a table of hostile or malformed inputs for every endpoint, each with the answer it
// must get — always a 4xx with {"error":{"code","message"}} (or the documented answer), never a
// 5xx, a hang or a crash — and the server still healthy after the whole table.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/raw_http.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"
#include "api/temp_corpus.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr char kToken[] = "table-token-9d0e";

struct BadInput {
  const char* method;
  std::string target;
  int status;
  std::string error_code = "";  // expected {"error":{"code"}} when not empty
  std::string body = "";        // sent with Content-Length when not empty
  std::string content_type = "application/json";
  bool with_token = true;
};

class BadInputApiTest : public SharedServerTest<BadInputApiTest> {
 public:
  static SearchdProcess* Start() {
    static TempFolder* temp = new TempFolder();
    CopyCorpus(*temp / "corpus");
    return new SearchdProcess({*temp / "corpus"},
                              {"--token", kToken, "--corpus", *temp / "corpus"});
  }
};

std::string Repeat(const std::string& text, int count) {
  std::string repeated;
  for (int i = 0; i < count; ++i) repeated += text;
  return repeated;
}

// `count` distinct term filters (a repeated identical pair is read once).
std::string Terms(int count) {
  std::string terms;
  for (int i = 0; i < count; ++i) terms += "term=2000-" + std::to_string(2001 + i) + "&";
  return terms;
}

std::vector<BadInput> Table() {
  const std::string article = "/api/articles/000_2bc41360e3854d8f";
  return {
      // GET /api/search
      {"GET", "/api/search?q=%FF", 400, "bad_parameter"},
      {"GET", "/api/search?q=tr%C3", 400, "bad_parameter"},  // a cut UTF-8 sequence
      {"GET", "/api/search?q=a%00b", 400, "bad_parameter"},
      {"GET", "/api/search?q=a%1Bb", 400, "bad_parameter"},
      {"GET", "/api/search?q=" + std::string(4097, 'a'), 400, "bad_parameter"},
      {"GET", "/api/search?q=%22unbalanced", 400, "bad_query"},
      {"GET", "/api/search?q=AND+AND", 400, "bad_query"},
      {"GET", "/api/search?q=colour:red", 400, "bad_query"},
      {"GET", "/api/search?q=" + Repeat("(", 40) + "a" + Repeat(")", 40), 400, "bad_query"},
      {"GET", "/api/search?q=dai+" + Repeat("-t*+", 1020), 400, "bad_query"},
      {"GET", "/api/search?q=" + Repeat("a*+", 1365), 400, "bad_query"},
      {"GET", "/api/search?q=" + Repeat("t*+", 7), 400, "bad_query"},
      {"GET", "/api/search?q=" + Repeat("word+", 65), 400, "bad_query"},
      {"GET", "/api/search?page=0", 400, "bad_parameter"},
      {"GET", "/api/search?page=1001", 400, "bad_parameter"},
      {"GET", "/api/search?page=99999999999999999999", 400, "bad_parameter"},
      {"GET", "/api/search?size=101", 400, "bad_parameter"},
      {"GET", "/api/search?size=%FF", 400, "bad_parameter"},
      {"GET", "/api/search?facet_size=-1", 400, "bad_parameter"},
      {"GET", "/api/search?from=2024-02-30", 400, "bad_parameter"},
      {"GET", "/api/search?from=2024-03-01&to=2024-02-01", 400, "bad_parameter"},
      {"GET", "/api/search?sort=random", 400, "bad_parameter"},
      {"GET", "/api/search?unit=%FF", 400, "bad_parameter"},
      {"GET", "/api/search?person=" + std::string(600, 'a'), 400, "bad_parameter"},
      {"GET", "/api/search?" + Terms(51), 400, "bad_parameter"},
      {"POST", "/api/search", 405, "method_not_allowed", "{}"},
      {"DELETE", "/api/search", 405, "method_not_allowed"},
      // GET /api/suggest, /api/opensearch/suggest
      {"GET", "/api/suggest?q=%FF", 400, "bad_parameter"},
      {"GET", "/api/suggest?q=" + std::string(4097, 'a'), 400, "bad_parameter"},
      {"GET", "/api/suggest?q=a&limit=0", 400, "bad_parameter"},
      {"GET", "/api/opensearch/suggest?q=%FF", 400, "bad_parameter"},
      {"GET", "/api/opensearch/suggest?q=a%00", 400, "bad_parameter"},
      {"PUT", "/api/opensearch/suggest", 405, "method_not_allowed", "x"},
      // GET /api/facets/{facet}
      {"GET", "/api/facets/colour", 404, "not_found"},
      {"GET", "/api/facets/unit?prefix=%FF", 400, "bad_parameter"},
      {"GET", "/api/facets/unit?limit=0", 400, "bad_parameter"},
      {"GET", "/api/facets/unit?limit=10001", 400, "bad_parameter"},
      {"GET", "/api/facets/", 404, "not_found"},
      {"POST", "/api/facets/unit", 405, "method_not_allowed", "x"},
      // GET /api/articles/{id}, /similar
      {"GET", "/api/articles/%FF", 404, "not_found"},
      {"GET", "/api/articles/a%00b", 404, "not_found"},
      {"GET", "/api/facets/%FF", 404, "not_found"},
      {"GET", "/api/articles/..%2F..%2Fetc%2Fpasswd", 404, "not_found"},
      {"GET", "/api/articles/nope", 404, "not_found"},
      {"GET", "/api/articles/", 404, "not_found"},
      {"GET", "/api/articles/nope/similar", 404, "not_found"},
      {"GET", article + "/similar?limit=0", 400, "bad_parameter"},
      {"GET", article + "/similar?limit=51", 400, "bad_parameter"},
      {"GET", "/api/articles", 405, "method_not_allowed"},
      {"PUT", article + "/similar", 405, "method_not_allowed", "{\"body\":\"x\"}"},
      {"PATCH", article, 405, "method_not_allowed", "{}"},
      // Writes: POST /api/articles, PUT and DELETE /api/articles/{id}
      {"POST", "/api/articles", 401, "unauthorized", "{\"body\":\"x\"}", "application/json", false},
      {"DELETE", article, 401, "unauthorized", "", "", false},
      {"POST", "/api/articles", 400, "bad_article", "not json"},
      {"POST", "/api/articles", 400, "bad_article", "[1,2]"},
      {"POST", "/api/articles", 400, "bad_article", Repeat("[", 100000)},
      {"POST", "/api/articles", 400, "bad_article", Repeat("[", 100000) + Repeat("]", 100000)},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":\"\"}"},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":7}"},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":\"x\",\"date\":\"2024-13-01\"}"},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":\"x\",\"colour\":\"red\"}"},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":\"x\",\"title\":\"a\\nb\"}"},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":\"x\",\"date\":\"2024-01-011\"}"},
      {"POST", "/api/articles", 400, "bad_article", "{\"body\":\"\\u0000x\\udc00\"}"},
      {"POST", "/api/articles", 400, "bad_id", "{\"id\":\"a/similar\",\"body\":\"x\"}"},
      {"POST", "/api/articles", 400, "bad_id", "{\"id\":\"../x\",\"body\":\"x\"}"},
      {"POST", "/api/articles", 400, "bad_id",
       "{\"id\":\"" + std::string(201, 'a') + "\",\"body\":\"x\"}"},
      {"POST", "/api/articles", 400, "bad_article", "Ti\xeau \xff", "text/plain"},
      {"POST", "/api/articles", 415, "unsupported_media_type", "x", "image/png"},
      {"POST", "/api/articles", 413, "too_large", std::string(4 * 1024 * 1024 + 1, 'a'),
       "text/plain"},
      {"PUT", "/api/articles/..%2Fescape", 400, "bad_id", "{\"body\":\"x\"}"},
      {"PUT", "/api/articles/a%20b", 400, "bad_id", "{\"body\":\"x\"}"},
      {"DELETE", "/api/articles/%2E%2E", 404, "not_found"},
      {"DELETE", "/api/articles", 405, "method_not_allowed"},
      // The rest
      {"POST", "/healthz", 405, "method_not_allowed", "x"},
      {"DELETE", "/metrics", 405, "method_not_allowed"},
      {"PUT", "/api/openapi.json", 405, "method_not_allowed", "x"},
      {"POST", "/opensearch.xml", 405, "method_not_allowed", "x"},
      {"GET", "/api/nope", 404, "not_found"},
      {"POST", "/api/nope", 404, "not_found", "x"},
      {"GET", "/nope.html", 404, "not_found"},
      {"GET", "/index.html%00.js", 400, "bad_path"},
      {"GET", "/%00", 400, "bad_path"},
      {"GET", "/..%2F..%2Fetc%2Fpasswd", 404, "not_found"},
      {"GET", "/app.js%0A", 400, "bad_path"},
      {"POST", "/index.html", 405, "method_not_allowed", "x"},
  };
}

TEST_F(BadInputApiTest, EveryEndpointRefusesBadInputClearly) {
  int port = server_->port();
  for (const BadInput& input : Table()) {
    std::string request =
        std::string(input.method) + " " + input.target + " HTTP/1.1\r\n" + "Host: t\r\n";
    if (input.with_token) request += "Authorization: Bearer " + std::string(kToken) + "\r\n";
    if (!input.body.empty()) {
      request += "Content-Type: " + input.content_type +
                 "\r\nContent-Length: " + std::to_string(input.body.size()) + "\r\n";
    }
    request += "\r\n" + input.body;
    RawAnswer answer = RawRequest(port, request, 10);
    std::string shown = std::string(input.method) + " " + input.target.substr(0, 100);
    EXPECT_EQ(answer.status, input.status) << shown << " → " << answer.body.substr(0, 300);
    if (answer.status == 405) {
      EXPECT_FALSE(answer.Header("Allow").empty()) << shown;
    }
    if (input.error_code.empty()) continue;
    json error = json::parse(answer.body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << shown << " → " << answer.body.substr(0, 300);
    EXPECT_EQ(error["error"]["code"], input.error_code) << shown;
    EXPECT_FALSE(error["error"]["message"].get<std::string>().empty()) << shown;
  }
  RawAnswer health = RawRequest(port, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body)["documents"], 5) << "no bad write got through";
}

TEST_F(BadInputApiTest, HeadAnswersWithoutABodyAndOptionsIsNoPreflight) {
  int port = server_->port();
  RawConnection connection(port);
  connection.Send("HEAD /api/search?q=dai+hoi HTTP/1.1\r\nHost: t\r\n\r\n");
  RawAnswer head = connection.Read(10, /*to_head=*/true);
  EXPECT_EQ(head.status, 200);
  // Nothing follows the head: the next answer on the connection starts right after it.
  connection.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  RawAnswer next = connection.Read();
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(json::parse(next.body, nullptr, false)["status"], "ok");
  // Without --cors-origin there is no preflight to answer.
  RawAnswer options = RawRequest(port, "OPTIONS /api/articles HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(options.status, 405);
  EXPECT_EQ(options.Header("Allow"), "POST");
}

}  // namespace
}  // namespace vnsearch::testing
