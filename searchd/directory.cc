// directory: every page is built from the compact directory entries of the articles that match
// the person's or the unit's filter terms (schema::kDirectorySlot), never from the article
// bodies. Names are compared by NameKey(), so any spelling finds the same person or unit.

#include "searchd/directory.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "article/canonical_name.h"
#include "index/schema.h"

namespace vnsearch {
namespace {

using nlohmann::json;

// More matching articles than this are not read for one request: a page is for reading.
constexpr Xapian::doccount kMaxArticlesRead = 50000;
constexpr size_t kMaxArticlesListed = 200;

struct Entry {
  json article;  // {"id","title","date"}
  json data;     // the whole directory entry
};

std::string StringOf(const json& object, const char* name) {
  auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// The directory entries of the articles matching `query`, newest first.
std::vector<Entry> ReadEntries(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Newest first; articles of one day by id, so that any shard layout gives the same order.
  enquire.set_sort_by_value(schema::kDateThenIdSlot, /*reverse=*/true);
  Xapian::MSet matches = enquire.get_mset(0, kMaxArticlesRead);
  std::vector<Entry> entries;
  for (Xapian::MSetIterator match = matches.begin(); match != matches.end(); ++match) {
    json data = json::parse(match.get_document().get_value(schema::kDirectorySlot), nullptr,
                            /*allow_exceptions=*/false);
    if (!data.is_object()) continue;  // an index from before role facts: nothing to show
    entries.push_back({{{"id", StringOf(data, "id")},
                        {"title", StringOf(data, "title")},
                        {"date", StringOf(data, "date")}},
                       std::move(data)});
  }
  return entries;
}

Xapian::Query FilterTerm(const char* prefix, const std::string& value) {
  return Xapian::Query(schema::FacetFilterTerm(prefix, value));
}

std::string TermKey(const std::string& term) {
  return schema::FacetFilterTerm(schema::kRoleTermFilter, term)
      .substr(sizeof(schema::kRoleTermFilter) - 1);
}

json FactJson(const json& fact, const json& article) {
  return {{"person", StringOf(fact, "person")},      {"role", StringOf(fact, "role")},
          {"unit", StringOf(fact, "unit")},          {"term", StringOf(fact, "term")},
          {"elected", fact.value("elected", false)}, {"article", article}};
}

// Newest term first (facts with no term after those with one), then newest article.
void SortFacts(json* facts) {
  std::stable_sort(facts->begin(), facts->end(), [](const json& a, const json& b) {
    std::string term_a = a["term"], term_b = b["term"];
    if (term_a.empty() != term_b.empty()) return term_b.empty();
    if (term_a != term_b) return term_a > term_b;
    return a["article"]["date"].get<std::string>() > b["article"]["date"].get<std::string>();
  });
}

// The most frequent spelling among `spellings` (ties: the first seen).
std::string MostCommon(const std::vector<std::string>& spellings) {
  std::map<std::string, size_t> counts;
  std::string best;
  for (const std::string& spelling : spellings) {
    if (++counts[spelling] > counts[best] || best.empty()) best = spelling;
  }
  return best;
}

// Whether the name keyed `key` ends with the words of `tail` (and is longer): "chi bo vu x"
// ends with "vu x" — a unit named after another.
bool EndsWithWords(const std::string& key, const std::string& tail) {
  return key.size() > tail.size() &&
         key.compare(key.size() - tail.size(), tail.size(), tail) == 0 &&
         key[key.size() - tail.size() - 1] == ' ';
}

// The units an article places `unit_key` in, from the nearest up ("Vụ X" → "Bộ Y"), and the
// organisation a Party body or an office is named after ("Chi bộ Vụ X" → "Vụ X"), as keys.
std::set<std::string> UnitAndItsOrganisations(const std::string& unit_key, const json& units) {
  std::set<std::string> keys{unit_key};
  std::vector<std::string> pending{unit_key};
  while (!pending.empty()) {
    std::string key = pending.back();
    pending.pop_back();
    for (const json& unit : units) {
      std::string name_key = NameKey(StringOf(unit, "name"));
      std::string parent = StringOf(unit, "parent");
      if (EndsWithWords(key, name_key) && keys.insert(name_key).second) pending.push_back(name_key);
      if (name_key == key && !parent.empty() && keys.insert(NameKey(parent)).second) {
        pending.push_back(NameKey(parent));
      }
    }
  }
  return keys;
}

// Union-find over the articles of a person page.
class Groups {
 public:
  explicit Groups(size_t size) : parent_(size) {
    for (size_t i = 0; i < size; ++i) parent_[i] = i;
  }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

json FindRoles(const Xapian::Database& database, const RoleQuery& query) {
  std::vector<Xapian::Query> filters;
  if (!query.person.empty()) filters.push_back(FilterTerm(schema::kRolePersonFilter, query.person));
  if (!query.unit.empty()) filters.push_back(FilterTerm(schema::kRoleUnitFilter, query.unit));
  if (!query.role.empty()) filters.push_back(FilterTerm(schema::kRoleTitleFilter, query.role));
  if (!query.term.empty()) filters.push_back(FilterTerm(schema::kRoleTermFilter, query.term));
  Xapian::Query matcher =
      filters.empty() ? Xapian::Query(std::string())  // every document
                      : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
  std::string person_key = NameKey(query.person), unit_key = NameKey(query.unit);
  std::string role_key = NameKey(query.role),
              term_key = query.term.empty() ? "" : TermKey(query.term);
  json facts = json::array();
  for (const Entry& entry : ReadEntries(database, matcher)) {
    for (const json& fact : entry.data.value("role_facts", json::array())) {
      if (!person_key.empty() && NameKey(StringOf(fact, "person")) != person_key) continue;
      if (!unit_key.empty() && NameKey(StringOf(fact, "unit")) != unit_key) continue;
      if (!role_key.empty() && NameKey(StringOf(fact, "role")) != role_key) continue;
      if (!term_key.empty() && TermKey(StringOf(fact, "term")) != term_key) continue;
      facts.push_back(FactJson(fact, entry.article));
    }
  }
  SortFacts(&facts);
  size_t first = std::min(facts.size(), (query.page - 1) * query.size);
  size_t last = std::min(facts.size(), first + query.size);
  return {{"total", facts.size()},
          {"page", query.page},
          {"size", query.size},
          {"facts", json(std::vector<json>(facts.begin() + first, facts.begin() + last))}};
}

std::optional<json> PersonPage(const Xapian::Database& database, const std::string& name) {
  std::string key = NameKey(name);
  if (key.empty()) return std::nullopt;
  Xapian::Query matcher(Xapian::Query::OP_OR, FilterTerm(schema::kRolePersonFilter, name),
                        FilterTerm(schema::kPersonFilter, name));
  std::vector<Entry> entries = ReadEntries(database, matcher);
  if (entries.empty()) return std::nullopt;

  // Each article's facts about the person and the units they tie the person to.
  std::vector<std::vector<json>> facts(entries.size());
  std::vector<std::set<std::string>> anchors(entries.size());
  std::vector<std::string> spellings;
  for (size_t i = 0; i < entries.size(); ++i) {
    const json& units = entries[i].data.value("units", json::array());
    for (const json& fact : entries[i].data.value("role_facts", json::array())) {
      if (NameKey(StringOf(fact, "person")) != key) continue;
      facts[i].push_back(fact);
      spellings.push_back(StringOf(fact, "person"));
      std::string unit = StringOf(fact, "unit");
      if (unit.empty()) continue;
      for (const std::string& anchor : UnitAndItsOrganisations(NameKey(unit), units)) {
        anchors[i].insert(anchor);
      }
    }
  }
  // Articles whose roles share a unit are one person; an article that only names the person
  // joins the person whose units it names, else stands alone.
  Groups groups(entries.size());
  std::map<std::string, size_t> first_with_anchor;
  for (size_t i = 0; i < entries.size(); ++i) {
    for (const std::string& anchor : anchors[i]) {
      auto [found, inserted] = first_with_anchor.emplace(anchor, i);
      if (!inserted) groups.Join(i, found->second);
    }
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!facts[i].empty()) continue;
    for (const json& unit : entries[i].data.value("units", json::array())) {
      auto found = first_with_anchor.find(NameKey(StringOf(unit, "name")));
      if (found != first_with_anchor.end()) {
        groups.Join(i, found->second);
        break;
      }
    }
  }

  std::map<size_t, json> people;
  for (size_t i = 0; i < entries.size(); ++i) {
    json& person = people[groups.Find(i)];
    if (person.is_null()) {
      person = {{"roles", json::array()},
                {"units", json::array()},
                {"terms", json::array()},
                {"articles", json::array()}};
    }
    person["articles"].push_back(entries[i].article);
    for (const json& fact : facts[i]) {
      person["roles"].push_back(FactJson(fact, entries[i].article));
      std::string unit = StringOf(fact, "unit"), term = StringOf(fact, "term");
      if (!unit.empty() && std::find(person["units"].begin(), person["units"].end(), unit) ==
                               person["units"].end()) {
        person["units"].push_back(unit);
      }
      if (!term.empty() && std::find(person["terms"].begin(), person["terms"].end(), term) ==
                               person["terms"].end()) {
        person["terms"].push_back(term);
      }
    }
  }
  json list = json::array();
  for (auto& [unused, person] : people) {
    SortFacts(&person["roles"]);
    std::sort(person["terms"].begin(), person["terms"].end(), std::greater<json>());
    list.push_back(std::move(person));
  }
  std::stable_sort(list.begin(), list.end(), [](const json& a, const json& b) {
    if (a["roles"].size() != b["roles"].size()) return a["roles"].size() > b["roles"].size();
    return a["articles"].size() > b["articles"].size();
  });
  return json{{"name", spellings.empty() ? name : MostCommon(spellings)}, {"people", list}};
}

std::optional<json> UnitPage(const Xapian::Database& database, const std::string& name) {
  std::string key = NameKey(name);
  if (key.empty()) return std::nullopt;
  Xapian::Query matcher(Xapian::Query::OP_OR, FilterTerm(schema::kUnitFilter, name),
                        FilterTerm(schema::kRoleUnitFilter, name));
  std::vector<Entry> entries = ReadEntries(database, matcher);
  if (entries.empty()) return std::nullopt;

  std::vector<std::string> spellings, parents, children;
  std::map<std::string, json> leadership;  // term → roles
  json articles = json::array();
  for (const Entry& entry : entries) {
    if (articles.size() < kMaxArticlesListed) articles.push_back(entry.article);
    for (const json& unit : entry.data.value("units", json::array())) {
      std::string unit_name = StringOf(unit, "name"), parent = StringOf(unit, "parent");
      std::string unit_key = NameKey(unit_name);
      if (unit_key == key) {
        spellings.push_back(unit_name);
        if (!parent.empty()) parents.push_back(parent);
        continue;
      }
      if (NameKey(parent) == key || EndsWithWords(unit_key, key)) children.push_back(unit_name);
    }
    for (const json& fact : entry.data.value("role_facts", json::array())) {
      std::string fact_unit = StringOf(fact, "unit");
      std::string fact_key = NameKey(fact_unit);
      if (EndsWithWords(fact_key, key)) children.push_back(fact_unit);  // "Đảng ủy Bộ Y tế"
      if (fact_key != key) continue;
      spellings.push_back(StringOf(fact, "unit"));
      json role = FactJson(fact, entry.article);
      role.erase("unit");
      role.erase("term");
      leadership[StringOf(fact, "term")].push_back(std::move(role));
    }
  }
  // Distinct names, most often given first.
  auto distinct = [](const std::vector<std::string>& names) {
    std::map<std::string, size_t> counts;
    std::map<std::string, std::string> spelling;
    for (const std::string& spelled : names) {
      std::string name_key = NameKey(spelled);
      ++counts[name_key];
      spelling.emplace(name_key, spelled);
    }
    std::vector<std::pair<size_t, std::string>> ordered;
    for (const auto& [name_key, count] : counts) ordered.emplace_back(count, spelling[name_key]);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    json list = json::array();
    for (const auto& [count, shown] : ordered) list.push_back(shown);
    return list;
  };
  json terms = json::array();
  for (auto term = leadership.rbegin(); term != leadership.rend(); ++term) {
    if (!term->first.empty()) terms.push_back({{"term", term->first}, {"roles", term->second}});
  }
  if (leadership.count("")) terms.push_back({{"term", ""}, {"roles", leadership[""]}});
  return json{{"name", spellings.empty() ? name : MostCommon(spellings)},
              {"parents", distinct(parents)},
              {"children", distinct(children)},
              {"leadership", terms},
              {"total_articles", entries.size()},
              {"articles", articles}};
}

}  // namespace vnsearch
