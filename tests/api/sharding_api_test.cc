// API tests of shards (issue #14): the same articles as one local index, as three local shards
// (vnsearch-index --shards 3) and as the same three shards behind xapian-tcpsrv give the same
// answers on every route — ids, order, scores, totals, facet counts, suggestions, directory
// pages. Every server runs on 127.0.0.1, on a free port.

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/api_client.h"
#include "api/searchd_process.h"
#include "api/temp_corpus.h"
#include "api/xapian_server_process.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

// Every article the tests have: corpus/, the directory, analysis and extraction test sets, and
// generated near-copies of corpus/ (many equal dates and near-equal scores: ties to order).
void WriteTestCorpus(const std::string& folder) {
  CopyCorpus(folder + "/corpus");
  for (const char* set : {"directory_corpus", "analysis_corpus", "extraction_holdout"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(VNSEARCH_TEST_DATA) + "/" + set)) {
      if (entry.path().extension() != ".txt") continue;
      std::filesystem::create_directories(folder + "/" + set);
      std::filesystem::copy_file(entry.path(),
                                 folder + "/" + set + "/" + entry.path().filename().string());
    }
  }
  GenerateArticles(folder, 45);
}

std::string Encoded(const std::string& text) { return httplib::detail::encode_query_param(text); }

class ShardingApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus_ = new TempFolder();
    WriteTestCorpus(corpus_->path());
    indexes_ = new TempFolder();
    ASSERT_EQ(SearchdProcess::RunIndexer({"--db", *indexes_ / "one", corpus_->path()}), 0);
    ASSERT_EQ(SearchdProcess::RunIndexer(
                  {"--db", *indexes_ / "sharded", "--shards", "3", corpus_->path()}),
              0);
    std::vector<std::string> remote_flags;
    for (int shard = 0; shard < 3; ++shard) {
      shard_servers_[shard] = XapianServerProcess::TcpServer(
          *indexes_ / ("sharded/shard-" + std::to_string(shard)), /*writable=*/false);
      remote_flags.push_back("--db");
      remote_flags.push_back(shard_servers_[shard]->address());
    }
    std::vector<std::string> common = {"--threads", "2", "--access-log", "off"};
    auto with_common = [&](std::vector<std::string> flags) {
      flags.insert(flags.end(), common.begin(), common.end());
      return flags;
    };
    one_index_ =
        new SearchdProcess(SearchdProcess::ServeOnly{}, with_common({"--db", *indexes_ / "one"}));
    local_shards_ = new SearchdProcess(SearchdProcess::ServeOnly{},
                                       with_common({"--db", *indexes_ / "sharded"}));
    remote_shards_ = new SearchdProcess(SearchdProcess::ServeOnly{}, with_common(remote_flags));
  }

  static void TearDownTestSuite() {
    delete one_index_;
    delete local_shards_;
    delete remote_shards_;
    for (XapianServerProcess*& server : shard_servers_) {
      delete server;
      server = nullptr;
    }
    delete indexes_;
    delete corpus_;
  }

  static json GetJson(const SearchdProcess* server, const std::string& path, int status = 200) {
    httplib::Result result = ApiClient(server->port()).Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return json();
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    json body = json::parse(result->body, nullptr, false);
    if (body.is_object()) body.erase("took_ms");
    return body;
  }

  // The same request to the one index and to both sets of shards: the same answer, scores
  // within rounding.
  static void ExpectSameEverywhere(const std::string& path) {
    json expected = GetJson(one_index_, path);
    for (const SearchdProcess* shards : {local_shards_, remote_shards_}) {
      json answer = GetJson(shards, path);
      SCOPED_TRACE(path + (shards == local_shards_ ? " (local shards)" : " (remote shards)"));
      ExpectSameJson(expected, answer);
    }
  }

  static bool NearlyEqual(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
  }

  // The same hits in the same order — but hits whose scores differ only by floating-point
  // rounding are ties, in any order: Xapian sums a document's weight in an order that depends on
  // the shard's own term statistics, so exact copies of an article may score 70.2126171687302 on
  // one index and 70.21261716873019 on a shard. (A tie cut by the end of the page may show
  // different members of it.)
  static void ExpectSameHits(const json& expected, const json& actual, const std::string& at) {
    ASSERT_EQ(expected.size(), actual.size()) << at << ": " << actual.dump(1);
    size_t start = 0;
    while (start < expected.size()) {
      size_t end = start + 1;
      while (end < expected.size() &&
             NearlyEqual(expected[start]["score"], expected[end]["score"])) {
        ++end;
      }
      bool cut_by_page_end = end == expected.size() && end - start > 1;
      for (size_t i = start; i < end; ++i) {
        std::string where = at + "[" + std::to_string(i) + "]";
        ASSERT_TRUE(NearlyEqual(expected[i]["score"], actual[i]["score"]))
            << where << ": " << expected[i]["score"] << " vs " << actual[i]["score"] << " ("
            << expected[i]["id"] << ", " << actual[i]["id"] << ")";
        if (cut_by_page_end) continue;
        bool found = false;
        for (size_t j = start; j < end && !found; ++j) {
          if (actual[j]["id"] == expected[i]["id"]) {
            ExpectSameJson(expected[i], actual[j], where);
            found = true;
          }
        }
        EXPECT_TRUE(found) << where << ": " << expected[i]["id"] << " is not among the tied hits";
      }
      start = end;
    }
  }

  // Equal JSON, but numbers that are not integers compared within 1e-9 (relative), and hits as
  // ExpectSameHits compares them.
  static void ExpectSameJson(const json& expected, const json& actual, const std::string& at = "") {
    if (expected.is_number_float() || actual.is_number_float()) {
      ASSERT_TRUE(actual.is_number()) << at;
      EXPECT_TRUE(NearlyEqual(expected.get<double>(), actual.get<double>()))
          << at << ": " << expected << " vs " << actual;
      return;
    }
    if (expected.is_object() && actual.is_object()) {
      ASSERT_EQ(expected.size(), actual.size()) << at << ": " << actual.dump();
      for (const auto& [key, value] : expected.items()) {
        ASSERT_TRUE(actual.contains(key)) << at << "." << key;
        if (key == "hits" && value.is_array()) {
          ExpectSameHits(value, actual[key], at + ".hits");
        } else {
          ExpectSameJson(value, actual[key], at + "." + key);
        }
      }
      return;
    }
    if (expected.is_array() && actual.is_array()) {
      ASSERT_EQ(expected.size(), actual.size()) << at << ": " << actual.dump(1);
      for (size_t i = 0; i < expected.size(); ++i) {
        ExpectSameJson(expected[i], actual[i], at + "[" + std::to_string(i) + "]");
      }
      return;
    }
    EXPECT_EQ(expected, actual) << at;
  }

  // The most frequent value of `facet` over every article, as the one index lists it.
  static std::string TopValue(const std::string& facet, size_t rank = 0) {
    json listing = GetJson(one_index_, "/api/facets/" + facet + "?limit=10");
    return listing["values"].size() > rank ? listing["values"][rank]["value"].get<std::string>()
                                           : "";
  }

  static inline TempFolder* corpus_ = nullptr;
  static inline TempFolder* indexes_ = nullptr;
  static inline XapianServerProcess* shard_servers_[3] = {};
  static inline SearchdProcess* one_index_ = nullptr;
  static inline SearchdProcess* local_shards_ = nullptr;
  static inline SearchdProcess* remote_shards_ = nullptr;
};

