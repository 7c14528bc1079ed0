// Unit tests for the search result cache: revisions and least-recently-used eviction, and the
// time a cached answer is sent with.

#include "searchd/result_cache.h"

#include <gtest/gtest.h>

#include "searchd/api_internal.h"
#include "searchd/search_answer.h"

namespace vnsearch {
namespace {

TEST(ResultCacheTest, AnswersOnlyForTheSameRevision) {
  ResultCache cache(10);
  cache.Store("/api/search?q=a", "gen@1", "answer-1");
  EXPECT_EQ(cache.Find("/api/search?q=a", "gen@1"), "answer-1");
  EXPECT_FALSE(cache.Find("/api/search?q=a", "gen@2").has_value());
  EXPECT_FALSE(cache.Find("/api/search?q=b", "gen@1").has_value());
  cache.Store("/api/search?q=a", "gen@2", "answer-2");
  EXPECT_EQ(cache.Find("/api/search?q=a", "gen@2"), "answer-2");
}

TEST(ResultCacheTest, EvictsTheLeastRecentlyUsed) {
  ResultCache cache(2);
  cache.Store("a", "r", "A");
  cache.Store("b", "r", "B");
  EXPECT_TRUE(cache.Find("a", "r").has_value());  // a is now the most recent
  cache.Store("c", "r", "C");
  EXPECT_TRUE(cache.Find("a", "r").has_value());
  EXPECT_FALSE(cache.Find("b", "r").has_value());
  EXPECT_TRUE(cache.Find("c", "r").has_value());
}

TEST(ResultCacheTest, ZeroCapacityKeepsNothing) {
  ResultCache cache(0);
  cache.Store("a", "r", "A");
  EXPECT_FALSE(cache.Find("a", "r").has_value());
}

// A cached answer is sent with its own time: only "took_ms" changes, even when a title or a
// snippet holds the key's text.
TEST(ResultCacheTest, CachedAnswerGetsItsOwnTime) {
  SearchResponse response;
  response.query = "\"took_ms\": 1, {took_ms}";
  response.total = 1;
  response.took_ms = 12.5;
  SearchHit hit;
  hit.id = "tin/a";
  hit.title = "\"took_ms\":99}";
  hit.snippet = "<mark>took_ms</mark>\":3,";
  response.hits.push_back(hit);
  response.facets["unit"] = {{"Viện \"took_ms\":", 1, false}};
  const std::string cached = api::SearchAnswerText(response);

  nlohmann::json sent = nlohmann::json::parse(api::WithTookMs(cached, 0.0625));
  EXPECT_EQ(sent["took_ms"], 0.0625);
  nlohmann::json expected = nlohmann::json::parse(cached);
  expected["took_ms"] = 0.0625;
  EXPECT_EQ(sent, expected);
  // Written as Dump writes it: the same bytes a freshly computed answer would have.
  EXPECT_EQ(api::WithTookMs(cached, 0.0625), api::Dump(expected));
}

}  // namespace
}  // namespace vnsearch
