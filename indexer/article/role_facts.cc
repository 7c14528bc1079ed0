// role_facts: a role phrase is a title and the unit it is held in ("Phó Bí thư | chi bộ",
// "Vụ trưởng | Vụ Khoa học và Công nghệ"). Congress reports name a Party body by its kind alone
// as often as in full, so most of the work is finding which body "Chi bộ" or "Đảng ủy Bộ" is:
// first from the person's other roles in the same sentence, then from the article.

#include "article/role_facts.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "article/canonical_name.h"
#include "article/name_tables.h"
#include "article/term_extractor.h"
#include "article/unit_extractor.h"

namespace vnsearch {
namespace {

// A role phrase split in two: the title words[begin..title_end), the unit words[unit_begin..end).
struct RoleParts {
  size_t begin = 0;
  size_t title_end = 0;
  size_t unit_begin = 0;
  size_t end = 0;
};

bool IsCommitteeMember(const Word& word) { return word.folded == "uy"; }  // "Ủy viên …"

RoleParts SplitRole(const std::vector<Word>& words, const RoleSpan& role) {
  const NameTables& tables = NameTables::Get();
  RoleParts parts;
  parts.begin = role.begin;
  parts.end = role.end;
  parts.title_end = std::min(role.end, role.begin + tables.RoleAt(words, role.begin));
  parts.unit_begin = parts.title_end;
  // "Chánh Văn phòng Đảng - Đoàn thể Bộ TN&MT", "Trưởng ban Tổ chức": the kind at the end of
  // the title opens the unit.
  for (size_t k = role.begin + 1; k < parts.title_end; ++k) {
    if (k + tables.UnitKindAt(words, k, nullptr, /*any_case=*/true) == parts.title_end) {
      parts.unit_begin = k;
      break;
    }
  }
  // "Phó Chủ tịch Thường trực Liên minh HTX tỉnh": the standing deputy is one title.
  if (parts.title_end + 1 < role.end && words[parts.title_end].folded == "thuong" &&
      words[parts.title_end + 1].folded == "truc") {
    parts.title_end += 2;
    parts.unit_begin = parts.title_end;
  }
  // "Ủy viên Ban Thường vụ Đảng ủy Bộ": membership of a committee is the title.
  size_t committee = parts.title_end < role.end
                         ? tables.UnitKindAt(words, parts.title_end, nullptr, /*any_case=*/true)
                         : 0;
  bool member = role.begin + 1 < parts.title_end && IsCommitteeMember(words[parts.title_end - 2]);
  if (member && committee > 0 && parts.title_end + committee <= role.end) {
    std::string committee_key =
        NameKey(JoinWords(words, parts.title_end, parts.title_end + committee));
    if (committee_key == "ban thuong vu" || committee_key == "ban chap hanh" ||
        committee_key == "bo chinh tri" || committee_key == "ban bi thu") {
      parts.title_end += committee;
      parts.unit_begin = parts.title_end;
    }
  }
  return parts;
}

std::string Spelled(const std::vector<Word>& words, size_t begin, size_t end) {
  return CapitalizeFirst(CanonicalName(ExpandAbbreviations(JoinWords(words, begin, end))));
}

// The kinds that make up a unit phrase with no proper name ("Chi bộ", "Đảng ủy Bộ"), as keys;
// empty when the phrase names a unit of its own.
std::vector<std::string> GenericKinds(const std::vector<Word>& words, size_t begin, size_t end,
                                      bool* party) {
  const NameTables& tables = NameTables::Get();
  std::vector<std::string> kinds;
  *party = false;
  for (size_t k = begin; k < end;) {
    UnitFamily family = UnitFamily::kUnit;
    size_t length = tables.UnitKindAt(words, k, &family, /*any_case=*/true);
    if (length == 0) return {};
    if (k == begin) *party = family == UnitFamily::kParty;
    kinds.push_back(NameKey(JoinWords(words, k, k + length)));
    k += length;
  }
  return kinds;
}

bool StartsWithKey(const std::string& key, const std::string& prefix) {
  return key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
         key[prefix.size()] == ' ';
}

// The organisation a unit's name ends with: "Ban Tổ chức cán bộ Liên minh Hợp tác xã Việt Nam"
// → "Liên minh Hợp tác xã Việt Nam", "Văn phòng Sở X" → "Sở X"; a unit inside nothing larger
// is its own.
std::string RootOrganisation(const std::string& name) {
  std::string key = NameKey(name);
  std::string root = name;
  size_t root_length = key.size();
  for (const Unit& unit : ExtractUnits(SplitWords(name), {})) {
    std::string unit_key = NameKey(unit.name);
    bool ends_name = unit_key.size() < root_length &&
                     key.compare(key.size() - unit_key.size(), unit_key.size(), unit_key) == 0 &&
                     key[key.size() - unit_key.size() - 1] == ' ';
    if (ends_name) {
      root = unit.name;
      root_length = unit_key.size();
    }
  }
  return root;
}

// The article's units, its main unit first: the congress it reports is the likeliest context.
std::vector<std::string> UnitsByLikelihood(const Article& article) {
  std::vector<std::string> units;
  if (!article.main_unit.empty()) units.push_back(article.main_unit);
  for (const Unit& unit : article.units) {
    if (unit.name != article.main_unit) units.push_back(unit.name);
  }
  return units;
}

// The article's own spelling of `name`, when it names that unit.
std::string AsTheArticleSpellsIt(const std::string& name, const Article& article) {
  std::string key = NameKey(name);
  for (const Unit& unit : article.units) {
    if (NameKey(unit.name) == key) return unit.name;
  }
  return name;
}

// The term of the congress the article reports: the headline's, else the latest mentioned.
std::string CongressTerm(const Article& article) {
  std::vector<std::string> headline_terms = ExtractTerms(SplitWords(article.title));
  if (!headline_terms.empty()) return headline_terms.front();
  std::string latest;
  for (const std::string& term : article.terms) latest = std::max(latest, term);
  return latest;
}

class UnitResolver {
 public:
  UnitResolver(const std::vector<Word>& words, const Article& article)
      : words_(words), article_(article), units_(UnitsByLikelihood(article)) {}

