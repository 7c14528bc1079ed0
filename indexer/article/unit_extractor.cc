// unit_extractor: Vietnamese capitalises only the first syllable of each word of a proper name
// ("Trung tâm Ứng dụng tiến bộ Khoa học và Công nghệ"), so capitals cannot delimit a name.
// A name runs on through lowercase syllables until something that cannot be inside one: a verb
// or function word (the stop-word table), a role, a number, a clause break, another name.

#include "article/unit_extractor.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analysis/characters.h"
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
  switch (SoleMark(gap)) {
    case '&':
      return GapKind::kAnd;
    case ',':
      return GapKind::kComma;
    case '-':
      return GapKind::kDash;
    default:
      return GapKind::kOther;
  }
}

// The gap before words[i], where the dot of a place's abbreviation is a space: "UBND TP. Hồ Chí
// Minh", "Công an Q. Bình Thạnh".
GapKind GapBefore(const std::vector<Word>& words, size_t i) {
  std::string_view gap = words[i].gap;
  if ((gap == "." || gap == ". ") && i > 0 && words[i].capitalized) {
    const std::string& before = words[i - 1].exact;
    if (before == "tp" || before == "q" || before == "p" || before == "tx" || before == "tt" ||
        before == "h") {
      return GapKind::kSpace;
    }
  }
  return ClassifyGap(gap);
}

// Whether the words before words[end] end a proper name: two capitalised syllables ("Chợ Rẫy",
// "Trung Hoà") or a place ("Huế").
bool EndsProperName(const std::vector<Word>& words, size_t begin, size_t end) {
  const Word& last = words[end - 1];
  if (!last.capitalized || last.all_caps) return false;
  if (!IsVietnameseSyllable(last)) return true;  // "… Hà Nội - Amsterdam"
  const Word& before = words[end - 2];
  bool function_word = before.exact == "các" || before.exact == "những" || last.exact == "các" ||
                       last.exact == "những";  // "Đảng ủy Khối Các cơ quan …"
  if (end - 2 >= begin && before.capitalized && !before.all_caps && !function_word &&
      IsSpaceOnly(last.gap)) {
    return true;
  }
  return NameTables::Get().PlaceAt(words, end - 1) == 1;
}

// A school's level: "THPT", "THCS", "Tiểu học", "Trung học cơ sở", "chuyên", "Mầm non".
bool IsSchoolLevel(const std::vector<Word>& words, size_t begin, size_t end) {
  std::string key = NameKey(ExpandAbbreviations(JoinWords(words, begin, end)));
  return key == "trung hoc pho thong" || key == "trung hoc co so" || key == "tieu hoc" ||
         key == "mam non" || key == "chuyen" || key == "trung hoc pho thong chuyen";
}

bool IsTermOfOfficeAt(const std::vector<Word>& words, size_t i) {
  return words[i].exact == "nhiệm" && i + 1 < words.size() && words[i + 1].exact == "kỳ";
}

// A unit found in the text, before unification.
struct FoundUnit {
  size_t begin = 0;
  size_t end = 0;
  bool generic = true;  // a kind with no proper name: not a unit
  bool party = false;
  int rank = 0;            // how large: Bộ 5 … Phòng 2, party units take their organisation's
  size_t inner_begin = 0;  // a unit named after another ("Chi bộ Vụ …"): that other unit
  size_t inner_end = 0;
  size_t parent_begin = 0;  // a larger unit written inside the name: its parent
  size_t parent_end = 0;
};

int RankOfKind(const Word& kind_word, UnitFamily family) {
  if (family == UnitFamily::kOrgan || family == UnitFamily::kNational) return 6;
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
  static const std::unordered_set<std::string> kLeads = {"khối", "tỉnh",  "thành", "phố",  "huyện",
                                                         "quận", "thị",   "xã",    "trấn", "phường",
                                                         "kế",   "hoạch", "châu"};
  return kLeads.count(word.exact) != 0;
}

