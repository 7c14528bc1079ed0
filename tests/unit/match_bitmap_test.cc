// A boolean query's matches worked out from term bitmaps and posting lists are Xapian's matches,
// for frequent terms (bitmaps kept) and rare ones (lists read), nested every way the query
// builder nests them (issue #13: counting facets without a Xapian pass).

#include "searchd/match_bitmap.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "random_terms.h"
#include "searchd/bitmap_source.h"
#include "searchd/quorum_source.h"
#include "searchd/term_bitmaps.h"

namespace vnsearch {
namespace {

using Query = Xapian::Query;

// 800 documents holding "a", "b", "c", "every" and "rare" (too rare for a bitmap).
Xapian::WritableDatabase RandomDatabase() { return RandomTermsDatabase(800, 2024); }

std::vector<Xapian::docid> XapianMatches(const Xapian::Database& database, const Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
  std::vector<Xapian::docid> docids;
  for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) docids.push_back(*it);
  std::sort(docids.begin(), docids.end());
  return docids;
}

std::vector<Xapian::docid> SetBits(const TermBitmap& bitmap) {
  std::vector<Xapian::docid> docids;
  for (Xapian::docid docid = 0; docid < bitmap.size() * 64; ++docid) {
    if ((bitmap[docid / 64] >> (docid % 64) & 1) != 0) docids.push_back(docid);
  }
  return docids;
}

Query Term(const char* term) { return Query(term); }

// Quorums of terms, as the query builder makes them for ranked queries.
const std::vector<TermQuorum>& Quorums() {
  static const std::vector<TermQuorum> quorums = {{{"a", "b", "c"}, 2},
                                                  {{"rare", "b", "c", "every"}, 3},
                                                  {{"a", "rare"}, 1},
                                                  {{"c", "a"}, 3},
                                                  {{"b", "a", "b"}, 2}};  // "b" counts once
  return quorums;
}

Query QuorumQuery(size_t number) {
  return QuorumPostingSource::Make(Quorums()[number].terms, Quorums()[number].quorum);
}

std::vector<Query> BooleanQueries() {
  Query a = Term("a"), b = Term("b"), c = Term("c"), rare = Term("rare");
  return {
      QuorumQuery(0),
      QuorumQuery(1),
      QuorumQuery(2),
      QuorumQuery(3),  // more than it has terms: nothing
      QuorumQuery(4),
      Query(Query::OP_AND, QuorumQuery(1), Query(Query::OP_AND_NOT, a, QuorumQuery(2))),
      // The query builder's shape for a ranked query.
      Query(Query::OP_FILTER, Query(Query::OP_OR, a, Query(Query::OP_OR, b, c)),
            Query(Query::OP_OR, Query(Query::OP_SYNONYM, rare, Term("nowhere")), QuorumQuery(0))),
      a,
      rare,
      Term("nowhere"),
      Query(std::string()),  // MatchAll
      Query(),               // MatchNothing
      Query(Query::OP_AND, a, b),
      Query(Query::OP_AND, rare, c),
      Query(Query::OP_OR, rare, b),
      Query(Query::OP_AND_NOT, a, Query(Query::OP_OR, b, rare)),
      Query(Query::OP_FILTER, Query(Query::OP_OR, a, rare), c),
      Query(Query::OP_SYNONYM, b, rare),
      Query(Query::OP_AND_MAYBE, c, a),
      Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_AND, a, b), 0),
      Query(Query::OP_AND, Query(Query::OP_OR, a, Term("nowhere")),
            Query(Query::OP_AND_NOT, Query(std::string()), c)),
      // The query builder's shape for an abbreviation within words side by side.
      Query(Query::OP_AND, Term("every"),
            Query(Query::OP_OR, rare, Query(Query::OP_FILTER, Query(Query::OP_AND, a, b), c))),
  };
}

TEST(MatchBitmapTest, MatchesWhatXapianMatches) {
  Xapian::WritableDatabase database = RandomDatabase();
  ASSERT_LT(database.get_termfreq("rare") * TermBitmaps::kDensity, database.get_lastdocid());
  TermBitmaps bitmaps(database.get_lastdocid());
  size_t matched = 0;
  for (const Query& query : BooleanQueries()) {
    ASSERT_TRUE(MatchesByTermsAlone(query, Quorums())) << query.get_description();
    std::optional<TermBitmap> bitmap = MatchBitmap(query, database, &bitmaps, Quorums());
    ASSERT_TRUE(bitmap.has_value()) << query.get_description();
    std::vector<Xapian::docid> expected = XapianMatches(database, query);
    EXPECT_EQ(SetBits(*bitmap), expected) << query.get_description();
    matched += expected.size();
  }
  EXPECT_GT(matched, 3000u);
  // Frequent terms keep their bitmaps: "a", "b", "c", "every" and "" (every document).
  EXPECT_EQ(bitmaps.MemoryBytes(), 5 * bitmaps.words() * sizeof(uint64_t));
}

