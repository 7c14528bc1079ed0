// API tests of the search features contract: query syntax (phrases, AND/OR/NOT, -word, prefix*,
// title:/person:/unit:/term:), facet filters and multi-select facet counts, date range, sort,
// paging, exact totals, snippets, articles with their entities, similar articles, facet listing,
// suggestions, health, Prometheus metrics, the OpenAPI document, errors and hostile input, CORS
// and concurrent use. Each fixture runs one real vnsearchd on loopback for its whole suite.
//
// The corpus is corpus/ (five articles). What each article holds, as `vnsearch-index --print`
// shows it, is summed up next to its id below; expected ids and counts come from there.

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/shared_server_test.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;
using IdSet = std::set<std::string>;

// 2022-09-27, terms 2022-2025 and 2020-2022; Trần Bình Trọng, Nguyễn Thị Yến; Bộ TN&MT.
constexpr char kVuKhcnCongress[] = "000_2bc41360e3854d8f";
// 2022-08-19, terms 2022-2025 and 2019-2021; Viện Khoa học, Công nghệ & Môi trường; "KTTT".
constexpr char kVienCongress[] = "001_551df31cd02b8069";
// 2024-01-27, no term; Đảng bộ Bộ Khoa học và Công nghệ; Lê Xuân Định.
constexpr char kBoKhcnReview[] = "002_525ec149e4b227f3";
// 2022-09-26, terms 2022-2025 and 2020-2022; Sở KH&CN, Viện Công nghệ sinh học, Thừa Thiên Huế.
constexpr char kTrungTamCongress[] = "003_c1d981f2cb2d308a";
// 2020-05-28, terms 2020-2025 and 2015-2020; Đảng bộ Sở Khoa học và Công nghệ, Dương Đình Đức.
constexpr char kSoKhcnCongress[] = "004_ae8750124fb58d60";

const IdSet kEveryArticle = {kVuKhcnCongress, kVienCongress, kBoKhcnReview, kTrungTamCongress,
                             kSoKhcnCongress};

// "&name=value", the value percent-encoded.
std::string Param(const std::string& name, const std::string& value) {
  return "&" + name + "=" + httplib::detail::encode_query_param(value);
}

// The helpers below take responses by value: indexing a copy turns a missing key into null (a
// test failure) where a const json would be read out of bounds (a crash).

std::vector<std::string> HitIds(json response) {
  std::vector<std::string> ids;
  for (json hit : response["hits"]) ids.push_back(hit.value("id", std::string("(no id)")));
  return ids;
}

IdSet HitIdSet(json response) {
  std::vector<std::string> ids = HitIds(response);
  return IdSet(ids.begin(), ids.end());
}

// A facet's values as "value count" (+ " selected"), as a set: the contract fixes the counts,
// not the order of equal counts.
std::set<std::string> FacetSummary(json response, const std::string& facet) {
  std::set<std::string> summary;
  for (json entry : response["facets"][facet]) {
    summary.insert(entry["value"].get<std::string>() + " " +
                   std::to_string(entry["count"].get<int>()) +
                   (entry["selected"].get<bool>() ? " selected" : ""));
  }
  return summary;
}

// The entry of `facet` named exactly `value`, or null.
json FacetEntry(json response, const std::string& facet, const std::string& value) {
  for (json entry : response["facets"][facet]) {
    if (entry["value"] == value) return entry;
  }
  return nullptr;
}

std::vector<std::string> Names(json entities) {
  std::vector<std::string> names;
  for (json entity : entities) names.push_back(entity.value("name", std::string("(no name)")));
  return names;
}

// GET `path`, expecting `status` and a JSON body; returns the body (null when either fails).
json GetJson(const ApiClient& client, const std::string& path, int status) {
  httplib::Result result = client.Get(path);
  EXPECT_TRUE(result) << "no answer for " << path;
  if (!result) return nullptr;
  EXPECT_EQ(result->status, status) << path << ": " << result->body;
  json body = json::parse(result->body, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(body.is_discarded()) << path << ": not JSON: " << result->body.substr(0, 200);
  return body.is_discarded() ? json(nullptr) : body;
}

// The value of the sample `series` in a Prometheus text exposition (ApiClient::SampleValue).
double SampleValue(const std::string& exposition, const std::string& series) {
  return ApiClient::SampleValue(exposition, series);
}

// The sum of the request counters of every route but /metrics itself.
double RequestsBesidesMetrics(const std::string& exposition) {
  const std::string counter = "vnsearch_http_requests_total{";
  std::istringstream lines(exposition);
  std::string line;
  double sum = 0;
  while (std::getline(lines, line)) {
    if (line.compare(0, counter.size(), counter) != 0) continue;
    if (line.find("route=\"/metrics\"") != std::string::npos) continue;
    sum += std::stod(line.substr(line.rfind(' ') + 1));
  }
  return sum;
}

std::string RequestsSeries(const std::string& route, int status) {
  return "vnsearch_http_requests_total{route=\"" + route + "\",status=\"" + std::to_string(status) +
         "\"}";
}

// ---- corpus/ on a plain server -------------------------------------------------------------

class SearchFeaturesApiTest : public SharedServerTest<SearchFeaturesApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS}, {"--access-log", "off"});
  }

 protected:
  static ApiClient Client() { return ApiClient(server_->port()); }
  static json Search(const std::string& query, const std::string& extra = "") {
    return Client().Search(query, extra);
  }
  static IdSet Found(const std::string& query, const std::string& extra = "") {
    return HitIdSet(Search(query, extra));
  }
  static json Get(const std::string& path, int status = 200) {
    return GetJson(Client(), path, status);
  }
};

// ---- Query syntax --------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, EmptyQueryReturnsEveryArticle) {
  json response = Search("");
  EXPECT_EQ(response["total"], 5);
  EXPECT_EQ(HitIdSet(response), kEveryArticle);
  EXPECT_FALSE(response["partial_match"].get<bool>());
}

TEST_F(SearchFeaturesApiTest, PhrasesMatchWordsInOrder) {
  EXPECT_EQ(Found("\"Thừa Thiên Huế\""), IdSet{kTrungTamCongress});
  EXPECT_EQ(Found("\"thua thien hue\""), IdSet{kTrungTamCongress});
  EXPECT_EQ(Search("\"Huế Thiên Thừa\"")["total"], 0);  // the same words, out of order
}

TEST_F(SearchFeaturesApiTest, BooleanOperatorsAndExclusion) {
  EXPECT_EQ(Found("Viện"), (IdSet{kVienCongress, kTrungTamCongress}));
  EXPECT_EQ(Found("Viện OR Yến"), (IdSet{kVuKhcnCongress, kVienCongress, kTrungTamCongress}));
  EXPECT_EQ(Found("Viện AND Huế"), IdSet{kTrungTamCongress});
  EXPECT_EQ(Found("Viện NOT Huế"), IdSet{kVienCongress});
  EXPECT_EQ(Found("Viện -Huế"), IdSet{kVienCongress});
  EXPECT_EQ(Found("(Viện OR Yến) -Huế"), (IdSet{kVuKhcnCongress, kVienCongress}));
  EXPECT_EQ(Found("-Viện"), (IdSet{kVuKhcnCongress, kBoKhcnReview, kSoKhcnCongress}));
}

TEST_F(SearchFeaturesApiTest, PrefixQueries) {
  EXPECT_EQ(Found("Thừa*"), IdSet{kTrungTamCongress});  // "Thừa Thiên Huế"
  EXPECT_EQ(Found("Trầ*"), IdSet{kVuKhcnCongress});     // "Trần Bình Trọng"
  EXPECT_EQ(Found("KHCN*"), IdSet{kVienCongress});
  EXPECT_EQ(Found("title:chi*"), (IdSet{kVuKhcnCongress, kTrungTamCongress}));  // "Chi bộ"
}

