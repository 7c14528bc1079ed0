// unit_extractor: Vietnamese capitalises only the first syllable of each word of a proper name
// ("Trung tâm Ứng dụng tiến bộ Khoa học và Công nghệ"), so capitals cannot delimit a name.
// A name runs on through lowercase syllables until something that cannot be inside one: a verb
// or function word (the stop-word table), a role, a number, a clause break, another name.

#include "article/unit_extractor.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analysis/utf8.h"
#include "article/canonical_name.h"
#include "article/name_tables.h"

namespace vnsearch {
namespace {

constexpr size_t kMaxLowercaseRun = 6;
constexpr size_t kMaxPersonNameWords = 4;
// The longest name NameEnd reads, and the longest unit (kinds and names, "Ban Chấp hành Đảng bộ
// Sở …") a parse accepts: the longest in 20,000 news articles has 39 words. Bounds the work per
// word of untrusted text.
constexpr size_t kMaxNameWords = 48;
constexpr size_t kMaxUnitWords = 64;

enum class GapKind { kSpace, kAnd, kComma, kDash, kOther };

GapKind ClassifyGap(std::string_view gap) {
  if (IsSpaceOnly(gap)) return GapKind::kSpace;
  if (IsClauseBreak(gap)) return GapKind::kOther;
  int marks = 0;
  GapKind kind = GapKind::kOther;
  for (size_t offset = 0; offset < gap.size();) {
    int32_t code_point = NextCodePoint(gap, &offset);
    if (code_point == ' ' || code_point == 0x00A0) continue;
    ++marks;
    if (code_point == '&') kind = GapKind::kAnd;
    else if (code_point == ',') kind = GapKind::kComma;
    else if (code_point == '-' || (code_point >= 0x2010 && code_point <= 0x2015)) kind = GapKind::kDash;
    else return GapKind::kOther;
  }
  return marks == 1 ? kind : GapKind::kOther;
}

bool IsTermOfOfficeAt(const std::vector<Word>& words, size_t i) {
  return words[i].exact == "nhiệm" && i + 1 < words.size() && words[i + 1].exact == "kỳ";
}

// A unit found in the text, before unification.
struct FoundUnit {
  size_t begin = 0;
  size_t end = 0;
  bool generic = true;   // a kind with no proper name: not a unit
  bool party = false;
  int rank = 0;          // how large: Bộ 5 … Phòng 2, party units take their organisation's
  size_t inner_begin = 0;  // a unit named after another ("Chi bộ Vụ …"): that other unit
  size_t inner_end = 0;
  size_t parent_begin = 0;  // a larger unit written inside the name: its parent
  size_t parent_end = 0;
};

int RankOfKind(const Word& kind_word, UnitFamily family) {
  if (family == UnitFamily::kOrgan) return 6;
  const std::string& kind = kind_word.exact;
  if (kind == "bộ" || kind == "liên" || kind == "uỷ" || kind == "tỉnh" || kind == "thành") {
    return 5;
  }
  if (kind == "sở" || kind == "tổng" || kind == "học" || kind == "đại" || kind == "ubnd" ||
      kind == "hđnd") {
    return 4;
  }
  if (kind == "phòng" || kind == "chi" || kind == "hội") return 2;
  return 3;
}

// Lowercase words that may lead a name before its capitals: "Đảng bộ khối Cơ quan Trung
// ương", "UBND tỉnh Thừa Thiên Huế", "Ban kế hoạch Hỗ trợ".
bool IsNameLead(const Word& word) {
  static const std::unordered_set<std::string> kLeads = {
      "khối", "tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường", "kế", "hoạch"};
  return kLeads.count(word.exact) != 0;
}

// Where a name may begin after a unit kind at words[at]: a capitalised word, or lead words
// (IsNameLead) and then one. Returns false when no name follows: the kind is a generic mention.
bool NameFollows(const std::vector<Word>& words, size_t at) {
  const NameTables& tables = NameTables::Get();
  for (size_t k = at; k < words.size() && k < at + 3; ++k) {
    if (ClassifyGap(words[k].gap) != GapKind::kSpace) return false;
    if (tables.RoleAt(words, k) > 0 || StartsPersonName(words, k)) return false;
    if (words[k].capitalized || words[k].all_caps) return true;
    if (!IsNameLead(words[k])) return false;
  }
  return false;
}

// At a comma inside a name: whether the name goes on, as in a list of fields closed by "và"
// or "&" ("Viện Khoa học, Công nghệ & Môi trường", "Bộ Văn hoá, Thể thao và Du lịch").
bool ListContinuesAt(const std::vector<Word>& words, size_t at) {
  for (size_t k = at + 1; k < words.size() && k < at + 6; ++k) {
    GapKind gap = ClassifyGap(words[k].gap);
    if (gap == GapKind::kAnd) return words[k].capitalized;
    if (words[k].exact == "và") return k + 1 < words.size() && words[k + 1].capitalized;
    if (gap != GapKind::kSpace) return false;
  }
  return false;
}

// The unit at each position of one text, parsed once. A parse looks at the units inside a name
// (the unit it is named after, larger units embedded in it), and those at theirs: without memory
// that is exponential in the length of a run of unit kinds ("Chi bộ Vụ Khoa học Chi bộ Vụ …",
// a 400-byte article took minutes). Positions are parsed from the end, so every unit a parse
// looks at further on is known already and nothing recurses. Not thread-safe; one per text.
class UnitParser {
 public:
  explicit UnitParser(const std::vector<Word>& words) : words_(words), parsed_(words.size()) {
    for (size_t i = words.size(); i-- > 0;) parsed_[i] = Parse(i, /*any_case=*/false);
  }

