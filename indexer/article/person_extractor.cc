// person_extractor: Vietnamese writes every syllable of a proper name with a capital, and
// nothing else mid-sentence, so each capitalised stretch of words is a name of something: a
// person, a place, an organisation, a work. The stretch is read together with what stands
// around it (a cue before, a verb of saying after) and with the rest of the article (a name
// marked once as a person's is a person's everywhere; short mentions are the last words of a
// full name given elsewhere). The cues are data (article/data/*.txt); nothing here knows a name.

#include "article/person_extractor.h"

#include <unicode/uchar.h>

#include <unordered_map>
#include <unordered_set>

#include "analysis/characters.h"
#include "analysis/utf8.h"
#include "article/canonical_name.h"
#include "article/name_tables.h"
#include "article/term_extractor.h"
#include "article/unit_extractor.h"

namespace vnsearch {
namespace {

constexpr size_t kMaxVietnameseNameWords = 4;  // "Lê Đình Hoài Vũ"
constexpr size_t kMaxCuedNameWords = 5;        // "Pierre-Emerick Aubameyang": 3 words and a hyphen
constexpr size_t kMaxWordsBeforeName = 16;  // "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn X"
constexpr size_t kMaxWordsToElection = 30;  // "bầu đồng chí X, … giữ chức Bí thư Chi bộ"
constexpr size_t kMinNamesInAList = 4;    // "A, B, C và D"
constexpr size_t kMinPersonsInAList = 2;  // known persons that make a list one of persons
constexpr size_t kMaxListIntroWords = 6;  // "các thương hiệu mỹ phẩm nổi tiếng như"
constexpr size_t kMaxDescribingWords = 3;  // "chuyên gia trang điểm", "nhà khoa học kín tiếng"

// Initials that stand for a name in court and accident reports: "N.V.T", "T.T.Đ".
bool IsInitials(const Word& word) {
  if (!word.all_caps) return false;
  size_t letters_in_group = 0;
  bool dotted = false;
  for (size_t offset = 0; offset < word.text.size();) {
    int32_t code_point = NextCodePoint(word.text, &offset);
    if (code_point == '.') {
      dotted = true;
      letters_in_group = 0;
    } else if (++letters_in_group > 1) {
      return false;
    }
  }
  return dotted;
}

// A capital after the first letter: a brand ("VinaPhone", "iPhone"), not a given name.
bool HasInnerCapital(const Word& word) {
  size_t offset = 0;
  NextCodePoint(word.text, &offset);
  while (offset < word.text.size()) {
    if (u_isupper(NextCodePoint(word.text, &offset))) return true;
  }
  return false;
}

bool HasDigit(const Word& word) {
  for (char c : word.text) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// A capitalised word that can be part of a name ("U16", "KH&CN" cannot).
bool IsNameWord(const Word& word) {
  return (word.capitalized && !word.all_caps && !HasDigit(word)) || IsInitials(word);
}

// A hyphen with no space around it joins the parts of one name: "Jong-un", "Pierre-Emerick".
bool IsBareHyphen(std::string_view gap) { return gap == "-"; }

// Whether words[k] continues the name before it.
// A lowercase particle inside a foreign name: "Bashar al-Assad", "Ernst van den Ende".
bool IsNameParticle(const std::vector<Word>& words, size_t k) {
  static const std::unordered_set<std::string> kParticles = {
      "al", "el",  "bin",   "ibn", "van", "von", "der", "den", "de",
      "da", "del", "della", "di",  "du",  "dos", "la",  "le"};
  if (words[k].capitalized || !kParticles.count(words[k].exact) || !IsSpaceOnly(words[k].gap)) {
    return false;
  }
  size_t next = k + 1;
  while (next < words.size() && !words[next].capitalized && kParticles.count(words[next].exact) &&
         IsSpaceOnly(words[next].gap)) {
    ++next;
  }
  return next < words.size() && words[next].capitalized && !IsVietnameseSyllable(words[next]) &&
         (IsSpaceOnly(words[next].gap) || IsBareHyphen(words[next].gap));
}

// A site's name, written with its domain: "Baodatviet.vn", "Zing.vn", "Dantri.com".
bool IsSiteName(const std::vector<Word>& words, size_t k) {
  static const std::unordered_set<std::string> kDomains = {"vn", "com", "net", "org", "info"};
  return k + 1 < words.size() && words[k + 1].gap == "." && kDomains.count(words[k + 1].exact);
}

bool ContinuesName(const std::vector<Word>& words, size_t k) {
  if (IsInitials(words[k]) || IsInitials(words[k - 1])) return false;
  if (IsSiteName(words, k)) return false;  // "Xiao Pei Baodatviet.vn": a byline and its site
  if (IsNameParticle(words, k)) {
    size_t named = k - 1;  // the capitalised word before the particles: "Jacob van den Borne"
    while (named > 0 && !words[named].capitalized) --named;
    return !IsVietnameseSyllable(words[named]);
  }
  // "Nguyễn Thị Nghĩa Thứ trưởng Bộ GD-ĐT": a role after the name is not part of it.
  if (NameTables::Get().RoleAt(words, k) > 0) return false;
  if (IsBareHyphen(words[k].gap)) return !words[k].is_number;
  // An initial inside a name: "George W. Bush", "John J. Martin".
  bool after_initial = words[k - 1].text.size() == 1 && words[k - 1].capitalized;
  if (after_initial && (words[k].gap == ". " || words[k].gap == ".")) return IsNameWord(words[k]);
  return IsSpaceOnly(words[k].gap) && IsNameWord(words[k]);
}

// Whether words[i] opens a sentence, where every word is capitalised whatever it is.
bool OpensSentence(const std::vector<Word>& words, size_t i) {
  if (i == 0) return true;
  std::string_view gap = words[i].gap;
  for (size_t offset = 0; offset < gap.size();) {
    int32_t code_point = NextCodePoint(gap, &offset);
    switch (code_point) {
      case '.':
      case '!':
      case '?':
      case ':':
      case '\n':
      case '"':
      case 0x201C:
      case 0x2026:
        return true;
      default:
        if (IsDash(code_point)) return true;  // "- Anh Tuấn …" opens a line of dialogue
        break;
    }
  }
  return false;
}

// The gap between a cue and the name after it: spaces, or the dot after an abbreviated cue
// ("TS. Nguyễn Văn A", "TP. Hồ Chí Minh"); a full stop after a word ends the sentence.
bool IsCueGap(const std::vector<Word>& words, size_t name_begin) {
  std::string_view gap = words[name_begin].gap;
  if (IsSpaceOnly(gap)) return true;
  const Word& cue = words[name_begin - 1];
  bool abbreviated = cue.all_caps || cue.text.size() == 1;
  return abbreviated && SoleMark(gap) == '.';
}

bool IsPhraseGap(std::string_view gap) {
  int32_t mark = SoleMark(gap);
  return IsSpaceOnly(gap) || mark == '-' || mark == '&';
}

// "Bí thư Đảng ủy Bộ KH&CN Lê Xuân Định", "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn
// Trần Thanh Nam": where the role whose phrase (the role and its unit) reaches the name starts,
// with a leading Phó/Quyền/Nguyên; `name_begin` when none does.
size_t RoleBefore(const std::vector<Word>& words, size_t name_begin) {
  const NameTables& tables = NameTables::Get();
  size_t earliest = name_begin;
  for (size_t k = name_begin; k > 0 && name_begin - k < kMaxWordsBeforeName; --k) {
    if (!IsPhraseGap(words[k].gap)) break;
    size_t candidate = k - 1;
    if (tables.RoleAt(words, candidate) == 0) continue;
    // The unit may end in a place word the name stands after: "… Liên minh HTX tỉnh X".
    size_t role_end = RoleEnd(words, candidate);
    if (role_end < name_begin && !words[role_end].capitalized &&
        tables.PlaceCueEndingAt(words, name_begin) == name_begin - role_end) {
      role_end = name_begin;
    }
    if (role_end >= name_begin) earliest = candidate;
  }
  return earliest;
}

// Skips a "nhiệm kỳ 2019-2021" (or "2019 - 2021") that follows a role; sets `term` to it
// ("2019-2021") when there is one.
size_t SkipTermOfOffice(const std::vector<Word>& words, size_t at, std::string* term) {
  if (at + 2 < words.size() && words[at].exact == "nhiệm" && words[at + 1].exact == "kỳ" &&
      words[at + 2].is_number) {
    size_t years = at + 2;
    at += 3;
    if (at < words.size() && words[at].is_number && !IsSpaceOnly(words[at].gap) &&
        !IsClauseBreak(words[at].gap) && words[at].gap.find(',') == std::string_view::npos) {
      ++at;
    }
    std::vector<std::string> terms = ExtractTerms(std::vector<Word>(
        words.begin() + static_cast<long>(years) - 2, words.begin() + static_cast<long>(at)));
    if (!terms.empty()) *term = terms.front();
  }
  return at;
}

bool IsCommaOrDash(std::string_view gap) {
  int32_t mark = SoleMark(gap);
  return mark == ',' || mark == '-';
}

// ", Bí thư Chi bộ, Vụ trưởng Vụ Khoa học và Công nghệ": the roles in apposition after the name.
// Returns where they end.
size_t RolesAfter(const std::vector<Word>& words, size_t name_end, std::vector<RoleSpan>* roles) {
  size_t at = name_end;
  while (at < words.size() && IsCommaOrDash(words[at].gap)) {
    size_t end = RoleEnd(words, at);
    if (end == at) break;
    RoleSpan role{at, end, false, ""};
    at = SkipTermOfOffice(words, end, &role.term);
    roles->push_back(std::move(role));
  }
  return at;
}

// The word that announces an election to the role after it: "… được bầu giữ chức Bí thư Chi
// bộ", "… trúng cử chức danh Bí thư", "… tái đắc cử Bí thư", "… được bầu làm Phó Bí thư".
bool AnnouncesOffice(const std::vector<Word>& words, size_t at) {
  const std::string& word = words[at].exact;
  if (word == "chức") return true;
  if (at == 0) return false;
  const std::string& before = words[at - 1].exact;
  if (word == "cử") return before == "trúng" || before == "đắc";
  return word == "làm" && (before == "bầu" || before == "cử");
}

// The role a person is elected to, after the name.
void RolesElected(const std::vector<Word>& words, size_t name_end, std::vector<RoleSpan>* roles) {
  for (size_t at = name_end; at < words.size() && at - name_end < kMaxWordsToElection; ++at) {
    if (at > name_end && (IsClauseBreak(words[at].gap) || StartsPersonName(words, at))) break;
    if (!AnnouncesOffice(words, at)) continue;
    size_t role_begin = at + 1;
    if (role_begin < words.size() && words[role_begin].exact == "danh") ++role_begin;
    size_t end = RoleEnd(words, role_begin);
    if (end > role_begin) {
      RoleSpan role{role_begin, end, true, ""};
      SkipTermOfOffice(words, end, &role.term);
      roles->push_back(std::move(role));
      return;
    }
  }
}

// An age or a year of birth right after the name: "(45 tuổi)", ", 45 tuổi,", "(SN 1980)",
// ", sinh năm 1980".
// A player's shirt number or the minute of a goal in brackets after the name: "(số 7)",
// "(phút 53)", "(57')".
bool MatchNoteAfter(const std::vector<Word>& words, size_t name_end) {
  if (name_end + 1 >= words.size()) return false;
  if (words[name_end].gap.find('(') == std::string_view::npos) return false;
  const Word& first = words[name_end];
  const Word& second = words[name_end + 1];
  if (first.exact == "phút" && second.is_number) return true;
  if (first.exact == "số" && second.is_number) {  // not a house: "(số 12 Lê Lợi)"
    return name_end + 2 == words.size() || words[name_end + 2].gap.rfind(')', 0) == 0;
  }
  std::string_view after_number = second.gap;
  return first.is_number && (after_number.rfind("'", 0) == 0 || after_number.rfind("’", 0) == 0);
}

// The minute of a goal written after a scorer's name in a match summary: "A 13', B 24' 61'".
// Returns false when the minute is the text's last word (nothing shows its mark).
bool GoalMinuteAfter(const std::vector<Word>& words, size_t name_end) {
  if (name_end + 1 >= words.size() || !words[name_end].is_number) return false;
  if (!IsSpaceOnly(words[name_end].gap)) return false;
  std::string_view after_number = words[name_end + 1].gap;
  return after_number.rfind("'", 0) == 0 || after_number.rfind("’", 0) == 0;
}

bool AgeAfter(const std::vector<Word>& words, size_t name_end) {
  if (name_end + 1 >= words.size()) return false;
  std::string_view gap = words[name_end].gap;
  bool opens = gap.find('(') != std::string_view::npos || gap.find(',') != std::string_view::npos;
  if (!opens) return false;
  const Word& first = words[name_end];
  const Word& second = words[name_end + 1];
  if (first.is_number && second.exact == "tuổi") return true;
  if (first.exact == "sn" && second.is_number) return true;
  return first.exact == "sinh" && second.exact == "năm";
}

// A capitalised stretch of words read as a candidate name, and what the text says of it.
// What the text says a mention is, weakest first.
enum class Evidence {
  kPlace,   // a place or a thing named after someone: never a person
  kNone,    // nothing yet; a person if it links to one
  kShape,   // shaped like a person's name: a family name, a foreign given name
  kMarked,  // marked as a person's: a cue, a role, a verb of saying, an age, a list of persons
};

struct Mention {
  size_t begin = 0;
  size_t end = 0;
  std::string name;  // canonical spelling
  std::string key;   // the exact words, lowercase, joined by single spaces
  Evidence evidence = Evidence::kNone;
  bool place_by_context = true;  // for a place: the words around it say so ("đường", "tại")
  std::vector<RoleSpan> roles;

  bool confirmed() const { return evidence >= Evidence::kShape; }
};

class MentionReader {
 public:
  explicit MentionReader(const std::vector<Word>& words)
      : words_(words), tables_(NameTables::Get()) {
    for (const Word& word : words) {
      if (!word.capitalized) lowercase_words_.insert(word.exact);
    }
  }

  // The candidate names of the capitalised run words[begin..end).
  void ReadRun(size_t begin, size_t end, std::vector<Mention>* mentions) const {
    size_t at = begin;
    bool addressed = false;  // a form of address stands before the name
    bool credited = begin > 0 && words_[begin - 1].exact == "ảnh";  // "Ảnh: Anh Trọng"
    if (OpensSentence(words_, begin) && !tables_.IsSurname(words_[at]) && !credited) {
      // The first word of a sentence is capitalised whatever it is: "Ông Nguyễn Văn A",
      // "Theo Nguyễn Văn A", "Tại Hà Nội", "Báo Lao Động".
      if (PlaceOrThingWordAt(at, end)) return AddPlace(at + 1, end, mentions);
      size_t cue = PersonCueLength(at, end);
      if (cue > 0) {
        addressed = tables_.AddressCueAt(words_, at) == cue;
        at += cue;
      } else if (IsCommonWord(words_[at]) || words_[at].exact == "ảnh" ||
                 words_[at].exact == "theo" || words_[at].exact == "phía") {
        ++at;  // "Ảnh Ngọc Yến", "Theo Quang Huy/…": a credit opening the line; "Phía Mỹ"
      }
      if (at == end) return;
    }
    // "Trường THPT Nguyễn Du", "giải Lê Văn Thiêm", "báo Lao Động": a thing named after someone.
    if (NamedThingCueBefore(at)) return AddPlace(at, end, mentions);
    if (AllPlaces(at, end)) return AddKnownName(at, end, mentions);  // "Anh, Đức, Italia"
    std::string role_before;
    RoleSpan role_span;
    size_t role_begin = RoleBefore(words_, at);
    size_t place = tables_.PlaceAt(words_, at);
    if (role_begin < at) {
      // The role's unit may run into the capitalised words: "Chủ tịch UBND tỉnh Cà Mau Nguyễn
      // Tiến Hải", "Bộ trưởng Công Thương Trần Tuấn Anh", "Thủ tướng Chính phủ" (no name).
      size_t role_end = RoleEnd(words_, role_begin);
      bool after_place_name = place > 0 && at + place < end;
      if (after_place_name) {
        at += place;
      } else if (role_end > at && role_end < end) {
        at = role_end;
      } else if (role_end > at) {
        return;
      }
      role_before = JoinWords(words_, role_begin, at);
      role_span = {role_begin, at, false, ""};
      // The role's unit ends in a word that wants a name, and the capitalised words are that
      // name: "Hiệu trưởng Trường Lương Thế Vinh", "Chủ tịch huyện Tiên Phước" — unless, after
      // a place word or a unit kind, they are a person's full name ("… Liên minh HTX tỉnh
      // Nguyễn Đình Sáng", "Bí thư Chi bộ Trần Bình Trọng").
      // The place may run into the name: "Chủ tịch xã Tà Rụt Hồ Văn Nhiếp".
      if (!after_place_name && NamedThingCueBefore(at)) return AddPlace(at, end, mentions);
      bool full_name =
          tables_.IsSurname(words_[at]) && end - at >= 3 && end - at <= kMaxVietnameseNameWords;
      if (!after_place_name && !full_name && (PlaceCueBefore(at) || UnitKindBefore(at))) {
        size_t name_begin = NameAfterPlaceName(at, end);
        if (name_begin == end) return AddPlace(at, end, mentions);
        at = name_begin;
        role_before = JoinWords(words_, role_begin, at);
        role_span = {role_begin, at, false, ""};
      }
    }
    if (role_before.empty() && at == begin && PlaceOrThingWordAt(at, end)) {
      return AddPlace(at + 1, end, mentions);
    }
    // A role before the name outweighs a place word or a unit kind ending its unit ("… Liên
    // minh HTX tỉnh Nguyễn Đình Sáng", "Bí thư Chi bộ Trần Bình Trọng").
    bool place_cue = role_before.empty() && (PlaceCueBefore(at) || UnitKindBefore(at));
    bool credit = !place_cue && CreditBefore(at, end);
    bool person_cue = !place_cue && (PersonCueBefore(at) || credit);
    addressed = addressed || (person_cue && at > 0 && tables_.AddressCueEndingAt(words_, at) > 0);
    if (role_before.empty() && person_cue && !credit && place > 0 && at + place < end) {
      at += place;  // "Tổng thống Mỹ Donald Trump", "thủ tướng Thái Lan Thaksin Shinawatra"
    }
    // An address: "số 14/27 Hoàng Dư Khương, P.12", "Lê Hồng Phong (hẻm 438".
    if (!person_cue && role_before.empty() && InAddress(at, end)) {
      return AddPlace(at, end, mentions);
    }
    // A long run holds a name and the unit after it: "Nguyễn Văn A Bộ Y tế".
    end = CutAtUnitKind(at, end);
    bool cued = person_cue || !role_before.empty();
    if (!cued && !place_cue) {
      // "bác sĩ người Anh William Harvey": a nationality between the cue and the name.
      size_t nationality = tables_.PlaceAt(words_, at);
      if (nationality > 0 && at + nationality < end && at > 0 && words_[at - 1].exact == "người" &&
          ForeignNameAfterDescribedCue(at + nationality, end, at)) {
        at += nationality;
        cued = true;
      } else if (ForeignNameAfterDescribedCue(at, end, at)) {
        cued = true;  // "bác sĩ tim mạch Graham Jackson", "Đại tá cảnh sát Chairit Anurit"
      }
    }

    Mention mention;
    mention.begin = at;
    mention.end = end;
    size_t length = end - at;
    if (length > kMaxCuedNameWords) return;
    if (place_cue) return AddPlace(at, end, mentions);
    if (IsYearName(at, end)) return AddKnownName(at, end, mentions);
    if (length >= 2 && tables_.IsForeignOrgWord(words_[end - 1])) {
      return AddKnownName(at, end, mentions);  // "DongA Bank", "Qualcomm Technologies"
    }
    if (IsPlaceName(at, end) && !(addressed && length == 1)) {  // "bà Nga" is not Russia
      return AddKnownName(at, end, mentions);
    }
    // A unit or a title, not a name: "Bộ Y tế", "Chủ tịch", "Trung tâm".
    bool surname = tables_.IsSurname(words_[at]);
    // "đội tuyển nữ Taekwondo Việt Nam", "Becamex Bình Dương": a team or a firm named with its
    // country or province, whatever cue stands before it.
    if (!surname && length >= 3 && EndsWithPlaceName(at, end)) {
      return AddKnownName(at, end, mentions);
    }
    size_t kind = tables_.UnitKindAt(words_, at);
    bool opens_unit = kind > 0 || tables_.RoleAt(words_, at) > 0;
    // A family name opens a person's full name, not a unit kind, unless the kind is the whole
    // run: "Liên Hợp Quốc".
    if (opens_unit && !(surname && length >= 3 && kind < length)) return;
    // The capitals open a title that goes on in lowercase: "Trung tướng", "Đại sứ".
    if (at + tables_.PersonCueAt(words_, at) > end) return;
    if (cued && length == 1 && !addressed && IsVietnameseSyllable(words_[at])) {
      // "ca sĩ Dân ca", "Hoa hậu Hoàn vũ": one Vietnamese word after a title is a person only
      // when a full name elsewhere ends with it ("Tổng thống Obama" is one).
    } else if (cued) {
      mention.evidence = Evidence::kMarked;
    } else if (surname && length >= 2 && length <= kMaxVietnameseNameWords) {
      mention.evidence = Evidence::kShape;
    } else if (length >= 3 && length <= kMaxVietnameseNameWords &&
               (words_[at + 1].exact == "văn" || words_[at + 1].exact == "thị")) {
      mention.evidence = Evidence::kShape;  // "Ninh Văn Quỳnh": Văn and Thị are middle names
    } else if (tables_.IsForeignGivenName(words_[at]) && length >= 2 && length <= 3) {
      mention.evidence = Evidence::kShape;  // "Elon Musk", "Angela Merkel"
    } else if (length >= 2 && length <= 3 && HasForeignFamilyName(at, end)) {
      mention.evidence = Evidence::kShape;  // "Marin Cilic", "Park Hang-seo"
    } else if (length == 1 && tables_.IsForeignFamilyName(words_[at])) {
      mention.evidence = Evidence::kShape;  // "Djokovic", "Rodriguez", "Christensen"
    }
    bool marked_after = length >= 2 ? AgeAfter(words_, end) || SpeechVerbAfter(end) ||
                                          DescribedAfter(end) || MatchNoteAfter(words_, end) ||
                                          GoalMinuteAfter(words_, end)
                                    : AgeAfter(words_, end) ||  // "bệnh nhân T.T.Đ (38 tuổi)"
                                          OneWordMarkedAfter(at, end);
    if (length <= 3 && MinuteBefore(at)) marked_after = true;
    // "Becamex Bình Dương ghi bàn": a team or a firm named with its province.
    if (marked_after && !surname && EndsWithPlaceName(at, end)) marked_after = false;
    if (marked_after) mention.evidence = Evidence::kMarked;
    if (!role_before.empty()) mention.roles.push_back(role_span);
    if (mention.confirmed() || length >= 2) {
      // "… X, Hiệu trưởng Trường THPT Lê Quý Đôn giữ chức Bí thư": the election comes after
      // the roles in apposition, whatever names they hold.
      RolesElected(words_, RolesAfter(words_, end, &mention.roles), &mention.roles);
      if (!mention.roles.empty()) mention.evidence = Evidence::kMarked;
    }
    mention.name = CanonicalName(JoinWords(words_, at, end));
    mention.key = ExactKey(at, end);
    mentions->push_back(std::move(mention));
  }

 private:
  // A capitalised place or thing word opening the run: "Báo Người Lao Động", "Tỉnh Quảng Ninh".
  bool PlaceOrThingWordAt(size_t at, size_t end) const {
    if (at + 1 >= end || tables_.IsSurname(words_[at])) return false;  // "Hồ Thắng"
    if (OpensFullNameAsFamilyName(at, end)) return false;              // "Châu Tuyết Vân"
    std::vector<Word>::const_iterator first = words_.begin() + static_cast<long>(at);
    std::vector<Word> opening(first, first + 2);
    return tables_.NamedThingCueEndingAt(opening, 1) == 1 ||
           tables_.PlaceCueEndingAt(opening, 1) == 1;
  }

  // "Châu" is a continent and a family name: it opens a person's full name when two or three
  // Vietnamese syllables follow it ("Châu Tuyết Vân"), a place when one does ("Châu Á").
  bool OpensFullNameAsFamilyName(size_t at, size_t end) const {
    if (words_[at].exact != "châu" || end - at < 3 || end - at > kMaxVietnameseNameWords) {
      return false;
    }
    for (size_t k = at; k < end; ++k) {
      if (!IsVietnameseSyllable(words_[k])) return false;
    }
    return true;
  }

  // A foreign name of two or three words after a person cue and a few lowercase words that
  // describe the person: "chuyên gia kỹ thuật Qichen Zhang", "nhà khoa học kín tiếng Joachim
  // Sauer". Vietnamese words there would as well be a place or a thing ("bác sĩ ở Hà Nội").
  // `described_end`: where the describing words end, before a nationality ("người Pháp").
  bool ForeignNameAfterDescribedCue(size_t begin, size_t end, size_t described_end) const {
    if (end - begin < 2 || end - begin > 3) return false;
    for (size_t k = begin; k < end; ++k) {
      if (IsVietnameseSyllable(words_[k])) return false;
    }
    if (!IsSpaceOnly(words_[begin].gap) || !IsSpaceOnly(words_[described_end].gap)) return false;
    for (size_t k = described_end; k > 0 && described_end - k <= kMaxDescribingWords; --k) {
      bool describing = !words_[k].capitalized && !words_[k].all_caps && IsSpaceOnly(words_[k].gap);
      if (k < described_end && !describing) return false;
      // A cue of one word could be the end of another word: "công bố", "tên gọi".
      if (tables_.PersonCueEndingAt(words_, k) >= 2) return true;
    }
    return false;
  }

  // A foreign name of two or three words by its family name: last in Western order ("Colin
  // Smith", "Marin Cilic"), first in East Asian order before words that are not Vietnamese
  // syllables ("Park Hang-seo", "Zhang Chenyao").
  bool HasForeignFamilyName(size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      if (HasInnerCapital(words_[k])) return false;  // "Galaxy iPhone"
    }
    if (tables_.IsEastAsianFamilyName(words_[begin])) {
      for (size_t k = begin + 1; k < end; ++k) {
        if (IsBareHyphen(words_[k].gap) || !IsVietnameseSyllable(words_[k])) return true;
      }
      return false;
    }
    return !IsVietnameseSyllable(words_[begin]) && tables_.IsForeignFamilyName(words_[end - 1]);
  }

  // Where a person's full name starts after the name of a place in words[begin..end): a
  // place name has one to three words, most often two ("Tà Rụt Hồ Văn Nhiếp"); `end` if none.
  size_t NameAfterPlaceName(size_t begin, size_t end) const {
    for (size_t place_words : {2, 1, 3}) {
      size_t name_begin = begin + place_words;
      if (name_begin + 2 > end || end - name_begin > kMaxVietnameseNameWords) continue;
      if (tables_.IsSurname(words_[name_begin])) return name_begin;
    }
    return end;
  }

  bool EndsWithPlaceName(size_t begin, size_t end) const {
    for (size_t k = begin + 1; k + 1 < end; ++k) {
      if (tables_.PlaceAt(words_, k) == end - k) return true;
    }
    return false;
  }

  // A run of place names only: "Anh Đức Italia Bồ Đào Nha" (a caption's list).
  bool AllPlaces(size_t begin, size_t end) const {
    if (end - begin < 2) return false;
    for (size_t k = begin; k < end;) {
      size_t place = tables_.PlaceAt(words_, k);
      if (place == 0) return false;
      k += place;
    }
    return true;
  }

  // A place or a named thing, kept so that the names listed with it are read alike ("những con
  // đường Lý Thường Kiệt, Phan Đình Phùng").
  void AddPlace(size_t begin, size_t end, std::vector<Mention>* mentions) const {
    Mention place;
    place.begin = begin;
    place.end = end;
    place.evidence = Evidence::kPlace;
    place.key = ExactKey(begin, end);
    mentions->push_back(std::move(place));
  }

  // A place or a thing known by its name alone ("Hà Nội", "Canh Thân", "DongA Bank"), with no
  // word around it that says what it is: many such names are also a person's given names.
  void AddKnownName(size_t begin, size_t end, std::vector<Mention>* mentions) const {
    AddPlace(begin, end, mentions);
    mentions->back().place_by_context = false;
  }

  // A year of the sexagenary cycle: "Đinh Dậu", "Mậu Tuất" (Đinh and Giáp are family names too).
  bool IsYearName(size_t begin, size_t end) const {
    static const std::unordered_set<std::string> kStems = {"giáp", "ất",   "bính", "đinh", "mậu",
                                                           "kỷ",   "canh", "tân",  "nhâm", "quý"};
    static const std::unordered_set<std::string> kBranches = {
        "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi"};
    return end - begin == 2 && kStems.count(words_[begin].exact) &&
           kBranches.count(words_[begin + 1].exact);
  }

  // A word that is capitalised only because it opens the sentence: a function word, or a
  // word the article also writes in lowercase.
  bool IsCommonWord(const Word& word) const {
    return tables_.IsStopWord(word) || lowercase_words_.count(word.exact) != 0;
  }

  // A cue at words[at] that leaves at least one word of the run after it.
  size_t PersonCueLength(size_t at, size_t run_end) const {
    size_t cue = tables_.PersonCueAt(words_, at);
    return at + cue < run_end ? cue : 0;
  }

  bool PersonCueBefore(size_t at) const {
    return at > 0 && IsCueGap(words_, at) && tables_.PersonCueEndingAt(words_, at) > 0;
  }

  // "đường Lê Lợi", "tại Thái Bình", "xã Xuân Ninh", "ba đường: Võ Văn Tần, …".
  bool PlaceCueBefore(size_t at) const {
    if (at == 0) return false;
    bool gap_ok = IsCueGap(words_, at) || words_[at].gap == ": ";
    return gap_ok && tables_.PlaceCueEndingAt(words_, at) > 0;
  }

  bool NamedThingCueBefore(size_t at) const {
    return at > 0 && IsCueGap(words_, at) && tables_.NamedThingCueEndingAt(words_, at) > 0;
  }

  // "Bệnh viện Bạch Mai", "Công ty Hoàng Phát": a unit named by the capitalised words.
  bool UnitKindBefore(size_t at) const {
    if (at == 0 || !IsCueGap(words_, at)) return false;
    for (size_t length = 1; length <= 3 && length <= at; ++length) {
      if (tables_.UnitKindAt(words_, at - length, nullptr, /*any_case=*/true) == length) {
        return true;
      }
    }
    return false;
  }

  // A street in an address: a house number before it ("số 14/27 Hoàng Dư Khương"), or a ward,
  // district or lane after it (", P.12", ", phường 1", "(hẻm 438").
  bool InAddress(size_t begin, size_t end) const {
    if (begin > 0 && words_[begin - 1].is_number && IsSpaceOnly(words_[begin].gap)) return true;
    // "số 14/27, Hoàng Dư Khương": a house number, not a date ("Ngày 22/9, Nguyễn Văn A").
    if (begin > 1 && HasDigit(words_[begin - 1]) && words_[begin].gap == ", " &&
        IsHouseNumberWord(words_[begin - 2])) {
      return true;
    }
    if (end >= words_.size()) return false;
    std::string_view gap = words_[end].gap;
    bool opens_detail = gap == ", " || gap == " (" || gap == " - " || gap == "-";
    if (!opens_detail) return false;
    const std::string& next = words_[end].exact;
    if (next == "số" && MatchNoteAfter(words_, end)) return false;  // "(số 7)": a shirt number
    return next == "hẻm" || next == "ngõ" || next == "ngách" || next == "số" ||
           tables_.PlaceCueEndingAt(words_, end + 1) == 1 ||
           (end + 2 < words_.size() && tables_.PlaceCueEndingAt(words_, end + 2) == 2);
  }

  static bool IsHouseNumberWord(const Word& word) {
    const std::string& w = word.exact;
    return w == "số" || w == "nhà" || w == "ngõ" || w == "ngách" || w == "hẻm" || w == "kiệt" ||
           w == "lô" || w == "km";
  }

  // The end of a name at a unit kind inside a run longer than a name: "Nguyễn Văn A Bộ Y".
  size_t CutAtUnitKind(size_t begin, size_t end) const {
    if (end - begin <= kMaxVietnameseNameWords) return end;
    for (size_t k = begin + 2; k < end; ++k) {
      if (tables_.UnitKindAt(words_, k) > 0) return k;
    }
    return end;
  }

  // A place, or a name that starts with one ("Hà Nội", "Thái Lan", "Hồ Chí Minh").
  bool IsPlaceName(size_t begin, size_t end) const {
    size_t place = tables_.PlaceAt(words_, begin);
    return place > 0 && (place == end - begin || place >= 2);
  }

  // A photo credit or a source line: "Ảnh: Ngọc Vũ", "Theo Quang Huy/Vnexpress.net".
  bool CreditBefore(size_t at, size_t end) const {
    if (at == 0 || end - at < 2) return false;
    const Word& before = words_[at - 1];
    std::string_view gap = words_[at].gap;
    for (size_t k = at; k < end; ++k) {
      if (!IsVietnameseSyllable(words_[k])) return false;  // "Ảnh: Getty Images"
    }
    if (before.exact == "ảnh") return gap == ": " || gap == ":" || IsSpaceOnly(gap);
    return before.exact == "theo" && IsSpaceOnly(gap) && end < words_.size() &&
           words_[end].gap.find('/') != std::string_view::npos;
  }

  // A description of a person right after the name: "David Eyton, người đứng đầu…", "Mark
  // Williams, chuyên gia kinh tế…", "Larry Ellison là người sáng lập…".
  bool DescribedAfter(size_t end) const {
    if (end + 1 >= words_.size()) return false;
    size_t at = end;
    if (IsSpaceOnly(words_[at].gap) && words_[at].exact == "là") {
      ++at;
      if (!IsSpaceOnly(words_[at].gap)) return false;
    } else if (!IsCommaOrDash(words_[at].gap)) {
      return false;
    }
    // ", một giáo sư tâm lý học", ", một người nông dân Hà Lan"
    if (words_[at].exact == "một" && at + 1 < words_.size() && IsSpaceOnly(words_[at + 1].gap)) {
      ++at;
    }
    const std::string& first = words_[at].exact;
    if (first == "người" || first == "cựu" || first == "nguyên" || first == "đồng") return true;
    return tables_.PersonCueAt(words_, at) > 0 || tables_.RoleAt(words_, at) > 0;
  }

  // A one-word name framed by a quotation and a verb of saying ("…", Mengzhia viết) or
  // followed by a goal's minute ("Kowalczyk 13'"); not a brand with an inner capital ("VinaPhone").
  bool OneWordMarkedAfter(size_t at, size_t end) const {
    if (HasInnerCapital(words_[at])) return false;
    return (QuoteClosesBefore(at) && SpeechVerbAfter(end)) || GoalMinuteAfter(words_, end);
  }

  // A match report's minute before the player who made the play: "Phút 13, A đưa U16 Việt
  // Nam dẫn 1-0".
  bool MinuteBefore(size_t at) const {
    return at >= 2 && words_[at].gap == ", " && words_[at - 1].is_number &&
           words_[at - 2].exact == "phút" && IsSpaceOnly(words_[at - 1].gap);
  }

  // A quotation ends right before the name: "…", Mengzhia viết.
  bool QuoteClosesBefore(size_t at) const {
    std::string_view gap = words_[at].gap;
    bool comma = gap.find(',') != std::string_view::npos;
    bool quote = gap.find('"') != std::string_view::npos || gap.find("”") != std::string_view::npos;
    return comma && quote;
  }

  bool SpeechVerbAfter(size_t end) const {
    if (end >= words_.size()) return false;
    std::string_view gap = words_[end].gap;
    if (!IsSpaceOnly(gap) && gap != ", ") return false;
    if (tables_.SpeechVerbAt(words_, end) > 0) return true;
    // "X đã cho biết", "X cũng nói": an adverb of time between the name and the verb.
    const std::string& adverb = words_[end].exact;
    bool tense = adverb == "đã" || adverb == "cũng" || adverb == "vừa" || adverb == "từng";
    return tense && end + 1 < words_.size() && IsSpaceOnly(words_[end + 1].gap) &&
           tables_.SpeechVerbAt(words_, end + 1) > 0;
  }

  std::string ExactKey(size_t begin, size_t end) const {
    std::string key;
    for (size_t k = begin; k < end; ++k) {
      if (k > begin) key += ' ';
      key += words_[k].exact;
    }
    return key;
  }

  const std::vector<Word>& words_;
  const NameTables& tables_;
  std::unordered_set<std::string> lowercase_words_;
};

// A word a byline ends with: "(tổng hợp)", "lược dịch".
bool IsBylineNote(const Word& word) {
  return word.exact == "dịch" || word.exact == "lược" || word.exact == "tổng" ||
         word.exact == "hợp" || word.exact == "biên" || word.exact == "thực" ||
         word.exact == "hiện";
}

// Whether mentions `first` and `second` are neighbours in a list of names: "A, B", "A và B",
// "A - B".
bool AreListNeighbours(const std::vector<Word>& words, const Mention& first,
                       const Mention& second) {
  if (first.end == second.begin) {
    std::string_view gap = words[second.begin].gap;
    int32_t mark = SoleMark(gap);
    return mark == ',' || (mark == '-' && gap.size() > 1);  // "A, B", "A - B" (not "Jong-un")
  }
  return first.end + 1 == second.begin && words[first.end].exact == "và" &&
         IsSpaceOnly(words[first.end].gap) && IsSpaceOnly(words[second.begin].gap);
}

// Whether a list item ends at words[end]: a separator follows, not the rest of a title ("Phó
// Tư lệnh").
bool EndsListItem(const std::vector<Word>& words, size_t end) {
  if (end >= words.size()) return true;
  return !IsSpaceOnly(words[end].gap) || words[end].exact == "và";
}

// Whether the place `place` makes the name-shaped list item `item` a place too: always when
// the words around it say it is a place ("những con đường Lý Thường Kiệt, Phan Đình Phùng");
// a place known by its name alone only when it follows the item, as a province follows its
// district ("Thái Thụy, Thái Bình"), since a person's list may hold a name that is also a
// place's ("Thanh Hải, Văn Long, Đức Chinh").
bool SpreadsToNames(const Mention& place, const Mention& item) {
  return place.place_by_context || item.end <= place.begin;
}

// A name listed next to a person's is a person's too: "các bị cáo Dương Minh Quang, Văn Thanh
// Tâm và Phù Văn Sơn", "Đan Trường, Quang Dũng, Siu Black, Hương Tràm"; one listed next to a
// place is a place, unless marked otherwise: "những con đường Lý Thường Kiệt, Phan Đình Phùng".
void ReadListItems(const std::vector<Word>& words, std::vector<Mention>* mentions) {
  for (Evidence spreading : {Evidence::kPlace, Evidence::kMarked}) {
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t k = 0; k + 1 < mentions->size(); ++k) {
        Mention& first = (*mentions)[k];
        Mention& second = (*mentions)[k + 1];
        if (!AreListNeighbours(words, first, second)) continue;
        for (auto [from, to] : {std::pair{&first, &second}, std::pair{&second, &first}}) {
          bool spreads =
              spreading == Evidence::kPlace
                  ? from->evidence == Evidence::kPlace &&
                        (to->evidence == Evidence::kNone ||
                         (to->evidence == Evidence::kShape && SpreadsToNames(*from, *to)))
                  : from->confirmed() && to->evidence == Evidence::kNone &&
                        EndsListItem(words, to->end) &&
                        (to->end - to->begin >= 2 || words[second.begin].gap != ", ");
          if (!spreads) continue;
          to->evidence = spreading;
          to->place_by_context = from->place_by_context;
          changed = true;
        }
      }
    }
  }
}

