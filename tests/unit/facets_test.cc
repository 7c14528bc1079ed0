// Facet names and counts: which spelling of a value is shown, and counting by the in-memory
// facet columns agrees with counting by Xapian's value-count spies.

#include <gtest/gtest.h>

#include "index/document_builder.h"

namespace vnsearch {
namespace {

TEST(FacetNameTest, AnEmptySpellingNeverWins) {
  // A shard that does not name a value answers "": the name another shard gave stays, whatever
  // the order the shards are asked in (a term of office has no capitals and is longer than "").
  EXPECT_FALSE(IsPreferredFacetName("", "2015-2018"));
  EXPECT_FALSE(IsPreferredFacetName("", ""));
  EXPECT_TRUE(IsPreferredFacetName("2015-2018", ""));
  std::string name;
  for (std::string spelling : {"", "2015-2018", ""}) {
    if (IsPreferredFacetName(spelling, name)) name = spelling;
  }
  EXPECT_EQ(name, "2015-2018");
}

TEST(FacetNameTest, TitleCaseThenShorterThenSmaller) {
  EXPECT_TRUE(IsPreferredFacetName("Chi cục Tiêu chuẩn Đo lường Chất lượng",
                                   "Chi cục Tiêu chuẩn đo lường chất lượng"));
  EXPECT_TRUE(IsPreferredFacetName("2020-2025", "2020-2026"));
  EXPECT_FALSE(IsPreferredFacetName("2020-2026", "2020-2025"));
}

}  // namespace
}  // namespace vnsearch
