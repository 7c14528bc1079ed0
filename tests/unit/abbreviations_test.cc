// One test per line of indexer/analysis/abbreviations.tsv: the abbreviation stays one token, its
// expansion has words, and the query builder turns each form into a query for all the others.

#include "analysis/abbreviations.h"

#include <gtest/gtest.h>

#include "analysis/analyzer.h"
#include "searchd/query_builder.h"
#include "searchd/query_parser.h"

namespace vnsearch {
namespace {

struct TableLine {
  std::string abbreviation;
  std::string expansion;
};

void PrintTo(const TableLine& line, std::ostream* out) {
  *out << line.abbreviation << " = " << line.expansion;
}

std::vector<TableLine> TableLines() {
  std::vector<TableLine> lines;
  for (const AbbreviationGroup& group : AbbreviationGroups()) {
    for (const std::string& abbreviation : group.abbreviations) {
      lines.push_back({abbreviation, group.expansion});
    }
  }
  return lines;
}

class AbbreviationLineTest : public ::testing::TestWithParam<TableLine> {};

std::string Describe(const std::string& query) {
  return BuildQuery(ParseQuery(query).root).query.get_description();
}

TEST_P(AbbreviationLineTest, AbbreviationIsOneTokenAndExpandsBothWays) {
  const TableLine& line = GetParam();
  std::vector<Token> tokens;
  Analyze(line.abbreviation, &tokens);
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.front().end - tokens.front().begin, line.abbreviation.size())
      << line.abbreviation << " was split";
  std::string abbreviation_term = tokens.front().exact;
  std::string folded_term = tokens.front().folded;

  // The abbreviation asks for its expansion, as a phrase when it has several words (matched
  // where positions are, in the folded space)…
  std::vector<std::string> expansion = FoldedTerms(line.expansion);
  std::string from_abbreviation = Describe(line.abbreviation);
  if (expansion.size() > 1) {
    EXPECT_NE(from_abbreviation.find("PHRASE"), std::string::npos) << from_abbreviation;
  }
  EXPECT_NE(from_abbreviation.find("XF" + expansion.back()), std::string::npos)
      << from_abbreviation;
  // …and the expansion, typed as words, asks for the abbreviation (accented and folded).
  std::string from_expansion = Describe(line.expansion);
  EXPECT_NE(from_expansion.find(abbreviation_term), std::string::npos) << from_expansion;
  std::string folded_expansion;
  for (const std::string& word : FoldedTerms(line.expansion)) folded_expansion += word + " ";
  std::string from_folded = Describe(folded_expansion);
  EXPECT_NE(from_folded.find("XF" + folded_term), std::string::npos) << from_folded;
}

INSTANTIATE_TEST_SUITE_P(Table, AbbreviationLineTest, ::testing::ValuesIn(TableLines()),
                         [](const ::testing::TestParamInfo<TableLine>& param_info) {
                           return "line" + std::to_string(param_info.index);
                         });

TEST(AbbreviationTableTest, HasTheAbbreviationsReadersUse) {
  std::vector<std::string> wanted = {"KH&CN", "TN&MT",   "HTX",       "KHCN", "UBND",
                                     "BVMT",  "CNTT",    "ĐMST",      "KTTT", "PTNT",
                                     "TW",    "KHCN&MT", "KH,CN&ĐMST"};
  for (const std::string& abbreviation : wanted) {
    bool found = false;
    for (const TableLine& line : TableLines()) found |= line.abbreviation == abbreviation;
    EXPECT_TRUE(found) << abbreviation;
  }
}

}  // namespace
}  // namespace vnsearch
