// Unit tests for word_sequence: the bounded word count agrees with SplitWords on lines built to
// be hard (codes, punctuation, numbers, no-break spaces) and on every line of the corpus.

#include "article/word_sequence.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace vnsearch {
namespace {

void ExpectSameAsSplitWords(const std::string& line) {
  const size_t words = SplitWords(line).size();
  for (size_t limit = 0; limit <= words + 2; ++limit) {
    EXPECT_EQ(HasMoreWordsThan(line, limit), words > limit)
        << "line \"" << line << "\" (" << words << " words), limit " << limit;
  }
}

TEST(WordSequenceTest, BoundedWordCountAgreesOnHardLines) {
  std::vector<std::string> lines = {"",
                                    "   ",
                                    "-",
                                    "— … —",
                                    "a",
                                    "Bộ KH&CN",
                                    "KH & CN",
                                    "nhiệm kỳ 2020 - 2025",
                                    "nhiệm kỳ 2020-2025",
                                    "(TN&MT) - Hôm nay",
                                    "1.000.000 đồng",
                                    "3,5%",
                                    "U.23",
                                    "TP. HCM",
                                    "Tp.HCM",
                                    "http://vnexpress.net/a-b.html",
                                    "a-b c_d e'f",
                                    "\"x\" 'y' «z»",
                                    "Đ/c Nguyễn Văn A",
                                    "Bài, ảnh: Đăng Minh",
                                    "Theo\tRT,\tSputnik",
                                    "đồng chí\u00a0Nguyễn\u00a0Văn\u00a0B",
                                    "ＵＢＮＤ tỉnh",
                                    "x2 y3 4z",
                                    "#1 @2 $3 %4",
                                    "Bình luận (0)",
                                    "Tin liên quan:"};
  // Words too long to index are no words: ten of them are not ten words.
  std::string long_words;
  for (int i = 0; i < 10; ++i) long_words += std::string(130, 'a') + " ";
  lines.push_back(long_words);
  std::string long_and_short;
  for (int i = 0; i < 10; ++i) long_and_short += std::string(40 + 10 * i, 'b') + " x ";
  lines.push_back(long_and_short);
  for (const std::string& line : lines) ExpectSameAsSplitWords(line);
}

TEST(WordSequenceTest, BoundedWordCountAgreesOnTheCorpus) {
  size_t lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(VNSEARCH_CORPUS)) {
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      ExpectSameAsSplitWords(line);
      ++lines;
    }
  }
  EXPECT_GT(lines, 50u);
}

}  // namespace
}  // namespace vnsearch
