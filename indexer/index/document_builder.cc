// document_builder: the index side of the schema. Every token is posted twice at one position
// (exact and folded space) so phrases work whichever way the reader types; title tokens are
// posted with extra weight and again under the title-only prefixes.

#include "index/document_builder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "analysis/abbreviations.h"
#include "analysis/analyzer.h"
#include "article/article_json.h"
#include "article/canonical_name.h"
#include "index/schema.h"
#include "index/stored_article.h"

namespace vnsearch {

namespace {

// Positions go to the folded space only: phrases are matched there (an exact phrase is the
// folded phrase with each exact word present), which halves the position table, the largest
// part of the index.
void PostTokens(const std::vector<Token>& tokens, Xapian::termcount wdf, bool title,
                Xapian::Document* document) {
  for (const Token& token : tokens) {
    document->add_term(token.exact, wdf);
    document->add_posting(schema::kFolded + token.folded, token.position, wdf);
    if (title) {
      document->add_term(schema::kTitleExact + token.exact);
      document->add_posting(schema::kTitleFolded + token.folded, token.position);
    }
  }
}

// A pair term holds two words of up to kMaxTermBytes each; Xapian refuses terms over 245 bytes.
static_assert(sizeof(schema::kFoldedPair) - 1 + 2 * kMaxTermBytes + 1 <= 245,
              "two of the longest words must fit in one pair term");

// Every two folded words at adjacent positions of one field (`tokens`) as a pair term. Tokens at
// one position (a compound and its first part) each pair with every token of the next.
void AddFoldedPairs(const std::vector<Token>& tokens, Xapian::Document* document) {
  std::vector<std::pair<uint32_t, const std::string*>> by_position;
  by_position.reserve(tokens.size());
  for (const Token& token : tokens) by_position.emplace_back(token.position, &token.folded);
  std::sort(by_position.begin(), by_position.end());
  for (size_t i = 0; i < by_position.size(); ++i) {
    for (size_t j = i + 1; j < by_position.size(); ++j) {
      if (by_position[j].first > by_position[i].first + 1) break;
      if (by_position[j].first == by_position[i].first + 1) {
        document->add_boolean_term(
            schema::FoldedPairTerm(*by_position[i].second, *by_position[j].second));
      }
    }
  }
}

// Each abbreviation expansion `tokens` (one field's) holds, as its kExpansion term counting
// `wdf` an occurrence.
void AddExpansions(const std::vector<Token>& tokens, Xapian::termcount wdf,
                   Xapian::Document* document) {
  for (const auto& [group, occurrences] : CountExpansions(tokens)) {
    document->add_term(schema::ExpansionTerm(group->expansion_words.folded), occurrences * wdf);
  }
}

// The folded words of `names` as terms under `prefix`, for field queries.
void AddNameWords(const std::vector<std::string>& names, const char* prefix,
                  Xapian::Document* document) {
  for (const std::string& name : names) {
    for (const std::string& word : FoldedTerms(ExpandAbbreviations(name))) {
      document->add_boolean_term(prefix + word);
    }
  }
}

// One facet: a filter term per value, and the sorted ids in its slot.
void AddFacet(const std::vector<std::string>& names, const char* filter_prefix,
              Xapian::valueno slot, Xapian::Document* document) {
  std::vector<std::string> ids;
  for (const std::string& name : names) {
    document->add_boolean_term(schema::FacetFilterTerm(filter_prefix, name));
    ids.push_back(schema::FacetValueId(filter_prefix, name));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string joined;
  for (const std::string& id : ids) joined += id;
  document->add_value(slot, joined);
}

std::vector<std::string> UnitNames(const Article& article) {
  std::vector<std::string> names;
  for (const Unit& unit : article.units) names.push_back(unit.name);
  return names;
}

std::vector<std::string> PersonNames(const Article& article) {
  std::vector<std::string> names;
  for (const Person& person : article.persons) names.push_back(person.name);
  return names;
}

// The role facts: filter terms for /api/roles, and the directory entry the pages read.
void AddRoleFacts(const Article& article, Xapian::Document* document) {
  for (const RoleFact& fact : article.role_facts) {
    document->add_boolean_term(schema::FacetFilterTerm(schema::kRolePersonFilter, fact.person));
    if (!fact.unit.empty()) {
      document->add_boolean_term(schema::FacetFilterTerm(schema::kRoleUnitFilter, fact.unit));
    }
    document->add_boolean_term(schema::FacetFilterTerm(schema::kRoleTitleFilter, fact.role));
    if (!fact.term.empty()) {
      document->add_boolean_term(schema::FacetFilterTerm(schema::kRoleTermFilter, fact.term));
    }
  }
  nlohmann::json entry = ArticleToJson(article);
  for (const char* field : {"body", "source", "author", "persons", "terms"}) entry.erase(field);
  document->add_value(schema::kDirectorySlot,
                      entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

Xapian::Document BuildDocument(const Article& article, const std::string& content_hash) {
  Xapian::Document document;
  std::vector<Token> tokens;
  uint32_t next_position = Analyze(article.title, &tokens, 1);
  PostTokens(tokens, schema::kTitleWdf, true, &document);
  AddFoldedPairs(tokens, &document);
  AddExpansions(tokens, schema::kTitleWdf, &document);
  // Body, then byline and source: each after a gap, so no phrase spans two of them.
  for (const std::string* text : {&article.body, &article.author, &article.source}) {
    tokens.clear();
    next_position = Analyze(*text, &tokens, next_position + schema::kBodyPositionGap);
    PostTokens(tokens, 1, false, &document);
    AddFoldedPairs(tokens, &document);
    AddExpansions(tokens, 1, &document);
  }

  document.add_boolean_term(schema::ArticleIdTerm(article.id));
  std::vector<std::string> unit_names = UnitNames(article);
  std::vector<std::string> person_names = PersonNames(article);
  AddFacet(unit_names, schema::kUnitFilter, schema::kUnitsSlot, &document);
  AddFacet(article.terms, schema::kTermFilter, schema::kTermsSlot, &document);
  AddFacet(person_names, schema::kPersonFilter, schema::kPersonsSlot, &document);
  AddNameWords(unit_names, schema::kUnitWord, &document);
  AddNameWords(person_names, schema::kPersonWord, &document);

  AddRoleFacts(article, &document);

  const std::string compact_date = schema::DateSlotValue(article.date);
  document.add_value(schema::kDateSlot, compact_date);
  // Undated articles sort before every date, as they do by kDateSlot.
  document.add_value(schema::kDateThenIdSlot,
                     schema::DateThenIdSlotValue(article.date, article.id));
  document.add_value(schema::kContentHashSlot, content_hash);
  document.set_data(EncodeStoredArticle(article));
  return document;
}

std::vector<std::pair<std::string, std::string>> FacetNames(const Article& article) {
  std::vector<std::pair<std::string, std::string>> entries;
  auto add = [&](const std::vector<std::string>& names, const char* prefix) {
    for (const std::string& name : names) {
      entries.emplace_back(schema::FacetNameKey(prefix, schema::FacetValueId(prefix, name)), name);
    }
  };
  add(UnitNames(article), schema::kUnitFilter);
  add(article.terms, schema::kTermFilter);
  add(PersonNames(article), schema::kPersonFilter);
  return entries;
}

namespace {

// How many space-separated words of `name` open with an uppercase letter.
size_t CapitalisedWords(const std::string& name) {
  size_t count = 0;
  bool at_word_start = true;
  int32_t at = 0;
  const int32_t length = static_cast<int32_t>(name.size());
  while (at < length) {
    UChar32 c;
    U8_NEXT(name.data(), at, length, c);
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (at_word_start && c >= 0 && u_isupper(c)) ++count;
    at_word_start = false;
  }
  return count;
}

}  // namespace

bool IsPreferredFacetName(const std::string& candidate, const std::string& current) {
  if (candidate.empty()) return false;
  if (current.empty()) return true;
  size_t candidate_capitals = CapitalisedWords(candidate);
  size_t current_capitals = CapitalisedWords(current);
  if (candidate_capitals != current_capitals) return candidate_capitals > current_capitals;
  if (candidate.size() != current.size()) return candidate.size() < current.size();
  return candidate < current;
}

}  // namespace vnsearch
