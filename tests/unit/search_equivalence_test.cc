// What makes searching faster must not change what it finds (issue #13): over an index of the
// tests' own articles, phrases filtered by pair terms find what phrases alone find, expansion
// terms what the expansions' phrases find, and facets
// counted from the in-memory columns equal those Xapian's value-count spies give — ids, order,
// scores, totals, facet counts, snippets, for queries of every form.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "golden_digest.h"
#include "index/index_writer.h"
#include "index/prepared_article.h"
#include "index/schema.h"
#include "searchd/search_answer.h"
#include "searchd/search_pool.h"
#include "searchd/searcher.h"

namespace vnsearch {
namespace {

// Words, phrases, abbreviations, accents typed or not, fields, negation, a sentence and a
// question (ranked), and words no article has.
const char* const kQueries[] = {
    "khoa học và công nghệ",
    "khoa hoc va cong nghe",
    "Đại hội Chi bộ",
    "dai hoi chi bo nhiem ky",
    "\"Bí thư Chi bộ\"",
    "\"bi thu chi bo\"",
    "KH&CN",
    "Bộ KH&CN",
    "Sở Khoa học và Công nghệ",
    "nhiệm kỳ 2020-2025",
    "2020 - 2025",
    "Ban Chấp hành Đảng bộ",
    "title:đại hội",
    "person:trọng",
    "unit:viện",
    "đại hội -chi bộ",
    "đại hội OR hội nghị",
    "bầu*",
    "Đại hội đã bầu Ban Chấp hành nhiệm kỳ mới gồm các đồng chí",
    "Ai được bầu làm Bí thư Chi bộ nhiệm kỳ 2020-2025?",
    "tài nguyên và môi trường",
    "không có trong bài nào xyzzy",
};

class SearchEquivalenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new std::string(std::filesystem::temp_directory_path() /
                              ("vnsearch-equivalence-" + std::to_string(getpid())));
    std::filesystem::remove_all(*folder_);
    IndexWriter writer(*folder_ + "/pairs", 0, /*plain_folder=*/true);
    IndexWriter unmarked(*folder_ + "/unmarked", 0, /*plain_folder=*/true);
    IndexWriter phrases(*folder_ + "/phrases", 0, /*plain_folder=*/true);
    for (const auto& [path, text] : golden::TestArticles()) {
      PreparedArticle prepared = PrepareArticle(path, text);
      writer.Put(prepared);
      unmarked.Put(prepared);
      phrases.Put(prepared);
    }
    // The same articles, in an index not marked as having pair terms: searched without them.
    unmarked.database().set_metadata(schema::kPairTermsMetadataKey, "");
    // And in one not marked as having expansion terms: expansions searched as phrases.
    phrases.database().set_metadata(schema::kExpansionTermsMetadataKey, "");
    writer.Commit();
    unmarked.Commit();
    phrases.Commit();
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*folder_);
    delete folder_;
  }

  // Every request form the API offers for `query`, filters taken from its own first answer.
  static std::vector<SearchRequest> RequestsFor(const std::string& query, Searcher* searcher) {
    SearchRequest first;
    first.query = query;
    std::vector<SearchRequest> requests = {first};
    SearchRequest second_page = first;
    second_page.page = 2;
    second_page.size = 3;
    requests.push_back(second_page);
    SearchRequest newest = first;
    newest.sort = SortOrder::kDateDescending;
    requests.push_back(newest);
    // Short facet lists: only the most frequent values are named and ranked, ties included.
    for (size_t limit : {1, 2}) {
      SearchRequest few_values = first;
      few_values.facet_limit = limit;
      requests.push_back(few_values);
    }
    SearchResponse answer = searcher->Search(first);
    for (const auto& [facet, values] : answer.facets) {
      if (values.empty()) continue;
      SearchRequest filtered = first;
      filtered.filters[facet] = {values.front().value};
      requests.push_back(filtered);
      if (values.size() >= 2) {  // either of two values
        filtered.filters[facet].push_back(values[1].value);
        requests.push_back(filtered);
      }
    }
    return requests;
  }

  // The answer as the API sends it, without took_ms, scores to 9 significant digits: a query
  // tree of another shape adds the same weights in another order, which can change the last
  // bits of a double (never the order of the hits, which is compared as it is).
  static nlohmann::json Answer(Searcher* searcher, const SearchRequest& request) {
    nlohmann::json answer = nlohmann::json::parse(api::SearchAnswerText(searcher->Search(request)));
    answer.erase("took_ms");
    for (nlohmann::json& hit : answer["hits"]) {
      char rounded[32];
      std::snprintf(rounded, sizeof rounded, "%.9g", hit["score"].get<double>());
      hit["score"] = rounded;
    }
    return answer;
  }

  static std::string* folder_;
};