  // The unit of `parts`, given the units named by the other roles of the same occurrence.
  std::string Resolve(const RoleParts& parts, const std::vector<std::string>& sibling_units) const {
    if (parts.unit_begin == parts.end) return ForTitleAlone(parts, sibling_units);
    bool party = false;
    std::vector<std::string> kinds = GenericKinds(words_, parts.unit_begin, parts.end, &party);
    if (kinds.empty()) return Completed(Spelled(words_, parts.unit_begin, parts.end));
    std::string body = Spelled(words_, parts.unit_begin, KindEnd(parts.unit_begin));
    if (party) {
      // "Bí thư Đảng uỷ, Giám đốc Sở KH&CN": the Party body of the person's own organisation
      // — of the department itself for a Chi bộ, of the whole organisation for an Đảng ủy
      // ("Phó Bí thư Đảng ủy, Trưởng ban Tổ chức cán bộ Liên minh HTX Việt Nam": the Liên
      // minh's).
      bool cell = IsPartyCell(kinds.front());
      for (const std::string& sibling : sibling_units) {
        std::string organisation = cell ? sibling : RootOrganisation(sibling);
        if (kinds.size() == 1 || StartsWithKey(NameKey(organisation), kinds[1])) {
          return Completed(body + " " + organisation);
        }
      }
      // The congress the article reports: "Phó Bí thư Đảng ủy" in the report of the Đảng bộ
      // Cục X's congress is Đảng ủy Cục X (an Đảng ủy leads its Đảng bộ).
      std::string main_key = NameKey(article_.main_unit);
      for (const std::string& same_level : SameLevel(kinds.front())) {
        std::string prefix = same_level;
        for (size_t k = 1; k < kinds.size(); ++k) prefix += " " + kinds[k];
        if (StartsWithKey(main_key, prefix)) {
          return Completed(body + article_.main_unit.substr(KindLength(article_.main_unit)));
        }
      }
    }
    std::string unit = FirstWithPrefix(JoinKinds(kinds));
    if (!unit.empty() || kinds.size() < 2) return unit;
    // "Bí thư Đảng ủy Bộ" in an article about Bộ KH&CN: that ministry's Đảng ủy; "Chánh Văn
    // phòng Sở": the office of the article's Sở.
    std::string organisation = FirstWithPrefix(kinds[1]);
    return organisation.empty() ? "" : Completed(body + " " + organisation);
  }

