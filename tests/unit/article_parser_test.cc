// Unit tests for article layout: headline, meta lines, dates, byline and boilerplate.

#include <gtest/gtest.h>

#include "article/article_parser.h"
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
      "a", "Tin hoạt động\nCập nhật lúc: 09:01:33 26/09/2022\n\nĐại hội Chi bộ Trung tâm thành "
           "công tốt đẹp\n\nNội dung.\n");
  EXPECT_EQ(article.title, "Đại hội Chi bộ Trung tâm thành công tốt đẹp");
  EXPECT_EQ(article.date, "2022-09-26");
  EXPECT_EQ(article.source, "Tin hoạt động");
}

TEST(ArticleParserTest, HeadlineThatMentionsADateIsTheHeadline) {
  Article article = ParseArticle(
      "a", "Ngày 26/1/2024, Bộ Khoa học và Công nghệ tổng kết công tác Đảng năm 2023\n\nNội dung.\n");
  EXPECT_EQ(article.title, "Ngày 26/1/2024, Bộ Khoa học và Công nghệ tổng kết công tác Đảng năm 2023");
}

TEST(ArticleParserTest, DateLineAfterTheHeadlineBeatsTheSiteClockBeforeIt) {
  Article article = ParseArticle(
      "a", "Thứ hai, 06/07/2020, 08:48 [GMT+7]\n\nĐại hội lần thứ IV Đảng bộ Sở Khoa học\n\n"
           "Thứ năm, 28/05/2020 - 22:16'\n(BLC) - Hôm nay (28/5), Đảng bộ họp.\n");
  EXPECT_EQ(article.date, "2020-05-28");
  EXPECT_EQ(article.source, "BLC");
  EXPECT_EQ(article.body.find("22:16"), std::string::npos);
}

TEST(ArticleParserTest, DayMonthTakesTheYearOfTheTermElected) {
  Article article = ParseArticle(
      "a", "Chi bộ Viện tổ chức Đại hội nhiệm kỳ mới thành công\n\nNgày 19/8, Chi bộ Viện tổ "
           "chức Đại hội chi bộ nhiệm kỳ 2022-2025.\n");
  EXPECT_EQ(article.date, "2022-08-19");
  Article unknown = ParseArticle("b", "Một hội nghị về khoa học và công nghệ\n\nNgày 19/8, họp.\n");
  EXPECT_EQ(unknown.date, "");
}

TEST(ArticleParserTest, BylineAndBoilerplateLeaveTheBody) {
  Article article = ParseArticle(
      "a", "Đại hội Chi bộ Vụ Khoa học và Công nghệ thành công\n\nNội dung bài.\n_mg_0821rs.jpg\n"
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

}  // namespace
}  // namespace vnsearch
