// Facet columns count what the documents hold, and a short facet list keeps every value that
// ties with its last one (issue #13: only the values a list can show are named and ranked).

#include "searchd/facet_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "index/prepared_article.h"
#include "index/schema.h"
#include "random_terms.h"

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
  FacetCountingSpy spy(columns);
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
    FacetCountingSpy first(columns);
    for (Xapian::docid docid = 1; docid <= 5; ++docid) first.Count(docid);
  }
  // The next count on this thread reuses the first one's arrays: they were given back zeroed.
  FacetCountingSpy second(columns);
  second.Count(4);
  second.Count(5);
  EXPECT_EQ(Named(second.Counted(kUnitFacet)), (std::vector<std::string>{"C1", "D1"}));
}

TEST(FacetColumnsTest, ConjunctionsCountWhatXapiansAndMatches) {
  // 600 documents holding terms a, b, c, frequent enough for bitmaps (TermBitmaps), and "rare",
  // which is walked; each with one of four units.
  Xapian::WritableDatabase database = RandomTermsDatabase(600, 12345);
  FacetColumns columns(database);
  ASSERT_LT(database.get_termfreq("rare") * TermBitmaps::kDensity, database.get_lastdocid());
  const auto far_off = std::chrono::steady_clock::now() + std::chrono::hours(1);
  const std::vector<std::vector<std::string>> conjunctions = {
      {"a"},      {"c"},           {"a", "b"},        {"b", "c"},
      {"c", "a"}, {"a", "b", "c"}, {"every", "c"},    {"a", "nowhere"},
      {"rare"},   {"rare", "a"},   {"b", "rare", "c"}};
  for (const std::vector<std::string>& terms : conjunctions) {
    // What Xapian matches, counted from the columns document by document.
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
    Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
    FacetCounters expected(&columns, {kUnitFacet});
    std::vector<Xapian::docid> docids;
    for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
      docids.push_back(*it);
    }
    expected.CountDocuments(docids);

    FacetCounters walked(&columns, {kUnitFacet});
    Xapian::doccount total = 0;
    ASSERT_TRUE(walked.CountConjunction(database, terms, far_off, &total));
    EXPECT_EQ(total, matches.size()) << terms[0] << " " << terms.size();
    EXPECT_EQ(Named(walked.Counted()[0]), Named(expected.Counted()[0]))
        << terms[0] << " " << terms.size();

    // The same conjunction as a query worked out from bitmaps, with a boost that changes
    // nothing of what matches.
    Xapian::Query boosted(Xapian::Query::OP_AND_MAYBE,
                          Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()),
                          Xapian::Query("c"));
    FacetCounters from_bitmap(&columns, {kUnitFacet});
    ASSERT_TRUE(from_bitmap.CountMatchBitmap(database, boosted, {}, far_off, &total));
    EXPECT_EQ(total, matches.size()) << terms[0] << " " << terms.size();
    EXPECT_EQ(Named(from_bitmap.Counted()[0]), Named(expected.Counted()[0]))
        << terms[0] << " " << terms.size();
  }
  EXPECT_GT(columns.term_bitmaps().MemoryBytes(), 0u);
}

TEST(FacetColumnsTest, AConjunctionStopsAtItsDeadlineEvenWithoutMatches) {
  // Two words that never meet: in alternate documents (frequent: their bitmaps are ANDed), and
  // in 1 of 64 each (rare: the walk goes on without a match).
  for (int spacing : {2, 64}) {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 1; i <= 70000; ++i) {
      Xapian::Document document;
      if (i % spacing == 0) document.add_term("even");
      if (i % spacing == spacing / 2) document.add_term("odd");
      document.add_value(schema::kUnitsSlot, Id('A'));
      database.add_document(document);
    }
    FacetColumns columns(database);
    Xapian::doccount total = 0;
    FacetCounters late(&columns, {kUnitFacet});
    EXPECT_FALSE(late.CountConjunction(database, {"even", "odd"},
                                       std::chrono::steady_clock::now() - std::chrono::seconds(1),
                                       &total))
        << spacing;
    FacetCounters in_time(&columns, {kUnitFacet});
    EXPECT_TRUE(in_time.CountConjunction(database, {"even", "odd"},
                                         std::chrono::steady_clock::now() + std::chrono::hours(1),
                                         &total))
        << spacing;
    EXPECT_EQ(total, 0u);
    // Only the walk needs the rare words' lists: frequent ones have bitmaps.
    EXPECT_EQ(columns.term_bitmaps().MemoryBytes() > 0, spacing == 2) << spacing;
  }
}

// ---- Columns of a revision that only added articles (FacetColumns::Extended) ----------------