 private:
  static bool IsPartyCell(const std::string& kind) { return kind == "chi bo" || kind == "chi uy"; }

  // A Party body and the committee that leads it are named alike: Đảng bộ / Đảng ủy, Chi bộ /
  // Chi ủy.
  static std::vector<std::string> SameLevel(const std::string& kind) {
    if (kind == "dang bo" || kind == "dang uy") return {"dang bo", "dang uy"};
    if (IsPartyCell(kind)) return {"chi bo", "chi uy"};
    return {kind};
  }

  // The length in bytes of the kind that opens `name` ("Đảng bộ Cục X" → "Đảng bộ").
  static size_t KindLength(const std::string& name) {
    std::vector<Word> words = SplitWords(name);
    size_t kind = words.empty() ? 0 : NameTables::Get().UnitKindAt(words, 0, nullptr, true);
    if (kind == 0 || kind >= words.size()) return 0;
    return static_cast<size_t>(words[kind - 1].text.data() + words[kind - 1].text.size() -
                               name.data());
  }

  // `name`, or the article's fuller unit when `name` ends in a place word the article goes on
  // to name: "Liên minh HTX tỉnh" → "Liên minh Hợp tác xã tỉnh Lạng Sơn".
  std::string Completed(const std::string& name) const {
    std::string key = NameKey(name);
    // "Ủy ban Kiểm tra Đảng ủy", "Ban Cán sự đảng": of the Party body whose congress the article
    // reports.
    std::string main_key = NameKey(article_.main_unit);
    bool main_is_party_body =
        StartsWithKey(main_key, "dang bo") || StartsWithKey(main_key, "dang uy");
    for (std::string party : {"dang uy", "dang bo", "dang"}) {
      bool ends_in_party = key.size() > party.size() &&
                           key.compare(key.size() - party.size(), party.size(), party) == 0 &&
                           key[key.size() - party.size() - 1] == ' ';
      if (ends_in_party && main_is_party_body) {
        return name + article_.main_unit.substr(KindLength(article_.main_unit));
      }
    }
    std::string last_word = key.substr(key.rfind(' ') + 1);
    bool open_place = last_word == "tinh" || last_word == "pho" || last_word == "huyen" ||
                      last_word == "quan" || last_word == "xa";
    if (open_place) {
      for (const std::string& unit : units_) {
        if (StartsWithKey(NameKey(unit), key)) return unit;
      }
    }
    return AsTheArticleSpellsIt(name, article_);
  }

  size_t KindEnd(size_t begin) const {
    return begin + NameTables::Get().UnitKindAt(words_, begin, nullptr, /*any_case=*/true);
  }

  static std::string JoinKinds(const std::vector<std::string>& kinds) {
    std::string joined;
    for (const std::string& kind : kinds) joined += (joined.empty() ? "" : " ") + kind;
    return joined;
  }

  std::string FirstWithPrefix(const std::string& prefix) const {
    for (const std::string& unit : units_) {
      if (StartsWithKey(NameKey(unit), prefix)) return unit;
    }
    return "";
  }