TEST_F(SearchFeaturesApiTest, TitleFieldLooksOnlyAtTitles) {
  EXPECT_EQ(Found("title:Đại"), (IdSet{kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Found("title:\"Đại hội\""), (IdSet{kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Found("title:hoi -title:chi"), IdSet{kSoKhcnCongress});
  EXPECT_EQ(Search("Đại hội")["total"], 5);  // every body speaks of the congress
}

TEST_F(SearchFeaturesApiTest, PersonFieldMatchesWordsOfPersonNamesIgnoringDiacritics) {
  EXPECT_EQ(Found("person:tran"), IdSet{kVuKhcnCongress});
  EXPECT_EQ(Found("person:Trần"), IdSet{kVuKhcnCongress});
  EXPECT_EQ(Found("person:Trấn"), IdSet{kVuKhcnCongress});  // other accents: still ignored
  EXPECT_EQ(Found("person:TRẦN"), IdSet{kVuKhcnCongress});
  EXPECT_EQ(Found("person:duc"), IdSet{kSoKhcnCongress});  // Dương Đình Đức
  // "trong" is an everyday word in every article, but only one person is called Trọng.
  EXPECT_EQ(Search("trong")["total"], 5);
  EXPECT_EQ(Found("person:trong"), IdSet{kVuKhcnCongress});
  EXPECT_EQ(Found("person:tran OR person:duc"), (IdSet{kVuKhcnCongress, kSoKhcnCongress}));
}

TEST_F(SearchFeaturesApiTest, UnitFieldMatchesWordsOfUnitNamesIgnoringDiacritics) {
  // Viện Khoa học, Công nghệ & Môi trường; Viện Công nghệ sinh học.
  EXPECT_EQ(Found("unit:vien"), (IdSet{kVienCongress, kTrungTamCongress}));
  EXPECT_EQ(Found("unit:Viện"), (IdSet{kVienCongress, kTrungTamCongress}));
  EXPECT_EQ(Found("unit:Sở"), (IdSet{kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Found("term:2022-2025 -unit:vien"), IdSet{kVuKhcnCongress});
}

TEST_F(SearchFeaturesApiTest, TermFieldMatchesATermOfOfficeInAnyDashStyle) {
  IdSet term_2022_2025 = {kVuKhcnCongress, kVienCongress, kTrungTamCongress};
  EXPECT_EQ(Found("term:2022-2025"), term_2022_2025);
  EXPECT_EQ(Found("term:2022–2025"), term_2022_2025);  // en dash
  EXPECT_EQ(Found("term:\"2022 - 2025\""), term_2022_2025);
  EXPECT_EQ(Found("term:2020-2025"), IdSet{kSoKhcnCongress});
  EXPECT_EQ(Search("term:2022")["total"], 0);  // a year is not a term of office
}

// person: and unit: accept a trailing *, as title: and plain words do; it must mean a prefix.
TEST_F(SearchFeaturesApiTest, PrefixWithinPersonAndUnitFields) {
  // Trần Bình Trọng and Trịnh Xuân Ngọc.
  EXPECT_EQ(Found("person:tr*"), (IdSet{kVuKhcnCongress, kVienCongress}));
  EXPECT_EQ(Found("person:tra*"), IdSet{kVuKhcnCongress});
  // Viện Khoa học, Công nghệ & Môi trường; Viện Công nghệ sinh học.
  EXPECT_EQ(Found("unit:vi*"), (IdSet{kVienCongress, kTrungTamCongress}));
}

// ---- Facet filters -------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, FacetFilterSelectsArticlesHoldingTheValue) {
  IdSet so_khcn = {kTrungTamCongress, kSoKhcnCongress};
  EXPECT_EQ(Found("", Param("unit", "Sở Khoa học và Công nghệ")), so_khcn);
  EXPECT_EQ(Found("", Param("term", "2020-2025")), IdSet{kSoKhcnCongress});
  EXPECT_EQ(Found("", Param("person", "Trần Bình Trọng")), IdSet{kVuKhcnCongress});
}

TEST_F(SearchFeaturesApiTest, FacetFilterValuesMayBeSpelledAnyWay) {
  IdSet so_khcn = {kTrungTamCongress, kSoKhcnCongress};
  for (const char* spelling : {"so khoa hoc va cong nghe", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở KH&CN",
                               "Sở Khoa học và Công nghệ"}) {
    json response = Search("", Param("unit", spelling));
    EXPECT_EQ(HitIdSet(response), so_khcn) << spelling;
    EXPECT_EQ(response["total"], 2) << spelling;
  }
  EXPECT_EQ(Found("", Param("person", "tran binh trong")), IdSet{kVuKhcnCongress});
  EXPECT_EQ(Found("", Param("person", "TRẦN BÌNH TRỌNG")), IdSet{kVuKhcnCongress});
}

TEST_F(SearchFeaturesApiTest, RepeatedValuesAreOrWithinAFacetAndAcrossFacets) {
  EXPECT_EQ(Found("", Param("term", "2022-2025") + Param("term", "2020-2025")),
            (IdSet{kVuKhcnCongress, kVienCongress, kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Found("", Param("unit", "Bộ Khoa học và Công nghệ") +
                          Param("unit", "Sở Khoa học và Công nghệ")),
            (IdSet{kVienCongress, kBoKhcnReview, kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Found("", Param("term", "2022-2025") + Param("unit", "Sở Khoa học và Công nghệ")),
            IdSet{kTrungTamCongress});
  EXPECT_EQ(Found("", Param("term", "2022-2025") + Param("term", "2020-2025") +
                          Param("unit", "Sở Khoa học và Công nghệ")),
            (IdSet{kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Search("", Param("term", "2022-2025") + Param("person", "Dương Đình Đức"))["total"], 0);
}

TEST_F(SearchFeaturesApiTest, FiltersCombineWithTheQuery) {
  EXPECT_EQ(Found("Viện", Param("term", "2022-2025")), (IdSet{kVienCongress, kTrungTamCongress}));
  EXPECT_EQ(Found("Viện", Param("term", "2020-2022")), IdSet{kTrungTamCongress});
  EXPECT_EQ(Found("Viện", Param("person", "Lê Tuấn An")), IdSet{kVienCongress});
}

// ---- Facet counts --------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, FacetCountsOverAllArticles) {
  json response = Search("", "&facet_size=100");
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"2022-2025 3", "2020-2022 2", "2015-2020 1", "2019-2021 1",
                                   "2020-2025 1"}));
  EXPECT_EQ(FacetEntry(response, "unit", "Bộ Chính trị")["count"], 3);
  EXPECT_EQ(FacetEntry(response, "unit", "Sở Khoa học và Công nghệ")["count"], 2);
  EXPECT_EQ(FacetEntry(response, "person", "Trần Bình Trọng")["count"], 1);
  for (const char* facet : {"unit", "term", "person"}) {
    ASSERT_TRUE(response["facets"][facet].is_array()) << facet;
    for (json entry : response["facets"][facet]) {
      EXPECT_TRUE(entry["value"].is_string());
      EXPECT_GE(entry["count"].get<int>(), 1) << entry;
      EXPECT_FALSE(entry["selected"].get<bool>()) << entry;
    }
  }
}

TEST_F(SearchFeaturesApiTest, FacetCountsFollowTheQuery) {
  json response = Search("Viện", "&facet_size=100");
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"2022-2025 2", "2019-2021 1", "2020-2022 1"}));
  EXPECT_TRUE(FacetEntry(response, "person", "Dương Đình Đức").is_null());
  EXPECT_EQ(FacetEntry(response, "person", "Lê Tuấn An")["count"], 1);
}

TEST_F(SearchFeaturesApiTest, SelectedFacetIgnoresItsOwnFilterButOthersApplyIt) {
  json response = Search("", "&facet_size=100" + Param("term", "2022-2025"));
  EXPECT_EQ(response["total"], 3);
  // The term facet still shows every term, counted over all five articles.
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"2022-2025 3 selected", "2020-2022 2", "2015-2020 1",
                                   "2019-2021 1", "2020-2025 1"}));
  // The other facets are counted over the three selected articles.
  EXPECT_EQ(FacetEntry(response, "unit", "Bộ Chính trị")["count"], 2);
  EXPECT_EQ(FacetEntry(response, "unit", "Sở Khoa học và Công nghệ")["count"], 1);
  EXPECT_TRUE(FacetEntry(response, "person", "Dương Đình Đức").is_null());
  EXPECT_EQ(FacetEntry(response, "person", "Trần Bình Trọng")["count"], 1);
}

TEST_F(SearchFeaturesApiTest, EachSelectedFacetIsCountedOverTheOtherFacetsFilters) {
  json response = Search("", "&facet_size=100" + Param("term", "2022-2025") +
                                 Param("unit", "Sở Khoa học và Công nghệ"));
  EXPECT_EQ(HitIdSet(response), IdSet{kTrungTamCongress});
  // Terms over the unit filter alone (003 and 004).
  EXPECT_EQ(
      FacetSummary(response, "term"),
      (std::set<std::string>{"2022-2025 1 selected", "2020-2022 1", "2020-2025 1", "2015-2020 1"}));
  // Units over the term filter alone (000, 001, 003).
  json so_khcn = FacetEntry(response, "unit", "Sở Khoa học và Công nghệ");
  EXPECT_EQ(so_khcn["count"], 1);
  EXPECT_EQ(so_khcn["selected"], true);
  EXPECT_EQ(FacetEntry(response, "unit", "Bộ Chính trị")["count"], 2);
  // Persons over both filters (003 alone).
  EXPECT_EQ(FacetSummary(response, "person"),
            (std::set<std::string>{"Hồ Thắng 1", "Lê Đình Hoài Vũ 1"}));
}

TEST_F(SearchFeaturesApiTest, FacetCountsFollowTheDateRange) {
  json response = Search("", "&from=2022-09-26" + Param("term", "2022-2025"));
  EXPECT_EQ(HitIdSet(response), (IdSet{kVuKhcnCongress, kTrungTamCongress}));
  // 000, 002 and 003 are dated from 2022-09-26; 002 has no term.
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"2022-2025 2 selected", "2020-2022 2"}));
}