  // The unit whose capitalised kind is at words[i] (generic when there is none).
  const FoundUnit& At(size_t i) const { return parsed_[i]; }

  // The same, for a kind in any case ("Phó Bí thư chi bộ …").
  FoundUnit AtAnyCase(size_t i) const { return Parse(i, /*any_case=*/true); }

 private:
  FoundUnit Parse(size_t i, bool any_case) const;

  const std::vector<Word>& words_;
  std::vector<FoundUnit> parsed_;
};

FoundUnit UnitParser::Parse(size_t i, bool any_case) const {
  const std::vector<Word>& words = words_;
  const NameTables& tables = NameTables::Get();
  FoundUnit unit;
  unit.begin = i;
  UnitFamily family = UnitFamily::kUnit;
  size_t kind_length = tables.UnitKindAt(words, i, &family, any_case);
  unit.end = i + kind_length;
  if (kind_length == 0) return unit;
  unit.party = family == UnitFamily::kParty;
  unit.rank = RankOfKind(words[i], family);
  if (family == UnitFamily::kOrgan) {
    unit.generic = false;
    return unit;
  }
  size_t name_start = unit.end;
  if (!NameFollows(words, name_start)) return unit;
  const FoundUnit& inner = parsed_[name_start];  // name_start > i: parsed already
  if (!inner.generic) {
    // Named after another unit: "Chi bộ Vụ …", "Ban Chấp hành Đảng bộ Sở …". (A kind word
    // that opens no unit, "Sở" in "Cục Sở hữu trí tuệ", is just part of the name.)
    unit.end = inner.end;
    unit.generic = inner.end - i > kMaxUnitWords;  // a run of kinds is no name
    unit.inner_begin = inner.begin;
    unit.inner_end = inner.end;
    unit.parent_begin = inner.parent_begin;
    unit.parent_end = inner.parent_end;
    if (unit.party) unit.rank = inner.rank;
    return unit;
  }
  unit.end = NameEnd(words, name_start, /*allow_comma=*/true);
  // A name that is only another kind ("Đảng ủy Sở", "Chi bộ Viện") is a generic mention.
  unit.generic = unit.end <= name_start + tables.UnitKindAt(words, name_start);
  // A larger unit inside the name is where this one belongs: "Văn phòng Đảng - Đoàn thể
  // Bộ TN&MT", "Ban Tổ chức cán bộ Liên minh HTX Việt Nam".
  for (size_t k = name_start + 1; k < unit.end && !unit.generic; ++k) {
    UnitFamily embedded_family = UnitFamily::kUnit;
    if (tables.UnitKindAt(words, k, &embedded_family) == 0) continue;
    const FoundUnit& embedded = parsed_[k];
    if (embedded.generic || RankOfKind(words[k], embedded_family) <= unit.rank) continue;
    unit.parent_begin = embedded.begin;
    unit.parent_end = embedded.end;
    unit.end = k;
    break;
  }
  return unit;
}

std::string UnitName(const std::vector<Word>& words, size_t begin, size_t end) {
  std::string name = CanonicalName(ExpandAbbreviations(JoinWords(words, begin, end)));
  return CapitalizeFirst(name);  // "trường Đại học …" → "Trường Đại học …"
}

bool HasAbbreviation(const std::vector<Word>& words, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (words[i].all_caps) return true;
  }
  return false;
}

// Collects units by key, keeping the article's own full spelling over an expansion.
class UnitCollector {
 public:
  // Adds the unit words[begin..end); returns its key.
  std::string Add(const std::vector<Word>& words, size_t begin, size_t end) {
    std::string name = UnitName(words, begin, end);
    std::string key = NameKey(name);
    bool abbreviated = HasAbbreviation(words, begin, end);
    auto found = index_.find(key);
    if (found == index_.end()) {
      index_.emplace(key, units_.size());
      units_.push_back({name, ""});
      abbreviated_.push_back(abbreviated);
    } else if (abbreviated_[found->second] && !abbreviated) {
      units_[found->second].name = name;
      abbreviated_[found->second] = false;
    }
    return key;
  }