  // "Vụ trưởng", "Giám đốc": the unit of a kind the title heads that another role of the same
  // person names, else the main unit's own organisation when it is of that kind.
  std::string ForTitleAlone(const RoleParts& parts,
                            const std::vector<std::string>& sibling_units) const {
    std::vector<std::string> headed = NameTables::Get().HeadedKindsAt(words_, parts.begin);
    for (const std::string& kind : headed) {
      for (const std::string& sibling : sibling_units) {
        if (StartsWithKey(NameKey(sibling), kind)) return sibling;
      }
    }
    // "Chi bộ Vụ X" reports the congress of Vụ X's Party members: its Vụ trưởng heads Vụ X.
    std::string main_key = NameKey(article_.main_unit);
    for (const std::string& kind : headed) {
      for (const Unit& unit : article_.units) {
        std::string key = NameKey(unit.name);
        bool inside_main = main_key.size() > key.size() &&
                           main_key.compare(main_key.size() - key.size(), key.size(), key) == 0;
        if (StartsWithKey(key, kind) && (key == main_key || inside_main)) return unit.name;
      }
    }
    return "";
  }

  const std::vector<Word>& words_;
  const Article& article_;
  std::vector<std::string> units_;
};

}  // namespace

std::vector<RoleFact> ResolveRoleFacts(const std::vector<Word>& words,
                                       const std::vector<RoleMention>& mentions,
                                       const Article& article) {
  UnitResolver resolver(words, article);
  std::string congress_term = CongressTerm(article);
  std::vector<RoleFact> facts;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, size_t> seen;
  for (size_t i = 0; i < mentions.size();) {
    // The roles of one occurrence of a name ("X, Bí thư Chi bộ, Vụ trưởng Vụ Y") explain each
    // other: first the units they name themselves.
    size_t group_end = i;
    while (group_end < mentions.size() && mentions[group_end].person == mentions[i].person &&
           mentions[group_end].name_begin == mentions[i].name_begin) {
      ++group_end;
    }
    // First the units the roles name or head themselves ("Vụ trưởng Vụ Y", "Phó Cục trưởng"),
    // then the Party bodies named by their kind, in their light.
    std::vector<RoleParts> parts;
    std::vector<std::string> units(group_end - i);
    std::vector<std::string> named_units;
    for (size_t k = i; k < group_end; ++k) {
      parts.push_back(SplitRole(words, mentions[k].role));
      bool party = false;
      const RoleParts& last = parts.back();
      bool generic = last.unit_begin == last.end ||
                     !GenericKinds(words, last.unit_begin, last.end, &party).empty();
      if (generic && party) continue;
      units[k - i] = resolver.Resolve(last, {});
      if (!units[k - i].empty()) named_units.push_back(units[k - i]);
    }
    for (size_t k = i; k < group_end; ++k) {
      if (units[k - i].empty()) units[k - i] = resolver.Resolve(parts[k - i], named_units);
    }
    for (size_t k = i; k < group_end; ++k) {
      const RoleParts& role = parts[k - i];
      RoleFact fact;
      fact.person = mentions[k].person;
      fact.role = Spelled(words, role.begin, role.title_end);
      fact.unit = units[k - i];
      fact.elected = mentions[k].role.elected;
      fact.term = mentions[k].role.term;
      if (fact.term.empty() && fact.elected) fact.term = congress_term;
      auto key =
          std::make_tuple(NameKey(fact.person), NameKey(fact.role), NameKey(fact.unit), fact.term);
      auto found = seen.find(key);
      if (found != seen.end()) {
        facts[found->second].elected = facts[found->second].elected || fact.elected;
        continue;
      }
      seen.emplace(key, facts.size());
      facts.push_back(std::move(fact));
    }
    i = group_end;
  }
  // A role the article ties to a term says all the same role without one says.
  std::vector<RoleFact> kept;
  for (const RoleFact& fact : facts) {
    bool said_with_term = false;
    for (const RoleFact& other : facts) {
      said_with_term = said_with_term || (fact.term.empty() && !other.term.empty() &&
                                          NameKey(other.person) == NameKey(fact.person) &&
                                          NameKey(other.role) == NameKey(fact.role) &&
                                          NameKey(other.unit) == NameKey(fact.unit));
    }
    if (!said_with_term) kept.push_back(fact);
  }
  return kept;
}

}  // namespace vnsearch
