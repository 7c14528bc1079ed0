// API tests of the directory (issue #15): /api/roles, /api/persons/{name} and /api/units/{name}
// against a real vnsearchd over corpus/ and tests/data/directory_corpus/ — articles written for
// these tests: one person re-elected in one unit across two congresses, and a namesake of theirs
// in an unrelated school.

#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

class DirectoryApiTest : public SharedServerTest<DirectoryApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS, VNSEARCH_TEST_DATA "/directory_corpus"});
  }

 protected:
  static httplib::Result Get(const std::string& path) {
    return ApiClient(server_->port()).Get(path);
  }

  static json GetJson(const std::string& path, int status = 200) {
    httplib::Result result = Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return json();
    EXPECT_EQ(result->status, status) << path << " " << result->body;
    return json::parse(result->body);
  }

  // Percent-encodes every byte but the unreserved ones: fit for a path segment or a parameter.
  static std::string Encoded(const std::string& text) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        encoded += static_cast<char>(c);
      } else {
        encoded += '%';
        encoded += kHex[c >> 4];
        encoded += kHex[c & 15];
      }
    }
    return encoded;
  }
};

TEST_F(DirectoryApiTest, RolesFilterByPersonRoleAndTermInAnySpelling) {
  json all = GetJson("/api/roles?person=" + Encoded("nguyen van binh"));
  // Vụ trưởng twice, Bí thư Chi bộ for two terms, and the namesake's two roles.
  EXPECT_EQ(all["total"], 6) << all;
  json secretary = GetJson("/api/roles?person=" + Encoded("Nguyễn Văn Bình") +
                           "&role=" + Encoded("bi thu") + "&term=" + Encoded("2025 – 2030"));
  ASSERT_EQ(secretary["total"], 1) << secretary;
  const json& fact = secretary["facts"][0];
  EXPECT_EQ(fact["person"], "Nguyễn Văn Bình");
  EXPECT_EQ(fact["role"], "Bí thư");
  EXPECT_EQ(fact["unit"], "Chi bộ Vụ Kế hoạch - Tài chính");
  EXPECT_EQ(fact["term"], "2025-2030");
  EXPECT_EQ(fact["elected"], true);
  EXPECT_EQ(fact["article"]["id"], "d2_chi_bo_vu_khtc_2025");
  EXPECT_EQ(fact["article"]["date"], "2025-05-20");
}

TEST_F(DirectoryApiTest, RolesOfAUnitAreNewestTermFirst) {
  json roles = GetJson("/api/roles?unit=" + Encoded("Chi bo Vu Ke hoach Tai chinh"));
  ASSERT_EQ(roles["total"], 4) << roles;
  std::vector<std::string> terms;
  for (const json& fact : roles["facts"]) terms.push_back(fact["term"]);
  EXPECT_EQ(terms, (std::vector<std::string>{"2025-2030", "2025-2030", "2020-2025", "2020-2025"}));
}

TEST_F(DirectoryApiTest, RolesPageThroughTheSameFacts) {
  json whole = GetJson("/api/roles?unit=" + Encoded("Chi bộ Vụ Kế hoạch - Tài chính") + "&size=4");
  json first = GetJson("/api/roles?unit=" + Encoded("Chi bộ Vụ Kế hoạch - Tài chính") + "&size=3");
  json second =
      GetJson("/api/roles?unit=" + Encoded("Chi bộ Vụ Kế hoạch - Tài chính") + "&size=3&page=2");
  EXPECT_EQ(first["facts"].size(), 3u);
  ASSERT_EQ(second["facts"].size(), 1u);
  EXPECT_EQ(second["facts"][0], whole["facts"][3]);
  EXPECT_EQ(second["page"], 2);
}

TEST_F(DirectoryApiTest, TheSameNameInUnrelatedUnitsIsTwoPeople) {
  json page = GetJson("/api/persons/" + Encoded("nguyen van binh"));
  EXPECT_EQ(page["name"], "Nguyễn Văn Bình");
  ASSERT_EQ(page["people"].size(), 2u) << page;
  // The one with the most roles first: re-elected in one Chi bộ, two congresses apart.
  const json& official = page["people"][0];
  EXPECT_EQ(official["terms"], (json{"2025-2030", "2020-2025"}));
  EXPECT_EQ(official["articles"].size(), 2u);
  std::set<std::string> units(official["units"].begin(), official["units"].end());
  EXPECT_TRUE(units.count("Vụ Kế hoạch - Tài chính"));
  EXPECT_TRUE(units.count("Chi bộ Vụ Kế hoạch - Tài chính"));
  EXPECT_EQ(official["roles"][0]["term"], "2025-2030");
  const json& teacher = page["people"][1];
  EXPECT_EQ(teacher["articles"].size(), 1u);
  EXPECT_EQ(teacher["articles"][0]["id"], "d3_chi_bo_truong_le_quy_don");
  EXPECT_EQ(teacher["units"][0], "Trường Trung học phổ thông Lê Quý Đôn");
}

