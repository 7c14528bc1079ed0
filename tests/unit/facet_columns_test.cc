// Facet columns count what the documents hold, and a short facet list keeps every value that
// ties with its last one (issue #13: only the values a list can show are named and ranked).

#include "searchd/facet_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index/schema.h"

namespace vnsearch {
namespace {

constexpr size_t kUnitFacet = 0;  // Facets()[0] is "unit"

// An id of schema::kFacetIdBytes bytes made of one letter: "AAAAAAAA".
std::string Id(char letter) { return std::string(schema::kFacetIdBytes, letter); }

// Five documents: A in three, B and C in two, D in one.
Xapian::WritableDatabase UnitsDatabase() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* units : {"AB", "AC", "AB", "D", "C"}) {
    Xapian::Document document;
    std::string slot;
    for (const char* letter = units; *letter != '\0'; ++letter) slot += Id(*letter);
    document.add_value(schema::kUnitsSlot, slot);
    database.add_document(document);
  }
  return database;
}

// The ids of `counted` with their counts, as "A3", sorted.
std::vector<std::string> Named(const CountedValues& counted) {
  std::vector<std::string> named;
  for (const auto& [count, id] : counted) named.push_back(id.substr(0, 1) + std::to_string(count));
  std::sort(named.begin(), named.end());
  return named;
}

TEST(FacetColumnsTest, ShortListsKeepEveryValueThatTiesWithTheirLast) {
  Xapian::WritableDatabase database = UnitsDatabase();
  FacetColumns columns(database);
  FacetCountingSpy spy(columns, {kUnitFacet});
  for (Xapian::docid docid = 1; docid <= 5; ++docid) spy.Count(docid);
  EXPECT_EQ(Named(spy.Counted(kUnitFacet)), (std::vector<std::string>{"A3", "B2", "C2", "D1"}));

  bool cut = false;
  EXPECT_EQ(Named(spy.MostFrequent(kUnitFacet, 1, &cut)), (std::vector<std::string>{"A3"}));
  EXPECT_TRUE(cut);
  // The second most frequent ties with the third: both are kept.
  EXPECT_EQ(Named(spy.MostFrequent(kUnitFacet, 2, &cut)),
            (std::vector<std::string>{"A3", "B2", "C2"}));
  EXPECT_TRUE(cut);
  EXPECT_EQ(Named(spy.MostFrequent(kUnitFacet, 3, &cut)),
            (std::vector<std::string>{"A3", "B2", "C2"}));
  EXPECT_TRUE(cut);
  EXPECT_EQ(Named(spy.MostFrequent(kUnitFacet, 4, &cut)),
            (std::vector<std::string>{"A3", "B2", "C2", "D1"}));
  EXPECT_FALSE(cut);
}

TEST(FacetColumnsTest, EachCountStartsFromZero) {
  Xapian::WritableDatabase database = UnitsDatabase();
  FacetColumns columns(database);
  {
    FacetCountingSpy first(columns, {kUnitFacet});
    for (Xapian::docid docid = 1; docid <= 5; ++docid) first.Count(docid);
  }
  // The next count on this thread reuses the first one's arrays: they were given back zeroed.
  FacetCountingSpy second(columns, {kUnitFacet});
  second.Count(4);
  second.Count(5);
  EXPECT_EQ(Named(second.Counted(kUnitFacet)), (std::vector<std::string>{"C1", "D1"}));
}

}  // namespace
}  // namespace vnsearch