// A long list of short names with no place among them is a list of people: a team sheet
// ("Nguyên Mạnh, Ngọc Hải, Văn Khánh, Mạnh Hùng"), a cast, the guests of a show.
void ReadListsOfNames(const std::vector<Word>& words, std::vector<Mention>* mentions) {
  auto short_name = [&](const Mention& mention) {
    size_t length = mention.end - mention.begin;
    return mention.evidence != Evidence::kPlace && length >= 2 && length <= 3 &&
           EndsListItem(words, mention.end);
  };
  for (size_t first = 0; first < mentions->size();) {
    size_t last = first;
    while (short_name((*mentions)[first]) && last + 1 < mentions->size() &&
           short_name((*mentions)[last + 1]) &&
           AreListNeighbours(words, (*mentions)[last], (*mentions)[last + 1])) {
      ++last;
    }
    if (last + 1 - first >= kMinNamesInAList) {
      for (size_t k = first; k <= last; ++k) {
        if ((*mentions)[k].evidence == Evidence::kNone) (*mentions)[k].evidence = Evidence::kMarked;
      }
    }
    first = last + 1;
  }
}

// The end of the list of names that starts at mentions[first]: one past its last item.
size_t ListEnd(const std::vector<Word>& words, const std::vector<Mention>& mentions, size_t first) {
  size_t last = first;
  while (last + 1 < mentions.size() &&
         AreListNeighbours(words, mentions[last], mentions[last + 1])) {
    ++last;
  }
  return last + 1;
}

