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

// How many times `text` holds the expansion of the group of `abbreviation` (CountExpansions).
uint32_t ExpansionsOf(const std::string& abbreviation, const std::string& text) {
  std::vector<Token> tokens;
  Analyze(text, &tokens);
  for (const auto& [group, occurrences] : CountExpansions(tokens)) {
    for (const std::string& written : group->abbreviations) {
      if (written == abbreviation) return occurrences;
    }
  }
  return 0;
}

TEST(ExpansionCountTest, CountsTheExpansionWhereAPhraseOfItsWordsStands) {
  // "và" (or any one word: the phrase's window) may stand in the one gap the table allows.
  EXPECT_EQ(ExpansionsOf("KH&CN", "Bộ Khoa học và Công nghệ"), 1u);
  EXPECT_EQ(ExpansionsOf("KH&CN", "ngành khoa hoc cong nghe"), 1u);
  EXPECT_EQ(ExpansionsOf("KH&CN", "Khoa học - Công nghệ, rồi khoa học và công nghệ"), 2u);
  EXPECT_EQ(ExpansionsOf("KH&CN", "khoa học trẻ công nghệ"), 1u);
  // Two gaps, the wrong order, a word missing: no.
  EXPECT_EQ(ExpansionsOf("KH&CN", "khoa học, kỹ thuật và công nghệ"), 0u);
  EXPECT_EQ(ExpansionsOf("KH&CN", "công nghệ khoa học"), 0u);
  EXPECT_EQ(ExpansionsOf("KH&CN", "khoa học và công"), 0u);
  // No gap where the table has no "và"; accents and tone placement do not matter.
  EXPECT_EQ(ExpansionsOf("UBND", "Uỷ ban nhân dân tỉnh"), 1u);
  EXPECT_EQ(ExpansionsOf("UBND", "Ủy ban và nhân dân"), 0u);
  // A longer expansion holds a shorter one: both are counted.
  EXPECT_EQ(ExpansionsOf("KHCN&MT", "Sở Khoa học, Công nghệ và Môi trường"), 1u);
  EXPECT_EQ(ExpansionsOf("KH&CN", "Sở Khoa học, Công nghệ và Môi trường"), 1u);
}

TEST(ExpansionCountTest, EveryExpansionOfTheTableIsFoundInItsOwnText) {
  for (const TableLine& line : TableLines()) {
    if (FoldedTerms(line.expansion).size() < 2) continue;
    EXPECT_EQ(ExpansionsOf(line.abbreviation, line.expansion), 1u) << line.expansion;
    EXPECT_EQ(ExpansionsOf(line.abbreviation, line.abbreviation), 0u) << line.abbreviation;
  }
}

TEST(ExpansionCountTest, AnIndexWithExpansionTermsIsAskedForTheTermNotThePhrase) {
  RankingOptions options;
  options.pair_terms = true;
  options.expansion_terms = true;
  for (const char* query : {"KH&CN", "khoa học và công nghệ", "khoa hoc cong nghe"}) {
    BuiltQuery built = BuildQuery(ParseQuery(query).root, options);
    for (const Xapian::Query* form : {&built.query, &built.query_matches}) {
      std::string described = form->get_description();
      EXPECT_NE(described.find("XEkhoa hoc cong nghe"), std::string::npos) << described;
      EXPECT_EQ(described.find("PHRASE"), std::string::npos) << described;
    }
  }
  // The title has no expansion terms: a title query keeps the phrase.
  std::string title = BuildQuery(ParseQuery("title:KH&CN").root, options).query.get_description();
  EXPECT_NE(title.find("PHRASE"), std::string::npos) << title;
  EXPECT_EQ(title.find("XEkhoa"), std::string::npos) << title;
}

}  // namespace
}  // namespace vnsearch