TEST_F(SearchFeaturesApiTest, SelectedValuesAreListedEvenWithCountZero) {
  json response = Search("", Param("term", "2022-2025") + Param("person", "Dương Đình Đức"));
  EXPECT_EQ(response["total"], 0);
  json person = FacetEntry(response, "person", "Dương Đình Đức");
  ASSERT_FALSE(person.is_null()) << response["facets"];
  EXPECT_EQ(person["count"], 0);
  EXPECT_EQ(person["selected"], true);
  // Terms over the person filter alone: Dương Đình Đức's article has 2020-2025 and 2015-2020.
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"2022-2025 0 selected", "2020-2025 1", "2015-2020 1"}));

  response = Search("", Param("term", "1999-2000"));
  EXPECT_EQ(response["total"], 0);
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"1999-2000 0 selected", "2022-2025 3", "2020-2022 2",
                                   "2015-2020 1", "2019-2021 1", "2020-2025 1"}));
}

TEST_F(SearchFeaturesApiTest, ValueSelectedInAnotherSpellingIsListedOnceAsSelected) {
  for (const std::string& extra :
       {Param("unit", "so khoa hoc va cong nghe"), Param("unit", "Sở KH&CN"),
        Param("unit", "Sở KH&CN") + Param("unit", "Sở Khoa học và Công nghệ")}) {
    json response = Search("", extra);
    json entry = FacetEntry(response, "unit", "Sở Khoa học và Công nghệ");
    ASSERT_FALSE(entry.is_null()) << extra << ": " << response["facets"]["unit"];
    EXPECT_EQ(entry["count"], 2) << extra;
    EXPECT_EQ(entry["selected"], true) << extra;
    int selected = 0;
    for (json value : response["facets"]["unit"]) selected += value["selected"].get<bool>();
    EXPECT_EQ(selected, 1) << extra << ": " << response["facets"]["unit"];
  }
}

TEST_F(SearchFeaturesApiTest, FacetSizeLimitsValuesPerFacet) {
  json response = Search("");
  EXPECT_EQ(response["facets"]["unit"].size(), 10u);  // default, of some forty units
  EXPECT_EQ(response["facets"]["person"].size(), 10u);
  EXPECT_EQ(response["facets"]["term"].size(), 5u);  // all there are

  response = Search("", "&facet_size=2");
  for (const char* facet : {"unit", "term", "person"}) {
    EXPECT_EQ(response["facets"][facet].size(), 2u) << facet;
  }
  EXPECT_EQ(FacetEntry(response, "term", "2022-2025")["count"], 3);  // the most frequent kept

  // Selected values come on top of the limit.
  response = Search("", "&facet_size=1" + Param("term", "2015-2020"));
  EXPECT_EQ(FacetSummary(response, "term"),
            (std::set<std::string>{"2015-2020 1 selected", "2022-2025 3"}));
  response = Search("", "&facet_size=0" + Param("term", "2015-2020"));
  EXPECT_EQ(FacetSummary(response, "term"), (std::set<std::string>{"2015-2020 1 selected"}));
  EXPECT_TRUE(response["facets"]["unit"].empty());
}

// ---- Dates, sort, paging, totals -----------------------------------------------------------

TEST_F(SearchFeaturesApiTest, DateRangeIsInclusive) {
  EXPECT_EQ(Found("", "&from=2022-09-26"),
            (IdSet{kVuKhcnCongress, kBoKhcnReview, kTrungTamCongress}));
  EXPECT_EQ(Found("", "&to=2022-09-26"),
            (IdSet{kVienCongress, kTrungTamCongress, kSoKhcnCongress}));
  EXPECT_EQ(Found("", "&from=2022-09-26&to=2022-09-26"), IdSet{kTrungTamCongress});
  EXPECT_EQ(Found("", "&from=2022-08-19&to=2022-09-27"),
            (IdSet{kVuKhcnCongress, kVienCongress, kTrungTamCongress}));
  EXPECT_EQ(Search("", "&from=2025-01-01")["total"], 0);
  EXPECT_EQ(Found("Viện", "&to=2022-09-01"), IdSet{kVienCongress});
}

TEST_F(SearchFeaturesApiTest, SortByDate) {
  std::vector<std::string> oldest_first = {kSoKhcnCongress, kVienCongress, kTrungTamCongress,
                                           kVuKhcnCongress, kBoKhcnReview};
  EXPECT_EQ(HitIds(Search("", "&sort=date")), oldest_first);
  std::vector<std::string> newest_first(oldest_first.rbegin(), oldest_first.rend());
  EXPECT_EQ(HitIds(Search("", "&sort=-date")), newest_first);
  EXPECT_EQ(HitIds(Search("Viện OR Yến", "&sort=date")),
            (std::vector<std::string>{kVienCongress, kTrungTamCongress, kVuKhcnCongress}));
  EXPECT_EQ(HitIds(Search("Viện OR Yến", "&sort=-date")),
            (std::vector<std::string>{kVuKhcnCongress, kTrungTamCongress, kVienCongress}));
}

TEST_F(SearchFeaturesApiTest, RelevanceIsTheDefaultSort) {
  json by_default = Search("Viện OR Yến");
  EXPECT_EQ(HitIds(by_default), HitIds(Search("Viện OR Yến", "&sort=relevance")));
  double previous = 1e300;
  for (json hit : by_default["hits"]) {
    EXPECT_LE(hit["score"].get<double>(), previous) << hit["id"];
    previous = hit["score"].get<double>();
  }
}