// Whether the words before the list at words[list_begin] say it lists named things: "các
// thương hiệu nổi tiếng như A, B", "hãng X, Y" (brands are often named after people).
bool ThingsIntroduceList(const std::vector<Word>& words, size_t list_begin) {
  const NameTables& tables = NameTables::Get();
  for (size_t k = list_begin; k > 0 && list_begin - k <= kMaxListIntroWords; --k) {
    if (tables.NamedThingCueEndingAt(words, k) > 0) return true;
    if (IsClauseBreak(words[k - 1].gap)) return false;  // the clause starts at words[k - 1]
  }
  return false;
}

// A list with two people in it and no place is a list of people: "Aguero, Jesus, Sterling và
// Danilo" once two of them are known. Its other short items are persons too.
void ReadListsWithPersons(const std::vector<Word>& words, std::vector<Mention>* mentions) {
  for (size_t first = 0; first < mentions->size();) {
    size_t end = ListEnd(words, *mentions, first);
    if (ThingsIntroduceList(words, (*mentions)[first].begin)) {
      first = end;
      continue;
    }
    size_t persons = 0;
    bool has_place = false;
    for (size_t k = first; k < end; ++k) {
      persons += (*mentions)[k].confirmed();
      has_place = has_place || (*mentions)[k].evidence == Evidence::kPlace;
    }
    if (persons >= kMinPersonsInAList && !has_place) {
      for (size_t k = first; k < end; ++k) {
        Mention& item = (*mentions)[k];
        bool short_item = item.end - item.begin <= 3 && EndsListItem(words, item.end);
        if (item.evidence == Evidence::kNone && short_item) item.evidence = Evidence::kMarked;
      }
    }
    first = end;
  }
}

