// directory: who held which role, in which unit, for which term, across all articles — the role
// facts each article stores, queried by person, unit, role and term, and gathered into a page per
// person and per unit. Reads one Xapian::Database; not thread-safe (give each thread its own).
#ifndef VNSEARCH_SEARCHD_DIRECTORY_H_
#define VNSEARCH_SEARCHD_DIRECTORY_H_

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace vnsearch {

struct RoleQuery {
  // Each filter matches any spelling of its value (accents, abbreviations, "và" ignored), like
  // the facet filters; an empty one matches everything.
  std::string person;
  std::string unit;
  std::string role;
  std::string term;  // "2022-2025" in any spelling
  size_t page = 1;   // 1-based
  size_t size = 20;
};

// {"total","page","size","facts":[{"person","role","unit","term","elected","article":{"id",
// "title","date"}}]}: the matching facts, newest term first, then newest article.
nlohmann::json FindRoles(const Xapian::Database& database, const RoleQuery& query);

// The person page of `name` (any spelling): {"name","people":[{"roles":[…facts…],"units",
// "terms","articles":[{"id","title","date"}]}]}. Articles that name the person and share a unit
// with each other (through the person's roles or the units they name) are one person; the same
// name in unrelated units is several, listed apart, most articles first. nullopt when no article
// names the person.
std::optional<nlohmann::json> PersonPage(const Xapian::Database& database, const std::string& name);

// The unit page of `name` (any spelling): {"name","parents","children","leadership":[{"term",
// "roles":[{"person","role","elected","article"}]}],"articles"}: the units the articles place it
// in and those they place in it (or name after it: its Chi bộ, its Văn phòng), who held which
// role in it by term (newest first; roles with no term last), and the articles that name it.
// nullopt when no article names the unit.
std::optional<nlohmann::json> UnitPage(const Xapian::Database& database, const std::string& name);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_DIRECTORY_H_
