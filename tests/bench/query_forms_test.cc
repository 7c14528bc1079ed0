// query_forms_test: the evaluation is only as good as its query forms; these pin down the tricky
// ones (tone placement, NFD input, punctuation at word edges). Run by tests/bench/run.sh.

#include "query_forms.h"

#include <gtest/gtest.h>

namespace vnsearch::bench {
namespace {

TEST(HeadlineWordsTest, StripsPunctuationAtWordEdgesAndDropsBareSymbols) {
  EXPECT_EQ(HeadlineWords("Hà Nội - Hải Phòng: \"Bom tấn\" (ảnh)"),
            (std::vector<std::string>{"Hà", "Nội", "Hải", "Phòng", "Bom", "tấn", "ảnh"}));
  EXPECT_EQ(HeadlineWords("nhiệm kỳ 2022-2025, TP.HCM…"),
            (std::vector<std::string>{"nhiệm", "kỳ", "2022-2025", "TP.HCM"}));
}

TEST(HeadlineWordsTest, KeepsTrailingCombiningMarksOfNfdWords) {
  std::string decomposed = ToNfd("hoà,");
  EXPECT_EQ(HeadlineWords(decomposed), (std::vector<std::string>{ToNfd("hoà")}));
}

TEST(RemoveDiacriticsTest, DropsEveryMarkAndMapsDStroke) {
  EXPECT_EQ(RemoveDiacritics("Đảng uỷ Trường Đại học Thủy lợi"), "Dang uy Truong Dai hoc Thuy loi");
  EXPECT_EQ(RemoveDiacritics(ToNfd("Nguyễn Thị Yến")), "Nguyen Thi Yen");
}

TEST(SwapTonePlacementTest, SwapsOpenOaOeUySyllablesBothWays) {
  EXPECT_EQ(SwapTonePlacement("hoà"), "hòa");
  EXPECT_EQ(SwapTonePlacement("hòa"), "hoà");
  EXPECT_EQ(SwapTonePlacement("thuỷ"), "thủy");
  EXPECT_EQ(SwapTonePlacement("Uỷ ban"), "Ủy ban");
  EXPECT_EQ(SwapTonePlacement("khoẻ"), "khỏe");
  EXPECT_EQ(SwapTonePlacement("HOÁ HỌC"), "HÓA HỌC");
  EXPECT_EQ(SwapTonePlacement("Hoạ sĩ"), "Họa sĩ");
}

TEST(SwapTonePlacementTest, LeavesSyllablesWithOneTonePlaceAlone) {
  EXPECT_EQ(SwapTonePlacement("hoàn toàn"), "hoàn toàn");  // final consonant
  EXPECT_EQ(SwapTonePlacement("ngoài"), "ngoài");          // three vowels
  EXPECT_EQ(SwapTonePlacement("khuya"), "khuya");
  EXPECT_EQ(SwapTonePlacement("quý"), "quý");  // qu is the consonant
  EXPECT_EQ(SwapTonePlacement("mùa thuở"), "mùa thuở");
  EXPECT_EQ(SwapTonePlacement("hoa"), "hoa");  // no tone
}

TEST(SwapTonePlacementTest, ReadsNfdAndWritesNfc) {
  EXPECT_EQ(SwapTonePlacement(ToNfd("Hoà Bình")), "Hòa Bình");
}

TEST(MakeQueryFormTest, NfdFormIsDecomposed) {
  EXPECT_EQ(MakeQueryForm(QueryForm::kNfd, "hoà"), "hoa\xCC\x80");
  EXPECT_EQ(MakeQueryForm(QueryForm::kAsWritten, "hoà"), "hoà");
}

}  // namespace
}  // namespace vnsearch::bench