// Where a name may begin after a unit kind at words[at]: a capitalised word, or lead words
// (IsNameLead) and then one. Returns false when no name follows: the kind is a generic mention.
bool NameFollows(const std::vector<Word>& words, size_t at) {
  const NameTables& tables = NameTables::Get();
  for (size_t k = at; k < words.size() && k < at + 6; ++k) {
    if (GapBefore(words, k) != GapKind::kSpace) return false;
    if (tables.RoleAt(words, k) > 0 || StartsPersonName(words, k)) return false;
    if (words[k].capitalized || words[k].all_caps) return true;
    // "Ủy ban nhân dân tỉnh …": a lowercase qualifier, then the place.
    size_t qualifier = tables.UnitFieldAt(words, k);
    if (qualifier > 0) {
      k += qualifier - 1;
      // "Viện Kiểm sát nhân dân tối cao": a qualifier that names one body of its kind.
      const std::string& last = words[k].exact;
      if (last == "cao" || last == "ương" || last == "gia") return true;
      continue;
    }
    if (k > at && words[k].is_number && IsNameLead(words[k - 1])) return true;  // "Công an quận 3"
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
  if (family == UnitFamily::kNational) {
    // "Quốc hội Mỹ", "Chính phủ Trung Quốc"; "Chính phủ" alone is a generic mention.
    size_t place = unit.end < words.size() && IsSpaceOnly(words[unit.end].gap)
                       ? tables.PlaceAt(words, unit.end)
                       : 0;
    unit.generic = place == 0;
    unit.end += place;
    return unit;
  }
  size_t name_start = unit.end;
  if (!NameFollows(words, name_start)) return unit;
  UnitFamily inner_family = UnitFamily::kUnit;
  size_t inner_kind = tables.UnitKindAt(words, name_start, &inner_family);
  // A field of work is a name, even when it opens like a kind: "Bộ Công an".
  size_t field = tables.UnitFieldAt(words, name_start);
  bool field_name = field > 0 && field >= inner_kind;
  static const FoundUnit kNoUnit;
  // name_start > i: parsed already.
  const FoundUnit& inner = inner_kind > 0 && !field_name ? parsed_[name_start] : kNoUnit;
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
  // A name that is only another kind ("Đảng ủy Sở", "Chi bộ Viện") is a generic mention; a
  // national organ or a field is a name ("Văn phòng Chính phủ", "Bộ Công an").
  bool names_organ = inner_family == UnitFamily::kNational || inner_family == UnitFamily::kOrgan;
  unit.generic = !field_name && !names_organ && unit.end <= name_start + inner_kind;
  // "Ban Tổ chức", "Ban Giám khảo": a board named by its task alone is any event's or
  // company's; "Ban Tổ chức Trung ương" names one.
  if (words[i].exact == "ban" && kind_length == 1 && unit.end - name_start <= 2) {
    unit.generic = true;
  }
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
  // "UBND TP. Hồ Chí Minh": the dot of a place's abbreviation is a space in the name.
  std::vector<Word> name_words(words.begin() + begin, words.begin() + end);
  for (size_t k = 1; k < name_words.size(); ++k) {
    if (GapBefore(words, begin + k) == GapKind::kSpace) name_words[k].gap = " ";
  }
  std::string joined = JoinWords(name_words, 0, name_words.size());
  std::string name = CanonicalName(ExpandAbbreviations(joined));
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
        if (parent != parent_keys_.end() && !parent_keys_.count(named) && parent->second != named) {
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
  if (i >= words.size()) return i;
  // "… Bộ Ngoại giao Nga Maria Zakharova": a foreign given name opens a name too.
  if (!tables.IsSurname(words[i]) && !tables.IsForeignGivenName(words[i])) return i;
  size_t end = i + 1;
  while (end < words.size() && end - i < kMaxPersonNameWords && words[end].capitalized &&
         !words[end].all_caps && IsSpaceOnly(words[end].gap) && tables.RoleAt(words, end) == 0) {
    ++end;
  }
  if (end - i < 2) return i;
  std::string folded_name;
  for (size_t k = i; k < end; ++k) {
    if (!folded_name.empty()) folded_name += ' ';
    folded_name += words[k].folded;
    if (k > i && tables.IsPlace(folded_name)) return i;  // "Hà Nội", "Thái Bình", "Hồ Chí Minh"
  }
  return end;
}

// Whether a place's name follows the place word at words[at], after at most one more place
// word: "tỉnh Quảng Ninh", "thành phố Hạ Long", "quận 3".
bool PlaceFollows(const std::vector<Word>& words, size_t at) {
  size_t place_at = at + 1;
  if (place_at < words.size() && IsSpaceOnly(words[place_at].gap) && IsNameLead(words[place_at])) {
    ++place_at;
  }
  return place_at < words.size() && IsSpaceOnly(words[place_at].gap) &&
         (words[place_at].capitalized || words[place_at].is_number);
}

size_t NameEnd(const std::vector<Word>& words, size_t begin, bool allow_comma) {
  const NameTables& tables = NameTables::Get();
  size_t end = begin;
  size_t lowercase_run = 0;  // lowercase words since the last capital
  bool bridge_only = false;  // those words are kept only if a capital follows them
  bool level_only = false;   // so far only a school's level: "THPT", "Tiểu học", "chuyên"
  for (size_t i = begin; i < words.size() && i < begin + kMaxNameWords; ++i) {
    const Word& word = words[i];
    if (i > begin) {
      GapKind gap = GapBefore(words, i);
      // "Trường THPT Lê Quý Đôn": after a school's level, a person's name is the school's.
      bool opens_other = tables.RoleAt(words, i) > 0 || (StartsPersonName(words, i) && !level_only);
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
      if (i > begin && word.text.size() <= 2 && ends_name && lowercase_run == 0) end = i + 1;
      break;
    }
    // A field of work is taken whole: "Giao thông vận tải", "Phát triển nông thôn", "nhân dân
    // tối cao".
    size_t field = tables.UnitFieldAt(words, i);
    if (field > 0) {
      level_only = (i == begin || level_only) && IsSchoolLevel(words, i, i + field);
      i += field - 1;
      end = i + 1;
      lowercase_run = 0;
      continue;
    }
    if (word.capitalized || word.all_caps) {
      level_only = (i == begin || level_only) && IsSchoolLevel(words, i, i + 1);
      lowercase_run = 0;
      end = i + 1;
      continue;
    }
    // "UBND tỉnh Thừa Thiên Huế", "UBND thành phố Hạ Long": a place word (or two: "thành"
    // alone is a stop word) is kept when the place follows.
    if (IsNameLead(word) && PlaceFollows(words, i)) continue;
    if (tables.IsStopWord(word)) break;
    // After a proper name of two capitalised syllables or a place, lowercase words belong to
    // the name only when capitals follow them ("Đảng ủy Khối Các cơ quan và Doanh nghiệp"); at
    // its end they are the sentence's verb ("Bệnh viện Chợ Rẫy cứu", "… TP Hà Nội thông báo").
    if (lowercase_run == 0) {
      bridge_only = i >= begin + 2 && EndsProperName(words, begin, i);
    }
    if (word.exact == "và") {
      // "Khoa học và Công nghệ", "cơ quan và doanh nghiệp" — but "Trường X và Viện Y" are two,
      // and "Văn phòng Sở và giải thể …" leaves the name.
      if (i + 1 >= words.size() || tables.UnitKindAt(words, i + 1) > 0) break;
      if (!words[i + 1].capitalized && words[i - 1].capitalized) break;
      continue;
    }
    // An abbreviation ends a name before lowercase words: "Viện KSND xác định", "Phòng PC45
    // phối hợp" (but "UBND tỉnh Thừa Thiên Huế", above).
    bool after_abbreviation = i > 0 && words[i - 1].all_caps && lowercase_run == 0;
    if (after_abbreviation) break;
    if (++lowercase_run > kMaxLowercaseRun) break;
    if (!bridge_only) end = i + 1;
  }
  return end;
}

// "trường Tiểu học Hòa Bình", "bệnh viện Chợ Rẫy": a lowercase kind that opens a unit — not
// the end of another word ("thị trường Mỹ", "môi trường"), which a lowercase word before it
// would be, and for a school only before its level ("trường THPT", "trường Đại học").
bool OpensLowercaseUnit(const std::vector<Word>& words, size_t i) {
  const NameTables& tables = NameTables::Get();
  size_t kind = tables.LowercaseUnitKindAt(words, i);
  if (kind == 0 || words[i].capitalized || i + kind >= words.size()) return false;
  if (i > 0 && IsSpaceOnly(words[i].gap) && !words[i - 1].capitalized && !words[i - 1].is_number) {
    return false;
  }
  const Word& next = words[i + kind];
  if (words[i].exact == "trường") {
    return next.all_caps || tables.UnitFieldAt(words, i + kind) > 0 ||
           tables.UnitKindAt(words, i + kind) > 0;
  }
  return next.capitalized;
}

// The end of the name of one of the article's persons starting at words[i] ("Đoàn Văn Thịnh",
// "Trường Giang": a family name or a given name that is also a unit kind), or i.
size_t PersonNameAt(const std::vector<Word>& words, size_t i,
                    const std::unordered_set<std::string>& person_keys,
                    const std::unordered_set<std::string>& first_words) {
  if (i >= words.size() || !words[i].capitalized || !first_words.count(words[i].folded)) return i;
  size_t end = i + 1;
  while (end < words.size() && end - i < kMaxPersonNameWords && words[end].capitalized &&
         IsSpaceOnly(words[end].gap)) {
    ++end;
  }
  for (; end > i + 1; --end) {
    if (person_keys.count(NameKey(JoinWords(words, i, end)))) return end;
  }
  return i;
}

// Whether words[i] is part of a place's name: "Ban" in "Tây Ban Nha", "Đài" in "Đài Loan".
bool InsidePlaceName(const std::vector<Word>& words, size_t i) {
  const NameTables& tables = NameTables::Get();
  if (tables.PlaceAt(words, i) >= 2) return true;
  for (size_t back = 1; back <= 2 && back <= i; ++back) {
    if (tables.PlaceAt(words, i - back) > back) return true;
  }
  return false;
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
  std::unordered_set<std::string> first_words;  // of the persons' keys: most words start none
  for (const Person& person : persons) {
    std::string key = NameKey(person.name);
    first_words.insert(key.substr(0, key.find(' ')));
    person_keys.insert(std::move(key));
  }
  UnitCollector collector;
  UnitParser parser(words);
  for (size_t i = 0; i < words.size(); ++i) {
    size_t name_end = PersonNameAt(words, i, person_keys, first_words);
    if (name_end > i) {
      i = name_end - 1;
      continue;
    }
    FoundUnit unit = parser.At(i);
    if (unit.generic && !words[i].capitalized && OpensLowercaseUnit(words, i)) {
      // "trường Tiểu học Hòa Bình", "bệnh viện Chợ Rẫy": a lowercase kind before a name.
      unit = parser.AtAnyCase(i);
    }
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
    } else if (InsidePlaceName(words, i)) {
      continue;  // "Tây Ban Nha", "Đài Loan", "Trường Sa"
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
