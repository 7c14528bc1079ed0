// letter_table: derives, from ICU, the decomposition of every Latin letter into base + Vietnamese
// quality mark + tone mark, and the inverse composition. Nothing here is typed in by hand except
// the eight combining marks that Vietnamese uses; the rest is ICU's Unicode data, so precomposed
// and decomposed (NFD) text are read identically.

#include "analysis/letter_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <mutex>
#include <unordered_map>

#include "analysis/characters.h"

namespace vnsearch {
namespace {

constexpr char32_t kLatinBlockEnd = 0x0250;  // Basic Latin .. Latin Extended-B
constexpr char32_t kLatinExtendedAdditional = 0x1E00;
constexpr char32_t kLatinExtendedAdditionalEnd = 0x1F00;

struct Tables {
  std::array<Letter, kLatinBlockEnd> basic{};
  std::array<Letter, kLatinExtendedAdditionalEnd - kLatinExtendedAdditional> extended{};
  std::array<bool, kLatinBlockEnd> basic_known{};
  std::array<bool, kLatinExtendedAdditionalEnd - kLatinExtendedAdditional> extended_known{};
  std::unordered_map<uint64_t, char32_t> composition;
};

uint64_t CompositionKey(char32_t base, Quality quality, Tone tone) {
  return (static_cast<uint64_t>(base) << 16) | (static_cast<uint64_t>(quality) << 8) |
         static_cast<uint64_t>(tone);
}

bool DescribeCodePoint(const icu::Normalizer2* nfd, char32_t code_point, Letter* letter) {
  if (!u_isalpha(code_point)) return false;
  UChar32 folded = u_foldCase(code_point, U_FOLD_CASE_DEFAULT);
  icu::UnicodeString decomposed;
  if (!nfd->getDecomposition(folded, decomposed)) decomposed = icu::UnicodeString(folded);
  letter->folded_code_point = folded;
  letter->base = decomposed.char32At(0);
  for (int32_t i = U16_LENGTH(letter->base); i < decomposed.length();) {
    UChar32 mark = decomposed.char32At(i);
    i += U16_LENGTH(mark);
    Quality quality = Quality::kNone;
    Tone tone = Tone::kNone;
    if (!ClassifyCombiningMark(mark, &quality, &tone)) {
      letter->other_marks = true;
    } else if (quality != Quality::kNone) {
      letter->quality = quality;
    } else {
      letter->tone = tone;
    }
  }
  return true;
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* built = new Tables();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return built;  // every lookup then falls back to ICU case folding
    auto describe = [&](char32_t cp, Letter* letter, bool* known) {
      *known = DescribeCodePoint(nfd, cp, letter);
      if (*known && !letter->other_marks && letter->folded_code_point != letter->base) {
        built->composition.emplace(CompositionKey(letter->base, letter->quality, letter->tone),
                                   letter->folded_code_point);
      }
    };
    for (char32_t cp = 0; cp < kLatinBlockEnd; ++cp) {
      describe(cp, &built->basic[cp], &built->basic_known[cp]);
    }
    for (char32_t cp = kLatinExtendedAdditional; cp < kLatinExtendedAdditionalEnd; ++cp) {
      size_t index = cp - kLatinExtendedAdditional;
      describe(cp, &built->extended[index], &built->extended_known[index]);
    }
    return built;
  }();
  return *tables;
}

}  // namespace