TEST_F(SearchFeaturesApiTest, PagesOfADateSortWalkItInOrder) {
  std::vector<std::string> walked;
  for (int page = 1; page <= 3; ++page) {
    json response = Search("", "&sort=date&size=2&page=" + std::to_string(page));
    EXPECT_EQ(response["total"], 5);
    EXPECT_EQ(response["page"], page);
    EXPECT_EQ(response["size"], 2);
    EXPECT_EQ(response["hits"].size(), page < 3 ? 2u : 1u);
    for (const std::string& id : HitIds(response)) walked.push_back(id);
  }
  EXPECT_EQ(walked, HitIds(Search("", "&sort=date")));
  json past_the_end = Search("", "&sort=date&size=2&page=4");
  EXPECT_TRUE(past_the_end["hits"].empty());
  EXPECT_EQ(past_the_end["total"], 5);
}

TEST_F(SearchFeaturesApiTest, SizeBoundsAndDefault) {
  EXPECT_EQ(Search("")["size"], 10);
  json response = Search("", "&size=100");
  EXPECT_EQ(response["size"], 100);
  EXPECT_EQ(response["hits"].size(), 5u);
  EXPECT_EQ(Search("", "&size=1")["hits"].size(), 1u);
  httplib::Result too_big = Client().Get("/api/search?q=&size=101");
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 400);
}

TEST_F(SearchFeaturesApiTest, TotalIsExactWhateverThePageSize) {
  EXPECT_EQ(Search("", "&size=1")["total"], 5);
  EXPECT_EQ(Search("khoa", "&size=1")["total"], 5);
  EXPECT_EQ(Search("Viện OR Yến", "&size=1")["total"], 3);
  EXPECT_EQ(Search("", "&size=1" + Param("term", "2022-2025"))["total"], 3);
  EXPECT_EQ(Search("", "&size=1&from=2022-09-26")["total"], 3);
  EXPECT_EQ(Search("Viện", "&size=1" + Param("term", "2022-2025"))["total"], 2);
}

TEST_F(SearchFeaturesApiTest, PartialMatchWhenNoArticleHasEveryWord) {
  // "Huế" is only in 003 and "Yến" only in 000.
  json response = Search("Huế Yến", "&size=1");
  EXPECT_TRUE(response["partial_match"].get<bool>());
  EXPECT_EQ(response["total"], 2);
  EXPECT_EQ(response["hits"].size(), 1u);
  EXPECT_EQ(Found("Huế Yến"), (IdSet{kVuKhcnCongress, kTrungTamCongress}));
  EXPECT_FALSE(Search("Viện Huế")["partial_match"].get<bool>());
}

// ---- Response shape ------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, ResponseCarriesEveryField) {
  json response = Search("Viện", "&size=1");
  EXPECT_EQ(response["query"], "Viện");
  EXPECT_EQ(response["total"], 2);
  EXPECT_EQ(response["page"], 1);
  EXPECT_EQ(response["size"], 1);
  EXPECT_TRUE(response["took_ms"].is_number());
  EXPECT_GE(response["took_ms"].get<double>(), 0);
  EXPECT_TRUE(response["suggestion"].is_string());
  EXPECT_TRUE(response["partial_match"].is_boolean());
  ASSERT_EQ(response["hits"].size(), 1u);
  const json& hit = response["hits"][0];
  for (const char* field : {"id", "title", "date", "source", "author", "snippet"}) {
    EXPECT_TRUE(hit[field].is_string()) << field << " in " << hit;
  }
  EXPECT_TRUE(hit["score"].is_number());
  for (const char* field : {"units", "terms", "persons"}) {
    EXPECT_TRUE(hit[field].is_array()) << field << " in " << hit;
  }
  ASSERT_TRUE(response["facets"].is_object());
  for (const char* facet : {"unit", "term", "person"}) {
    ASSERT_TRUE(response["facets"][facet].is_array()) << facet;
    for (json entry : response["facets"][facet]) {
      EXPECT_TRUE(entry["value"].is_string() && entry["count"].is_number_integer() &&
                  entry["selected"].is_boolean())
          << entry;
    }
  }
}

TEST_F(SearchFeaturesApiTest, HitsCarryTheArticlesFieldsAndEntityNames) {
  json response = Search("", "&size=5");
  ASSERT_EQ(response["hits"].size(), 5u);
  for (json hit : response["hits"]) {
    std::string id = hit["id"];
    json article = Get("/api/articles/" + id);
    for (const char* field : {"title", "date", "source", "author", "terms"}) {
      EXPECT_EQ(hit[field], article[field]) << id << " " << field;
    }
    EXPECT_EQ(hit["units"].get<std::vector<std::string>>(), Names(article["units"])) << id;
    EXPECT_EQ(hit["persons"].get<std::vector<std::string>>(), Names(article["persons"])) << id;
  }
  json so_khcn = Search("", Param("person", "Dương Đình Đức"))["hits"][0];
  EXPECT_EQ(so_khcn["terms"], json({"2020-2025", "2015-2020"}));
  EXPECT_EQ(so_khcn["date"], "2020-05-28");
}

// ---- Snippets ------------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, SnippetMarksFoldedMatchesAsOneMark) {
  std::string snippet = Search("tran binh trong")["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>Trần Bình Trọng</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<mark>Trần</mark>"), std::string::npos) << snippet;
  snippet = Search("\"thua thien hue\"")["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>Thừa Thiên Huế</mark>"), std::string::npos) << snippet;
}

TEST_F(SearchFeaturesApiTest, SnippetsAreEscapedHtmlWithOnlyMarkTags) {
  static const std::regex kEntity("^&(amp|lt|gt|quot|#39|#x27|apos);");
  for (const char* query : {"", "KH&CN", "tn&mt", "khoa học", "Viện OR Yến", "\"Đại hội\""}) {
    json response = Search(query);
    ASSERT_FALSE(response["hits"].empty()) << query;
    for (json hit : response["hits"]) {
      std::string snippet = hit["snippet"];
      std::string text = std::regex_replace(snippet, std::regex("</?mark>"), "");
      EXPECT_EQ(text.find_first_of("<>"), std::string::npos) << query << ": " << snippet;
      for (size_t at = text.find('&'); at != std::string::npos; at = text.find('&', at + 1)) {
        EXPECT_TRUE(std::regex_search(text.substr(at, 8), kEntity))
            << query << ": unescaped & in " << snippet;
      }
    }
  }
  std::string snippet = Search("KH&CN")["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>KH&amp;CN</mark>"), std::string::npos) << snippet;
}

// ---- Articles and similar articles ---------------------------------------------------------

TEST_F(SearchFeaturesApiTest, ArticleCarriesEveryFieldAndEntity) {
  json article = Get(std::string("/api/articles/") + kSoKhcnCongress);
  EXPECT_EQ(article["id"], kSoKhcnCongress);
  EXPECT_EQ(article["title"], "Đại hội lần thứ IV Đảng bộ Sở Khoa học và Công nghệ");
  EXPECT_EQ(article["date"], "2020-05-28");
  EXPECT_EQ(article["source"], "BLC");
  EXPECT_EQ(article["author"], "Hồng Thắm");
  EXPECT_NE(article["body"].get<std::string>().find("Dương Đình Đức"), std::string::npos);
  EXPECT_EQ(article["terms"], json({"2020-2025", "2015-2020"}));
  EXPECT_EQ(article["main_unit"], "Đảng bộ Sở Khoa học và Công nghệ");
  json duc;
  for (json person : article["persons"]) {
    if (person["name"] == "Dương Đình Đức") duc = person;
  }
  ASSERT_FALSE(duc.is_null()) << article["persons"];
  std::vector<std::string> roles = duc["roles"];
  EXPECT_NE(std::find(roles.begin(), roles.end(), "Giám đốc Sở Khoa học và Công nghệ"),
            roles.end());
  ASSERT_FALSE(article["units"].empty());
  EXPECT_EQ(article["units"][0],
            json({{"name", "Đảng bộ Sở Khoa học và Công nghệ"}, {"parent", ""}}));

  article = Get(std::string("/api/articles/") + kVienCongress);
  EXPECT_EQ(article["units"][0], json({{"name", "Chi bộ Viện Khoa học, Công nghệ & Môi trường"},
                                       {"parent", "Liên minh Hợp tác xã Việt Nam"}}));
}

