// Unit tests for what vnsearchd checks about a request before searching: parameters, query
// limits, routes, and the access log line it writes.

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "searchd/access_log.h"
#include "searchd/api_routes.h"
#include "searchd/query_limits.h"
#include "searchd/request_params.h"

namespace vnsearch {
namespace {

httplib::Params Params(std::initializer_list<std::pair<std::string, std::string>> pairs) {
  return httplib::Params(pairs.begin(), pairs.end());
}

TEST(RequestParamsTest, TextMustBeUtf8WithoutControlCharacters) {
  EXPECT_EQ(TextParameter(Params({{"q", "trần\tbình"}}), "q"), "trần\tbình");
  EXPECT_THROW(TextParameter(Params({{"q", "\xff"}}), "q"), BadParameter);
  EXPECT_THROW(TextParameter(Params({{"q", std::string("a\0b", 3)}}), "q"), BadParameter);
  EXPECT_THROW(TextParameter(Params({{"q", "a\x1b"}}), "q"), BadParameter);
  EXPECT_THROW(TextParameter(Params({{"q", std::string(20, 'a')}}), "q", 10), BadParameter);
  try {
    TextParameter(Params({{"q", "ab\xc3"}}), "q");
    FAIL();
  } catch (const BadParameter& error) {
    EXPECT_EQ(std::string(error.what()).rfind("q: is not valid UTF-8 at byte 2", 0), 0u)
        << error.what();
  }
}

TEST(RequestParamsTest, SearchParameters) {
  SearchRequest search = ParseSearchRequest(
      Params({{"q", "a"}, {"page", "2"}, {"unit", "x"}, {"unit", "y"}, {"sort", "-date"}}));
  EXPECT_EQ(search.page, 2);
  EXPECT_EQ(search.filters["unit"].size(), 2u);
  EXPECT_EQ(search.sort, SortOrder::kDateDescending);
  EXPECT_THROW(ParseSearchRequest(Params({{"size", "0"}})), BadParameter);
  EXPECT_THROW(ParseSearchRequest(Params({{"from", "2024-02-30"}})), BadParameter);
  EXPECT_THROW(ParseSearchRequest(Params({{"term", "\xff"}})), BadParameter);
}

TEST(QueryLimitsTest, WordsWildcardsAndNesting) {
  auto problem = [](const std::string& query) {
    ParsedQuery parsed = ParseQuery(query);
    if (!parsed.ok) return parsed.error;
    std::string error;
    return CheckQueryLimits(parsed.root, &error) ? std::string() : error;
  };
  EXPECT_EQ(problem("tran binh trong OR \"dai hoi\" -x*"), "");
  std::string words;
  for (int i = 0; i < 65; ++i) words += "w ";
  EXPECT_NE(problem(words), "");
  EXPECT_NE(problem("a* b* c* d* e* f* g*"), "");
  EXPECT_EQ(problem("a* b* c* d* e* f*"), "");
  EXPECT_NE(problem(std::string(33, '(') + "a" + std::string(33, ')')), "");
  EXPECT_EQ(problem(std::string(32, '(') + "a" + std::string(32, ')')), "");
}

// A wildcard costs the postings of its most frequent expansions; each term its own.
TEST(QueryLimitsTest, PostingsEstimate) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 30; ++i) {
    Xapian::Document document;
    document.add_term("XFtrung");              // 30 articles
    if (i < 10) document.add_term("XFtrong");  // 10
    if (i < 3) document.add_term("XFtruong");  // 3
    document.add_term("XFdai");                // 30
    database.add_document(document);
  }
  auto estimate = [&](const std::string& query) {
    return EstimatePostings(database, BuildQuery(ParseQuery(query).root));
  };
  EXPECT_EQ(estimate("dai"), 30u);
  EXPECT_EQ(estimate("tr*"), 43u);
  EXPECT_EQ(estimate("tr* dai -tr*"), 43u + 30u + 43u);
  EXPECT_EQ(estimate("xyz"), 0u);
}

TEST(ApiRoutesTest, PathsAndMethods) {
  EXPECT_EQ(MatchRoute("/api/search").route, Route::kSearch);
  RouteMatch similar = MatchRoute("/api/articles/a/b/similar");
  EXPECT_EQ(similar.route, Route::kSimilar);
  EXPECT_EQ(similar.article_id, "a/b");
  EXPECT_EQ(MatchRoute("/api/articles/similar").route, Route::kArticle);
  EXPECT_EQ(MatchRoute("/api/facets/unit").facet, "unit");
  EXPECT_EQ(MatchRoute("/api/facets/a/b").route, Route::kUnknownApi);
  EXPECT_EQ(MatchRoute("/api").route, Route::kUnknownApi);
  EXPECT_EQ(MatchRoute("/apix").route, Route::kStatic);
  EXPECT_TRUE(AllowsMethod(Route::kArticle, "DELETE"));
  EXPECT_FALSE(AllowsMethod(Route::kSimilar, "PUT"));
  EXPECT_TRUE(AllowsMethod(Route::kSearch, "HEAD"));
  EXPECT_STREQ(AllowedMethods(Route::kArticles), "POST");
}

TEST(AccessLogTest, EscapesAndWithholds) {
  EXPECT_EQ(EscapeForLog("a\x1b[31m\"\\\n\xff é"), "a\\x1B[31m\\x22\\x5C\\x0A\\xFF é");
  EXPECT_EQ(WithholdSecrets("/api/search?q=x&token=s3cret&Access_Token=y", "s3cret"),
            "/api/search?q=x&token=[withheld]&Access_Token=[withheld]");
  EXPECT_EQ(WithholdSecrets("/api/search?q=%73%33cret", "s3cret"), "/api/search?q=[withheld]");
  EXPECT_EQ(WithholdSecrets("/api/articles/s3cret", "s3cret"), "[withheld]");
  EXPECT_EQ(WithholdSecrets("/api/search?q=x", ""), "/api/search?q=x");
  std::string line =
      AccessLogLine("127.0.0.1", "", "", "GET /?key=1 HTTP/1.1", 414, 10, 0.0012, "t0k");
  EXPECT_EQ(line, "127.0.0.1 \"GET /?key=[withheld]\" 414 10 1.20ms\n");
  EXPECT_EQ(AccessLogLine("::1", "", "", "t0k\x01", 400, 0, 0, "t0k"),
            "::1 \"[withheld]\" 400 0 0.00ms\n");
}

}  // namespace
}  // namespace vnsearch
