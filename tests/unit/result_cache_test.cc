// Unit tests for the search result cache: revisions and least-recently-used eviction.

#include "searchd/result_cache.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace vnsearch
