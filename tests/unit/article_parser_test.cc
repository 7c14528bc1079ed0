// Unit tests for article layout: headline, meta lines, dates, byline and boilerplate.

#include "article/article_parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "article/date_parser.h"

namespace vnsearch {
namespace {

TEST(ArticleParserTest, ShortHeadlineIsNotChrome) {
  Article article = ParseArticle("a", "Cải chính\n\nBài viết hôm qua có sai sót, xin cải chính.\n");
  EXPECT_EQ(article.title, "Cải chính");
  EXPECT_EQ(article.body, "Bài viết hôm qua có sai sót, xin cải chính.");
}

TEST(ArticleParserTest, SectionLineAboveAMetaLineIsChrome) {
  Article article = ParseArticle(
      "a",
      "Tin hoạt động\nCập nhật lúc: 09:01:33 26/09/2022\n\nĐại hội Chi bộ Trung tâm thành "
      "công tốt đẹp\n\nNội dung.\n");
  EXPECT_EQ(article.title, "Đại hội Chi bộ Trung tâm thành công tốt đẹp");
  EXPECT_EQ(article.date, "2022-09-26");
  EXPECT_EQ(article.source, "Tin hoạt động");
}

TEST(ArticleParserTest, HeadlineThatMentionsADateIsTheHeadline) {
  Article article = ParseArticle(
      "a",
      "Ngày 26/1/2024, Bộ Khoa học và Công nghệ tổng kết công tác Đảng năm 2023\n\nNội dung.\n");
  EXPECT_EQ(article.title,
            "Ngày 26/1/2024, Bộ Khoa học và Công nghệ tổng kết công tác Đảng năm 2023");
}

TEST(ArticleParserTest, DateLineAfterTheHeadlineBeatsTheSiteClockBeforeIt) {
  Article article = ParseArticle(
      "a",
      "Thứ hai, 06/07/2020, 08:48 [GMT+7]\n\nĐại hội lần thứ IV Đảng bộ Sở Khoa học\n\n"
      "Thứ năm, 28/05/2020 - 22:16'\n(BLC) - Hôm nay (28/5), Đảng bộ họp.\n");
  EXPECT_EQ(article.date, "2020-05-28");
  EXPECT_EQ(article.source, "BLC");
  EXPECT_EQ(article.body.find("22:16"), std::string::npos);
}

TEST(ArticleParserTest, DayMonthTakesTheYearOfTheTermElected) {
  Article article = ParseArticle(
      "a",
      "Chi bộ Viện tổ chức Đại hội nhiệm kỳ mới thành công\n\nNgày 19/8, Chi bộ Viện tổ "
      "chức Đại hội chi bộ nhiệm kỳ 2022-2025.\n");
  EXPECT_EQ(article.date, "2022-08-19");
  Article unknown = ParseArticle("b", "Một hội nghị về khoa học và công nghệ\n\nNgày 19/8, họp.\n");
  EXPECT_EQ(unknown.date, "");
}

TEST(ArticleParserTest, BylineAndBoilerplateLeaveTheBody) {
  Article article = ParseArticle(
      "a",
      "Đại hội Chi bộ Vụ Khoa học và Công nghệ thành công\n\nNội dung bài.\n_mg_0821rs.jpg\n"
      "Toàn cảnh Đại hội\n\nBài, ảnh: Đăng Minh\n\nBình luận\n\nViết bình luận\nTin khác\n");
  EXPECT_EQ(article.author, "Đăng Minh");
  EXPECT_EQ(article.body, "Nội dung bài.\nToàn cảnh Đại hội");
}

TEST(DateParserTest, ShapesOfDates) {
  EXPECT_EQ(FindFullDate("Ngày đăng : 19:45, 27/09/2022"), "2022-09-27");
  EXPECT_EQ(FindFullDate("ngày 27 tháng 9 năm 2022"), "2022-09-27");
  EXPECT_EQ(FindFullDate("31/02/2022 và 01/03/2022"), "2022-03-01");  // no 31 February
  EXPECT_EQ(FindDayMonth("Chiều ngày 24/9, tại", 2022), "2022-09-24");
  EXPECT_EQ(FindDayMonth("Ngày 26/1/2024", 2022), "");  // a full date is not a day-month
  EXPECT_TRUE(HasTimeOfDay("02:04 pm"));
  EXPECT_FALSE(HasTimeOfDay("9001:2015"));
}

TEST(DateParserTest, EdgesOfTheShapes) {
  EXPECT_EQ(FindFullDate("123/4/2022 rồi 5/6/2023"), "2023-06-05");  // 3-digit day: no date
  EXPECT_EQ(FindFullDate("1/2/20222 rồi 3.4.2021"), "2021-04-03");   // 5-digit year: no date
  EXPECT_EQ(FindFullDate("7/1/2/2020"), "");                         // the day follows a '/'
  EXPECT_EQ(FindFullDate("ngày 5  tháng 12 năm 2021"), "2021-12-05");
  EXPECT_EQ(FindDayMonth("ngày 19/8/ tới", 2022), "");
  EXPECT_TRUE(HasTimeOfDay("lúc 9:05"));
  EXPECT_TRUE(HasTimeOfDay("23:59"));
  EXPECT_FALSE(HasTimeOfDay("24:00"));
  EXPECT_FALSE(HasTimeOfDay("12:60"));
}

// Untrusted text of any shape is parsed in time linear in its length: a 65,535-byte line once
// overflowed std::regex's stack, and a run of unit kinds took exponential time.
// Shapes that once overflowed the stack (std::regex over a 65,535-byte line) or could make a
// scan quadratic are parsed to the end. Their speed is measured in analysis_bench
// (BM_ParseHostileShape: the same bytes per second at 1,000 and 4,000 repetitions), not here.
TEST(ArticleParserTest, HostileShapesParseToTheEnd) {
  std::string repeated_kinds;
  for (int i = 0; i < 2000; ++i) repeated_kinds += "Chi bộ Vụ Khoa học ";
  std::string roles;
  for (int i = 0; i < 2000; ++i) roles += "Trần Văn An, Bí thư Chi bộ, ";
  std::string dates;
  for (int i = 0; i < 5000; ++i) dates += "Ngày 1/2 1/1/1 12:";
  for (const std::string& text :
       {std::string(65535, 'x') + "\n", std::string(65535, '1') + "/1/2022\n",
        "Tiêu đề\n\n" + repeated_kinds, roles, dates, std::string(100000, '(')}) {
    Article article = ParseArticle("hostile", text);
    EXPECT_LE(article.body.size(), text.size()) << text.substr(0, 40);
    EXPECT_LE(article.units.size(), 10u) << text.substr(0, 40);
    EXPECT_LE(article.persons.size(), 10u) << text.substr(0, 40);
  }
}

}  // namespace
}  // namespace vnsearch
