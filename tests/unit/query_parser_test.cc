// Unit tests for the query grammar and its error messages.

#include "searchd/query_parser.h"

#include <gtest/gtest.h>

namespace vnsearch {
namespace {

using Kind = QueryNode::Kind;

TEST(QueryParserTest, WordsSideBySideAreAnd) {
  ParsedQuery parsed = ParseQuery("khoa học");
  ASSERT_TRUE(parsed.ok) << parsed.error;
  EXPECT_EQ(parsed.root.kind, Kind::kAnd);
  ASSERT_EQ(parsed.root.children.size(), 2u);
  EXPECT_EQ(parsed.root.children[0].text, "khoa");
}

TEST(QueryParserTest, OperatorsPhrasesFieldsPrefixes) {
  ParsedQuery parsed = ParseQuery("\"khoa học\" OR title:(công nghệ) -Hà cong*");
  ASSERT_TRUE(parsed.ok) << parsed.error;
  EXPECT_EQ(parsed.root.kind, Kind::kOr);
  EXPECT_EQ(parsed.root.children[0].kind, Kind::kPhrase);
  const QueryNode& right = parsed.root.children[1];
  ASSERT_EQ(right.kind, Kind::kAndNot);
  EXPECT_EQ(right.children[1].text, "Hà");
  EXPECT_TRUE(right.children[0].children[1].prefix);
  EXPECT_EQ(right.children[0].children[1].text, "cong");
}

TEST(QueryParserTest, FieldWithPhrase) {
  ParsedQuery parsed = ParseQuery("person:\"Trần Bình Trọng\"");
  ASSERT_TRUE(parsed.ok) << parsed.error;
  EXPECT_EQ(parsed.root.kind, Kind::kPhrase);
  EXPECT_EQ(parsed.root.field, "person");
  EXPECT_EQ(parsed.root.text, "Trần Bình Trọng");
}

TEST(QueryParserTest, LowercaseOperatorsAndCodesAreWords) {
  ParsedQuery parsed = ParseQuery("and or not ISO 9001:2015");
  ASSERT_TRUE(parsed.ok) << parsed.error;
  EXPECT_EQ(parsed.root.children.size(), 5u);
  EXPECT_EQ(parsed.root.children[4].text, "9001:2015");
}

TEST(QueryParserTest, OnlyExclusionsMeansAllButThem) {
  ParsedQuery parsed = ParseQuery("-covid NOT hà");
  ASSERT_TRUE(parsed.ok) << parsed.error;
  EXPECT_EQ(parsed.root.kind, Kind::kAndNot);
  EXPECT_EQ(parsed.root.children[0].kind, Kind::kMatchAll);
}

TEST(QueryParserTest, EmptyQueryMatchesAll) {
  EXPECT_EQ(ParseQuery("   ").root.kind, Kind::kMatchAll);
}

TEST(QueryParserTest, MalformedQueriesSayWhatToFix) {
  for (const char* query : {"AND AND", "khoa AND", "OR khoa", "\"khoa học", "(khoa", "khoa)", "()",
                            "foo:bar", "NOT", "khoa NOT"}) {
    ParsedQuery parsed = ParseQuery(query);
    EXPECT_FALSE(parsed.ok) << query;
    EXPECT_FALSE(parsed.error.empty()) << query;
  }
  EXPECT_NE(ParseQuery("foo:bar").error.find("foo"), std::string::npos);
}

}  // namespace
}  // namespace vnsearch
