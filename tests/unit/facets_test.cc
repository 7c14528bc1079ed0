// Facet names and counts: which spelling of a value is shown, and counting by the in-memory
// facet columns agrees with counting by Xapian's value-count spies.

#include "searchd/facets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <memory>

#include "index/document_builder.h"
#include "index/schema.h"
#include "searchd/facet_columns.h"

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

// What ShownFacetValues must show, by the plain rule: the selected values first, then the named
// others by count (most first), equal counts by name, `limit` of them.
std::vector<FacetValue> ShownByFullSort(const CountedValues& counted,
                                        const std::map<std::string, std::string>& names,
                                        const std::vector<std::string>& selected_ids,
                                        size_t limit) {
  std::vector<FacetValue> shown;
  for (const std::string& id : selected_ids) {
    auto found = std::find_if(counted.begin(), counted.end(),
                              [&](const auto& value) { return value.second == id; });
    shown.push_back({names.at(id), found == counted.end() ? 0 : found->first, true});
  }
  std::vector<FacetValue> others;
  for (const auto& [count, id] : counted) {
    if (std::find(selected_ids.begin(), selected_ids.end(), id) != selected_ids.end()) continue;
    auto name = names.find(id);
    if (name != names.end()) others.push_back({name->second, count, false});
  }
  std::sort(others.begin(), others.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (others.size() > limit) others.resize(limit);
  shown.insert(shown.end(), others.begin(), others.end());
  return shown;
}

TEST(ShownFacetValuesTest, SameAsSortingEveryCountedValue) {
  // 400 values with few distinct counts (many ties), every seventh unnamed (an index written
  // before its names were), the most frequent ones among the unnamed too.
  const FacetDefinition& facet = Facets()[0];
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CountedValues counted;
  std::map<std::string, std::string> names;
  for (int i = 0; i < 400; ++i) {
    std::string name = "ShownFacetValuesTest value " + std::to_string((i * 7919) % 1000);
    std::string id = schema::FacetValueId(facet.filter_prefix, name);
    Xapian::doccount count = i < 30 ? 500 : static_cast<Xapian::doccount>(1 + (i * 31) % 9);
    counted.emplace_back(count, id);
    if (i % 7 == 0) continue;
    database.set_metadata(schema::FacetNameKey(facet.filter_prefix, id), name);
    names[id] = name;
  }
  std::vector<std::string> selected = {names.at(counted[50].second), names.at(counted[3].second)};
  std::vector<std::string> selected_ids = {counted[50].second, counted[3].second};
  for (size_t limit : {0, 1, 5, 10, 26, 27, 60, 99, 100, 101, 350, 1000}) {
    for (bool with_selection : {false, true}) {
      std::vector<FacetValue> shown =
          ShownFacetValues(counted, facet, {database},
                           with_selection ? selected : std::vector<std::string>(), limit);
      std::vector<FacetValue> expected = ShownByFullSort(
          counted, names, with_selection ? selected_ids : std::vector<std::string>(), limit);
      ASSERT_EQ(shown.size(), expected.size()) << limit;
      for (size_t i = 0; i < shown.size(); ++i) {
        EXPECT_EQ(shown[i].value, expected[i].value) << limit << " " << i;
        EXPECT_EQ(shown[i].count, expected[i].count) << limit << " " << i;
        EXPECT_EQ(shown[i].selected, expected[i].selected) << limit << " " << i;
      }
    }
  }
}

// A ranking pass that sees every match hands them all over; one that sees more than the
// recorder keeps, or does not count them exactly, hands over none.
TEST(MatchRecorderTest, AllMatchesOnlyWhenThePassSawThemAll) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 50; ++i) {
    Xapian::Document document;
    document.add_term("word", 1 + i % 3);
    if (i % 5 == 0) document.add_term("rare");
    database.add_document(document);
  }
  auto run = [&](const char* term, size_t limit, Xapian::doccount check_at_least,
                 Xapian::MSet* mset) {
    auto recorder = std::make_unique<MatchRecorder>(limit);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(term));
    enquire.add_matchspy(recorder.get());
    *mset = enquire.get_mset(0, 3, check_at_least);
    recorder->Stop();
    return recorder;
  };
  Xapian::MSet mset;
  auto all = run("word", 100, 100, &mset);
  bool exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  ASSERT_NE(all->AllMatches(exact, mset.get_matches_estimated()), nullptr);
  EXPECT_EQ(all->AllMatches(exact, mset.get_matches_estimated())->size(), 50u);
  EXPECT_EQ(all->AllMatches(false, 50), nullptr);  // a count that was not exact
  EXPECT_EQ(all->AllMatches(true, 49), nullptr);   // a count the recording does not agree with
  auto overflowed = run("word", 20, 100, &mset);
  EXPECT_EQ(overflowed->AllMatches(true, 50), nullptr);
  auto rare = run("rare", 20, 20, &mset);
  ASSERT_NE(rare->AllMatches(true, 10), nullptr);
  EXPECT_EQ(*rare->AllMatches(true, 10),
            std::vector<Xapian::docid>({1, 6, 11, 16, 21, 26, 31, 36, 41, 46}));
  rare->Restart();
  EXPECT_EQ(rare->AllMatches(true, 10), nullptr);
}

}  // namespace
}  // namespace vnsearch
