// API test of a phrase among the words of a query no article fully answers: the articles are
// ranked by the words they hold, and an article holding the phrase's words apart must not be
// weighed as if it held the phrase. (Xapian 1.4 added a phrase's weight to such articles when the
// side of the query holding the phrase was only checked at the articles the other side led it to;
// see RankedCombination in searchd/query_builder.cc.) Through GET /api/search on a real vnsearchd
// over generated articles: news in brief mentioning the weather, travel notes with "sông núi" and
// "núi biển" apart and one weather word, and two songs with "sông núi biển" and no weather word.

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"
#include "api/temp_corpus.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr const char* kFiller[] = {"hội nghị", "tổng kết",   "công tác",   "đơn vị",     "kế hoạch",
                                   "nhân dân", "phát triển", "kinh tế",    "xã hội",     "văn hóa",
                                   "giáo dục", "y tế",       "giao thông", "nông nghiệp"};
constexpr const char* kWeather[] = {"", "mưa", "nắng", "gió", "mưa nắng", "nắng gió", "mưa gió"};
constexpr int kBriefs = 100;
constexpr int kTravelNotes = 10;
constexpr int kSongs = 2;

// `count` filler words, starting from the `start`-th.
std::string Filler(int start, int count) {
  std::string words;
  constexpr int kFillerCount = sizeof(kFiller) / sizeof(kFiller[0]);
  for (int i = 0; i < count; ++i) {
    if (i > 0) words += ' ';
    words += kFiller[(start + 3 * i) % kFillerCount];
  }
  return words;
}

std::string Named(const char* stem, int number) {
  char name[32];
  std::snprintf(name, sizeof name, "%s%03d.txt", stem, number);
  return name;
}

void WriteArticles(const TempFolder& folder) {
  for (int i = 0; i < kBriefs; ++i) {
    WriteText(folder / Named("tin", i), "Tin số " + std::to_string(i) + "\n\n" +
                                            Filler(i, 5 + i % 30) + " " + kWeather[i % 7] + ". " +
                                            Filler(i + 1, 5 + (i * 7) % 40) + ".\n");
  }
  for (int i = 0; i < kTravelNotes; ++i) {
    WriteText(folder / Named("roi", i), "Chuyến đi " + std::to_string(i) + "\n\n" + Filler(i, 5) +
                                            " sông núi hùng vĩ. " + Filler(i + 2, 4) +
                                            " núi biển mênh mông. " + Filler(i + 4, 3) + " " +
                                            kWeather[1 + i % 3] + ".\n");
  }
  for (int i = 0; i < kSongs; ++i) {
    WriteText(folder / Named("bai", i), "Bài hát " + std::to_string(i) + "\n\n" + Filler(i, 6) +
                                            " ca ngợi sông núi biển cả. " + Filler(i + 5, 5) +
                                            ".\n");
  }
}

class PhraseWeightApiTest : public SharedServerTest<PhraseWeightApiTest> {
 public:
  static SearchdProcess* Start() {
    static TempFolder folder;
    WriteArticles(folder);
    return new SearchdProcess({folder.path()});
  }

 protected:
  static json Search(const std::string& query) { return ApiClient(server_->port()).Search(query); }
};

// No article has the phrase and a weather word: the songs hold the phrase, and the travel notes
// its words apart. The songs come first; before the fix, three travel notes did, weighed as if
// they held the phrase (17.7 against the songs' 15.7).
TEST_F(PhraseWeightApiTest, ArticlesWithThePhraseOutrankThoseWithItsWordsApart) {
  for (const std::string query :
       {"\"sông núi biển\" mưa nắng gió", "\"song nui bien\" mua nang gio"}) {
    json response = Search(query);
    EXPECT_TRUE(response["partial_match"].get<bool>()) << query;
    ASSERT_GE(response["hits"].size(), 3u) << query;
    std::vector<std::string> first_two{response["hits"][0]["id"], response["hits"][1]["id"]};
    std::sort(first_two.begin(), first_two.end());
    EXPECT_EQ(first_two, (std::vector<std::string>{"bai000", "bai001"})) << query;
    // Below them, no article is weighed by the phrase: each holds one or two weather words.
    double song_score = response["hits"][1]["score"];
    for (size_t i = 2; i < response["hits"].size(); ++i) {
      EXPECT_LT(response["hits"][i]["score"].get<double>(), song_score / 2) << query;
    }
  }
}

}  // namespace
}  // namespace vnsearch::testing