// A ranked query's weightless side read from its bitmap (BitmapPostingSource) instead: the same
// matches, weights and order, and Xapian's count of them exact.
TEST(MatchBitmapTest, AsAPostingSourceTheMatchesRankAlike) {
  Xapian::WritableDatabase database = RandomDatabase();
  TermBitmaps bitmaps(database.get_lastdocid());
  Query words(Query::OP_OR, Query(Query::OP_OR, Term("a"), Term("b")),
              Query(Query::OP_OR, Term("c"), Term("rare")));
  size_t ranked = 0;
  for (const Query& matches : BooleanQueries()) {
    std::optional<TermBitmap> bitmap = MatchBitmap(matches, database, &bitmaps, Quorums());
    ASSERT_TRUE(bitmap.has_value()) << matches.get_description();
    const size_t expected_count = XapianMatches(database, matches).size();
    for (Xapian::doccount wanted : {5u, 25u, 800u}) {  // the fewer, the more Xapian skips
      auto ranking = [&](const Query& side) {
        Xapian::Enquire enquire(database);
        enquire.set_query(Query(Query::OP_FILTER, words, side));
        return enquire.get_mset(0, wanted);
      };
      Xapian::MSet expected = ranking(matches);
      Xapian::MSet actual = ranking(BitmapPostingSource::Make(*bitmap));
      ASSERT_EQ(actual.size(), expected.size()) << matches.get_description();
      for (Xapian::doccount i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(*actual[i], *expected[i]) << matches.get_description() << " #" << i;
        EXPECT_EQ(actual[i].get_weight(), expected[i].get_weight()) << matches.get_description();
      }
      ranked += expected.size();
    }
    Xapian::Enquire all(database);
    all.set_query(BitmapPostingSource::Make(*bitmap));
    Xapian::MSet every = all.get_mset(0, 0);
    EXPECT_EQ(every.get_matches_lower_bound(), expected_count) << matches.get_description();
    EXPECT_EQ(every.get_matches_upper_bound(), expected_count) << matches.get_description();
  }
  EXPECT_GT(ranked, 300u);
}

TEST(MatchBitmapTest, APostingSourceFindsEveryDocumentAcrossWords) {
  // Documents at either side of 64-document word boundaries, and the last one there is.
  TermBitmap bitmap(4, 0);
  const std::vector<Xapian::docid> set = {1, 63, 64, 65, 127, 128, 255};
  for (Xapian::docid docid : set) bitmap[docid / 64] |= uint64_t{1} << (docid % 64);
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= 255; ++i) database.add_document(Xapian::Document());
  EXPECT_EQ(XapianMatches(database, BitmapPostingSource::Make(bitmap)), set);
  // Skipping ahead: the documents from 64 on that are also one of 2 (every even document).
  Xapian::WritableDatabase even(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= 255; ++i) {
    Xapian::Document document;
    if (i % 2 == 0 && i >= 64) document.add_term("even");
    even.add_document(document);
  }
  EXPECT_EQ(
      XapianMatches(even, Query(Query::OP_FILTER, Term("even"), BitmapPostingSource::Make(bitmap))),
      (std::vector<Xapian::docid>{64, 128}));
}

TEST(MatchBitmapTest, ADeletedArticleLeavesTheNextRevisionsBitmaps) {
  Xapian::WritableDatabase database = RandomDatabase();
  Query query(Query::OP_AND, Term("a"), Term("every"));
  TermBitmaps before(database.get_lastdocid());
  std::vector<Xapian::docid> matched = SetBits(*MatchBitmap(query, database, &before, {}));
  ASSERT_FALSE(matched.empty());
  database.delete_document(matched.front());
  TermBitmaps after(database.get_lastdocid());  // a revision has its own
  EXPECT_EQ(SetBits(*MatchBitmap(query, database, &after, {})), XapianMatches(database, query));
  EXPECT_EQ(SetBits(*MatchBitmap(query, database, &after, {})).size(), matched.size() - 1);
}

TEST(MatchBitmapTest, OnlyQueriesOfTermsAloneAreWorkedOut) {
  Xapian::WritableDatabase database = RandomDatabase();
  TermBitmaps bitmaps(database.get_lastdocid());
  const std::vector<Query> needing_xapian = {
      Query(Query::OP_PHRASE, Term("a"), Term("b")),
      Query(Query::OP_AND, Term("a"), Query(Query::OP_NEAR, Term("b"), Term("c"))),
      Query(Query::OP_VALUE_RANGE, 0, "a", "b"),
      Query(Query::OP_WILDCARD, "ev"),
      Query(Query::OP_XOR, Term("a"), Term("b")),
      // A quorum the query builder did not say it made, and another posting source.
      Query(Query::OP_OR, Term("a"), QuorumPostingSource::Make({"a", "b", "c"}, 1)),
      Query(Query::OP_OR, Term("a"), QuorumPostingSource::Make({"b", "c"}, 2)),
      Query(new Xapian::ValueWeightPostingSource(0)),
  };
  for (const Query& query : needing_xapian) {
    EXPECT_FALSE(MatchesByTermsAlone(query, Quorums())) << query.get_description();
    EXPECT_FALSE(MatchBitmap(query, database, &bitmaps, Quorums()).has_value())
        << query.get_description();
  }
  EXPECT_FALSE(MatchesByTermsAlone(QuorumQuery(0), {}));
}

TEST(MatchBitmapTest, OnlyFrequentTermsEarnABitmapAndKeepIt) {
  Xapian::WritableDatabase database = RandomDatabase();
  TermBitmaps bitmaps(database.get_lastdocid());
  EXPECT_EQ(bitmaps.Of(database, "rare", database.get_termfreq("rare")), nullptr);
  EXPECT_EQ(bitmaps.Of(database, "nowhere", 0), nullptr);
  std::shared_ptr<const TermBitmap> first = bitmaps.Of(database, "a", database.get_termfreq("a"));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(bitmaps.Of(database, "a", database.get_termfreq("a")), first);  // made once
  EXPECT_EQ(SetBits(*first), XapianMatches(database, Term("a")));
  EXPECT_EQ(bitmaps.MemoryBytes(), bitmaps.words() * sizeof(uint64_t));
  // A database past the revision the bitmaps are for is never read into them.
  TermBitmaps older(database.get_lastdocid() - 1);
  EXPECT_EQ(older.Of(database, "every", database.get_termfreq("every")), nullptr);
  EXPECT_FALSE(older.Read(database, "every").has_value());
}

}  // namespace
}  // namespace vnsearch
