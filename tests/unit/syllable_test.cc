// Unit tests for syllable canonicalisation, through the analyzer's exact terms.

#include <gtest/gtest.h>

#include "analysis/analyzer.h"

namespace vnsearch {
namespace {

std::string Exact(const std::string& word) {
  std::vector<std::string> terms = ExactTerms(word);
  return terms.size() == 1 ? terms[0] : "<" + std::to_string(terms.size()) + " terms>";
}

TEST(SyllableTest, OldAndNewTonePlacementGiveOneTerm) {
  EXPECT_EQ(Exact("hòa"), Exact("hoà"));
  EXPECT_EQ(Exact("thủy"), Exact("thuỷ"));
  EXPECT_EQ(Exact("ủy"), Exact("uỷ"));
  EXPECT_EQ(Exact("khỏe"), Exact("khoẻ"));
  EXPECT_EQ(Exact("Hóa"), Exact("hoá"));
  EXPECT_EQ(Exact("hoà"), "hoà");  // the documented convention: the second vowel of oa/oe/uy
}

TEST(SyllableTest, TonesStayOnTheRightVowelOfOrdinarySyllables) {
  for (const char* word : {"trường", "người", "nguyễn", "quốc", "giữ", "già", "của", "mùa", "hoàng",
                           "thuyết", "khuỷu", "ngoài", "bài", "cứu", "quý", "gìn"}) {
    EXPECT_EQ(Exact(word), word) << word;
  }
}

TEST(SyllableTest, IAndYVariantsGiveOneTerm) {
  EXPECT_EQ(Exact("kì"), Exact("kỳ"));
  EXPECT_EQ(Exact("kí"), Exact("ký"));
  EXPECT_EQ(Exact("lí"), Exact("lý"));
  EXPECT_EQ(Exact("quí"), Exact("quý"));
  EXPECT_EQ(Exact("mĩ"), Exact("mỹ"));
  EXPECT_NE(Exact("khi"), Exact("khy"));  // kh is not one of the i/y initials
  EXPECT_EQ(Exact("chi"), "chi");
}

TEST(SyllableTest, NfdAndNfcAreOneTerm) {
  EXPECT_EQ(Exact("Ho\u00E0"), Exact("Hoa\u0300"));        // hoà, NFC / NFD
  EXPECT_EQ(Exact("\u0110a\u0309ng"), "đảng");             // Đảng written NFD
  EXPECT_EQ(Exact("Tru\u031Bo\u031B\u0300ng"), "trường");  // ư, ơ and tone as marks
  EXPECT_EQ(Exact("THỦY"), Exact("thuỷ"));
}

TEST(SyllableTest, ForeignWordsAreLeftAlone) {
  EXPECT_EQ(Exact("Müller"), "müller");
  EXPECT_EQ(Exact("café"), "café");
  EXPECT_EQ(Exact("zalo"), "zalo");
}

}  // namespace
}  // namespace vnsearch
