// Unit tests for reading organisation units out of article text: where a unit's name ends.
// The sentences are written for the tests.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/article_parser.h"

namespace vnsearch {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> UnitsIn(const std::string& body) {
  Article article = ParseArticle("a", "Tin trong ngày\n\n" + body + "\n");
  std::vector<std::string> names;
  for (const Unit& unit : article.units) names.push_back(unit.name);
  return names;
}

TEST(UnitExtractorTest, PlaceWordsOfTwoSyllablesStayInTheName) {
  EXPECT_THAT(UnitsIn("Hôm qua, UBND thành phố Hạ Long đã họp."),
              ElementsAre("Uỷ ban nhân dân thành phố Hạ Long"));
  EXPECT_THAT(UnitsIn("Công an thị xã Cai Lậy vào cuộc."), ElementsAre("Công an thị xã Cai Lậy"));
  // The verb after the name is not part of it, whatever it starts with.
  EXPECT_THAT(UnitsIn("Bệnh viện Chợ Rẫy thành lập khoa mới."), ElementsAre("Bệnh viện Chợ Rẫy"));
}

TEST(UnitExtractorTest, WorldBodiesAreUnitsByTheirNameAlone) {
  EXPECT_THAT(UnitsIn("Phái đoàn đã đến Liên Hợp Quốc hôm qua."), ElementsAre("Liên Hợp Quốc"));
}

}  // namespace
}  // namespace vnsearch
