// person_extractor: a capitalised run that starts with a family name is only a candidate —
// "Hà Nội", "Lâm Đồng" and "Hồ Chí Minh" in "phong cách Hồ Chí Minh" start the same way. It
// becomes a person when the article marks it as one at least once (an honorific, a role); every
// other mention of the same name then counts too.

#include "article/person_extractor.h"

#include <unordered_map>
#include <unordered_set>

#include "article/canonical_name.h"
#include "article/name_tables.h"
#include "article/unit_extractor.h"

namespace vnsearch {
namespace {

constexpr size_t kMaxWordsBeforeName = 10;    // "Bí thư Đảng ủy Bộ KH&CN Lê Xuân Định"
constexpr size_t kMaxWordsToElection = 30;    // "bầu đồng chí X, … giữ chức Bí thư Chi bộ"

bool IsHonorific(const Word& word) {
  static const std::unordered_set<std::string> kHonorifics = {
      "ông", "bà", "anh", "chị", "ts", "ths", "pgs", "gs", "pgs.ts", "gs.ts", "ks", "bs",
      "ncs", "đ/c", "cô", "thầy"};
  return kHonorifics.count(word.exact) != 0;
}

bool HonorificBefore(const std::vector<Word>& words, size_t name_begin) {
  if (name_begin == 0) return false;
  const Word& before = words[name_begin - 1];
  std::string_view gap = words[name_begin].gap;
  bool gap_ok = IsSpaceOnly(gap) || gap == ". " || gap == ".";
  if (!gap_ok) return false;
  if (before.exact == "chí" && name_begin >= 2 && words[name_begin - 2].exact == "đồng") {
    return true;  // đồng chí
  }
  if (before.exact == "sĩ" && name_begin >= 2) return true;  // tiến sĩ, thạc sĩ
  return IsHonorific(before);
}

bool IsPhraseGap(std::string_view gap) {
  if (IsSpaceOnly(gap)) return true;
  std::string trimmed;
  for (char c : gap) {
    if (c != ' ') trimmed += c;
  }
  return trimmed == "-" || trimmed == "&" || trimmed == "\xE2\x80\x93";  // -, &, –
}

// "Bí thư Đảng ủy Bộ KH&CN Lê Xuân Định": the role that stands right before the name.
std::string RoleBefore(const std::vector<Word>& words, size_t name_begin) {
  const NameTables& tables = NameTables::Get();
  size_t earliest = name_begin;
  std::string role;
  for (size_t k = name_begin; k > 0 && name_begin - k < kMaxWordsBeforeName; --k) {
    if (!IsPhraseGap(words[k].gap)) break;
    size_t candidate = k - 1;
    if (tables.RoleAt(words, candidate) > 0) {
      earliest = candidate;
    } else if (!words[candidate].capitalized && tables.IsStopWord(words[candidate])) {
      break;
    }
  }
  // Keep a leading Phó/Quyền/Nguyên that RoleAt folded in.
  if (earliest < name_begin) role = JoinWords(words, earliest, name_begin);
  return role;
}

// Skips a "nhiệm kỳ 2019-2021" (or "2019 - 2021") that follows a role.
size_t SkipTermOfOffice(const std::vector<Word>& words, size_t at) {
  if (at + 2 < words.size() && words[at].exact == "nhiệm" && words[at + 1].exact == "kỳ" &&
      words[at + 2].is_number) {
    at += 3;
    if (at < words.size() && words[at].is_number && !IsSpaceOnly(words[at].gap) &&
        !IsClauseBreak(words[at].gap) && words[at].gap.find(',') == std::string_view::npos) {
      ++at;
    }
  }
  return at;
}

bool IsCommaOrDash(std::string_view gap) {
  std::string trimmed;
  for (char c : gap) {
    if (c != ' ') trimmed += c;
  }
  return trimmed == "," || trimmed == "-" || trimmed == "\xE2\x80\x93" ||
         trimmed == "\xE2\x80\x94";
}

// ", Bí thư Chi bộ, Vụ trưởng Vụ Khoa học và Công nghệ": the roles in apposition after the name.
void RolesAfter(const std::vector<Word>& words, size_t name_end, std::vector<std::string>* roles) {
  size_t at = name_end;
  while (at < words.size() && IsCommaOrDash(words[at].gap)) {
    size_t end = RoleEnd(words, at);
    if (end == at) break;
    roles->push_back(JoinWords(words, at, end));
    at = SkipTermOfOffice(words, end);
  }
}

// "… được bầu giữ chức Bí thư Chi bộ", "… trúng cử chức danh Bí thư Đảng bộ".
void RolesElected(const std::vector<Word>& words, size_t name_end,
                  std::vector<std::string>* roles) {
  for (size_t at = name_end; at < words.size() && at - name_end < kMaxWordsToElection; ++at) {
    if (at > name_end && (IsClauseBreak(words[at].gap) || StartsPersonName(words, at))) break;
    bool office_word = words[at].exact == "chức" ||
                       (words[at].exact == "cử" && at > 0 && words[at - 1].exact == "trúng");
    if (!office_word) continue;
    size_t role_begin = at + 1;
    if (role_begin < words.size() && words[role_begin].exact == "danh") ++role_begin;
    size_t end = RoleEnd(words, role_begin);
    if (end > role_begin) {
      roles->push_back(JoinWords(words, role_begin, end));
      return;
    }
  }
}

struct Candidate {
  std::string key;
  std::string name;
  bool marked = false;
  std::vector<std::string> roles;
};

void AddRoles(const std::vector<std::string>& found, Person* person,
              std::unordered_set<std::string>* role_keys) {
  for (const std::string& role : found) {
    std::string canonical = CanonicalName(role);
    if (role_keys->insert(NameKey(canonical)).second) person->roles.push_back(canonical);
  }
}

}  // namespace

size_t RoleEnd(const std::vector<Word>& words, size_t begin) {
  const NameTables& tables = NameTables::Get();
  size_t role_length = tables.RoleAt(words, begin);
  if (role_length == 0) return begin;
  size_t end = begin + role_length;
  if (end >= words.size() || !IsSpaceOnly(words[end].gap)) return end;
  // "Phó Bí thư chi bộ": a lowercase unit kind still says where the role is held.
  size_t kind_length = tables.UnitKindAt(words, end, nullptr, /*any_case=*/true);
  if (kind_length > 0 && !words[end].capitalized) {
    end += kind_length;
    if (end >= words.size() || !IsSpaceOnly(words[end].gap) || !words[end].capitalized) return end;
  }
  if (!(words[end].capitalized || words[end].all_caps) || StartsPersonName(words, end)) return end;
  return NameEnd(words, end, /*allow_comma=*/false);
}

std::vector<Person> ExtractPersons(const std::vector<Word>& words) {
  std::vector<Candidate> mentions;
  for (size_t i = 0; i < words.size(); ++i) {
    size_t end = PersonNameEnd(words, i);
    if (end == i) continue;
    Candidate mention;
    mention.name = CanonicalName(JoinWords(words, i, end));
    mention.key = NameKey(mention.name);
    std::string role_before = RoleBefore(words, i);
    if (!role_before.empty()) mention.roles.push_back(role_before);
    RolesAfter(words, end, &mention.roles);
    RolesElected(words, end, &mention.roles);
    mention.marked = HonorificBefore(words, i) || !mention.roles.empty();
    mentions.push_back(std::move(mention));
    i = end - 1;
  }
  std::unordered_set<std::string> marked_keys;
  for (const Candidate& mention : mentions) {
    if (mention.marked) marked_keys.insert(mention.key);
  }
  std::vector<Person> persons;
  std::unordered_map<std::string, size_t> index;
  std::vector<std::unordered_set<std::string>> role_keys;
  for (const Candidate& mention : mentions) {
    if (!marked_keys.count(mention.key)) continue;
    auto found = index.find(mention.key);
    if (found == index.end()) {
      found = index.emplace(mention.key, persons.size()).first;
      persons.push_back({mention.name, {}});
      role_keys.emplace_back();
    }
    AddRoles(mention.roles, &persons[found->second], &role_keys[found->second]);
  }
  return persons;
}

}  // namespace vnsearch
