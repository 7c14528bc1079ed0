// Unit tests for analysis/characters: what counts as a dash, a space within a line, a gap's one
// mark, and the letter đ — the one place the analyzer and the extractors ask.

#include "analysis/characters.h"

#include <gtest/gtest.h>

namespace vnsearch {
namespace {

TEST(CharactersTest, EveryDashAndTheMinusSignAreDashes) {
  for (int32_t dash : {0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212}) {
    EXPECT_TRUE(IsDash(dash)) << std::hex << dash;
  }
  for (int32_t other : {int32_t{'_'}, int32_t{'~'}, int32_t{'.'}, int32_t{'a'}, -1}) {
    EXPECT_FALSE(IsDash(other)) << other;
  }
}

TEST(CharactersTest, NoBreakSpacesAreSpacesButLineBreaksAreNot) {
  for (int32_t space : {0x20, 0x09, 0x00A0, 0x202F, 0x2007, 0x2009, 0x3000}) {
    EXPECT_TRUE(IsSpaceInLine(space)) << std::hex << space;
  }
  for (int32_t other : {0x0A, 0x0D, 0x2028, 0x2029, int32_t{'x'}, -1}) {
    EXPECT_FALSE(IsSpaceInLine(other)) << std::hex << other;
  }
}

TEST(CharactersTest, AGapsSoleMarkReadsEveryDashAsHyphenMinus) {
  EXPECT_EQ(SoleMark(" \xE2\x80\x93 "), '-');        // " – "
  EXPECT_EQ(SoleMark("\xC2\xA0\xE2\x80\x94"), '-');  // no-break space, "—"
  EXPECT_EQ(SoleMark(", "), ',');
  EXPECT_EQ(SoleMark("  "), -1);
  EXPECT_EQ(SoleMark(" - , "), -1);
  EXPECT_EQ(SoleMark("-\n"), -1);
}

TEST(CharactersTest, TrimSpacesTrimsNoBreakSpacesToo) {
  EXPECT_EQ(TrimSpaces("\xC2\xA0 Hà Nội \xE2\x80\xAF"), "Hà Nội");
  EXPECT_EQ(TrimSpaces("\xC2\xA0"), "");
  EXPECT_EQ(TrimSpaces("a\nb"), "a\nb");
}

TEST(CharactersTest, DBarFoldsToD) {
  EXPECT_EQ(kSmallDBar, 0x0111);  // đ; Đ case-folds to it
  EXPECT_EQ(FoldDBar(kSmallDBar), 'd');
  EXPECT_EQ(FoldDBar('d'), 'd');
  EXPECT_EQ(FoldDBar(0x0110), 0x0110);  // the capital is folded by case folding first
}

}  // namespace
}  // namespace vnsearch
