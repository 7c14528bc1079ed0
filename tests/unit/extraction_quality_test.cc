// Extraction quality against hand-made gold (issue #4): tests/data/gold.json for corpus/, and
// tests/data/extraction_holdout/gold.json for articles written for this test, with people and
// units the rules have never seen. Prints precision, recall and F1 per facet and on role facts
// (person + role + unit; with the term; elected facts with their term); fails below the bars:
// persons F1 0.95, terms 1.0, facts 0.90, elected facts 0.95, every title and date right.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "article/article_parser.h"
#include "article/canonical_name.h"

namespace vnsearch {
namespace {

using nlohmann::json;

struct Score {
  size_t true_positives = 0;
  size_t predicted = 0;
  size_t expected = 0;

  void Add(const std::set<std::string>& gold, const std::set<std::string>& found) {
    expected += gold.size();
    predicted += found.size();
    for (const std::string& key : found) true_positives += gold.count(key);
  }
  double Precision() const { return predicted == 0 ? 1.0 : double(true_positives) / predicted; }
  double Recall() const { return expected == 0 ? 1.0 : double(true_positives) / expected; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

struct Report {
  Score persons, units, terms, roles, parents;
  Score facts, facts_with_term, elected_facts;  // role facts (issue #15)
  size_t articles = 0, titles_right = 0, dates_right = 0, authors_right = 0, main_right = 0;
};

void Print(const char* name, const Score& score) {
  std::printf("  %-8s P %.3f  R %.3f  F1 %.3f   (%zu found, %zu expected, %zu right)\n", name,
              score.Precision(), score.Recall(), score.F1(), score.predicted, score.expected,
              score.true_positives);
}

Report Evaluate(const std::string& folder, const std::string& gold_path) {
  Report report;
  json gold = json::parse(ReadFile(gold_path));
  for (const json& expected : gold["articles"]) {
    std::string id = expected["id"];
    Article article = ParseArticle(id, ReadFile(folder + "/" + id + ".txt"));
    ++report.articles;
    report.titles_right += article.title == expected["title"];
    report.dates_right += article.date == expected["date"];
    report.authors_right += article.author == expected["author"];
    report.main_right +=
        NameKey(article.main_unit) == NameKey(expected["main_unit"].get<std::string>());
    EXPECT_EQ(article.title, expected["title"]) << id;
    EXPECT_EQ(article.date, expected["date"]) << id;

    std::set<std::string> gold_persons, found_persons, gold_roles, found_roles;
    for (const json& person : expected["persons"]) {
      std::string key = NameKey(person["name"].get<std::string>());
      gold_persons.insert(key);
      for (const json& role : person["roles"])
        gold_roles.insert(key + "|" + NameKey(role.get<std::string>()));
    }
    for (const Person& person : article.persons) {
      found_persons.insert(NameKey(person.name));
      for (const std::string& role : person.roles) {
        found_roles.insert(NameKey(person.name) + "|" + NameKey(role));
      }
    }
    std::set<std::string> gold_units, found_units, gold_parents, found_parents;
    for (const json& unit : expected["units"]) {
      std::string key = NameKey(unit["name"].get<std::string>());
      gold_units.insert(key);
      if (!unit["parent"].get<std::string>().empty()) {
        gold_parents.insert(key + "<" + NameKey(unit["parent"].get<std::string>()));
      }
    }
    for (const Unit& unit : article.units) {
      found_units.insert(NameKey(unit.name));
      if (!unit.parent.empty())
        found_parents.insert(NameKey(unit.name) + "<" + NameKey(unit.parent));
    }
    // Role facts: person + role + unit; with the term; and elected facts with their term.
    std::set<std::string> gold_facts, found_facts, gold_termed, found_termed, gold_elected,
        found_elected;
    for (const json& fact : expected["role_facts"]) {
      std::string key = NameKey(fact["person"].get<std::string>()) + "|" +
                        NameKey(fact["role"].get<std::string>()) + "|" +
                        NameKey(fact["unit"].get<std::string>());
      std::string termed = key + "|" + fact["term"].get<std::string>();
      gold_facts.insert(key);
      gold_termed.insert(termed);
      if (fact["elected"].get<bool>()) gold_elected.insert(termed);
    }
    for (const RoleFact& fact : article.role_facts) {
      std::string key = NameKey(fact.person) + "|" + NameKey(fact.role) + "|" + NameKey(fact.unit);
      std::string termed = key + "|" + fact.term;
      found_facts.insert(key);
      found_termed.insert(termed);
      if (fact.elected) found_elected.insert(termed);
    }
    for (const std::string& key : found_termed) {
      if (!gold_termed.count(key)) std::printf("  %s: extra fact %s\n", id.c_str(), key.c_str());
    }
    for (const std::string& key : gold_termed) {
      if (!found_termed.count(key)) std::printf("  %s: missed fact %s\n", id.c_str(), key.c_str());
    }
    report.facts.Add(gold_facts, found_facts);
    report.facts_with_term.Add(gold_termed, found_termed);
    report.elected_facts.Add(gold_elected, found_elected);
    std::set<std::string> gold_terms(expected["terms"].begin(), expected["terms"].end());
    std::set<std::string> found_terms(article.terms.begin(), article.terms.end());
    report.persons.Add(gold_persons, found_persons);
    report.roles.Add(gold_roles, found_roles);
    report.units.Add(gold_units, found_units);
    report.parents.Add(gold_parents, found_parents);
    report.terms.Add(gold_terms, found_terms);
    for (const std::string& key : found_persons) {
      if (!gold_persons.count(key)) std::printf("  %s: extra person %s\n", id.c_str(), key.c_str());
    }
    for (const std::string& key : gold_persons) {
      if (!found_persons.count(key))
        std::printf("  %s: missed person %s\n", id.c_str(), key.c_str());
    }
    for (const std::string& key : found_units) {
      if (!gold_units.count(key)) std::printf("  %s: extra unit %s\n", id.c_str(), key.c_str());
    }
    for (const std::string& key : gold_units) {
      if (!found_units.count(key)) std::printf("  %s: missed unit %s\n", id.c_str(), key.c_str());
    }
  }
  std::printf(
      "%s: %zu articles; titles %zu/%zu, dates %zu/%zu, authors %zu/%zu, main unit %zu/%zu\n",
      gold_path.c_str(), report.articles, report.titles_right, report.articles, report.dates_right,
      report.articles, report.authors_right, report.articles, report.main_right, report.articles);
  Print("persons", report.persons);
  Print("roles", report.roles);
  Print("units", report.units);
  Print("parents", report.parents);
  Print("terms", report.terms);
  Print("facts", report.facts);
  Print("+term", report.facts_with_term);
  Print("elected", report.elected_facts);
  return report;
}

void ExpectBars(const Report& report) {
  EXPECT_GE(report.persons.F1(), 0.95);
  EXPECT_GE(report.facts.F1(), 0.90);
  EXPECT_GE(report.facts_with_term.F1(), 0.90);
  EXPECT_GE(report.elected_facts.F1(), 0.95);
  EXPECT_DOUBLE_EQ(report.terms.F1(), 1.0);
  EXPECT_EQ(report.titles_right, report.articles);
  EXPECT_EQ(report.dates_right, report.articles);
  EXPECT_GT(report.articles, 0u);
}

TEST(ExtractionQualityTest, CorpusArticlesAgainstGold) {
  ExpectBars(Evaluate(VNSEARCH_CORPUS, VNSEARCH_TEST_DATA "/gold.json"));
}

TEST(ExtractionQualityTest, UnseenArticlesAgainstGold) {
  ExpectBars(Evaluate(VNSEARCH_TEST_DATA "/extraction_holdout",
                      VNSEARCH_TEST_DATA "/extraction_holdout/gold.json"));
}

}  // namespace
}  // namespace vnsearch
