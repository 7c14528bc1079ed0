// Unit tests of vnsearch's Xapian posting sources (quorum_source) over
// a small in-memory database.

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <memory>

#include "searchd/quorum_source.h"

namespace vnsearch {
namespace {

// Documents 1..6 holding the terms listed.
Xapian::WritableDatabase SmallDatabase() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* terms : {"a b c", "a", "b c", "c d", "a b c d", "d"}) {
    Xapian::Document document;
    std::string text = terms;
    for (size_t start = 0; start < text.size(); start += 2)
      document.add_term(text.substr(start, 1));
    database.add_document(document);
  }
  return database;
}

std::vector<Xapian::docid> Matches(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  std::vector<Xapian::docid> found;
  Xapian::MSet matches = enquire.get_mset(0, 100);
  for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) found.push_back(*it);
  std::sort(found.begin(), found.end());
  return found;
}

using Ids = std::vector<Xapian::docid>;

TEST(QuorumPostingSourceTest, MatchesTheDocumentsHoldingAQuorumOfTheTerms) {
  Xapian::WritableDatabase database = SmallDatabase();
  EXPECT_EQ(Matches(database, QuorumPostingSource::Make({"a", "b", "c"}, 1)), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(Matches(database, QuorumPostingSource::Make({"a", "b", "c"}, 2)), (Ids{1, 3, 5}));
  EXPECT_EQ(Matches(database, QuorumPostingSource::Make({"a", "b", "c"}, 3)), (Ids{1, 5}));
  EXPECT_EQ(Matches(database, QuorumPostingSource::Make({"a", "b", "c"}, 4)), Ids{});
  EXPECT_EQ(Matches(database, QuorumPostingSource::Make({"a", "a", "x"}, 2)), Ids{})
      << "a term listed twice counts once";
}

TEST(QuorumPostingSourceTest, WorksAsAFilterInsideLargerQueries) {
  Xapian::WritableDatabase database = SmallDatabase();
  Xapian::Query weighted(Xapian::Query::OP_OR, Xapian::Query("c"), Xapian::Query("d"));
  Xapian::Query filtered(Xapian::Query::OP_FILTER, weighted,
                         QuorumPostingSource::Make({"b", "c", "d"}, 2));
  EXPECT_EQ(Matches(database, filtered), (Ids{1, 3, 4, 5}));
  Xapian::Query excluded(Xapian::Query::OP_AND_NOT, filtered, Xapian::Query("a"));
  EXPECT_EQ(Matches(database, excluded), (Ids{3, 4}));
}

// A source that never leads matches the same documents, and says it may match every one, so
// that Xapian's AND walks the other lists (query_builder.cc: a ranked query with a phrase).
TEST(QuorumPostingSourceTest, ASourceThatNeverLeadsMatchesTheSameAndClaimsEveryDocument) {
  Xapian::WritableDatabase database = SmallDatabase();
  for (size_t quorum = 1; quorum <= 3; ++quorum) {
    EXPECT_EQ(Matches(database,
                      QuorumPostingSource::Make({"a", "b", "c"}, quorum, SourceLead::kNeverLeads)),
              Matches(database, QuorumPostingSource::Make({"a", "b", "c"}, quorum)))
        << "quorum " << quorum;
  }
  QuorumPostingSource leads({"a", "b", "c"}, 3);
  QuorumPostingSource follows({"a", "b", "c"}, 3, SourceLead::kNeverLeads);
  leads.init(database);
  follows.init(database);
  EXPECT_LT(leads.get_termfreq_est(), database.get_doccount());
  EXPECT_EQ(follows.get_termfreq_est(), database.get_doccount());
  std::unique_ptr<Xapian::PostingSource> copy(follows.clone());
  copy->init(database);
  EXPECT_EQ(copy->get_termfreq_est(), database.get_doccount()) << "a clone keeps it";
}

}  // namespace
}  // namespace vnsearch
