// query_forms: built on ICU's decomposition so that a form is made by editing combining marks:
// a diacritic-free form drops them, the other tone placement moves one tone mark between two
// vowels. Deliberately independent of vnsearch's own analysis (indexer/analysis/syllable), which
// is what the evaluation measures.

#include "query_forms.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string_view>

namespace vnsearch::bench {
namespace {

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFD: ") + u_errorName(status));
  return *normalizer;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
  return *normalizer;
}

icu::UnicodeString Normalize(const icu::Normalizer2& normalizer, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = normalizer.normalize(text, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  return normalized;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

bool IsMark(UChar32 code_point) { return (U_GET_GC_MASK(code_point) & U_GC_M_MASK) != 0; }

// The five Vietnamese tone marks in decomposed form: huyền, sắc, ngã, hỏi, nặng.
bool IsToneMark(UChar32 mark) {
  return mark == 0x0300 || mark == 0x0301 || mark == 0x0303 || mark == 0x0309 || mark == 0x0323;
}

// Circumflex, breve, horn: the marks that make â ê ô ă ơ ư.
bool IsQualityMark(UChar32 mark) { return mark == 0x0302 || mark == 0x0306 || mark == 0x031B; }

bool IsVowel(UChar32 lower_letter) {
  return lower_letter > 0 && lower_letter < 0x80 &&
         std::string_view("aeiouy").find(static_cast<char>(lower_letter)) != std::string_view::npos;
}

// A base letter and the combining marks that follow it in NFD.
struct DecomposedLetter {
  UChar32 base = 0;
  std::vector<UChar32> marks;
};

bool HasMark(const DecomposedLetter& letter, bool (*predicate)(UChar32)) {
  for (UChar32 mark : letter.marks) {
    if (predicate(mark)) return true;
  }
  return false;
}

// Moves the tone mark of an open syllable ending in oa, oe or uy to the other vowel of the pair.
void SwapSyllableTone(std::vector<DecomposedLetter>* syllable) {
  std::vector<DecomposedLetter>& letters = *syllable;
  size_t count = letters.size();
  size_t nucleus = 0;
  while (nucleus < count && !IsVowel(u_tolower(letters[nucleus].base))) ++nucleus;
  // The u of "qu" is part of the consonant: "quý" has one vowel and never alternates.
  if (nucleus > 0 && nucleus < count && u_tolower(letters[nucleus - 1].base) == 'q' &&
      u_tolower(letters[nucleus].base) == 'u') {
    ++nucleus;
  }
  if (nucleus + 2 != count) return;  // not exactly two vowels closing the syllable
  DecomposedLetter& first = letters[nucleus];
  DecomposedLetter& second = letters[nucleus + 1];
  UChar32 first_base = u_tolower(first.base);
  UChar32 second_base = u_tolower(second.base);
  bool alternates = (first_base == 'o' && (second_base == 'a' || second_base == 'e')) ||
                    (first_base == 'u' && second_base == 'y');
  if (!alternates || HasMark(first, IsQualityMark) || HasMark(second, IsQualityMark)) return;
  bool first_has_tone = HasMark(first, IsToneMark);
  bool second_has_tone = HasMark(second, IsToneMark);
  if (first_has_tone == second_has_tone) return;  // no tone (or a malformed double tone)
  DecomposedLetter& holder = first_has_tone ? first : second;
  DecomposedLetter& receiver = first_has_tone ? second : first;
  for (auto mark = holder.marks.begin(); mark != holder.marks.end(); ++mark) {
    if (IsToneMark(*mark)) {
      receiver.marks.push_back(*mark);
      holder.marks.erase(mark);
      break;
    }
  }
}

void AppendSyllable(const std::vector<DecomposedLetter>& syllable, icu::UnicodeString* out) {
  for (const DecomposedLetter& letter : syllable) {
    out->append(letter.base);
    for (UChar32 mark : letter.marks) out->append(mark);
  }
}

}  // namespace

std::vector<std::string> HeadlineWords(std::string_view title) {
  std::vector<std::string> words;
  const auto* bytes = reinterpret_cast<const uint8_t*>(title.data());
  int32_t length = static_cast<int32_t>(title.size());
  int32_t offset = 0;
  while (offset < length) {
    // One white-space-delimited chunk; keep from its first letter or digit through its last
    // letter or digit and the marks attached to it.
    int32_t first_kept = -1;
    int32_t kept_end = -1;
    while (offset < length) {
      int32_t start = offset;
      UChar32 code_point;
      U8_NEXT(bytes, offset, length, code_point);
      if (code_point >= 0 && u_isUWhiteSpace(code_point)) break;
      if (code_point >= 0 && u_isalnum(code_point)) {
        if (first_kept < 0) first_kept = start;
        kept_end = offset;
      } else if (code_point >= 0 && IsMark(code_point) && kept_end == start) {
        kept_end = offset;
      }
    }
    if (first_kept >= 0) words.emplace_back(title.substr(first_kept, kept_end - first_kept));
  }
  return words;
}

std::string RemoveDiacritics(std::string_view text) {
  icu::UnicodeString decomposed =
      Normalize(Nfd(), icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())));
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 code_point = decomposed.char32At(i);
    i += U16_LENGTH(code_point);
    if (IsMark(code_point)) continue;
    if (code_point == 0x0111) code_point = 'd';  // đ
    if (code_point == 0x0110) code_point = 'D';  // Đ
    stripped.append(code_point);
  }
  return ToUtf8(Normalize(Nfc(), stripped));
}

std::string SwapTonePlacement(std::string_view text) {
  icu::UnicodeString decomposed =
      Normalize(Nfd(), icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())));
  icu::UnicodeString swapped;
  std::vector<DecomposedLetter> syllable;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 code_point = decomposed.char32At(i);
    i += U16_LENGTH(code_point);
    if (u_isalpha(code_point)) {
      syllable.push_back({code_point, {}});
    } else if (IsMark(code_point) && !syllable.empty()) {
      syllable.back().marks.push_back(code_point);
    } else {
      SwapSyllableTone(&syllable);
      AppendSyllable(syllable, &swapped);
      syllable.clear();
      swapped.append(code_point);
    }
  }
  SwapSyllableTone(&syllable);
  AppendSyllable(syllable, &swapped);
  return ToUtf8(Normalize(Nfc(), swapped));
}

std::string ToNfd(std::string_view text) {
  return ToUtf8(
      Normalize(Nfd(), icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()))));
}

const char* QueryFormName(QueryForm form) {
  switch (form) {
    case QueryForm::kAsWritten:
      return "as written";
    case QueryForm::kNoDiacritics:
      return "no diacritics";
    case QueryForm::kOtherTonePlacement:
      return "other tone placement";
    case QueryForm::kNfd:
      return "NFD";
  }
  return "?";
}

std::string MakeQueryForm(QueryForm form, std::string_view fragment) {
  switch (form) {
    case QueryForm::kAsWritten:
      return std::string(fragment);
    case QueryForm::kNoDiacritics:
      return RemoveDiacritics(fragment);
    case QueryForm::kOtherTonePlacement:
      return SwapTonePlacement(fragment);
    case QueryForm::kNfd:
      return ToNfd(fragment);
  }
  return std::string(fragment);
}

}  // namespace vnsearch::bench