TEST_F(DirectoryApiTest, APersonOfTheCorpusHasRolesWithTheirUnitsAndTerm) {
  json page = GetJson("/api/persons/" + Encoded("Trần Bình Trọng"));
  ASSERT_EQ(page["people"].size(), 1u);
  const json& roles = page["people"][0]["roles"];
  ASSERT_FALSE(roles.empty());
  EXPECT_EQ(roles[0]["role"], "Bí thư");
  EXPECT_EQ(roles[0]["unit"], "Chi bộ Vụ Khoa học và Công nghệ");
  EXPECT_EQ(roles[0]["term"], "2022-2025");
  EXPECT_EQ(roles[0]["elected"], true);
}

TEST_F(DirectoryApiTest, UnitPageHasParentsChildrenAndLeadershipByTerm) {
  json department = GetJson("/api/units/" + Encoded("Vụ Kế hoạch - Tài chính"));
  EXPECT_EQ(department["name"], "Vụ Kế hoạch - Tài chính");
  EXPECT_EQ(department["parents"], (json{"Bộ Y tế"}));
  EXPECT_EQ(department["children"], (json{"Chi bộ Vụ Kế hoạch - Tài chính"}));
  EXPECT_EQ(department["total_articles"], 2);

  json cell = GetJson("/api/units/" + Encoded("chi bo vu ke hoach tai chinh"));
  ASSERT_EQ(cell["leadership"].size(), 2u) << cell;
  EXPECT_EQ(cell["leadership"][0]["term"], "2025-2030");
  std::set<std::string> leaders;
  for (const json& role : cell["leadership"][0]["roles"]) {
    leaders.insert(role["role"].get<std::string>() + " " + role["person"].get<std::string>());
  }
  EXPECT_EQ(leaders,
            (std::set<std::string>{"Bí thư Nguyễn Văn Bình", "Phó Bí thư Phạm Thu Trang"}));
  EXPECT_EQ(cell["leadership"][1]["term"], "2020-2025");

  json ministry = GetJson("/api/units/" + Encoded("Bộ Y tế"));
  std::set<std::string> children(ministry["children"].begin(), ministry["children"].end());
  EXPECT_TRUE(children.count("Vụ Kế hoạch - Tài chính")) << ministry;
  EXPECT_TRUE(children.count("Đảng uỷ Bộ Y tế")) << ministry;  // named after it
}

TEST_F(DirectoryApiTest, AnElectedRoleGetsTheCongressTermWhenTheSentenceHasNone) {
  json roles =
      GetJson("/api/roles?person=" + Encoded("Lê Hoàng Phúc") + "&role=" + Encoded("Phó Bí thư"));
  ASSERT_EQ(roles["total"], 1) << roles;
  EXPECT_EQ(roles["facts"][0]["term"], "2020-2025");
  EXPECT_EQ(roles["facts"][0]["unit"], "Chi bộ Vụ Kế hoạch - Tài chính");
}

TEST_F(DirectoryApiTest, TheArticleCarriesItsRoleFacts) {
  json article = GetJson("/api/articles/d1_chi_bo_vu_khtc_2020");
  ASSERT_TRUE(article["role_facts"].is_array());
  bool found = false;
  for (const json& fact : article["role_facts"]) {
    found = found || (fact["person"] == "Trần Thị Lan" && fact["role"] == "Bí thư" &&
                      fact["unit"] == "Đảng uỷ Bộ Y tế");
  }
  EXPECT_TRUE(found) << article["role_facts"];  // "Bí thư Đảng ủy Bộ" after "Bộ Y tế"
}

TEST_F(DirectoryApiTest, UnknownNamesAre404AndBadParameters400) {
  json person = GetJson("/api/persons/" + Encoded("Không Ai Cả"), 404);
  EXPECT_EQ(person["error"]["code"], "not_found");
  json unit = GetJson("/api/units/" + Encoded("Vụ Không Tồn Tại"), 404);
  EXPECT_EQ(unit["error"]["code"], "not_found");
  json bad = GetJson("/api/roles?page=0", 400);
  EXPECT_EQ(bad["error"]["code"], "bad_parameter");
  EXPECT_NE(bad["error"]["message"].get<std::string>().find("page"), std::string::npos);
  json none = GetJson("/api/roles?person=" + Encoded("Không Ai Cả"));
  EXPECT_EQ(none["total"], 0);
}

}  // namespace
}  // namespace vnsearch::testing
