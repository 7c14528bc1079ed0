// Unit tests for the search answer's text: the bytes nlohmann::json writes for the same answer
// (its key order, escapes and numbers), every field's value, and invalid UTF-8 replaced as
// nlohmann::json replaces it.

#include "searchd/search_answer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace vnsearch {
namespace {

using nlohmann::json;

std::string Dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A string holding every character JSON escapes, the two quote-like ones and Vietnamese text.
std::string Hard(const std::string& stem) {
  std::string hard = stem + " \"Đảng uỷ\" \\ / <mark>&amp;</mark>\b\f\n\r\t";
  hard += std::string(1, '\0') + "\x01\x1f\x7f é ́ 𝔸 \xEF\xBF\xBF";
  return hard;
}

SearchResponse HardAnswer() {
  SearchResponse response;
  response.query = Hard("query");
  response.total = 4294967295u;
  response.page = 7;
  response.size = 50;
  response.took_ms = 2.0;
  response.suggestion = Hard("suggestion");
  response.partial_match = true;
  response.partial_shards = {"tcp://127.0.0.1:1", Hard("shard")};
  for (double score : {12.0, 0.1, 1e-7, 1e21, 3.14159265358979, 0.0}) {
    SearchHit hit;
    hit.id = Hard("id");
    hit.title = Hard("title");
    hit.date = "2024-01-02";
    hit.source = Hard("source");
    hit.score = score;
    hit.units = {Hard("unit"), "Viện Hàn lâm"};
    hit.persons = {Hard("person")};
    response.hits.push_back(hit);  // author, snippet and terms stay empty in one hit
    hit.author = Hard("author");
    hit.snippet = Hard("snippet");
    hit.terms = {"2020-2025", Hard("term")};
    response.hits.push_back(hit);
  }
  response.facets["unit"] = {{Hard("unit"), 3, true}, {"Sở KH&CN", 4294967295u, false}};
  response.facets["person"] = {};
  response.facets[Hard("facet")] = {{"x", 0, false}};
  return response;
}

TEST(SearchAnswerTest, IsWhatNlohmannJsonWritesForTheSameAnswer) {
  SearchResponse response = HardAnswer();
  std::string text = api::SearchAnswerText(response);
  json parsed = json::parse(text);
  // Read back and written again by nlohmann::json: the same bytes, so keys are in its order and
  // strings and numbers are written as it writes them.
  EXPECT_EQ(Dumped(parsed), text);
  // And every field holds what the response holds.
  EXPECT_EQ(parsed["query"], response.query);
  EXPECT_EQ(parsed["total"], response.total);
  EXPECT_EQ(parsed["page"], response.page);
  EXPECT_EQ(parsed["size"], response.size);
  EXPECT_EQ(parsed["took_ms"], response.took_ms);
  EXPECT_EQ(parsed["suggestion"], response.suggestion);
  EXPECT_EQ(parsed["partial_match"], true);
  EXPECT_EQ(parsed["timed_out"], false);
  EXPECT_EQ(parsed["partial_shards"], response.partial_shards);
  ASSERT_EQ(parsed["hits"].size(), response.hits.size());
  for (size_t i = 0; i < response.hits.size(); ++i) {
    const SearchHit& hit = response.hits[i];
    const json& written = parsed["hits"][i];
    EXPECT_EQ(written.size(), 10u);
    EXPECT_EQ(written["id"], hit.id);
    EXPECT_EQ(written["title"], hit.title);
    EXPECT_EQ(written["date"], hit.date);
    EXPECT_EQ(written["source"], hit.source);
    EXPECT_EQ(written["author"], hit.author);
    EXPECT_EQ(written["snippet"], hit.snippet);
    EXPECT_EQ(written["score"], hit.score);
    EXPECT_EQ(written["units"], hit.units);
    EXPECT_EQ(written["terms"], hit.terms);
    EXPECT_EQ(written["persons"], hit.persons);
  }
  ASSERT_EQ(parsed["facets"].size(), response.facets.size());
  for (const auto& [name, values] : response.facets) {
    const json& written = parsed["facets"][name];
    ASSERT_EQ(written.size(), values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(written[i]["value"], values[i].value);
      EXPECT_EQ(written[i]["count"], values[i].count);
      EXPECT_EQ(written[i]["selected"], values[i].selected);
      EXPECT_EQ(written[i].size(), 3u);
    }
  }
  // A score that is not a number is written as nlohmann::json writes it too.
  response.hits[0].score = std::nan("");
  text = api::SearchAnswerText(response);
  EXPECT_EQ(Dumped(json::parse(text)), text);
  EXPECT_TRUE(json::parse(text)["hits"][0]["score"].is_null());
}

TEST(SearchAnswerTest, ReplacesInvalidUtf8AsNlohmannJsonDoes) {
  // Ill-formed sequences: a stray continuation byte, a lone lead byte, an overlong '/', a
  // surrogate, a code point past U+10FFFF, a sequence cut short at the end.
  const std::string ill_formed[] = {"a\x80z",           "Đ\xC3",       "\xC0\xAF", "x\xED\xA0\x80y",
                                    "\xF4\x90\x80\x80", "Trần\xE1\xBA"};
  for (const std::string& bad : ill_formed) {
    // The string nlohmann::json makes of it: what the answer must say in its place.
    std::string repaired = json::parse(Dumped(json(bad))).get<std::string>();
    ASSERT_NE(repaired, bad);
    SearchResponse with_bad = HardAnswer();
    SearchResponse with_repaired = HardAnswer();
    with_bad.query = with_bad.hits[1].snippet = with_bad.hits[2].units[1] = bad;
    with_repaired.query = with_repaired.hits[1].snippet = with_repaired.hits[2].units[1] = repaired;
    with_bad.facets[bad] = with_bad.facets["unit"];
    with_repaired.facets[repaired] = with_repaired.facets["unit"];
    EXPECT_EQ(api::SearchAnswerText(with_bad), api::SearchAnswerText(with_repaired)) << bad;
  }
}

}  // namespace
}  // namespace vnsearch