// Whether the words before words[list_begin] name the places of a football team's line-up,
// a few lowercase words before it in the same clause: "Tuyến giữa là A, B, C", "hàng thủ gồm
// A, B", "hàng công dự bị mạnh với A, B", "đội hình xuất phát: A, B".
bool LineupIntroducesList(const std::vector<Word>& words, size_t list_begin) {
  static const std::unordered_set<std::string> kLineupWords = {
      "thủ môn",    "hậu vệ",     "trung vệ", "tiền vệ",   "tiền đạo",  "tuyến giữa",
      "tuyến trên", "tuyến dưới", "hàng thủ", "hàng công", "phòng ngự", "đội hình",
      "xuất phát",  "đá chính",   "dự bị",    "cầu thủ",   "ghi bàn",   "băng ghế"};
  if (list_begin == 0) return false;
  bool after_colon = SoleMark(words[list_begin].gap) == ':';
  if (!after_colon && !IsSpaceOnly(words[list_begin].gap)) return false;
  for (size_t k = list_begin; k >= 2 && list_begin - k <= kMaxListIntroWords; --k) {
    if (k < list_begin && (words[k].capitalized || !IsSpaceOnly(words[k].gap))) return false;
    if (!IsSpaceOnly(words[k - 1].gap)) return false;
    if (kLineupWords.count(words[k - 2].exact + " " + words[k - 1].exact)) return true;
  }
  return false;
}

