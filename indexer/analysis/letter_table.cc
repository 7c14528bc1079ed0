// letter_table: derives, from ICU, the decomposition of every Latin letter into base + Vietnamese
// quality mark + tone mark, and the inverse composition. Nothing here is typed in by hand except
// the eight combining marks that Vietnamese uses; the rest is ICU's Unicode data, so precomposed
// and decomposed (NFD) text are read identically.

#include "analysis/letter_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <mutex>
#include <unordered_map>

namespace vnsearch {
namespace {

constexpr char32_t kLatinBlockEnd = 0x0250;       // Basic Latin .. Latin Extended-B
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

bool ClassifyCombiningMark(char32_t mark, Quality* quality, Tone* tone) {
  switch (mark) {
    case 0x0300: case 0x0340: *tone = Tone::kGrave; return true;
    case 0x0301: case 0x0341: *tone = Tone::kAcute; return true;
    case 0x0309: *tone = Tone::kHook; return true;
    case 0x0303: *tone = Tone::kTilde; return true;
    case 0x0323: *tone = Tone::kDotBelow; return true;
    case 0x0302: *quality = Quality::kCircumflex; return true;
    case 0x0306: *quality = Quality::kBreve; return true;
    case 0x031B: *quality = Quality::kHorn; return true;
    default: return false;
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
