// document_builder: the index side of the schema. Every token is posted twice at one position
// (exact and folded space) so phrases work whichever way the reader types; title tokens are
// posted with extra weight and again under the title-only prefixes.

#include "index/document_builder.h"

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analysis/analyzer.h"
#include "article/article_json.h"
#include "article/canonical_name.h"
#include "index/schema.h"

namespace vnsearch {

std::string FacetValueId(const char* prefix, const std::string& value) {
  std::string key = FacetFilterTerm(prefix, value);  // prefix + key: ids differ across facets
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char byte : key) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  std::string id(schema::kFacetIdBytes, '\0');
  for (size_t i = 0; i < schema::kFacetIdBytes; ++i) {
    id[i] = static_cast<char>(hash >> (8 * (schema::kFacetIdBytes - 1 - i)));
  }
  return id;
}

std::string FacetNameKey(const char* prefix, const std::string& id) {
  static const char kHex[] = "0123456789abcdef";
  std::string key = std::string(prefix) + schema::kFacetNameSeparator;
  for (unsigned char byte : id) {
    key += kHex[byte >> 4];
    key += kHex[byte & 15];
  }
  return key;
}

std::string FacetFilterTerm(const char* prefix, const std::string& value) {
  std::string_view kind(prefix);
  if (kind != schema::kTermFilter && kind != schema::kRoleTermFilter) {
    return prefix + NameKey(value);
  }
  // A term of office in any spelling ("2022 – 2025") is keyed "2022-2025".
  std::string digits;
  for (char c : value) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return prefix + (digits.size() == 8 ? digits.substr(0, 4) + "-" + digits.substr(4) : value);
}

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
    document->add_boolean_term(FacetFilterTerm(filter_prefix, name));
    ids.push_back(FacetValueId(filter_prefix, name));
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
    document->add_boolean_term(FacetFilterTerm(schema::kRolePersonFilter, fact.person));
    if (!fact.unit.empty()) {
      document->add_boolean_term(FacetFilterTerm(schema::kRoleUnitFilter, fact.unit));
    }
    document->add_boolean_term(FacetFilterTerm(schema::kRoleTitleFilter, fact.role));
    if (!fact.term.empty()) {
      document->add_boolean_term(FacetFilterTerm(schema::kRoleTermFilter, fact.term));
    }
  }
  nlohmann::json entry = ArticleToJson(article);
  for (const char* field : {"body", "source", "author", "persons", "terms"}) entry.erase(field);
  document->add_value(schema::kDirectorySlot,
                      entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

std::string ArticleIdTerm(const std::string& article_id) {
  return schema::kArticleId + article_id;
}


Xapian::Document BuildDocument(const Article& article, const std::string& content_hash) {
  Xapian::Document document;
  std::vector<Token> tokens;
  uint32_t next_position = Analyze(article.title, &tokens, 1);
  PostTokens(tokens, schema::kTitleWdf, true, &document);
  // Body, then byline and source: each after a gap, so no phrase spans two of them.
  for (const std::string* text : {&article.body, &article.author, &article.source}) {
    tokens.clear();
    next_position = Analyze(*text, &tokens, next_position + schema::kBodyPositionGap);
    PostTokens(tokens, 1, false, &document);
  }

  document.add_boolean_term(ArticleIdTerm(article.id));
  std::vector<std::string> unit_names = UnitNames(article);
  std::vector<std::string> person_names = PersonNames(article);
  AddFacet(unit_names, schema::kUnitFilter, schema::kUnitsSlot, &document);
  AddFacet(article.terms, schema::kTermFilter, schema::kTermsSlot, &document);
  AddFacet(person_names, schema::kPersonFilter, schema::kPersonsSlot, &document);
  AddNameWords(unit_names, schema::kUnitWord, &document);
  AddNameWords(person_names, schema::kPersonWord, &document);
  if (!article.main_unit.empty()) {
    document.add_boolean_term(FacetFilterTerm(schema::kMainUnitFilter, article.main_unit));
  }

  AddRoleFacts(article, &document);

  std::string compact_date;
  for (char c : article.date) {
    if (c != '-') compact_date += c;
  }
  document.add_value(schema::kDateSlot, compact_date);
  // Undated articles sort before every date, as they do by kDateSlot.
  document.add_value(schema::kDateThenIdSlot,
                     (compact_date.empty() ? std::string(8, '0') : compact_date) + article.id);
  document.add_value(schema::kContentHashSlot, content_hash);
  document.set_data(ArticleToJson(article).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace));
  return document;
}

std::vector<std::pair<std::string, std::string>> FacetNames(const Article& article) {
  std::vector<std::pair<std::string, std::string>> entries;
  auto add = [&](const std::vector<std::string>& names, const char* prefix) {
    for (const std::string& name : names) {
      entries.emplace_back(FacetNameKey(prefix, FacetValueId(prefix, name)), name);
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
  if (current.empty()) return !candidate.empty();
  size_t candidate_capitals = CapitalisedWords(candidate);
  size_t current_capitals = CapitalisedWords(current);
  if (candidate_capitals != current_capitals) return candidate_capitals > current_capitals;
  if (candidate.size() != current.size()) return candidate.size() < current.size();
  return candidate < current;
}

}  // namespace vnsearch
