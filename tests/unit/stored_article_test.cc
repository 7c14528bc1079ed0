// Tests for stored_article: what the index keeps of an article is read back whole, older JSON
// data still reads, and damaged data is refused without reading past it.

#include "index/stored_article.h"

#include <gtest/gtest.h>

#include "article/article_json.h"

namespace vnsearch {
namespace {

Article FullArticle() {
  Article article;
  article.id = "2024/dai-hoi-chi-bo";
  article.title = "Đại hội Chi bộ Vụ Khoa học và Công nghệ, nhiệm kỳ 2022–2025";
  article.date = "2022-05-17";
  article.source = "Bộ KH&CN";
  article.author = "Thuỷ Hoà";
  article.body = std::string("Sáng 17/5, Chi bộ \"Vụ\" tổ chức Đại hội.\n\nÔng Trần Bình Trọng ") +
                 std::string(1, '\0') + " được bầu giữ chức Bí thư. " + std::string(300, 'x');
  article.terms = {"2022-2025", "2020-2025"};
  article.persons = {{"Trần Bình Trọng", {"Bí thư Chi bộ", "Vụ trưởng"}}, {"Lê Xuân Định", {}}};
  article.units = {{"Chi bộ Vụ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ"},
                   {"Bộ Khoa học và Công nghệ", ""}};
  article.main_unit = "Chi bộ Vụ Khoa học và Công nghệ";
  article.role_facts = {
      {"Trần Bình Trọng", "Bí thư", "Chi bộ Vụ Khoa học và Công nghệ", "2022-2025", true},
      {"Lê Xuân Định", "Thứ trưởng", "", "", false}};
  return article;
}

// Articles compare by their JSON form, which names every field.
std::string Shown(const Article& article) { return ArticleToJson(article).dump(); }

TEST(StoredArticleTest, EveryFieldIsReadBack) {
  Article article = FullArticle();
  Article read;
  ASSERT_TRUE(DecodeStoredArticle(EncodeStoredArticle(article), &read));
  EXPECT_EQ(Shown(read), Shown(article));
  EXPECT_EQ(read.body, article.body);  // the NUL byte too
}

TEST(StoredArticleTest, AnEmptyArticleIsReadBack) {
  Article read;
  read.title = "left over";
  ASSERT_TRUE(DecodeStoredArticle(EncodeStoredArticle(Article()), &read));
  EXPECT_EQ(Shown(read), Shown(Article()));
}

TEST(StoredArticleTest, ReadsTheJsonOfOlderIndexes) {
  Article article = FullArticle();
  std::string json = ArticleToJson(article).dump();
  Article read;
  ASSERT_TRUE(DecodeStoredArticle(json, &read));
  EXPECT_EQ(Shown(read), Shown(article));
}

TEST(StoredArticleTest, CompressesTheBody) {
  Article article = FullArticle();
  article.body.clear();
  for (int i = 0; i < 200; ++i) article.body += "Đại hội Chi bộ Vụ Khoa học và Công nghệ. ";
  EXPECT_LT(EncodeStoredArticle(article).size(), article.body.size() / 4);
}

TEST(StoredArticleTest, RefusesDataOfAnotherKind) {
  Article read;
  read.title = "left over";
  for (const std::string& data :
       {std::string(), std::string("plain text"), std::string("[1,2]"), std::string("{not json"),
        std::string("\x01"), std::string("\x01garbage")}) {
    EXPECT_FALSE(DecodeStoredArticle(data, &read)) << data;
    EXPECT_EQ(Shown(read), Shown(Article())) << data;
  }
}

// Every truncation and every single-byte change of a stored article is either refused or read
// as some article; none reads out of bounds (the sanitizer build runs this too).
TEST(StoredArticleTest, DamagedDataIsRefusedOrReadSafely) {
  const std::string data = EncodeStoredArticle(FullArticle());
  Article read;
  for (size_t length = 0; length < data.size(); ++length) {
    EXPECT_FALSE(DecodeStoredArticle(data.substr(0, length), &read)) << length;
  }
  for (size_t at = 1; at < data.size(); ++at) {
    std::string changed = data;
    changed[at] = static_cast<char>(changed[at] ^ 0x5A);
    DecodeStoredArticle(changed, &read);
  }
}

}  // namespace
}  // namespace vnsearch
