// Golden test of what indexing stores: a digest of each Xapian document vnsearch-index would write
// for the tests' own articles — every term with its wdf and positions, every value, the stored
// data (the article understood: fields, persons, units, terms, role facts) and the facet names.
// A faster indexer must leave it as it is.
// Adding or changing a test article under corpus/ or tests/data/ changes the article digests:
// recompute them with the code of the last commit (they must agree with the new code's) and
// update them with the article.

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "article/article_json.h"
#include "golden_digest.h"
#include "index/prepared_article.h"
#include "index/stored_article.h"

namespace vnsearch {
namespace {

void AddDocument(const PreparedArticle& prepared, golden::Digest* digest) {
  const Xapian::Document& document = prepared.document;
  digest->AddNumber(document.termlist_count());
  for (Xapian::TermIterator term = document.termlist_begin(); term != document.termlist_end();
       ++term) {
    digest->Add(*term);
    digest->AddNumber(term.get_wdf());
    digest->AddNumber(term.positionlist_count());
    for (Xapian::PositionIterator position = term.positionlist_begin();
         position != term.positionlist_end(); ++position) {
      digest->AddNumber(*position);
    }
  }
  digest->AddNumber(document.values_count());
  for (Xapian::ValueIterator value = document.values_begin(); value != document.values_end();
       ++value) {
    digest->AddNumber(value.get_valueno());
    digest->Add(*value);
  }
  // The stored article as JSON, the form it had before it was stored compressed: the same
  // digest proves the same content, and a zstd release that compresses differently changes
  // nothing here.
  Article stored;
  EXPECT_TRUE(DecodeStoredArticle(document.get_data(), &stored));
  digest->Add(ArticleToJson(stored).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  digest->AddNumber(prepared.facet_names.size());
  for (const auto& [key, name] : prepared.facet_names) {
    digest->Add(key);
    digest->Add(name);
  }
}

TEST(IndexGoldenTest, TestArticlesGiveTheSameDocuments) {
  golden::Digest digest;
  size_t articles = 0;
  for (const auto& [path, text] : golden::TestArticles()) {
    AddDocument(PrepareArticle(path, text), &digest);
    ++articles;
  }
  ASSERT_GE(articles, 20u);
  EXPECT_EQ(digest.Hex(), "6aea423e975344ee");
}

}  // namespace
}  // namespace vnsearch