TEST_F(SearchFeaturesApiTest, UnknownArticleIs404NotFound) {
  for (const char* path : {"/api/articles/no-such-article", "/api/articles/000",
                           "/api/articles/a/b/c", "/api/articles/%FF%FE"}) {
    json body = Get(path, 404);
    EXPECT_EQ(body["error"]["code"], "not_found") << path;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << path;
  }
}

TEST_F(SearchFeaturesApiTest, SimilarNeverListsTheArticleItselfAndHonoursTheLimit) {
  for (const std::string& id : kEveryArticle) {
    json response = Get("/api/articles/" + id + "/similar?limit=50");
    EXPECT_EQ(response["id"], id);
    ASSERT_TRUE(response["hits"].is_array()) << id;
    EXPECT_LE(response["hits"].size(), 4u) << id;
    IdSet similar = HitIdSet(response);
    EXPECT_EQ(similar.count(id), 0u) << id << " is listed as similar to itself";
    EXPECT_EQ(similar.size(), response["hits"].size()) << id << ": an article twice";
    for (json hit : response["hits"]) {
      EXPECT_TRUE(hit["title"].is_string() && hit["score"].is_number()) << hit;
    }
  }
  json one = Get(std::string("/api/articles/") + kBoKhcnReview + "/similar?limit=1");
  EXPECT_EQ(one["hits"].size(), 1u);
  json body = Get("/api/articles/no-such-article/similar", 404);
  EXPECT_EQ(body["error"]["code"], "not_found");
}

// Every article of corpus/ is a Party report on a science-and-technology unit; each shares its
// subject, and words by the hundred, with the others. 004 and 003 even share their unit, Sở Khoa
// học và Công nghệ, and their occasion, a congress (Đại hội).
TEST_F(SearchFeaturesApiTest, SimilarFindsRelatedArticlesForEveryArticle) {
  for (const std::string& id : kEveryArticle) {
    json response = Get("/api/articles/" + id + "/similar");
    EXPECT_FALSE(response["hits"].empty()) << id << " has no similar article";
  }
  json response = Get(std::string("/api/articles/") + kSoKhcnCongress + "/similar");
  EXPECT_EQ(HitIdSet(response).count(kTrungTamCongress), 1u) << response;
}

// ---- Facet listing -------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, FacetListingOfAllValues) {
  json terms = Get("/api/facets/term");
  EXPECT_EQ(terms["facet"], "term");
  EXPECT_EQ(terms["prefix"], "");
  EXPECT_EQ(terms["total"], 5);
  EXPECT_EQ(FacetSummary(json({{"facets", {{"term", terms["values"]}}}}), "term"),
            (std::set<std::string>{"2022-2025 3", "2020-2022 2", "2015-2020 1", "2019-2021 1",
                                   "2020-2025 1"}));

  json all_units = Get("/api/facets/unit?limit=10000");
  EXPECT_EQ(all_units["total"].get<size_t>(), all_units["values"].size());
  EXPECT_GT(all_units["total"].get<int>(), 30);
  json three_units = Get("/api/facets/unit?limit=3");
  EXPECT_EQ(three_units["values"].size(), 3u);
  EXPECT_EQ(three_units["total"], all_units["total"]);  // total counts before the limit
}

TEST_F(SearchFeaturesApiTest, FacetListingPrefixIgnoresDiacriticsAndMatchesAnyWord) {
  // The writer of 000 ("Thuỷ Nguyễn", its byline) is a person the corpus names too.
  std::vector<std::string> nguyen = {"Nguyễn Thái Sơn", "Nguyễn Thạc Cường", "Nguyễn Thị Yến",
                                     "Nguyễn Tiến Dũng", "Thuỷ Nguyễn"};
  for (const char* prefix : {"nguyen", "Nguyễn", "NGUYỄN", "nguy"}) {
    json listing = Get("/api/facets/person?prefix=" + httplib::detail::encode_query_param(prefix));
    EXPECT_EQ(listing["prefix"], prefix);
    EXPECT_EQ(listing["total"], 5) << prefix;
    std::vector<std::string> values;
    for (json value : listing["values"]) values.push_back(value["value"]);
    std::sort(values.begin(), values.end());
    EXPECT_EQ(values, nguyen) << prefix;
  }
  json son = Get("/api/facets/person?prefix=son");  // the last word of two names
  std::set<std::string> son_values;
  for (json value : son["values"]) son_values.insert(value["value"].get<std::string>());
  EXPECT_EQ(son_values, (std::set<std::string>{"Nguyễn Thái Sơn", "Vũ Minh Sơn"}));

  json units = Get("/api/facets/unit?prefix=" + httplib::detail::encode_query_param("so kh"));
  std::map<std::string, int> unit_counts;
  for (json value : units["values"]) unit_counts[value["value"]] = value["count"];
  EXPECT_EQ(unit_counts["Sở Khoa học và Công nghệ"], 2) << units;
  EXPECT_EQ(unit_counts.count("Đảng bộ Sở Khoa học và Công nghệ"), 1u) << units;
  EXPECT_EQ(unit_counts.count("Bộ Khoa học và Công nghệ"), 0u) << units;

  json none = Get("/api/facets/person?prefix=zzz");
  EXPECT_EQ(none["total"], 0);
  EXPECT_TRUE(none["values"].empty());
}

TEST_F(SearchFeaturesApiTest, UnknownFacetIs404) {
  json body = Get("/api/facets/bogus", 404);
  EXPECT_EQ(body["error"]["code"], "not_found");
}

// ---- Suggestions ---------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, SuggestCompletesAPartialLastWordIgnoringDiacritics) {
  for (const char* typed : {"tran b", "Trần B", "TRAN BINH", "tran binh trong"}) {
    json response = Get("/api/suggest?q=" + httplib::detail::encode_query_param(typed));
    EXPECT_EQ(response["query"], typed);
    ASSERT_FALSE(response["suggestions"].empty()) << typed;
    EXPECT_EQ(response["suggestions"][0]["type"], "person") << typed;
    EXPECT_EQ(response["suggestions"][0]["text"], "Trần Bình Trọng") << typed;
  }
}

TEST_F(SearchFeaturesApiTest, SuggestOffersUnitsAndTitles) {
  json response = Get("/api/suggest?q=" + httplib::detail::encode_query_param("so khoa"));
  bool unit_found = false;
  for (json suggestion : response["suggestions"]) {
    unit_found |= suggestion["type"] == "unit" && suggestion["text"] == "Sở Khoa học và Công nghệ";
  }
  EXPECT_TRUE(unit_found) << response;

  response = Get("/api/suggest?q=" + httplib::detail::encode_query_param("dai ho"));
  std::set<std::string> titles;
  for (json suggestion : response["suggestions"]) {
    if (suggestion["type"] == "title") titles.insert(suggestion["text"].get<std::string>());
  }
  EXPECT_EQ(titles, (std::set<std::string>{
                        "Đại hội lần thứ IV Đảng bộ Sở Khoa học và Công nghệ",
                        "Đại hội Chi bộ Trung tâm Ứng dụng tiến bộ Khoa học và Công nghệ, lần "
                        "thứ VI, nhiệm kỳ 2022 - 2025 thành công tốt đẹp"}));
}

