// Unit tests of question_words: which words of a query ask rather than describe the answer.

#include "searchd/question_words.h"

#include <gtest/gtest.h>

#include <sstream>

#include "analysis/analyzer.h"

namespace vnsearch {
namespace {

// The question words of `query` (split at spaces, as the parser does), joined by spaces.
std::string QuestionWordsOf(const std::string& query) {
  std::vector<std::string> typed, exact;
  std::istringstream words(query);
  for (std::string word; words >> word;) {
    std::vector<std::string> terms = ExactTerms(word);
    if (terms.empty()) continue;  // "?" alone: not a word
    typed.push_back(word);
    exact.push_back(terms.size() == 1 ? terms.front() : "");
  }
  std::vector<bool> asking = FindQuestionWords(exact, typed);
  std::string found;
  for (size_t i = 0; i < asking.size(); ++i) {
    if (asking[i]) found += (found.empty() ? "" : " ") + typed[i];
  }
  return found;
}

TEST(QuestionWordsTest, WordsThatAskOnTheirOwn) {
  EXPECT_EQ(QuestionWordsOf("Người mẹ phát hiện được gì?"), "gì?");
  EXPECT_EQ(QuestionWordsOf("Bệnh nhân nhập viện ở đâu"), "ở đâu");
  EXPECT_EQ(QuestionWordsOf("Ai phát hiện ra penicillin"), "Ai");
  EXPECT_EQ(QuestionWordsOf("Trẻ ở độ tuổi nào dễ nuốt dị vật"), "nào");
  EXPECT_EQ(QuestionWordsOf("mấy tuổi thì tiêm"), "mấy");
}

TEST(QuestionWordsTest, PhrasesAskOnlyTogether) {
  EXPECT_EQ(QuestionWordsOf("Mỗi ngày nên uống bao nhiêu nước"), "bao nhiêu");
  EXPECT_EQ(QuestionWordsOf("Tại sao trẻ hay ốm"), "Tại sao");
  EXPECT_EQ(QuestionWordsOf("Bệnh lây lan như thế nào ?"), "như thế nào");
  EXPECT_EQ(QuestionWordsOf("Có phải cúm mùa lây qua đường hô hấp"), "Có phải");
  EXPECT_EQ(QuestionWordsOf("bao tử ngôi sao sao chép"), "");  // a stomach, a star, to copy
}

TEST(QuestionWordsTest, ParticlesAskOnlyAtTheEnd) {
  EXPECT_EQ(QuestionWordsOf("Vắc xin này có an toàn không?"), "không?");
  EXPECT_EQ(QuestionWordsOf("Vắc xin này có an toàn không ?"), "không");
  EXPECT_EQ(QuestionWordsOf("Đã có thuốc đặc trị chưa"), "chưa");
  EXPECT_EQ(QuestionWordsOf("ô nhiễm không khí"), "");
  EXPECT_EQ(QuestionWordsOf("không"), "");  // one word asks nothing
}

TEST(QuestionWordsTest, OnlyWordsTypedAsQuestionWordsCount) {
  EXPECT_EQ(QuestionWordsOf("benh gi lay qua duong nao"), "");  // gi: ghi? nao: não?
  EXPECT_EQ(QuestionWordsOf("ứng dụng AI trong y tế"), "");     // a name, in capitals
  EXPECT_EQ(QuestionWordsOf("Ai dùng AI"), "Ai");
}

TEST(QuestionWordsTest, ChunksThatAreNotOneWordNeverAsk) {
  std::vector<bool> asking = FindQuestionWords({"", "gì"}, {"\"cái gì\"", "gì"});
  EXPECT_EQ(asking, (std::vector<bool>{false, true}));
}

}  // namespace
}  // namespace vnsearch