// A list of names after a line-up word is a list of players: "Tuyến giữa là Carrick, Herrera,
// Fellaini". Its short items are persons, unless a place is among them.
void ReadLineups(const std::vector<Word>& words, std::vector<Mention>* mentions) {
  for (size_t first = 0; first < mentions->size();) {
    size_t end = ListEnd(words, *mentions, first);
    bool has_place = false;
    for (size_t k = first; k < end; ++k) {
      has_place = has_place || (*mentions)[k].evidence == Evidence::kPlace;
    }
    if (end - first >= 2 && !has_place && LineupIntroducesList(words, (*mentions)[first].begin)) {
      for (size_t k = first; k < end; ++k) {
        Mention& item = (*mentions)[k];
        bool short_item = item.end - item.begin <= 3 && EndsListItem(words, item.end);
        if (item.evidence == Evidence::kNone && short_item) item.evidence = Evidence::kMarked;
      }
    }
    first = end;
  }
}

// An actor and the character played, one in brackets after the other: "Sơn (Hà Việt Dũng)",
// "Phương Oanh (Mai)". The name beside a person's is a person's.
void ReadBracketedNames(const std::vector<Word>& words, std::vector<Mention>* mentions) {
  for (size_t k = 0; k + 1 < mentions->size(); ++k) {
    Mention& outside = (*mentions)[k];
    Mention& inside = (*mentions)[k + 1];
    bool bracketed = inside.begin == outside.end && SoleMark(words[inside.begin].gap) == '(' &&
                     (inside.end == words.size() || words[inside.end].gap.rfind(')', 0) == 0);
    if (!bracketed || inside.end - inside.begin > 3 || outside.end - outside.begin > 4) continue;
    if (outside.confirmed() && inside.evidence == Evidence::kNone) {
      inside.evidence = Evidence::kMarked;
    } else if (inside.confirmed() && outside.evidence == Evidence::kNone) {
      outside.evidence = Evidence::kMarked;
    }
  }
}