TEST_F(SearchFeaturesApiTest, SuggestListsAtMostTenOrTheLimit) {
  json response = Get("/api/suggest?q=khoa");  // some twenty units and titles start so
  EXPECT_EQ(response["suggestions"].size(), 10u);
  for (json suggestion : response["suggestions"]) {
    std::string type = suggestion["type"];
    EXPECT_TRUE(type == "person" || type == "unit" || type == "title") << suggestion;
    EXPECT_TRUE(suggestion["text"].is_string()) << suggestion;
  }
  EXPECT_EQ(Get("/api/suggest?q=khoa&limit=3")["suggestions"].size(), 3u);
  EXPECT_TRUE(Get("/api/suggest?q=xyzq")["suggestions"].empty());
  EXPECT_TRUE(Get("/api/suggest?q=")["suggestions"].empty());
  json body = Get("/api/suggest?q=khoa&limit=11", 400);
  EXPECT_EQ(body["error"]["code"], "bad_parameter");
}

// ---- Health, metrics, OpenAPI --------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, Health) {
  json health = Get("/healthz");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["documents"], 5);
}

TEST_F(SearchFeaturesApiTest, MetricsCountRequestsByRouteTemplateAndStatus) {
  ApiClient client = Client();
  auto metrics = [&client] {
    httplib::Result result = client.Get("/metrics");
    EXPECT_TRUE(result);
    if (!result) return std::string();
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type").rfind("text/plain", 0), 0u);
    return result->body;
  };
  // A request is counted once its response is written, which may be just after the client has
  // read it. So start from counters at rest (the previous test's last request counted) ...
  std::string before = metrics();
  for (int attempt = 0; attempt < 50; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string again = metrics();
    bool at_rest = RequestsBesidesMetrics(again) == RequestsBesidesMetrics(before);
    before = again;
    if (at_rest) break;
  }
  const std::map<std::string, double> expected_increase = {
      {RequestsSeries("/api/articles/{id}", 200), 1},
      {RequestsSeries("/api/articles/{id}", 404), 1},
      {RequestsSeries("/api/articles/{id}/similar", 200), 1},
      {RequestsSeries("/api/search", 200), 2},
      {RequestsSeries("/api/search", 400), 1},
      {RequestsSeries("/api/facets/{facet}", 200), 1},
      {RequestsSeries("/api/suggest", 200), 1},
  };
  for (const std::string& path :
       {std::string("/api/articles/") + kVuKhcnCongress, std::string("/api/articles/missing-42"),
        std::string("/api/articles/") + kBoKhcnReview + "/similar", std::string("/api/search?q=a"),
        std::string("/api/search?q=khoa"), std::string("/api/search?q=AND%20AND"),
        std::string("/api/facets/unit?prefix=so"), std::string("/api/suggest?q=tran")}) {
    ASSERT_TRUE(client.Get(path)) << path;
  }
  // ... and allow the last request a moment to be counted.
  std::string after;
  bool all_counted = false;
  for (int attempt = 0; attempt < 100 && !all_counted; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    after = metrics();
    all_counted = true;
    for (const auto& [series, increase] : expected_increase) {
      all_counted &= SampleValue(after, series) - SampleValue(before, series) >= increase;
    }
  }
  for (const auto& [series, increase] : expected_increase) {
    EXPECT_EQ(SampleValue(after, series) - SampleValue(before, series), increase) << series;
  }
  EXPECT_EQ(after.find(kVuKhcnCongress), std::string::npos) << "raw id as a route:\n" << after;
  EXPECT_EQ(after.find("missing-42"), std::string::npos) << "raw id as a route:\n" << after;

  EXPECT_NE(after.find("# TYPE vnsearch_http_requests_total counter"), std::string::npos);
  EXPECT_NE(after.find("# TYPE vnsearch_http_request_duration_seconds histogram"),
            std::string::npos);
  EXPECT_NE(after.find("# TYPE vnsearch_index_documents gauge"), std::string::npos);
  EXPECT_EQ(SampleValue(after, "vnsearch_index_documents"), 5);

  // Every sample line is well formed; the histogram's buckets are cumulative and end at +Inf
  // with _count.
  static const std::regex kSample(
      R"re(^[a-zA-Z_:][a-zA-Z0-9_:]*)re"                                // name
      R"re((\{[a-zA-Z_]\w*="[^"\\]*"(,[a-zA-Z_]\w*="[^"\\]*")*\})?)re"  // labels
      R"re( [-+]?([0-9.]+([eE][-+]?[0-9]+)?|Inf|NaN)$)re");             // value
  static const std::regex kBucket(
      R"re(^vnsearch_http_request_duration_seconds_bucket\{le="([^"]+)"\} ([0-9.eE+]+)$)re");
  std::istringstream lines(after);
  std::string line;
  std::vector<std::pair<std::string, double>> buckets;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    EXPECT_TRUE(std::regex_match(line, kSample)) << "malformed sample: " << line;
    std::smatch bucket;
    if (std::regex_match(line, bucket, kBucket)) {
      buckets.emplace_back(bucket[1].str(), std::stod(bucket[2].str()));
    }
  }
  ASSERT_GE(buckets.size(), 2u);
  for (size_t i = 1; i < buckets.size(); ++i) {
    EXPECT_GE(buckets[i].second, buckets[i - 1].second) << "bucket le=" << buckets[i].first;
  }
  EXPECT_EQ(buckets.back().first, "+Inf");
  double count = SampleValue(after, "vnsearch_http_request_duration_seconds_count");
  EXPECT_EQ(buckets.back().second, count);
  EXPECT_GE(count - SampleValue(before, "vnsearch_http_request_duration_seconds_count"), 8);
  EXPECT_GT(SampleValue(after, "vnsearch_http_request_duration_seconds_sum"), 0);
}

TEST_F(SearchFeaturesApiTest, OpenApiDocumentListsThePaths) {
  json document = Get("/api/openapi.json");
  ASSERT_TRUE(document.is_object());
  EXPECT_EQ(document["openapi"].get<std::string>().rfind("3.", 0), 0u) << document["openapi"];
  EXPECT_TRUE(document["info"]["title"].is_string());
  EXPECT_TRUE(document["info"]["version"].is_string());
  for (const char* path : {"/api/search", "/api/articles/{id}", "/api/articles/{id}/similar",
                           "/api/facets/{facet}", "/api/suggest", "/healthz", "/metrics"}) {
    ASSERT_TRUE(document["paths"].contains(path)) << path;
    EXPECT_TRUE(document["paths"][path]["get"]["responses"].contains("200")) << path;
  }
  std::set<std::string> search_parameters;
  for (json parameter : document["paths"]["/api/search"]["get"]["parameters"]) {
    search_parameters.insert(parameter["name"].get<std::string>());
  }
  for (const char* name :
       {"q", "unit", "term", "person", "from", "to", "sort", "page", "size", "facet_size"}) {
    EXPECT_EQ(search_parameters.count(name), 1u) << name;
  }
  // Every local $ref points at something in the document.
  std::vector<const json*> pending = {&document};
  int references = 0;
  while (!pending.empty()) {
    const json* node = pending.back();
    pending.pop_back();
    if (node->is_object()) {
      auto reference = node->find("$ref");
      if (reference != node->end() && reference->is_string()) {
        std::string target = *reference;
        ++references;
        ASSERT_EQ(target.rfind("#/", 0), 0u) << target;
        EXPECT_TRUE(document.contains(json::json_pointer(target.substr(1)))) << target;
      }
    }
    if (node->is_structured()) {
      for (const json& child : *node) pending.push_back(&child);
    }
  }
  EXPECT_GT(references, 0);
}

// ---- Errors and hostile input --------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, MalformedQueriesAreBadQuery) {
  for (const char* query : {"AND AND", "\"khoa học", "foo:bar", "khoa NOT", "OR khoa", "a)"}) {
    json body = Get("/api/search?q=" + httplib::detail::encode_query_param(query), 400);
    EXPECT_EQ(body["error"]["code"], "bad_query") << query;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << query;
  }
}

