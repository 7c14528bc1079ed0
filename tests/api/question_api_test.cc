// API tests of long queries and questions (issue #11): a query of many words is ranked rather
// than filtered, question words are not looked for, and short queries keep "every word must
// match". Through GET /api/search on a real vnsearchd over tests/data/question_corpus/, small
// health articles written so that each behaviour is visible: the answer to a question that
// lacks some of its words, articles that share only common words with it, a sentence whose
// rare words stand side by side in one article and scattered in another.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

class QuestionApiTest : public SharedServerTest<QuestionApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_TEST_DATA "/question_corpus"});
  }

 protected:
  static json Search(const std::string& query, const std::string& extra = "") {
    return ApiClient(server_->port()).Search(query, extra);
  }
  static std::vector<std::string> Ids(const json& response) {
    std::vector<std::string> ids;
    for (const json& hit : response["hits"]) ids.push_back(hit["id"]);
    return ids;
  }
  static bool Contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
};

// kham_thai answers it but has neither "nơi" nor "khác" (it says "một phòng khám tư"), and no
// article has every word; thong_bao shares only common words with it ("người", "được", "ở",
// "nơi", "khác").
constexpr char kQuestion[] = "Người mẹ khám thai ở nơi khác phát hiện được gì?";

TEST_F(QuestionApiTest, QuestionFindsItsAnswerFirstThoughTheAnswerLacksSomeOfItsWords) {
  json response = Search(kQuestion);
  std::vector<std::string> ids = Ids(response);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "kham_thai");
  EXPECT_TRUE(response["partial_match"].get<bool>()) << "no article has every word";
  EXPECT_EQ(response["total"].get<size_t>(), ids.size());
}

TEST_F(QuestionApiTest, ArticlesSharingOnlyCommonWordsWithALongQueryAreNotMatches) {
  std::vector<std::string> ids = Ids(Search(kQuestion));
  EXPECT_FALSE(Contains(ids, "thong_bao"));
  EXPECT_FALSE(Contains(ids, "hoi_nghi"));
}

TEST_F(QuestionApiTest, QuestionTypedWithoutDiacriticsFindsItsAnswerFirst) {
  std::vector<std::string> ids = Ids(Search("nguoi me kham thai o noi khac phat hien duoc gi"));
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "kham_thai");
}

TEST_F(QuestionApiTest, LongQueryWithEveryWordInAnArticleIsNoPartialMatch) {
  json response =
      Search("Người mẹ khám thai tại một phòng khám tư và phát hiện song thai dính nhau");
  ASSERT_FALSE(response["hits"].empty());
  EXPECT_EQ(response["hits"][0]["id"], "kham_thai");
  EXPECT_FALSE(response["partial_match"].get<bool>());
}

// Both articles hold each word once; ho_roi is shorter (so plain BM25 puts it first), ho_lien
// says "ho khan kéo dài về đêm" in one run.
TEST_F(QuestionApiTest, WordsSideBySideOutrankTheSameWordsScattered) {
  std::vector<std::string> ids = Ids(Search("trẻ bị ho khan kéo dài về đêm"));
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], "ho_lien");
  EXPECT_EQ(ids[1], "ho_roi");
}

TEST_F(QuestionApiTest, QuotedPhrasesAndExclusionsInALongQueryStillHold) {
  EXPECT_EQ(Ids(Search(std::string("\"song thai\" ") + kQuestion)),
            std::vector<std::string>{"kham_thai"});
  std::vector<std::string> ids = Ids(Search(std::string(kQuestion) + " -\"phòng khám\""));
  EXPECT_FALSE(ids.empty());
  EXPECT_FALSE(Contains(ids, "kham_thai"));
}

// No article says "nào"; cum_mua has every other word.
TEST_F(QuestionApiTest, QuestionWordsOfAQuestionAreNotLookedFor) {
  json response = Search("Cúm mùa lây qua đường nào?");
  EXPECT_EQ(Ids(response), std::vector<std::string>{"cum_mua"});
  EXPECT_FALSE(response["partial_match"].get<bool>());
  response = Search("Cúm mùa là gì?");
  EXPECT_EQ(Ids(response), std::vector<std::string>{"cum_mua"});
  EXPECT_FALSE(response["partial_match"].get<bool>());
  // A few words without a question mark are keywords: every one is looked for.
  EXPECT_TRUE(Search("Cúm mùa lây qua đường nào")["partial_match"].get<bool>());
  response = Search("ăn uống thế nào");  // tieu_duong's headline
  EXPECT_EQ(Ids(response), std::vector<std::string>{"tieu_duong"});
  EXPECT_FALSE(response["partial_match"].get<bool>());
  // Not a question word: "không" inside a query, "nào" typed without its accent.
  EXPECT_TRUE(Search("cúm không khí?")["partial_match"].get<bool>());
  EXPECT_TRUE(Search("cúm mùa nao?")["partial_match"].get<bool>());
}

// tiem_chung has "tiêm vắc xin" but not "cúm": a short query still needs every word.
TEST_F(QuestionApiTest, ShortQueriesStillNeedEveryWord) {
  json response = Search("tiêm vắc xin cúm");
  EXPECT_EQ(Ids(response), std::vector<std::string>{"cum_mua"});
  EXPECT_FALSE(response["partial_match"].get<bool>());
  EXPECT_EQ(response["total"], 1);
  response = Search("tiêm vắc xin sởi");  // nothing has every word: the articles with some
  EXPECT_TRUE(response["partial_match"].get<bool>());
  EXPECT_TRUE(Contains(Ids(response), "tiem_chung"));
}

// A word typed three times is still one word of the question: the quorum of its rarer words
// is taken over its distinct words. (It was taken over the words with their repeats, so a
// question repeating its rare words asked for more of them than it had, and found nothing.)
TEST_F(QuestionApiTest, RepeatedWordsMatchWhatTheWordsTypedOnceMatch) {
  json once = Search(kQuestion);
  json thrice = Search(
      "Người người người mẹ mẹ mẹ khám khám khám thai thai thai ở ở ở nơi nơi nơi khác khác khác "
      "phát phát phát hiện hiện hiện được được được gì?");
  ASSERT_FALSE(once["hits"].empty());
  EXPECT_EQ(thrice["total"], once["total"]);
  std::vector<std::string> once_ids = Ids(once), thrice_ids = Ids(thrice);
  std::sort(once_ids.begin(), once_ids.end());
  std::sort(thrice_ids.begin(), thrice_ids.end());
  EXPECT_EQ(thrice_ids, once_ids);
  ASSERT_FALSE(thrice["hits"].empty());
  EXPECT_EQ(thrice["hits"][0]["id"], "kham_thai");
}

TEST_F(QuestionApiTest, FiltersNarrowALongQuery) {
  json response = Search(kQuestion, "&from=2030-01-01");
  EXPECT_EQ(response["total"], 0);
  EXPECT_TRUE(response["hits"].empty());
  EXPECT_FALSE(response["partial_match"].get<bool>());
}

TEST_F(QuestionApiTest, PagesOfALongQueryWalkTheSameRanking) {
  std::vector<std::string> all = Ids(Search(kQuestion, "&size=10"));
  std::vector<std::string> walked;
  for (int page = 1; page <= static_cast<int>(all.size()); ++page) {
    std::vector<std::string> one = Ids(Search(kQuestion, "&size=1&page=" + std::to_string(page)));
    walked.insert(walked.end(), one.begin(), one.end());
  }
  EXPECT_EQ(walked, all);
}

}  // namespace
}  // namespace vnsearch::testing
