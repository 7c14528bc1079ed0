// API tests of Vietnamese analysis (issue #3's contract): normalisation, the two term spaces,
// query semantics, abbreviations, highlighting, codes and suggestions, each through
// GET /api/search on a real vnsearchd. The corpus is corpus/ plus tests/data/analysis_corpus/,
// small articles written to make each behaviour visible.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

class AnalysisApiTest : public SharedServerTest<AnalysisApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS, VNSEARCH_TEST_DATA "/analysis_corpus"});
  }

 protected:
  static ApiClient Client() { return ApiClient(server_->port()); }
  static std::vector<std::string> Ids(const std::string& query) { return Client().Ids(query); }
  static bool Contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
};

// ---- 1. Normalisation ----------------------------------------------------------------------

TEST_F(AnalysisApiTest, TonePlacementVariantsFindTheSameArticles) {
  EXPECT_EQ(Ids("Đảng ủy"), Ids("Đảng uỷ"));
  EXPECT_EQ(Ids("chuyển hóa"), Ids("chuyển hoá"));
  EXPECT_TRUE(Contains(Ids("chuyển hóa"), "000_2bc41360e3854d8f"));  // it writes "chuyển hoá"
  EXPECT_EQ(Ids("thủy lợi Hòa Bình"), std::vector<std::string>{"thuy_loi_nfd"});
}

TEST_F(AnalysisApiTest, NfdArticleAndNfdQueryMatchNfc) {
  EXPECT_EQ(Ids("Thuỷ lợi Hoà Bình"), std::vector<std::string>{"thuy_loi_nfd"});
  EXPECT_EQ(Ids("\"Thu\u0309y lơ\u0323i\""), std::vector<std::string>{"thuy_loi_nfd"});  // NFD
}

TEST_F(AnalysisApiTest, IAndYSpellingsAreOneWord) {
  EXPECT_TRUE(Contains(Ids("kỳ họp"), "thuy_loi_nfd"));  // the article writes "kì họp"
  EXPECT_EQ(Ids("nhiệm kì"), Ids("nhiệm kỳ"));           // the corpus writes "nhiệm kỳ"
  EXPECT_EQ(Ids("nhiệm kì").size(), 4u);
}

// ---- 2 and 3. Term spaces and query semantics ----------------------------------------------

TEST_F(AnalysisApiTest, QueryWithoutDiacriticsFindsAccentedText) {
  EXPECT_TRUE(Contains(Ids("khoa hoc"), "khoa_hoc_lien"));
  EXPECT_EQ(Ids("dang uy"), Ids("Đảng ủy"));
  EXPECT_EQ(Ids("tran binh trong").front(), "000_2bc41360e3854d8f");
}

TEST_F(AnalysisApiTest, QueryWithDiacriticsMeansExactlyThem) {
  EXPECT_FALSE(Contains(Ids("học"), "hoc_xuong"));
  EXPECT_TRUE(Contains(Ids("hóc"), "hoc_xuong"));
  EXPECT_FALSE(Contains(Ids("Ban chấp hành"), "ban_tin"));
  EXPECT_TRUE(Contains(Ids("Ban chấp hành"), "ban_chap_hanh"));
  EXPECT_TRUE(Contains(Ids("ban"), "ban_tin"));  // no diacritic: every accent
}

TEST_F(AnalysisApiTest, LikelyAccentedFormRanksFirstAmongFoldedMatches) {
  std::vector<std::string> ids = Ids("hoc");
  ASSERT_TRUE(Contains(ids, "hoc_xuong"));
  EXPECT_NE(ids.front(), "hoc_xuong");  // "học" is far more frequent than "hóc"
}

TEST_F(AnalysisApiTest, PhrasesWorkInBothSpaces) {
  std::vector<std::string> accented = Ids("\"khoa học và công nghệ\"");
  EXPECT_FALSE(accented.empty());
  EXPECT_EQ(Ids("\"khoa hoc va cong nghe\""), accented);
  EXPECT_FALSE(Contains(Ids("\"khoa học\""), "khoa_hoc_roi"));
}

TEST_F(AnalysisApiTest, PrefixesWorkInBothSpaces) {
  EXPECT_TRUE(Contains(Ids("công ngh*"), "bo_khcn"));
  EXPECT_TRUE(Contains(Ids("cong ngh*"), "bo_khcn"));
  EXPECT_TRUE(Contains(Ids("thuỷ l*"), "thuy_loi_nfd"));
}

TEST_F(AnalysisApiTest, EveryWordMustMatchElseBestPartialMatchesAreSaid) {
  json all = Client().Search("hội thảo khoa học");
  EXPECT_FALSE(all["partial_match"].get<bool>());
  EXPECT_EQ(all["hits"][0]["id"], "khoa_hoc_lien");
  json partial = Client().Search("hội thảo xyzzyq");
  EXPECT_TRUE(partial["partial_match"].get<bool>());
  EXPECT_EQ(partial["hits"][0]["id"], "khoa_hoc_lien");
}

// ---- 4. Adjacent syllables weigh more than scattered ones ----------------------------------

TEST_F(AnalysisApiTest, AdjacentSyllablesOutrankScatteredOnes) {
  std::vector<std::string> ids = Ids("khoa học");
  auto adjacent = std::find(ids.begin(), ids.end(), "khoa_hoc_lien");
  auto scattered = std::find(ids.begin(), ids.end(), "khoa_hoc_roi");
  ASSERT_NE(adjacent, ids.end());
  ASSERT_NE(scattered, ids.end());
  EXPECT_LT(adjacent, scattered);
}