  void SetParent(const std::string& key, const std::string& parent_key) {
    if (!parent_keys_.count(key) && key != parent_key) parent_keys_[key] = parent_key;
  }

  // A party unit shares the parent of the organisation it is named after.
  void InheritParent(const std::string& party_key, const std::string& organisation_key) {
    inherit_[party_key] = organisation_key;
  }

  std::vector<Unit> Finish() {
    // "Ban Chi ủy Vụ X" → "Chi ủy Vụ X" → "Vụ X" → its parent: follow the chain.
    for (size_t round = 0; round < inherit_.size(); ++round) {
      for (const auto& [named, after] : inherit_) {
        auto parent = parent_keys_.find(after);
        if (parent != parent_keys_.end() && !parent_keys_.count(named) &&
            parent->second != named) {
          parent_keys_[named] = parent->second;
        }
      }
    }
    for (const auto& [key, parent_key] : parent_keys_) {
      units_[index_.at(key)].parent = units_[index_.at(parent_key)].name;
    }
    return units_;
  }

 private:
  std::vector<Unit> units_;
  std::vector<bool> abbreviated_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, std::string> parent_keys_;
  std::unordered_map<std::string, std::string> inherit_;
};

}  // namespace

bool StartsPersonName(const std::vector<Word>& words, size_t i) {
  return PersonNameEnd(words, i) > i;
}

size_t PersonNameEnd(const std::vector<Word>& words, size_t i) {
  const NameTables& tables = NameTables::Get();
  if (i >= words.size() || !tables.IsSurname(words[i])) return i;
  size_t end = i + 1;
  while (end < words.size() && end - i < kMaxPersonNameWords && words[end].capitalized &&
         !words[end].all_caps && IsSpaceOnly(words[end].gap) && tables.RoleAt(words, end) == 0 &&
         tables.UnitKindAt(words, end) == 0) {
    ++end;
  }
  if (end - i < 2) return i;
  std::string exact_name;
  for (size_t k = i; k < end; ++k) {
    if (!exact_name.empty()) exact_name += ' ';
    exact_name += words[k].exact;
    if (k > i && tables.IsPlace(exact_name)) return i;  // "Hà Nội", "Thái Bình", "Hồ Chí Minh"
  }
  return end;
}

size_t NameEnd(const std::vector<Word>& words, size_t begin, bool allow_comma) {
  const NameTables& tables = NameTables::Get();
  size_t end = begin;
  size_t lowercase_run = 0;
  for (size_t i = begin; i < words.size() && i < begin + kMaxNameWords; ++i) {
    const Word& word = words[i];
    if (i > begin) {
      GapKind gap = ClassifyGap(word.gap);
      bool opens_other = tables.RoleAt(words, i) > 0 || StartsPersonName(words, i);
      if (gap == GapKind::kOther) break;
      if (gap == GapKind::kComma &&
          (!allow_comma || !word.capitalized || opens_other || tables.UnitKindAt(words, i) > 0 ||
           !ListContinuesAt(words, i))) {
        break;
      }
      if (gap == GapKind::kDash && (!word.capitalized || opens_other)) break;
      if (gap == GapKind::kSpace && opens_other) break;
    }
    if (IsTermOfOfficeAt(words, i)) break;
    if (word.is_number) {
      // "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1": a short number ending the name.
      bool ends_name = i + 1 == words.size() || !IsSpaceOnly(words[i + 1].gap);
      if (i > begin && word.text.size() <= 2 && ends_name) end = i + 1;
      break;
    }
    if (word.capitalized || word.all_caps) {
      lowercase_run = 0;
      end = i + 1;
      continue;
    }
    if (tables.IsStopWord(word)) break;
    if (word.exact == "và") {
      // "Khoa học và Công nghệ", "cơ quan và doanh nghiệp" — but "Trường X và Viện Y" are two,
      // and "Văn phòng Sở và giải thể …" leaves the name.
      if (i + 1 >= words.size() || tables.UnitKindAt(words, i + 1) > 0) break;
      if (!words[i + 1].capitalized && words[i - 1].capitalized) break;
      continue;
    }
    if (++lowercase_run > kMaxLowercaseRun) break;
    end = i + 1;
  }
  return end;
}