// An index in a temporary folder written by IndexWriter, as vnsearchd's and vnsearch-index's
// writes are, with articles that name the units, persons and terms they are given.
class ExtendedColumnsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/vnsearch-columns-XXXXXX";
    folder_ = mkdtemp(pattern);
    path_ = folder_ + "/db";
    writer_ = std::make_unique<IndexWriter>(path_, 0, /*plain_folder=*/true);
  }
  void TearDown() override {
    writer_.reset();
    std::filesystem::remove_all(folder_);
  }

  void Put(const std::string& id, std::vector<std::string> units, std::vector<std::string> persons,
           std::string term) {
    Article article;
    article.id = id;
    article.title = "Đại hội " + id;
    article.body = "Nội dung " + id;
    for (std::string& unit : units) article.units.push_back({std::move(unit), ""});
    for (std::string& person : persons) article.persons.push_back({std::move(person), {}});
    if (!term.empty()) article.terms.push_back(std::move(term));
    writer_->Put(PrepareParsedArticle(std::move(article), "hash-" + id));
  }

  Xapian::Database Committed() {
    writer_->Commit();
    return Xapian::Database(path_);
  }

  // Every article's ids in `database`, facet by facet, the same in both columns.
  static void ExpectSameColumns(const FacetColumns& expected, const FacetColumns& actual,
                                const Xapian::Database& database) {
    for (size_t facet = 0; facet < Facets().size(); ++facet) {
      for (Xapian::PostingIterator article = database.postlist_begin("");
           article != database.postlist_end(""); ++article) {
        auto ids = [&](const FacetColumns& columns) {
          std::vector<std::string> named;
          auto [value, end] = columns.ValuesOf(*article);
          for (; value != end; ++value) {
            if (columns.facet_of(*value) == facet) named.emplace_back(columns.id(*value));
          }
          return named;
        };
        EXPECT_EQ(ids(actual), ids(expected)) << "facet " << facet << ", docid " << *article;
      }
    }
  }

  std::string folder_;
  std::string path_;
  std::unique_ptr<IndexWriter> writer_;
};

TEST_F(ExtendedColumnsTest, AddedArticlesAreReadAloneAndGiveTheSameColumns) {
  Put("a", {"Viện Vật lý", "Bộ Khoa học và Công nghệ"}, {"Trần Bình Trọng"}, "2020-2025");
  Put("b", {"Viện Vật lý"}, {}, "");
  Put("c", {}, {"Lê Xuân Định", "Trần Bình Trọng"}, "2020-2025");
  Xapian::Database first = Committed();
  FacetColumns before(first);

  // One new value in each facet and known ones; an article with no facet value at all.
  Put("d", {"Viện Hóa học", "Viện Vật lý"}, {"Nguyễn Thị Yến"}, "2025-2030");
  Put("e", {}, {}, "");
  Put("f", {"Bộ Khoa học và Công nghệ"}, {"Lê Xuân Định"}, "2020-2025");
  Xapian::Database second = Committed();
  std::unique_ptr<FacetColumns> extended = FacetColumns::Extended(before, second);
  ASSERT_NE(extended, nullptr) << "a revision that only added articles is extended";
  FacetColumns reread(second);
  ExpectSameColumns(reread, *extended, second);
  for (size_t facet = 0; facet < Facets().size(); ++facet) {
    EXPECT_EQ(extended->value_count(facet), reread.value_count(facet)) << "facet " << facet;
  }

  // Counting over the extended columns names the new values.
  FacetCountingSpy spy(*extended);
  for (Xapian::docid docid = 1; docid <= second.get_lastdocid(); ++docid) spy.Count(docid);
  EXPECT_EQ(spy.Counted(kUnitFacet).size(), 3u);

  // Extended again, from the extended columns.
  Put("g", {"Viện Toán học"}, {}, "");
  Xapian::Database third = Committed();
  std::unique_ptr<FacetColumns> twice = FacetColumns::Extended(*extended, third);
  ASSERT_NE(twice, nullptr);
  ExpectSameColumns(FacetColumns(third), *twice, third);
}

TEST_F(ExtendedColumnsTest, OnlyAReplacedArticleMeansReadingEverythingAgain) {
  Put("a", {"Viện Vật lý"}, {}, "");
  Put("b", {"Viện Hóa học"}, {}, "");
  Xapian::Database first = Committed();
  FacetColumns before(first);

  // A deleted article matches nothing again: what the columns hold for it is never counted, so
  // a deletion (and the articles added with it) extends them.
  ASSERT_TRUE(writer_->Delete("b"));
  Put("c", {"Viện Hóa học", "Viện Toán học"}, {}, "");
  Xapian::Database deleted = Committed();
  std::unique_ptr<FacetColumns> extended = FacetColumns::Extended(before, deleted);
  ASSERT_NE(extended, nullptr);
  ExpectSameColumns(FacetColumns(deleted), *extended, deleted);

  // The same id again, with another unit: its document keeps its number, so only a full read
  // sees the change.
  Put("a", {"Viện Sinh học"}, {}, "");
  Xapian::Database replaced = Committed();
  EXPECT_EQ(FacetColumns::Extended(*extended, replaced), nullptr);
}

TEST_F(ExtendedColumnsTest, OnlyTheSameIndexWithAReplacementCountIsExtended) {
  Put("a", {"Viện Vật lý"}, {}, "");
  Xapian::Database first = Committed();
  FacetColumns before(first);
  writer_.reset();

  // An index whose writers never counted replacements (older than the count).
  {
    Xapian::WritableDatabase older(path_);
    older.set_metadata(schema::kReplacementCountMetadataKey, "");
    older.commit();
  }
  FacetColumns uncounted{Xapian::Database(path_)};
  {
    Xapian::WritableDatabase older(path_);
    Xapian::Document document;
    document.add_value(schema::kDateThenIdSlot, schema::DateThenIdSlotValue("", "c"));
    older.add_document(document);
    older.commit();
  }
  EXPECT_EQ(FacetColumns::Extended(uncounted, Xapian::Database(path_)), nullptr);

  // Another index: same articles, another UUID.
  IndexWriter other(folder_ + "/other", 0, /*plain_folder=*/true);
  Article article;
  article.id = "a";
  article.units.push_back({"Viện Vật lý", ""});
  other.Put(PrepareParsedArticle(article, "hash-a"));
  other.Commit();
  EXPECT_EQ(FacetColumns::Extended(before, Xapian::Database(folder_ + "/other")), nullptr);
}

}  // namespace
}  // namespace vnsearch