TEST_F(ShardingApiTest, EveryArticleIsInExactlyOneShard) {
  json one = GetJson(one_index_, "/healthz");
  EXPECT_GT(one["documents"].get<int>(), 60);
  EXPECT_EQ(GetJson(local_shards_, "/healthz")["documents"], one["documents"]);
  EXPECT_EQ(GetJson(remote_shards_, "/healthz")["documents"], one["documents"]);
  json answer = GetJson(remote_shards_, "/api/search?q=");
  EXPECT_EQ(answer["partial_shards"], json::array());
}

TEST_F(ShardingApiTest, SearchesWithFiltersGiveTheSameIdsOrderTotalsAndFacetCounts) {
  std::string unit = Encoded(TopValue("unit")), other_unit = Encoded(TopValue("unit", 1));
  std::string person = Encoded(TopValue("person")), term = Encoded(TopValue("term"));
  ASSERT_FALSE(unit.empty());
  ASSERT_FALSE(person.empty());
  ASSERT_FALSE(term.empty());
  const std::vector<std::string> searches = {
      "q=",
      "q=&sort=-date&size=30",
      "q=&sort=date&size=7&page=3",
      "q=dai+hoi",
      "q=" + Encoded("đại hội chi bộ") + "&size=25",
      "q=khoa+hoc&unit=" + unit + "&facet_size=50",
      "q=&unit=" + unit + "&unit=" + other_unit + "&sort=-date",
      "q=&term=" + term + "&person=" + person,
      "q=nhiem+ky&term=" + term + "&from=2020-01-01&to=2024-12-31",
      "q=" + Encoded("\"khoa học\"") + "&sort=-date",
      "q=" + Encoded("dai hoi OR hoi nghi") + "&size=40",
      "q=" + Encoded("bi thu -pho"),
      "q=" + Encoded("person:trong"),
      "q=" + Encoded("unit:khoa hoc cong nghe"),
      "q=" + Encoded("title:dai hoi") + "&size=15&page=2",
      "q=" + Encoded("tran binh trong"),   // accents restored
      "q=" + Encoded("dai hooi dang bo"),  // a typo corrected
      "q=" + Encoded("KH&CN 2020-2025"),   // codes
      // No article has every word: a partial match. (Not every such query: Xapian's matcher may
      // leave an optional part out of the weight of a near-copy it does not expect to rank, on
      // one index as on shards, and which copies depends on the order it meets them.)
      "q=" + Encoded("lang son zzyzx"),
      "q=" + Encoded("so huu tri tue zzyzx") + "&size=20",
      "q=" + Encoded("nguyen van binh zzyzx"),
      "q=" + Encoded("zzyzx"),
      "q=" + Encoded("khoa*") + "&facet_size=100",
  };
  for (const std::string& search : searches) ExpectSameEverywhere("/api/search?" + search);
}