CharClass ClassifyWithIcu(char32_t code_point) {
  if (code_point < 0x80) {
    if ((code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z')) {
      return CharClass::kLetter;
    }
    if (code_point >= '0' && code_point <= '9') return CharClass::kDigit;
    switch (code_point) {
      case '&':
      case '-':
      case '/':
      case ':':
      case '.':
      case ',':
        return CharClass::kConnector;
      default:
        return CharClass::kSeparator;
    }
  }
  if (IsDash(static_cast<int32_t>(code_point))) {
    return CharClass::kConnector;  // dashes and minus join codes as '-' does
  }
  int8_t type = u_charType(code_point);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
    return CharClass::kMark;
  }
  // Scripts written without spaces between words: each character is a token of its own.
  if (u_hasBinaryProperty(code_point, UCHAR_IDEOGRAPHIC)) return CharClass::kIdeograph;
  if (u_getIntPropertyValue(code_point, UCHAR_WORD_BREAK) == U_WB_KATAKANA) {
    return CharClass::kIdeograph;
  }
  if (u_getIntPropertyValue(code_point, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) {
    return CharClass::kIdeograph;  // Thai, Lao, Khmer…
  }
  if (u_isdigit(code_point)) return CharClass::kDigit;
  if (u_isalnum(code_point)) return CharClass::kLetter;
  return CharClass::kSeparator;
}

namespace {

struct FastTables {
  CodePointInfo code_points[kFastTableSize];
  SpelledLetter spelled[kBaseCount][4][6];
};

void AppendBytes(char32_t code_point, SpelledLetter* spelled) {
  UBool error = false;
  int32_t length = spelled->length;
  U8_APPEND(reinterpret_cast<uint8_t*>(spelled->bytes), length, 8, code_point, error);
  if (!error) spelled->length = static_cast<uint8_t>(length);
}

const FastTables& GetFastTables() {
  static const FastTables* fast = [] {
    auto* built = new FastTables();
    for (char32_t cp = 0; cp < kFastTableSize; ++cp) {
      CodePointInfo& info = built->code_points[cp];
      info.char_class = ClassifyWithIcu(cp);
      if (info.char_class == CharClass::kMark) {
        Quality quality = Quality::kNone;
        Tone tone = Tone::kNone;
        info.vietnamese_mark = ClassifyCombiningMark(cp, &quality, &tone);
        info.quality = quality;
        info.tone = tone;
        continue;
      }
      if (info.char_class != CharClass::kLetter) continue;
      info.upper = u_isupper(cp);
      Letter letter;
      if (!LookUpLatinLetter(cp, &letter) || letter.other_marks) continue;
      if (letter.base >= U'a' && letter.base <= U'z') {
        info.base_index = static_cast<uint8_t>(letter.base - U'a');
      } else if (letter.base == kSmallDBar) {
        info.base_index = kDBarIndex;
      } else {
        continue;
      }
      info.quality = letter.quality;
      info.tone = letter.tone;
    }
    static const char32_t kQualityMarks[] = {0, 0x0302, 0x0306, 0x031B};
    static const char32_t kToneMarks[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    for (uint8_t base = 0; base < kBaseCount; ++base) {
      for (int quality = 0; quality < 4; ++quality) {
        for (int tone = 0; tone < 6; ++tone) {
          SpelledLetter& spelled = built->spelled[base][quality][tone];
          spelled.length = 0;
          char32_t composed = ComposeLetter(BaseCodePoint(base), static_cast<Quality>(quality),
                                            static_cast<Tone>(tone));
          if (composed != 0) {
            AppendBytes(composed, &spelled);
          } else {  // no precomposed form: base and combining marks, as NFC leaves them
            AppendBytes(BaseCodePoint(base), &spelled);
            if (quality != 0) AppendBytes(kQualityMarks[quality], &spelled);
            if (tone != 0) AppendBytes(kToneMarks[tone], &spelled);
          }
        }
      }
    }
    return built;
  }();
  return *fast;
}

}  // namespace

const CodePointInfo* FastCodePointTable() { return GetFastTables().code_points; }

const SpelledLetterTable& SpelledLetters() { return GetFastTables().spelled; }

bool ClassifyCombiningMark(char32_t mark, Quality* quality, Tone* tone) {
  switch (mark) {
    case 0x0300:
    case 0x0340:
      *tone = Tone::kGrave;
      return true;
    case 0x0301:
    case 0x0341:
      *tone = Tone::kAcute;
      return true;
    case 0x0309:
      *tone = Tone::kHook;
      return true;
    case 0x0303:
      *tone = Tone::kTilde;
      return true;
    case 0x0323:
      *tone = Tone::kDotBelow;
      return true;
    case 0x0302:
      *quality = Quality::kCircumflex;
      return true;
    case 0x0306:
      *quality = Quality::kBreve;
      return true;
    case 0x031B:
      *quality = Quality::kHorn;
      return true;
    default:
      return false;
  }
}

bool LookUpLatinLetter(char32_t code_point, Letter* letter) {
  const Tables& tables = GetTables();
  if (code_point < kLatinBlockEnd) {
    if (!tables.basic_known[code_point]) return false;
    *letter = tables.basic[code_point];
    return true;
  }
  if (code_point >= kLatinExtendedAdditional && code_point < kLatinExtendedAdditionalEnd) {
    size_t index = code_point - kLatinExtendedAdditional;
    if (!tables.extended_known[index]) return false;
    *letter = tables.extended[index];
    return true;
  }
  return false;
}

char32_t ComposeLetter(char32_t base, Quality quality, Tone tone) {
  if (quality == Quality::kNone && tone == Tone::kNone) return base;
  const Tables& tables = GetTables();
  auto found = tables.composition.find(CompositionKey(base, quality, tone));
  return found == tables.composition.end() ? 0 : found->second;
}

}  // namespace vnsearch
