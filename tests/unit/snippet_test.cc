// Unit tests for snippets and highlighting.

#include "searchd/snippet.h"

#include <gtest/gtest.h>

#include "searchd/query_builder.h"

namespace vnsearch {
namespace {

Highlighter HighlighterFor(const std::string& query) {
  return BuildQuery(ParseQuery(query).root).highlighter;
}

// The whole of a short text, marked: a snippet window wider than the text.
std::string HighlightAll(const std::string& text, const Highlighter& highlighter) {
  return MakeSnippet(text, highlighter, 100000);
}

TEST(SnippetTest, FoldedQueryMarksAccentedText) {
  std::string html =
      HighlightAll("Đồng chí Trần Bình Trọng phát biểu", HighlighterFor("tran binh"));
  EXPECT_EQ(html, "Đồng chí <mark>Trần Bình</mark> Trọng phát biểu");
}

TEST(SnippetTest, OtherTonePlacementIsMarked) {
  std::string html = HighlightAll("Bí thư Đảng uỷ Sở", HighlighterFor("Đảng ủy"));
  EXPECT_EQ(html, "Bí thư <mark>Đảng uỷ</mark> Sở");
}

TEST(SnippetTest, ExactQueryDoesNotMarkOtherAccents) {
  std::string html = HighlightAll("học hóc hoc", HighlighterFor("học"));
  EXPECT_EQ(html, "<mark>học</mark> hóc hoc");
}

TEST(SnippetTest, WildcardsMarkWordsOfEveryLengthFromTheirPrefix) {
  // The prefix itself, longer words, and not shorter ones or other words of the same length.
  EXPECT_EQ(HighlightAll("ng nghi nghiệp Nghị quyết nghiên cứu ngày", HighlighterFor("nghi*")),
            "ng <mark>nghi nghiệp Nghị</mark> quyết <mark>nghiên</mark> cứu ngày");
  // A word longer than any length told apart (63 bytes and more): 30 letters of 3 bytes.
  std::string long_word;
  for (int letter = 0; letter < 30; ++letter) long_word += "ệ";
  EXPECT_EQ(HighlightAll("a " + long_word + " b", HighlighterFor("ệệ*")),
            "a <mark>" + long_word + "</mark> b");
  EXPECT_EQ(HighlightAll("a " + long_word + " b", HighlighterFor(long_word)),
            "a <mark>" + long_word + "</mark> b");
}

TEST(SnippetTest, EscapesEverythingElse) {
  std::string html = HighlightAll("<b>KH&CN</b> & \"x\"", HighlighterFor("KH&CN"));
  EXPECT_EQ(html, "&lt;b&gt;<mark>KH&amp;CN</mark>&lt;/b&gt; &amp; &quot;x&quot;");
}

TEST(SnippetTest, WindowHoldsTheMatches) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "lời ";
  text += "Trần Bình Trọng ";
  for (int i = 0; i < 200; ++i) text += "lời ";
  std::string html = MakeSnippet(text, HighlighterFor("Trần Bình Trọng"));
  EXPECT_NE(html.find("<mark>Trần Bình Trọng</mark>"), std::string::npos);
  EXPECT_EQ(html.rfind("… ", 0), 0u);
  EXPECT_LT(html.size(), 400u);
}

TEST(SnippetTest, PhrasesAndExpansionsAreMarkedOnlyWhole) {
  EXPECT_EQ(HighlightAll("khoa học và công nghệ, khoa và học", HighlighterFor("\"khoa học\"")),
            "<mark>khoa học</mark> và công nghệ, khoa và học");
  EXPECT_EQ(HighlightAll("Ủy ban nhân dân tỉnh; UBND; nhân dân", HighlighterFor("UBND")),
            "<mark>Ủy ban nhân dân</mark> tỉnh; <mark>UBND</mark>; nhân dân");
  EXPECT_EQ(HighlightAll("Viện Khoa học, Công nghệ & Môi trường", HighlighterFor("KHCN&MT")),
            "Viện <mark>Khoa học</mark>, <mark>Công nghệ</mark> &amp; <mark>Môi trường</mark>");
}

TEST(SnippetTest, NoMatchGivesTheOpening) {
  std::string html = MakeSnippet("Mở đầu bài báo.", HighlighterFor("xyz"));
  EXPECT_EQ(html, "Mở đầu bài báo.");
}

}  // namespace
}  // namespace vnsearch