TEST_F(SearchFeaturesApiTest, BadParametersAreNamedFirstInTheMessage) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/search?q=a&size=-1", "size"},
      {"/api/search?q=a&size=0", "size"},
      {"/api/search?q=a&size=1e2", "size"},
      {"/api/search?q=a&page=abc", "page"},
      {"/api/search?q=a&page=0", "page"},
      {"/api/search?q=a&page=99999999999999999999", "page"},
      {"/api/search?q=a&from=2022-13-45", "from"},
      {"/api/search?q=a&from=2022-02-30", "from"},
      {"/api/search?q=a&to=20220101", "to"},
      {"/api/search?q=a&to=yesterday", "to"},
      {"/api/search?q=a&sort=xyz", "sort"},
      {"/api/search?q=a&sort=", "sort"},
      {"/api/search?q=a&facet_size=-1", "facet_size"},
      {"/api/search?q=a&facet_size=abc", "facet_size"},
      {"/api/suggest?q=a&limit=0", "limit"},
      {"/api/facets/unit?limit=abc", "limit"},
      {std::string("/api/articles/") + kVuKhcnCongress + "/similar?limit=-3", "limit"},
  };
  for (const auto& [path, parameter] : cases) {
    json body = Get(path, 400);
    EXPECT_EQ(body["error"]["code"], "bad_parameter") << path;
    std::string message = body["error"]["message"];
    EXPECT_EQ(message.rfind(parameter, 0), 0u) << path << ": " << message;
  }
  json body = Get("/api/search?q=a&from=2023-01-01&to=2022-01-01", 400);
  EXPECT_EQ(body["error"]["code"], "bad_parameter");
  std::string message = body["error"]["message"];
  EXPECT_TRUE(message.rfind("from", 0) == 0 || message.rfind("to", 0) == 0) << message;
}

TEST_F(SearchFeaturesApiTest, HostileInputNeverGets5xx) {
  ApiClient client = Client();
  std::vector<std::string> paths = {
      "/api/search?q=%FF%FE",
      "/api/search?q=%C3",
      "/api/search?q=%00",
      "/api/search?q=%ED%A0%80",  // a UTF-16 surrogate, invalid in UTF-8
      "/api/search?q=%",
      "/api/search?q=%ZZ",
      "/api/search?%ZZ=1",
      "/api/search?&&&=&=",
      "/api/search?q[]=a",
      "/api/search?q=a&unit=%FF",
      "/api/search?q=a&person=%0A%0A",
      "/api/search?q=a&term=%00",
      "/api/search?q=*",
      "/api/search?q=-",
      "/api/search?q=NOT",
      "/api/search?q=%22%22",
      "/api/search?q=title:",
      "/api/search?q=person:",
      "/api/search?q=term:",
      "/api/search?q=unit:%22%22",
      "/api/search?q=title:title:x",
      "/api/search?q=%29%28",
      "/api/search?q=%E2%80%8B",
      "/api/search?q=%CC%81%CC%81%CC%81",  // combining marks alone
      "/api/search?q=a&size=5&size=7",
      "/api/search?q=a&page=1000&size=100",
      "/api/search?q=a&from=0000-00-00",
      "/api/search?q=a&from=9999-12-31",
      "/api/suggest?q=%FF%FE%C3",
      "/api/suggest?q=*",
      "/api/facets/unit?prefix=%C3",
      "/api/facets/%FF?prefix=%FF",
      "/api/articles/%00",
      "/api/articles/%FF/similar",
      "/api/articles//similar",
      "/api/articles/x/similar/similar",
      "/api/nope",
  };
  auto repeated = [](const std::string& unit, size_t times) {
    std::string text;
    for (size_t i = 0; i < times; ++i) text += unit;
    return text;
  };
  for (const std::string& query :
       {repeated("a", 4096), repeated("a", 4097), repeated("a", 20000), repeated("khoa ", 800),
        repeated("a* ", 1300), repeated("(", 1000) + "a" + repeated(")", 1000), repeated("(", 1300),
        repeated("\"a ", 1000), repeated("NOT ", 900) + "a", repeated("a OR ", 800) + "a",
        repeated("-(", 1000) + "a" + repeated(")", 1000),
        repeated("title:(", 500) + "a" + repeated(")", 500), repeated("KH&", 1300),
        repeated("2022-", 800), repeated("ặ", 1300)}) {
    paths.push_back("/api/search?q=" + httplib::detail::encode_query_param(query));
  }
  paths.push_back("/api/suggest?q=" + repeated("a", 4000));
  paths.push_back("/api/suggest?q=" + httplib::detail::encode_query_param(repeated("tran ", 400)));
  paths.push_back("/api/facets/person?prefix=" + repeated("a", 5000));
  paths.push_back("/api/search?q=a" + repeated("&unit=x", 500));

  for (const std::string& path : paths) {
    httplib::Result result = client.Get(path);
    ASSERT_TRUE(result) << "no answer (did vnsearchd die?) for " << path.substr(0, 120);
    EXPECT_LT(result->status, 500) << path.substr(0, 120) << ": " << result->body.substr(0, 200);
    if (result->status >= 400 &&
        result->get_header_value("Content-Type").find("json") != std::string::npos) {
      json body = json::parse(result->body, nullptr, false);
      EXPECT_TRUE(body.is_object() && body["error"]["code"].is_string())
          << path.substr(0, 120) << ": " << result->body.substr(0, 200);
    }
  }
  EXPECT_EQ(Get("/healthz")["status"], "ok");
}

// A request within the limits (q ≤ 4096 bytes) must cost about what its words cost to look up,
// not the square of their number: a worker busy for seconds on one request is a denial of
// service. Ordinary requests take milliseconds; the bound leaves room for a loaded machine.
TEST_F(SearchFeaturesApiTest, LongSuggestQueryIsAnsweredQuickly) {
  std::string many_words;
  for (int i = 0; i < 2000; ++i) many_words += "a ";
  std::string path = "/api/suggest?q=" + httplib::detail::encode_query_param(many_words);
  ApiClient client = Client();
  double fastest_seconds = 1e9;
  for (int attempt = 0; attempt < 2 && fastest_seconds >= 1.0; ++attempt) {
    auto started = std::chrono::steady_clock::now();
    httplib::Result result = client.Get(path);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    fastest_seconds = std::min(fastest_seconds, seconds);
  }
  EXPECT_LT(fastest_seconds, 1.0) << "GET /api/suggest?q=a%20a%20… (2000 words)";
}

TEST_F(SearchFeaturesApiTest, PathTraversalOnStaticFilesServesNoFile) {
  httplib::Result page = Client().Get("/index.html");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);  // static files are served, so the refusals below mean something
  for (const char* path : {
           "/../../etc/passwd",
           "/../../../../../../etc/passwd",
           "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
           "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
           "/..%2f..%2f..%2f..%2fetc%2fpasswd",
           "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
           "//etc/passwd",
           "/../README.md",
           "/%2e%2e/README.md",
           "/%2e%2e%2fREADME.md",
           "/..%5cREADME.md",
           "/index.html/../../README.md",
           "/js/../../README.md",
           "/....//README.md",
       }) {
    httplib::Result result = Client().Get(path);
    if (!result) continue;  // refusing to answer serves no file either
    EXPECT_NE(result->status, 200) << path;
    EXPECT_EQ(result->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(result->body.find("Full-text search for Vietnamese"), std::string::npos) << path;
  }
}

