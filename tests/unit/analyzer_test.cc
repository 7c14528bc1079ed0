// Unit tests for the analyzer: terms, folding, codes, offsets and robustness.

#include "analysis/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace vnsearch {
namespace {

// The tokens of `text` analysed on a new thread (so with an empty spelling cache), after `primer`
// was analysed there: the cache then holds the primer's words, read in other company.
std::vector<Token> TokensAfter(const std::string& primer, const std::string& text) {
  std::vector<Token> tokens;
  std::thread([&] {
    std::vector<Token> ignored;
    Analyze(primer, &ignored);
    Analyze(text, &tokens);
  }).join();
  return tokens;
}

void ExpectSameTokens(const std::vector<Token>& expected, const std::vector<Token>& actual,
                      const std::string& text) {
  ASSERT_EQ(expected.size(), actual.size()) << text;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(expected[i].exact, actual[i].exact) << text << " token " << i;
    EXPECT_EQ(expected[i].folded, actual[i].folded) << text << " token " << i;
    EXPECT_EQ(expected[i].begin, actual[i].begin) << text << " token " << i;
    EXPECT_EQ(expected[i].end, actual[i].end) << text << " token " << i;
    EXPECT_EQ(expected[i].position, actual[i].position) << text << " token " << i;
    EXPECT_EQ(expected[i].kind, actual[i].kind) << text << " token " << i;
    EXPECT_EQ(expected[i].has_diacritics, actual[i].has_diacritics) << text << " token " << i;
  }
}

TEST(AnalyzerTest, ExactAndFoldedTerms) {
  std::vector<Token> tokens;
  Analyze("Đảng ủy Bộ KH&CN", &tokens);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].exact, "đảng");
  EXPECT_EQ(tokens[0].folded, "dang");
  EXPECT_EQ(tokens[1].exact, "uỷ");
  EXPECT_EQ(tokens[1].folded, "uy");
  EXPECT_EQ(tokens[2].exact, "bộ");
  EXPECT_EQ(tokens[3].exact, "kh&cn");
  EXPECT_EQ(tokens[3].kind, TokenKind::kCompound);
  EXPECT_EQ(tokens[4].exact, "kh");
  EXPECT_EQ(tokens[5].exact, "cn");
  EXPECT_EQ(tokens[3].position, tokens[4].position);
  EXPECT_EQ(tokens[5].position, tokens[4].position + 1);
}

TEST(AnalyzerTest, CodesStayWhole) {
  EXPECT_EQ(ExactTerms("05-CT/TW")[0], "05-ct/tw");
  EXPECT_EQ(ExactTerms("2022-2025")[0], "2022-2025");
  EXPECT_EQ(ExactTerms("2022–2025")[0], "2022-2025");  // en dash is a dash
  EXPECT_EQ(ExactTerms("26/1/2024")[0], "26/1/2024");
  EXPECT_EQ(ExactTerms("ISO 9001:2015")[1], "9001:2015");
  EXPECT_EQ(ExactTerms("KH,CN&ĐMST")[0], "kh,cn&đmst");
  EXPECT_EQ(ExactTerms("KHCN&MT")[0], "khcn&mt");
  EXPECT_EQ(FoldedTerms("KH,CN&ĐMST")[0], "kh,cn&dmst");
}

TEST(AnalyzerTest, SpacedPunctuationSeparatesWords) {
  EXPECT_EQ(ExactTerms("2022 – 2025"), (std::vector<std::string>{"2022", "2025"}));
  EXPECT_EQ(ExactTerms("Hà Nội,Việt Nam").size(), 4u);  // lowercase: not a code
  EXPECT_EQ(ExactTerms("luật/lập").size(), 2u);
  EXPECT_EQ(ExactTerms("năm 2023.Đảng").size(), 3u);
}

TEST(AnalyzerTest, OffsetsPointIntoTheOriginalText) {
  std::string text = "Đồng chí Trần Bình Trọng, Bí thư";
  std::vector<Token> tokens;
  Analyze(text, &tokens);
  ASSERT_GE(tokens.size(), 5u);
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "Trần");
  EXPECT_EQ(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin), "Trọng");
}

TEST(AnalyzerTest, DiacriticDetection) {
  EXPECT_TRUE(HasDiacritics("khoa học"));
  EXPECT_FALSE(HasDiacritics("Dang dan"));  // a capital D is not Đ
  EXPECT_FALSE(HasDiacritics("khoa hoc cong nghe"));
  EXPECT_TRUE(HasDiacritics("đi"));
}

TEST(AnalyzerTest, SurvivesHostileInput) {
  std::string invalid = "ab\xC3\x28 c\xFF\xFE d\xE2\x82";  // broken UTF-8
  std::vector<Token> tokens;
  Analyze(invalid, &tokens);
  EXPECT_FALSE(tokens.empty());
  std::string control = std::string("a\0b\x01\x07 c", 8);
  tokens.clear();
  Analyze(control, &tokens);
  EXPECT_EQ(tokens.size(), 3u);
  std::string huge(1 << 20, 'a');  // one 1 MB word: skipped, not indexed
  tokens.clear();
  Analyze(huge, &tokens);
  EXPECT_TRUE(tokens.empty());
  std::string long_line;
  for (int i = 0; i < 100000; ++i) long_line += "Trường ";
  tokens.clear();
  Analyze(long_line, &tokens);
  EXPECT_EQ(tokens.size(), 100000u);
  tokens.clear();
  Analyze("中文 русский ไทย Việt", &tokens);
  EXPECT_EQ(tokens.back().folded, "viet");
}

// The spelling cache keys a word by its bytes up to the next ASCII space or punctuation, which
// may hold more than the word; a word read from the cache must read as it does the first time.
TEST(AnalyzerTest, CachedWordsReadAsTheFirstTime) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Nội”x Nội”x", "“Nội”x”, Nội”x"},       // a key that runs past the word's end
      {"ab\xC4 ab\xC4", "ab\xC4 ab\xC4 ab"},   // a broken character inside the key
      {"Nội nữa", "Hà Nội"},                   // a word that ends the text
      {"KH CN TP HCM", "KH&CN TP.HCM kh&cn"},  // first alone, then in a code
      {"KH&CN TP.HCM", "KH CN, TP. HCM"},      // first in a code, then alone
      {"COVID 19 2 000", "COVID-19 2.000 2,5"},
      {"nghiêng nghiêngg", "nghiêngg nghiêng nghiêngggggggggggggggggg"},  // 8, 7 and 24 bytes
      {"Trường", "Trường, Trường. Trường.x Trường,x Trường-"},
  };
  for (const auto& [primer, text] : cases) {
    ExpectSameTokens(TokensAfter("", text), TokensAfter(primer, text), text);
    ExpectSameTokens(TokensAfter("", text), TokensAfter(text, text), text);
  }
}

}  // namespace
}  // namespace vnsearch