bool AllInitials(const std::vector<Word>& words, const Mention& mention) {
  for (size_t k = mention.begin; k < mention.end; ++k) {
    if (!IsInitials(words[k])) return false;
  }
  return true;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (size_t offset = 0; offset < text.size(); ++count) NextCodePoint(text, &offset);
  return count;
}

// True when `tail` is the last words of `full` ("anh tuấn" of "nguyễn anh tuấn").
bool IsTailOf(const std::string& tail, const std::string& full) {
  return full.size() > tail.size() &&
         full.compare(full.size() - tail.size(), tail.size(), tail) == 0 &&
         full[full.size() - tail.size() - 1] == ' ';
}

void AddRoles(const std::vector<Word>& words, const std::vector<RoleSpan>& found, Person* person,
              std::unordered_set<std::string>* role_keys) {
  for (const RoleSpan& role : found) {
    std::string canonical = CanonicalName(JoinWords(words, role.begin, role.end));
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
  // "Phó Bí thư chi bộ": a lowercase unit kind still says where the role is held; the name
  // after a kind starts after it ("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy").
  size_t kind_length = tables.UnitKindAt(words, end, nullptr, /*any_case=*/true);
  size_t after_kind = end + kind_length;
  bool name_after_kind = kind_length > 0 && after_kind < words.size() &&
                         IsSpaceOnly(words[after_kind].gap) &&
                         (words[after_kind].capitalized || words[after_kind].all_caps);
  if (kind_length > 0 && !words[end].capitalized && !name_after_kind) return after_kind;
  if (name_after_kind) end = after_kind;
  if (!(words[end].capitalized || words[end].all_caps) || StartsPersonName(words, end)) return end;
  return NameEnd(words, end, /*allow_comma=*/false);
}

std::vector<Person> ExtractPersons(const std::vector<Word>& words,
                                   std::vector<RoleMention>* role_mentions) {
  MentionReader reader(words);
  std::vector<Mention> mentions;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!IsNameWord(words[i])) continue;
    size_t end = i + 1;
    while (end < words.size() && ContinuesName(words, end)) ++end;
    reader.ReadRun(i, end, &mentions);
    i = end - 1;
  }

  ReadListItems(words, &mentions);
  ReadListsOfNames(words, &mentions);
  ReadListsWithPersons(words, &mentions);
  ReadLineups(words, &mentions);
  ReadBracketedNames(words, &mentions);

  // One person per full name; a mention is that person when it is the full name or its last
  // words, and the name was marked as a person's somewhere.
  std::vector<std::string> full_keys;  // confirmed names, fullest first when one ends another
  std::unordered_set<std::string> confirmed_keys;
  for (const Mention& mention : mentions) {
    if (mention.confirmed() && confirmed_keys.insert(mention.key).second) {
      full_keys.push_back(mention.key);
    }
  }
  // The full name a key stands for: itself, or the one confirmed name it is the tail of.
  auto resolve = [&](const std::string& key) -> std::string {
    std::string found;
    for (const std::string& full : full_keys) {
      if (!IsTailOf(key, full)) continue;
      if (!found.empty() && found != full && !IsTailOf(found, full) && !IsTailOf(full, found)) {
        return confirmed_keys.count(key) ? key : "";  // two people end in these words
      }
      if (found.empty() || full.size() > found.size()) found = full;
    }
    if (!found.empty()) return found;
    // "ông Kim" after "Kim Jong-un", "ông Tập" after "Tập Cận Bình": a family name written
    // first, when no other person starts with it.
    if (key.find(' ') == std::string::npos) {
      for (const std::string& full : full_keys) {
        if (full.compare(0, key.size() + 1, key + " ") != 0) continue;
        if (!found.empty()) return confirmed_keys.count(key) ? key : "";
        found = full;
      }
      if (!found.empty()) return found;
    }
    return confirmed_keys.count(key) ? key : "";
  };

  std::vector<Person> persons;
  std::unordered_map<std::string, size_t> index;
  std::vector<std::unordered_set<std::string>> role_keys;
  std::unordered_map<std::string, std::string> names;  // full key → canonical name
  for (const Mention& mention : mentions) {
    if (mention.evidence == Evidence::kPlace) continue;
    if (mention.confirmed() || !names.count(mention.key)) names.emplace(mention.key, mention.name);
  }
  for (const Mention& mention : mentions) {
    if (mention.evidence == Evidence::kPlace) continue;
    std::string full = resolve(mention.key);
    // An initial alone ("ông T.") names nobody; initials a cue or an age marks ("bị cáo
    // N.V.T", "chị H.T.H. (SN 1983)") are how a court or accident report names a person.
    if (full.empty() || CodePointCount(full) < 2) continue;
    if (full == mention.key && AllInitials(words, mention) &&
        !(mention.evidence == Evidence::kMarked && CodePointCount(full) >= 3)) {
      continue;
    }
    auto found = index.find(full);
    if (found == index.end()) {
      found = index.emplace(full, persons.size()).first;
      persons.push_back({names.at(full), {}});
      role_keys.emplace_back();
    }
    AddRoles(words, mention.roles, &persons[found->second], &role_keys[found->second]);
    if (role_mentions != nullptr) {
      for (const RoleSpan& role : mention.roles) {
        role_mentions->push_back({persons[found->second].name, mention.begin, role});
      }
    }
  }
  return persons;
}