std::string* SearchEquivalenceTest::folder_ = nullptr;

TEST_F(SearchEquivalenceTest, PairTermsFindWhatPhrasesFind) {
  Xapian::Database marked(*folder_ + "/pairs");
  ASSERT_EQ(marked.get_metadata(schema::kPairTermsMetadataKey), "1");
  ASSERT_GT(marked.get_termfreq(schema::FoldedPairTerm("chi", "bo")), 0u);
  Searcher with_pairs(*folder_ + "/pairs");
  Searcher without_pairs(*folder_ + "/unmarked");
  size_t found_something = 0;
  for (const char* query : kQueries) {
    for (const SearchRequest& request : RequestsFor(query, &with_pairs)) {
      nlohmann::json expected = Answer(&without_pairs, request);
      EXPECT_EQ(Answer(&with_pairs, request), expected) << query;
      if (expected["total"] > 0) ++found_something;
    }
  }
  EXPECT_GE(found_something, 60u);  // the comparison is of answers, not of empty pages
}

// An expansion's term weighs otherwise than its phrase did (a term's own frequencies instead of
// Xapian's estimate for a phrase), so hits may be ordered otherwise; what matches must not change.
TEST_F(SearchEquivalenceTest, ExpansionTermsFindWhatPhrasesFind) {
  Xapian::Database marked(*folder_ + "/pairs");
  ASSERT_EQ(marked.get_metadata(schema::kExpansionTermsMetadataKey), "1");
  ASSERT_GT(marked.get_termfreq(schema::ExpansionTerm({"khoa", "hoc", "cong", "nghe"})), 0u);
  Searcher with_terms(*folder_ + "/pairs");
  Searcher with_phrases(*folder_ + "/phrases");
  size_t found_something = 0;
  for (const char* query : kQueries) {
    for (const SearchRequest& request : RequestsFor(query, &with_terms)) {
      nlohmann::json expected = Answer(&with_phrases, request);
      nlohmann::json answer = Answer(&with_terms, request);
      EXPECT_EQ(answer["total"], expected["total"]) << query;
      EXPECT_EQ(answer["facets"], expected["facets"]) << query;
      EXPECT_EQ(answer["hits"].size(), expected["hits"].size()) << query;
      if (expected["total"] > 0) ++found_something;
    }
  }
  EXPECT_GE(found_something, 60u);
}

TEST_F(SearchEquivalenceTest, FacetColumnsCountWhatValueSpiesCount) {
  Searcher from_ranking(*folder_ + "/pairs");  // the tests' articles are few: every match seen
  Searcher columns(*folder_ + "/pairs");
  columns.CountFacetsWith(Searcher::FacetCounting::kColumns);
  Searcher spies(*folder_ + "/pairs");
  spies.CountFacetsWith(Searcher::FacetCounting::kValueSpies);
  size_t counted_values = 0;
  for (const char* query : kQueries) {
    for (const SearchRequest& request : RequestsFor(query, &columns)) {
      nlohmann::json expected = Answer(&spies, request);
      EXPECT_EQ(Answer(&columns, request), expected) << query;
      EXPECT_EQ(Answer(&from_ranking, request), expected) << query;
      for (const auto& [facet, values] : expected["facets"].items())
        counted_values += values.size();
    }
  }
  EXPECT_GE(counted_values, 300u);
}

// vnsearchd has an idle pool thread share the preparing of a page's hits (decoding, analysis,
// snippets) while the search's thread counts the facets: the answers are those of hits prepared
// in turn after the counting.
TEST_F(SearchEquivalenceTest, HitsPreparedBesideAnIdleThreadAreThoseMadeInTurn) {
  SearchPool pool(1);
  Searcher shared(*folder_ + "/pairs");
  shared.PrepareHitsWith(
      [&](size_t count, const std::function<void(size_t)>& item,
          const std::function<void()>& first) { pool.ForEach(count, item, first); });
  Searcher in_turn(*folder_ + "/pairs");
  size_t hits = 0;
  for (const char* query : kQueries) {
    for (const SearchRequest& request : RequestsFor(query, &in_turn)) {
      nlohmann::json expected = Answer(&in_turn, request);
      EXPECT_EQ(Answer(&shared, request), expected) << query;
      hits += expected["hits"].size();
    }
  }
  EXPECT_GE(hits, 200u);
}

}  // namespace
}  // namespace vnsearch
