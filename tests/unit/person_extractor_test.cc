// Unit tests for reading persons out of article text: the cues, places and named things
// around a capitalised name, and what the byline says. The sentences are written for the tests.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/article_parser.h"

namespace vnsearch {
namespace {

std::vector<std::string> PersonsIn(const std::string& body) {
  Article article = ParseArticle("a", "Tin trong ngày\n\n" + body + "\n");
  std::vector<std::string> names;
  for (const Person& person : article.persons) names.push_back(person.name);
  return names;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PersonExtractorTest, NameAfterARoleEndingInAUnitKindNamesTheUnit) {
  EXPECT_THAT(PersonsIn("Bà Trần Thị Lan, Hiệu trưởng Trường Phan Bội Châu, phát biểu."),
              ElementsAre("Trần Thị Lan"));
  EXPECT_THAT(PersonsIn("Ông Lê Văn Hải, Chủ tịch huyện Tiên Yên, cho biết như vậy."),
              ElementsAre("Lê Văn Hải"));
  // A full name after a place word is still a person: "… tỉnh Nguyễn Đình Sáng".
  EXPECT_THAT(PersonsIn("Phó Chủ tịch Liên minh HTX tỉnh Nguyễn Đình Sáng dự họp."),
              ElementsAre("Nguyễn Đình Sáng"));
  // The place runs into the name: the name is the last words.
  EXPECT_THAT(PersonsIn("Chủ tịch xã Tà Xùa Hồ Văn Minh trao quà."), ElementsAre("Hồ Văn Minh"));
}

TEST(PersonExtractorTest, ForeignNameAfterADescribedCue) {
  EXPECT_THAT(PersonsIn("Theo chuyên gia dinh dưỡng Marta Kowalski, nên ăn chậm."),
              ElementsAre("Marta Kowalski"));
  EXPECT_THAT(PersonsIn("Hôm qua, bác sĩ người Pháp Lucien Moreau đã đến thăm."),
              ElementsAre("Lucien Moreau"));
  // One cue word could end another word ("công bố"): a journal is not a person.
  EXPECT_THAT(PersonsIn("Nghiên cứu được công bố trên Nature Climate."), IsEmpty());
}

TEST(PersonExtractorTest, FirmsAndWorldBodiesAreNotPersons) {
  EXPECT_THAT(PersonsIn("Ông Hà Minh Tuấn, giám đốc điều hành Saigon Capital Group, cho biết."),
              ElementsAre("Hà Minh Tuấn"));
  EXPECT_THAT(PersonsIn("Đại hội đồng Liên Hợp Quốc họp tại New York."), IsEmpty());
  EXPECT_THAT(PersonsIn("Tai nạn xảy ra ở ngã tư Lý Thái Tổ và Trần Hưng Đạo."), IsEmpty());
}

TEST(PersonExtractorTest, InitialsMarkedByACueOrAnAge) {
  EXPECT_THAT(PersonsIn("Bị cáo L.V.K (SN 1990) khai nhận hành vi."), ElementsAre("L.V.K"));
  // An initial alone names nobody.
  EXPECT_THAT(PersonsIn("Anh T. cho biết anh không biết gì."), IsEmpty());
}

TEST(PersonExtractorTest, MatchReportsAndQuotations) {
  EXPECT_THAT(PersonsIn("Phút 30, Quang Vinh (số 9) mở tỷ số cho đội khách."),
              ElementsAre("Quang Vinh"));
  EXPECT_THAT(PersonsIn("Trận này, Becamex Bình Dương ghi bàn phút cuối."), IsEmpty());
  EXPECT_THAT(PersonsIn("“Chúng tôi sẽ làm lại”, Thuận nói với báo chí."), ElementsAre("Thuận"));
  EXPECT_THAT(PersonsIn("“Mạng đã ổn định”, VinaPhone cho biết."), IsEmpty());
  EXPECT_THAT(PersonsIn("Ông Diego Alvarez, một kỹ sư phần mềm, cũng đồng ý."),
              ElementsAre("Diego Alvarez"));
}

TEST(PersonExtractorTest, TeamSheetsAndCasts) {
  EXPECT_THAT(
      PersonsIn("Đội hình xuất phát: Tấn Trường, Duy Mạnh, Hồng Duy, Quang Hải và Tuấn Anh."),
      ElementsAre("Tấn Trường", "Duy Mạnh", "Hồng Duy", "Quang Hải", "Tuấn Anh"));
  // A list of places is not a team.
  EXPECT_THAT(PersonsIn("Mưa lớn ở Hà Giang, Lào Cai, Yên Bái và Tuyên Quang."), IsEmpty());
  EXPECT_THAT(PersonsIn("Trong phim, Hải (Lê Văn Bình) gặp lại người yêu cũ."),
              ElementsAre("Hải", "Lê Văn Bình"));
}

TEST(PersonExtractorTest, ListsWithTwoKnownPersons) {
  // Two names in the list are persons'; the single names beside them are too.
  EXPECT_THAT(PersonsIn("Hàng tiền vệ có Michael Carrick, David Beckham, Scholes, Giggs và Butt."),
              ElementsAre("Michael Carrick", "David Beckham", "Scholes", "Giggs", "Butt"));
  // A list of brands: the ones named after a person keep their shape, the others are brands.
  EXPECT_THAT(PersonsIn("Tập đoàn có các thương hiệu như Garnier, Ralph Lauren, Giorgio Armani, "
                        "Kiehl, Lancome."),
              ElementsAre("Ralph Lauren", "Giorgio Armani"));
}

TEST(PersonExtractorTest, ForeignNamesByTheirFamilyName) {
  // Western order: the family name last, from the table or by its ending.
  EXPECT_THAT(PersonsIn("Trận đấu có sự góp mặt của Colin Smith từ đầu."),
              ElementsAre("Colin Smith"));
  EXPECT_THAT(PersonsIn("Ở trận chung kết, Marek Zielinski thắng dễ."),
              ElementsAre("Marek Zielinski"));
  EXPECT_THAT(PersonsIn("Đội khách có Ivan Petrenko và Oleg Kuznetsov."),
              ElementsAre("Ivan Petrenko", "Oleg Kuznetsov"));
  // East Asian order: the family name first, before words that are not Vietnamese.
  EXPECT_THAT(PersonsIn("Buổi tập do Park Jin-woo điều hành."), ElementsAre("Park Jin-woo"));
  EXPECT_THAT(PersonsIn("Tay vợt Trung Quốc thua Zhang Xiaoming ở bán kết."),
              ElementsAre("Zhang Xiaoming"));
  // One word with a family name's ending is a person too; a short one may be a place.
  EXPECT_THAT(PersonsIn("Tối qua, Kovalenko bỏ lỡ cơ hội."), ElementsAre("Kovalenko"));
  EXPECT_THAT(PersonsIn("Đoàn khách đến Kiev hôm qua."), IsEmpty());
  // A firm's word or an inner capital is no family name.
  EXPECT_THAT(PersonsIn("Hãng Galaxy Rodriguez Group mở cửa hàng mới."), IsEmpty());
}

TEST(PersonExtractorTest, LeaguesCupsAndClubsAreNotPersons) {
  EXPECT_THAT(PersonsIn("Đội bóng vô địch Champions League, La Liga và World Cup, thắng Man City."),
              IsEmpty());
}

TEST(PersonExtractorTest, ASiteAfterANameIsNotPartOfIt) {
  EXPECT_THAT(PersonsIn("Chùm ảnh: Trần Minh Châu Baodatviet.vn"), ElementsAre("Trần Minh Châu"));
}

TEST(PersonExtractorTest, APlaceKnownByNameMakesOnlyTheNameBeforeItAPlace) {
  // A province after its district: the district is a place.
  EXPECT_THAT(PersonsIn("Em trú tại xã Mỹ Lộc (Thái Thụy, Thái Bình) đã mất tích."), IsEmpty());
  // A place in a list of persons does not make the names after it places.
  EXPECT_THAT(PersonsIn("Các bị cáo gồm Lê Văn Nam (giám đốc chi nhánh Thái Bình, Trần Thị Thu "
                        "Hà (giám đốc chi nhánh Hải Dương)."),
              ElementsAre("Lê Văn Nam", "Trần Thị Thu Hà"));
}

TEST(PersonExtractorTest, ParticlesInsideAForeignName) {
  EXPECT_THAT(PersonsIn("Trong vườn, Jacob van den Borne, một nông dân Hà Lan, lái máy cày."),
              ElementsAre("Jacob van den Borne"));
}

TEST(PersonExtractorTest, ForeignGivenNamesOpenANameButNotAPlace) {
  EXPECT_THAT(PersonsIn("Trước đó, Javier Mendoza có một cú sút trúng cột dọc."),
              ElementsAre("Javier Mendoza"));
  EXPECT_THAT(PersonsIn("Bộ sưu tập ra mắt tại Milan Fashion Week."), IsEmpty());
}

TEST(PersonExtractorTest, WriterOfABylineWithItsSourceAndTime) {
  Article article =
      ParseArticle("a",
                   "Tin thể thao\n\nĐội bóng thắng trận thứ ba.\n\nTuệ Lâm - Báo Thể thao | 18:45 "
                   "22/09/2017\n\nTin liên quan\n");
  std::vector<std::string> names;
  for (const Person& person : article.persons) names.push_back(person.name);
  EXPECT_THAT(names, ElementsAre("Tuệ Lâm"));
}

TEST(PersonExtractorTest, WriterAboveTheSourceLine) {
  Article article =
      ParseArticle("a", "Tin thế giới\n\nNội dung bài viết.\n\nMinh Châu\n\nTheo Reuters\n");
  EXPECT_EQ(article.author, "Minh Châu (Theo Reuters)");
  ASSERT_EQ(article.persons.size(), 1u);
  EXPECT_EQ(article.persons[0].name, "Minh Châu");
  Article titled = ParseArticle("a", "Tin thế giới\n\nNội dung bài viết.\n\nCTV Thanh Hà/VOV\n");
  ASSERT_EQ(titled.persons.size(), 1u);
  EXPECT_EQ(titled.persons[0].name, "Thanh Hà");
}

TEST(PersonExtractorTest, NamesListedAfterALineupWordArePlayers) {
  EXPECT_THAT(PersonsIn("Trận này, hàng thủ gồm Kowalczyk, Brennan, Moretti."),
              ElementsAre("Kowalczyk", "Brennan", "Moretti"));
  EXPECT_THAT(PersonsIn("Đội khách vào sân, tuyến giữa là Odell, Varga và Lindqvist."),
              ElementsAre("Odell", "Varga", "Lindqvist"));
  EXPECT_THAT(PersonsIn("Hàng công dự bị rất mạnh với Odell, Varga và Lindqvist."),
              ElementsAre("Odell", "Varga", "Lindqvist"));
  // Without a line-up word, single unknown words in a list stay unread.
  EXPECT_THAT(PersonsIn("Họ đã đến thăm Odell, Varga và Lindqvist."), IsEmpty());
  // A place in the list makes it a list of places.
  EXPECT_THAT(PersonsIn("Đội hình xuất phát có Hà Nội, Odell, Varga."), IsEmpty());
}

TEST(PersonExtractorTest, ScorersBeforeTheMinuteOfTheirGoals) {
  EXPECT_THAT(PersonsIn("Ghi bàn: Kowalczyk 13', Minh Tâm 24' 61', Brennan 88'. Hết trận."),
              ElementsAre("Kowalczyk", "Minh Tâm", "Brennan"));
  // A number without the minute's mark says nothing.
  EXPECT_THAT(PersonsIn("Giá vàng ở Kowalczyk 13 triệu đồng."), IsEmpty());
}

TEST(PersonExtractorTest, VerbOfSayingAfterAnAdverbOfTime) {
  EXPECT_THAT(PersonsIn("Sau trận, Minh Tâm đã cho biết anh rất vui."), ElementsAre("Minh Tâm"));
  EXPECT_THAT(PersonsIn("Ở phút 12, Quốc Bảo cũng đánh đầu ra ngoài."), ElementsAre("Quốc Bảo"));
  // "Phía" opening a sentence is a side, not a name.
  EXPECT_THAT(PersonsIn("Phía Pháp đã cho biết sẽ trả lời sau."), IsEmpty());
}

TEST(PersonExtractorTest, ChauOpensAFullNameButNotAContinent) {
  EXPECT_THAT(PersonsIn("Hai kỳ thủ Châu Minh Khoa và Lò Thị Hạnh đã vào chung kết."),
              ElementsAre("Châu Minh Khoa", "Lò Thị Hạnh"));
  EXPECT_THAT(PersonsIn("Đội tuyển gồm Châu Ngọc Lan - Trịnh Thị Hoa giành HCV."),
              ElementsAre("Châu Ngọc Lan", "Trịnh Thị Hoa"));
  EXPECT_THAT(PersonsIn("Châu Á và Châu Phi có nhiều di sản."), IsEmpty());
}

TEST(PersonExtractorTest, ATeamNamedWithItsCountryIsNotAPerson) {
  EXPECT_THAT(PersonsIn("Đội tuyển nữ Karate Việt Nam đã về nước hôm qua."), IsEmpty());
  EXPECT_THAT(PersonsIn("Cầu thủ Lò Văn Tâm của Becamex Bình Dương cho biết anh ổn."),
              ElementsAre("Lò Văn Tâm"));
  // A family name first: a person whose given names are also a province's.
  EXPECT_THAT(PersonsIn("Ông Trần Thái Bình cho biết như vậy."), ElementsAre("Trần Thái Bình"));
}

TEST(PersonExtractorTest, PlayerAfterTheMinuteOfAPlay) {
  EXPECT_THAT(PersonsIn("Phút 27, Minh Tâm đưa đội nhà vươn lên dẫn 2-1."),
              ElementsAre("Minh Tâm"));
  // A team named with its province stays a team.
  EXPECT_THAT(PersonsIn("Phút 27, Becamex Bình Dương gỡ hòa 1-1."), IsEmpty());
}

}  // namespace
}  // namespace vnsearch