// ---- CORS ----------------------------------------------------------------------------------

TEST_F(SearchFeaturesApiTest, WithoutCorsOriginNoCorsHeaders) {
  httplib::Client client("127.0.0.1", server_->port());
  httplib::Result result = client.Get("/api/search?q=khoa");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_FALSE(result->has_header("Access-Control-Allow-Origin"));
  result = client.Options(
      "/api/search", {{"Origin", "https://example.org"}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(result);
  EXPECT_NE(result->status, 204);
  EXPECT_FALSE(result->has_header("Access-Control-Allow-Origin"));
}

class SearchFeaturesCorsApiTest : public SharedServerTest<SearchFeaturesCorsApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS},
                              {"--access-log", "off", "--cors-origin", "https://example.org"});
  }
};

TEST_F(SearchFeaturesCorsApiTest, ApiResponsesAllowTheOrigin) {
  httplib::Client client("127.0.0.1", server_->port());
  httplib::Headers origin = {{"Origin", "https://example.org"}};
  for (const std::string& path :
       {std::string("/api/search?q=khoa"), std::string("/api/articles/") + kVuKhcnCongress,
        std::string("/api/suggest?q=tran"), std::string("/api/facets/unit")}) {
    httplib::Result result = client.Get(path.c_str(), origin);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_EQ(result->get_header_value("Access-Control-Allow-Origin"), "https://example.org")
        << path;
  }
  httplib::Result missing = client.Get("/api/articles/no-such-article", origin);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Access-Control-Allow-Origin"), "https://example.org");
}

TEST_F(SearchFeaturesCorsApiTest, PreflightIs204WithTheAllowedMethods) {
  httplib::Client client("127.0.0.1", server_->port());
  httplib::Result result = client.Options(
      "/api/search", {{"Origin", "https://example.org"}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 204);
  EXPECT_EQ(result->get_header_value("Access-Control-Allow-Origin"), "https://example.org");
  std::string methods = result->get_header_value("Access-Control-Allow-Methods");
  EXPECT_NE(methods.find("GET"), std::string::npos) << methods;
}

// ---- Concurrency ---------------------------------------------------------------------------

// A server of its own: if concurrent requests bring vnsearchd down, only this suite fails.
class SearchFeaturesConcurrencyApiTest : public SharedServerTest<SearchFeaturesConcurrencyApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS}, {"--access-log", "off"});
  }
};

TEST_F(SearchFeaturesConcurrencyApiTest, SixteenThreadsGetTheSameAnswersAsOne) {
  const std::vector<std::string> paths = {
      "/api/search?q=khoa",
      "/api/search?q=tran%20binh%20trong",
      "/api/search?q=Vi%E1%BB%87n%20OR%20Y%E1%BA%BFn&sort=-date",
      "/api/search?q=&term=2022-2025" + Param("unit", "Sở Khoa học và Công nghệ"),
      "/api/search?q=-Vi%E1%BB%87n&sort=date",
      "/api/search?q=hue%20yen&size=1",
      "/api/suggest?q=tran%20b",
      "/api/facets/person?prefix=nguyen",
      std::string("/api/articles/") + kBoKhcnReview + "/similar",
  };
  auto answer = [](httplib::Client& client, const std::string& path) {
    httplib::Result result = client.Get(path.c_str());
    if (!result) return std::string("no answer");
    json body = json::parse(result->body, nullptr, false);
    if (body.is_object()) body.erase("took_ms");
    return std::to_string(result->status) + " " + body.dump();
  };
  // One keep-alive connection per thread, so that requests overlap as much as they can.
  auto connect = [] {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client->set_keep_alive(true);
    client->set_read_timeout(10, 0);
    return client;
  };
  std::map<std::string, std::string> serial;
  std::unique_ptr<httplib::Client> serial_client = connect();
  for (const std::string& path : paths) {
    serial[path] = answer(*serial_client, path);
    ASSERT_EQ(serial[path].rfind("200 ", 0), 0u) << path << ": " << serial[path];
  }

  constexpr int kThreads = 16;
  constexpr int kRounds = 8;
  std::atomic<int> ready{0};
  std::mutex mutex;
  std::vector<std::string> differences;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::unique_ptr<httplib::Client> client = connect();
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();  // start together
      for (int round = 0; round < kRounds; ++round) {
        for (size_t i = 0; i < paths.size(); ++i) {
          const std::string& path = paths[(i + t) % paths.size()];
          std::string got = answer(*client, path);
          if (got != serial.at(path)) {
            std::lock_guard<std::mutex> lock(mutex);
            differences.push_back(path + " → " + got.substr(0, 300));
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_TRUE(differences.empty())
      << differences.size() << " of " << kThreads * kRounds * paths.size()
      << " answers differ, first: " << (differences.empty() ? "" : differences.front());
  EXPECT_TRUE(connect()->Get("/healthz")) << "vnsearchd no longer answers: it died under the load";
}

// Requests that start from every article: an empty query, a query of exclusions only, a facet
// listing, suggestions. vnsearchd once crashed when many came at once (each copied the one shared
// Xapian::Query::MatchAll, whose reference count is not atomic); this load reproduces that.
class SearchFeaturesMatchAllLoadApiTest
    : public SharedServerTest<SearchFeaturesMatchAllLoadApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS}, {"--access-log", "off"});
  }
};

TEST_F(SearchFeaturesMatchAllLoadApiTest, ConcurrentMatchAllRequestsKeepTheServerUp) {
  const std::vector<std::string> paths = {
      "/api/suggest?q=tran",
      "/api/facets/unit?limit=1",
      "/api/search?q=&size=1&facet_size=0",
      "/api/search?q=-Vi%E1%BB%87n&size=1&facet_size=0",
  };
  constexpr int kThreads = 16;
  constexpr int kRounds = 40;
  std::atomic<int> ready{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      ApiClient client(server_->port());
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int round = 0; round < kRounds; ++round) {
        for (const std::string& path : paths) {
          httplib::Result result = client.Get(path);
          if (!result || result->status != 200) ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0) << "of " << kThreads * kRounds * paths.size() << " requests";
  httplib::Client client("127.0.0.1", server_->port());
  EXPECT_TRUE(client.Get("/healthz")) << "vnsearchd no longer answers: it died under the load";
}

// ---- corpus/ with undated articles ---------------------------------------------------------

// tests/data/analysis_corpus/ adds eight short articles without a date.
class SearchFeaturesUndatedApiTest : public SharedServerTest<SearchFeaturesUndatedApiTest> {
 public:
  static SearchdProcess* Start() {
    return new SearchdProcess({VNSEARCH_CORPUS, VNSEARCH_TEST_DATA "/analysis_corpus"},
                              {"--access-log", "off"});
  }
};

TEST_F(SearchFeaturesUndatedApiTest, DateRangeLeavesUndatedArticlesOut) {
  ApiClient client(server_->port());
  EXPECT_EQ(client.Search("", "&size=1")["total"], 13);
  for (const char* range :
       {"&from=1900-01-01", "&to=2100-12-31", "&from=1900-01-01&to=2100-12-31"}) {
    json response = client.Search("", std::string("&size=20") + range);
    EXPECT_EQ(response["total"], 5) << range;
    EXPECT_EQ(HitIdSet(response), kEveryArticle) << range;
  }
}

TEST_F(SearchFeaturesUndatedApiTest, NewestFirstStartsWithTheDatedArticles) {
  ApiClient client(server_->port());
  json response = client.Search("", "&sort=-date&size=5");
  EXPECT_EQ(HitIds(response),
            (std::vector<std::string>{kBoKhcnReview, kVuKhcnCongress, kTrungTamCongress,
                                      kVienCongress, kSoKhcnCongress}));
  EXPECT_EQ(response["total"], 13);
}

}  // namespace
}  // namespace vnsearch::testing