TEST_F(ShardingApiTest, ArticlesAndSimilarArticlesAreTheSame) {
  json all = GetJson(one_index_, "/api/search?q=&size=100");
  ASSERT_GT(all["hits"].size(), 20u);
  for (size_t i = 0; i < all["hits"].size(); i += 7) {
    std::string id = all["hits"][i]["id"];
    ExpectSameEverywhere("/api/articles/" + id);
    ExpectSameEverywhere("/api/articles/" + id + "/similar?limit=8");
  }
  GetJson(remote_shards_, "/api/articles/no/such/article", 404);
}

TEST_F(ShardingApiTest, FacetListingsAndSuggestionsAreTheSame) {
  for (const char* facet : {"unit", "term", "person"}) {
    ExpectSameEverywhere(std::string("/api/facets/") + facet + "?limit=500");
  }
  ExpectSameEverywhere("/api/facets/unit?prefix=" + Encoded("khoa hoc") + "&limit=50");
  ExpectSameEverywhere("/api/facets/person?prefix=nguyen");
  for (const char* typed : {"tran b", "dai hoi", "Bộ Tài", "khoa hoc va", "nguyen van"}) {
    ExpectSameEverywhere("/api/suggest?q=" + Encoded(typed));
  }
}

TEST_F(ShardingApiTest, DirectoryRoutesAreTheSame) {
  ExpectSameEverywhere("/api/roles?size=100");
  ExpectSameEverywhere("/api/roles?role=" + Encoded("Bí thư") + "&size=50");
  ExpectSameEverywhere("/api/roles?term=2020-2025&page=2&size=5");
  for (size_t rank = 0; rank < 3; ++rank) {
    ExpectSameEverywhere("/api/persons/" + Encoded(TopValue("person", rank)));
    ExpectSameEverywhere("/api/units/" + Encoded(TopValue("unit", rank)));
  }
  ExpectSameEverywhere("/api/persons/" + Encoded("Nguyễn Văn Bình"));
}

TEST_F(ShardingApiTest, AStubFileListingTheShardsServesTheSame) {
  // Xapian's own stub format: a remote shard, and local ones relative to the stub's folder.
  std::string stub = *indexes_ / "shards.stub";
  WriteText(stub,
            "# the three shards\nremote 127.0.0.1:" + std::to_string(shard_servers_[0]->port()) +
                "\nauto sharded/shard-1\nauto " + *indexes_ / "sharded/shard-2" + "\n");
  SearchdProcess from_stub(SearchdProcess::ServeOnly{},
                           {"--db", stub, "--threads", "2", "--access-log", "off"});
  for (const std::string& path :
       {std::string("/api/search?q=dai+hoi&size=20"), std::string("/api/facets/unit?limit=100")}) {
    ExpectSameJson(GetJson(one_index_, path), GetJson(&from_stub, path), path);
  }
}

TEST_F(ShardingApiTest, ShardsInTheWrongOrderAreRefusedAtStart) {
  std::string output;
  // Shard 1 given first: vnsearchd would send writes to shards that do not own the article.
  int port = FreeLoopbackPort();
  std::string command = "timeout 20 " + std::string(VNSEARCH_DAEMON) + " --port " +
                        std::to_string(port) + " --db " + shard_servers_[1]->address() + " --db " +
                        shard_servers_[0]->address() + " --db " + shard_servers_[2]->address() +
                        " 2>&1";
  FILE* daemon = popen(command.c_str(), "r");
  ASSERT_NE(daemon, nullptr);
  char line[1024];
  while (std::fgets(line, sizeof line, daemon) != nullptr) output += line;
  EXPECT_NE(pclose(daemon), 0);
  EXPECT_NE(output.find("is shard 1/3"), std::string::npos) << output;
  EXPECT_NE(output.find("in the order of their numbers"), std::string::npos) << output;
}

}  // namespace
}  // namespace vnsearch::testing