// Adds `unit` and the units it is named after; returns its key.
// (Recursion depth: each unit added is inside the previous one, at most kMaxUnitWords long.)
std::string AddUnit(const std::vector<Word>& words, const UnitParser& parser, const FoundUnit& unit,
                    UnitCollector* collector) {
  std::string key = collector->Add(words, unit.begin, unit.end);
  if (unit.parent_end > unit.parent_begin) {
    collector->SetParent(key, AddUnit(words, parser, parser.At(unit.parent_begin), collector));
  }
  if (unit.inner_end > unit.inner_begin) {
    collector->InheritParent(key, AddUnit(words, parser, parser.At(unit.inner_begin), collector));
  }
  return key;
}

std::vector<Unit> ExtractUnits(const std::vector<Word>& words, const std::vector<Person>& persons) {
  const NameTables& tables = NameTables::Get();
  std::unordered_set<std::string> person_keys;
  for (const Person& person : persons) person_keys.insert(NameKey(person.name));
  UnitCollector collector;
  UnitParser parser(words);
  for (size_t i = 0; i < words.size(); ++i) {
    size_t name_end = PersonNameEnd(words, i);
    if (name_end > i && person_keys.count(NameKey(JoinWords(words, i, name_end)))) {
      i = name_end - 1;
      continue;
    }
    FoundUnit unit = parser.At(i);
    if (unit.generic) {
      // A role that ends in a unit kind names that unit: "Trưởng ban Tổ chức cán bộ …",
      // "Chánh Văn phòng Đảng - Đoàn thể …".
      size_t role_end = i + tables.RoleAt(words, i);
      size_t kind_at = i + 1;
      while (kind_at < role_end &&
             kind_at + tables.UnitKindAt(words, kind_at, nullptr, /*any_case=*/true) != role_end) {
        ++kind_at;
      }
      if (kind_at >= role_end) continue;
      unit = parser.AtAnyCase(kind_at);
      if (unit.generic) continue;
    } else if (i > 0 && words[i - 1].exact == "trường" && words[i].exact == "đại" &&
               IsSpaceOnly(words[i].gap)) {
      unit.begin = i - 1;  // "trường Đại học …": the school is named with its kind
    }
    std::string key = AddUnit(words, parser, unit, &collector);
    // ", <larger unit>" or "thuộc <larger unit>" right after: the parent of the unit and of the
    // unit it is named after.
    size_t after = unit.end;
    if (after + 1 < words.size() && words[after].exact == "thuộc" &&
        IsSpaceOnly(words[after].gap)) {
      ++after;
    } else if (after < words.size() && ClassifyGap(words[after].gap) != GapKind::kComma) {
      after = words.size();
    }
    if (after < words.size()) {
      const FoundUnit& parent = parser.At(after);
      if (!parent.generic && parent.rank > unit.rank) {
        std::string parent_key = AddUnit(words, parser, parent, &collector);
        collector.SetParent(key, parent_key);
        for (FoundUnit inner = unit; inner.inner_end > inner.inner_begin;) {
          inner = parser.At(inner.inner_begin);
          collector.SetParent(collector.Add(words, inner.begin, inner.end), parent_key);
        }
      }
    }
    i = std::max(i, unit.end - 1);
  }
  return collector.Finish();
}

std::string FirstPartyUnit(const std::vector<Word>& words) {
  UnitParser parser(words);
  for (size_t i = 0; i < words.size(); ++i) {
    const FoundUnit& unit = parser.At(i);
    if (!unit.generic && unit.party) return UnitName(words, unit.begin, unit.end);
  }
  return "";
}

std::string FirstUnit(const std::vector<Word>& words) {
  UnitParser parser(words);
  for (size_t i = 0; i < words.size(); ++i) {
    const FoundUnit& unit = parser.At(i);
    if (!unit.generic) return UnitName(words, unit.begin, unit.end);
  }
  return "";
}

}  // namespace vnsearch
