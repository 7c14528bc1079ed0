// Golden tests of the analyzer: a digest of every token (terms, offsets, positions, kind) over the
// tests' own articles and a generated sample of hostile input, fixed when the analyzer was last
// changed on purpose. A change of speed must leave these digests as they are; a change of meaning
// updates them in the same commit, with the reason.
// Adding or changing a test article under corpus/ or tests/data/ changes the article digests:
// recompute them with the code of the last commit (they must agree with the new code's) and
// update them with the article.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "golden_digest.h"

namespace vnsearch {
namespace {

void AddTokens(const std::vector<Token>& tokens, uint32_t next_position, golden::Digest* digest) {
  digest->AddNumber(tokens.size());
  for (const Token& token : tokens) {
    digest->Add(token.exact);
    digest->Add(token.folded);
    digest->AddNumber(token.begin);
    digest->AddNumber(token.end);
    digest->AddNumber(token.position);
    digest->AddNumber(static_cast<uint64_t>(token.kind));
    digest->AddNumber(token.has_diacritics);
  }
  digest->AddNumber(next_position);
}

// Every article whole, then cut into 997-byte pieces (mid-character too), each numbered on from
// the last.
std::string TokenDigest(const std::vector<std::string>& texts) {
  golden::Digest digest;
  std::vector<Token> tokens;
  for (const std::string& text : texts) {
    tokens.clear();
    AddTokens(tokens, Analyze(text, &tokens, 1), &digest);
    uint32_t position = 0;
    for (size_t at = 0; at < text.size(); at += 997) {
      tokens.clear();
      position = Analyze(std::string_view(text).substr(at, 997), &tokens, position + 100);
      AddTokens(tokens, position, &digest);
    }
  }
  return digest.Hex();
}

// SpellPrefix of every prefix (by byte) of the first words of each text, and HasDiacritics of
// each line.
std::string PrefixDigest(const std::vector<std::string>& texts) {
  golden::Digest digest;
  std::string exact;
  std::string folded;
  for (const std::string& text : texts) {
    std::vector<Token> tokens;
    Analyze(text, &tokens);
    for (size_t i = 0; i < tokens.size() && i < 2000; ++i) {
      size_t from = tokens[i].begin >= 3 ? tokens[i].begin - 3 : 0;  // with what comes before
      for (size_t end = tokens[i].begin + 1; end <= tokens[i].end; ++end) {
        SpellPrefix(std::string_view(text).substr(from, end - from), &exact, &folded);
        digest.Add(exact);
        digest.Add(folded);
      }
    }
    for (size_t line = 0; line < text.size();) {
      size_t end = text.find('\n', line);
      if (end == std::string::npos) end = text.size();
      digest.AddNumber(HasDiacritics(std::string_view(text).substr(line, end - line)));
      line = end + 1;
    }
  }
  return digest.Hex();
}

std::vector<std::string> ArticleTexts() {
  std::vector<std::string> texts;
  for (auto& [path, text] : golden::TestArticles()) texts.push_back(std::move(text));
  return texts;
}

TEST(AnalysisGoldenTest, TestArticlesGiveTheSameTokens) {
  std::vector<std::string> texts = ArticleTexts();
  ASSERT_GE(texts.size(), 20u);
  EXPECT_EQ(TokenDigest(texts), "be1806406ed834b9");
  EXPECT_EQ(PrefixDigest(texts), "3d44266a6e998bd3");
}

TEST(AnalysisGoldenTest, GeneratedSampleGivesTheSameTokens) {
  std::vector<std::string> texts = {golden::GeneratedSample(1 << 20)};
  EXPECT_EQ(TokenDigest(texts), "c53a1538b41fca6f");
  EXPECT_EQ(PrefixDigest(texts), "f2bc3454de792801");
}

}  // namespace
}  // namespace vnsearch