std::vector<std::string> BylineNames(std::string_view byline, bool require_marker) {
  // Drop parentheses and what follows a "/" (the source): "Tuấn Anh (Theo AAP)", "Hà Hà/Phụ nữ".
  std::string text;
  int depth = 0;
  bool has_parentheses = false;
  for (char c : byline) {
    if (c == '(') {
      ++depth;
      has_parentheses = true;
    }
    if (depth == 0) text += c;
    if (c == ')' && depth > 0) --depth;
  }
  size_t slash = text.find('/');
  bool has_source = slash != std::string::npos || has_parentheses;
  if (slash != std::string::npos) text.erase(slash);
  std::vector<Word> words = SplitWords(text);
  // A site or a translator's note at the end: "Thùy Trang Baodatviet.vn", "Hồng Nhung lược dịch".
  while (!words.empty() &&
         (words.back().text.find('.') != std::string_view::npos || IsBylineNote(words.back()))) {
    words.pop_back();
    has_source = true;
  }
  const NameTables& tables = NameTables::Get();
  size_t begin = 0;
  bool after_theo = !words.empty() && words[0].exact == "theo";
  if (after_theo) begin = 1;
  // A writer's title before the name: "CTV Nhật Minh/VOV.VN", "PV Hoàng Anh".
  size_t title = begin < words.size() ? tables.PersonCueAt(words, begin) : 0;
  if (title > 0 && begin + title + 2 <= words.size() && tables.AddressCueAt(words, begin) == 0) {
    begin += title;  // not "Anh Hào", "Nam Khánh": given names that are cues too
  }
  if (require_marker && !after_theo && !has_source) return {};
  std::vector<std::string> names;
  for (size_t i = begin; i < words.size();) {
    // One name: capitalised (or all-capital) words up to a separator or a "Theo".
    size_t end = i;
    while (end < words.size() && (words[end].capitalized || words[end].all_caps) &&
           words[end].exact != "theo" && (end == i || IsSpaceOnly(words[end].gap))) {
      ++end;
    }
    if (end == i) return {};  // a lowercase word: a sentence, not a byline
    size_t length = end - i;
    // "Theo Một Thế Giới" names a publication; "Theo Hà Hà/Phụ nữ" a writer and a publication.
    bool named = length <= kMaxVietnameseNameWords &&
                 (!after_theo || has_source || tables.IsSurname(words[i]));
    std::string folded_name;
    bool person_shaped = true;
    for (size_t k = i; k < end; ++k) {
      person_shaped = person_shaped && words[k].text.size() > 1 && IsVietnameseSyllable(words[k]);
      if (k > i) folded_name += ' ';
      folded_name += words[k].folded;
    }
    if (named && person_shaped && length >= 2 && !tables.IsPlace(folded_name)) {
      std::string name;
      for (size_t k = i; k < end; ++k) {
        if (k > i) name += ' ';
        name += words[k].all_caps ? CapitalizeFirst(words[k].exact) : std::string(words[k].text);
      }
      names.push_back(CanonicalName(name));
    }
    if (end < words.size() && words[end].exact == "theo") break;  // the rest is the source
    i = end;
  }
  return names;
}

}  // namespace vnsearch