// ---- 5. Abbreviations, both directions -----------------------------------------------------

TEST_F(AnalysisApiTest, AbbreviationFindsTheSpelledOutForm) {
  EXPECT_TRUE(Contains(Ids("KH&CN"), "bo_khcn"));  // it only says "Khoa học và Công nghệ"
  EXPECT_TRUE(Contains(Ids("kh&cn"), "bo_khcn"));
  EXPECT_TRUE(Contains(Ids("KHCN"), "bo_khcn"));
}

TEST_F(AnalysisApiTest, SpelledOutFormFindsTheAbbreviation) {
  EXPECT_TRUE(Contains(Ids("Tài nguyên và Môi trường"), "so_tnmt"));  // it only says TN&MT
  EXPECT_TRUE(Contains(Ids("tai nguyen moi truong"), "so_tnmt"));
  EXPECT_TRUE(Contains(Ids("TNMT"), "so_tnmt"));
}

TEST_F(AnalysisApiTest, CodesWithPunctuationStayWhole) {
  EXPECT_TRUE(Contains(Ids("KH,CN&ĐMST"), "002_525ec149e4b227f3"));
  EXPECT_TRUE(Contains(Ids("KHCN&MT"), "001_551df31cd02b8069"));
  // and the article that writes it out: "Viện Khoa học, Công nghệ & Môi trường"
  EXPECT_TRUE(Contains(Ids("Khoa học, Công nghệ và Môi trường"), "001_551df31cd02b8069"));
}

// ---- 6. Highlighting from vnsearch's own analysis ------------------------------------------

TEST_F(AnalysisApiTest, SnippetsMarkFoldedAndCanonicalisedMatches) {
  json response = Client().Search("tran binh trong");
  EXPECT_NE(response["hits"][0]["snippet"].get<std::string>().find("<mark>Trần Bình Trọng</mark>"),
            std::string::npos);
  response = Client().Search("Đảng ủy", "&size=10");
  bool marked_other_placement = false;
  for (const json& hit : response["hits"]) {
    std::string snippet = hit["snippet"];
    marked_other_placement |= snippet.find("<mark>Đảng uỷ</mark>") != std::string::npos;
  }
  EXPECT_TRUE(marked_other_placement);
  response = Client().Search("Tài nguyên và Môi trường");
  bool marked_abbreviation = false;
  for (const json& hit : response["hits"]) {
    std::string snippet = hit["snippet"];
    marked_abbreviation |= snippet.find("<mark>TN&amp;MT</mark>") != std::string::npos;
  }
  EXPECT_TRUE(marked_abbreviation);
}

// ---- 7. Codes and numbers as written -------------------------------------------------------

TEST_F(AnalysisApiTest, CodesAndNumbersAreSearchableAsWritten) {
  EXPECT_TRUE(Contains(Ids("05-CT/TW"), "004_ae8750124fb58d60"));
  EXPECT_TRUE(Contains(Ids("26/1/2024"), "002_525ec149e4b227f3"));
  EXPECT_EQ(Ids("ISO 9001:2015"), std::vector<std::string>{"003_c1d981f2cb2d308a"});
  EXPECT_TRUE(Contains(Ids("12-QĐ/UBND"), "thuy_loi_nfd"));
  // "2022-2025" also finds "2022 – 2025" and "2022 - 2025" (spaced): every corpus congress but 004
  std::vector<std::string> term = Ids("2022-2025");
  EXPECT_TRUE(Contains(term, "003_c1d981f2cb2d308a"));  // writes "2022 - 2025" and "2022-2025"
  EXPECT_FALSE(Contains(term, "004_ae8750124fb58d60"));
}

// ---- 8. Accent restoration and spelling ----------------------------------------------------

TEST_F(AnalysisApiTest, SuggestsTheAccentedQuery) {
  EXPECT_EQ(Client().Search("khoa hoc cong nghe")["suggestion"], "khoa học công nghệ");
  EXPECT_EQ(Client().Search("tran binh trong")["suggestion"], "trần bình trọng");
  EXPECT_EQ(Client().Search("Trần Bình Trọng")["suggestion"], "");
}

TEST_F(AnalysisApiTest, SuggestsASpellingCorrection) {
  EXPECT_EQ(Client().Search("khoa hocc")["suggestion"], "khoa học");
  EXPECT_EQ(Client().Search("Trần Bìnhh Trọng")["suggestion"], "Trần bình Trọng");
}

// ---- 9. Robustness through the API ---------------------------------------------------------

TEST_F(AnalysisApiTest, HostileQueriesNeverFail) {
  for (std::string query :
       {std::string("ab\xC3\x28 c\xFF"), std::string("a\x01\x07 b"), std::string(100000, 'x'),
        std::string("中文 русский ไทย"), std::string("\"\""), std::string("* - + : ( ) \" \"")}) {
    httplib::Result result =
        Client().Get("/api/search?q=" + httplib::detail::encode_query_param(query));
    ASSERT_TRUE(result);
    EXPECT_LT(result->status, 500) << result->body;  // 200, 400, or 414 for the longest
  }
}

}  // namespace
}  // namespace vnsearch::testing
