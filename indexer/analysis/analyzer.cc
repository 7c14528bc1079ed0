// analyzer: splits text into runs of letters and digits (ICU character properties), joins runs
// into codes where the writer joined them without spaces ("KH&CN", "05-CT/TW", "26/1/2024"),
// and spells each run twice — exact and folded — after syllable canonicalisation.
//
// Why not icu::BreakIterator: Vietnamese words are space-separated syllables, so the UAX #29 word
// rules add nothing but cost a UTF-16 copy and several times the time; and they split the codes
// above, which readers search for as written. The letter data (case folding, decomposition) is
// ICU's, read through letter_table.

#include "analysis/analyzer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analysis/letter_table.h"
#include "analysis/syllable.h"
#include "analysis/utf8.h"

namespace vnsearch {
namespace {

enum class CharClass { kSeparator, kLetterOrDigit, kMark, kIdeograph, kConnector };

CharClass Classify(int32_t code_point) {
  if (code_point < 0) return CharClass::kSeparator;
  if (code_point < 0x80) {
    if ((code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
        (code_point >= '0' && code_point <= '9')) {
      return CharClass::kLetterOrDigit;
    }
    switch (code_point) {
      case '&': case '-': case '/': case ':': case '.': case ',': return CharClass::kConnector;
      default: return CharClass::kSeparator;
    }
  }
  if (code_point >= 0x2010 && code_point <= 0x2015) return CharClass::kConnector;  // dashes
  if (code_point == 0x2212) return CharClass::kConnector;                           // minus
  int8_t type = u_charType(code_point);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
      type == U_ENCLOSING_MARK) {
    return CharClass::kMark;
  }
  // Scripts written without spaces between words: each character is a token of its own.
  if (u_hasBinaryProperty(code_point, UCHAR_IDEOGRAPHIC)) return CharClass::kIdeograph;
  int32_t word_break = u_getIntPropertyValue(code_point, UCHAR_WORD_BREAK);
  if (word_break == U_WB_KATAKANA) return CharClass::kIdeograph;
  int32_t line_break = u_getIntPropertyValue(code_point, UCHAR_LINE_BREAK);
  if (line_break == U_LB_COMPLEX_CONTEXT) return CharClass::kIdeograph;  // Thai, Lao, Khmer…
  if (u_isalnum(code_point)) return CharClass::kLetterOrDigit;
  return CharClass::kSeparator;
}

// Dash variants are one connector in terms; others are kept as written.
char NormalizeConnector(int32_t code_point) {
  if (code_point >= 0x2010 || code_point == '-') return '-';
  return static_cast<char>(code_point);
}

// A run: letters, digits and their combining marks, with no separator inside.
struct Run {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool has_letter = false;
  bool has_digit = false;
  bool all_upper = true;  // every letter was written in capitals
  bool foreign = false;   // holds something the Vietnamese fast path does not model
  std::string exact;
  std::string folded;
};

constexpr size_t kMaxLettersInRun = 64;

// Spells a run through ICU alone: NFKC with case folding for the exact form, then marks
// removed for the folded form. Used for scripts and marks that Vietnamese does not have.
void SpellForeignRun(std::string_view text, Run* run) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return;
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data() + run->begin, static_cast<int32_t>(run->end - run->begin)));
  icu::UnicodeString exact = casefold->normalize(source, status);
  icu::UnicodeString decomposed = nfd->normalize(exact, status);
  if (U_FAILURE(status)) return;
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    folded.append(c == 0x0111 ? UChar32('d') : c);
  }
  run->exact.clear();
  run->folded.clear();
  exact.toUTF8String(run->exact);
  folded.toUTF8String(run->folded);
}

void AppendLetter(const SyllableLetter& letter, std::string* exact, std::string* folded) {
  char32_t composed = ComposeLetter(letter.base, letter.quality, letter.tone);
  if (composed != 0) {
    AppendUtf8(composed, exact);
  } else {
    // No precomposed form in Unicode: write NFC's answer, base + combining marks in order.
    AppendUtf8(letter.base, exact);
    static const char32_t kQualityMarks[] = {0, 0x0302, 0x0306, 0x031B};
    static const char32_t kToneMarks[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    if (letter.quality != Quality::kNone) {
      AppendUtf8(kQualityMarks[static_cast<int>(letter.quality)], exact);
    }
    if (letter.tone != Tone::kNone) AppendUtf8(kToneMarks[static_cast<int>(letter.tone)], exact);
  }
  AppendUtf8(FoldBase(letter.base), folded);
}

// Reads one run starting at *offset (which holds a letter or digit) and spells it.
void ReadRun(std::string_view text, size_t* offset, Run* run) {
  SyllableLetter letters[kMaxLettersInRun];
  size_t letter_count = 0;
  run->begin = static_cast<uint32_t>(*offset);
  size_t cursor = *offset;
  while (cursor < text.size()) {
    size_t next = cursor;
    int32_t code_point = NextCodePoint(text, &next);
    CharClass char_class = Classify(code_point);
    if (char_class == CharClass::kMark) {
      Quality quality = Quality::kNone;
      Tone tone = Tone::kNone;
      if (letter_count > 0 && ClassifyCombiningMark(code_point, &quality, &tone)) {
        SyllableLetter& previous = letters[letter_count - 1];
        if (quality != Quality::kNone) previous.quality = quality;
        if (tone != Tone::kNone) previous.tone = tone;
      } else {
        run->foreign = true;
      }
      cursor = next;
      continue;
    }
    if (char_class != CharClass::kLetterOrDigit) break;
    cursor = next;
    SyllableLetter letter;
    Letter described;
    if (code_point >= '0' && code_point <= '9') {
      run->has_digit = true;
      letter.base = static_cast<char32_t>(code_point);
    } else if (LookUpLatinLetter(static_cast<char32_t>(code_point), &described) &&
               !described.other_marks) {
      run->has_letter = true;
      if (described.folded_code_point == static_cast<char32_t>(code_point)) {
        run->all_upper = false;
      }
      letter.base = described.base;
      letter.quality = described.quality;
      letter.tone = described.tone;
    } else {
      run->foreign = true;
      run->has_letter = true;
      if (!u_isupper(code_point)) run->all_upper = false;
      continue;
    }
    if (letter_count < kMaxLettersInRun) {
      letters[letter_count++] = letter;
    } else {
      run->foreign = true;  // too long to be a word; spelled by the slow path, then dropped
    }
  }
  run->end = static_cast<uint32_t>(cursor);
  *offset = cursor;
  if (!run->has_letter) run->all_upper = false;
  if (run->foreign) {
    SpellForeignRun(text, run);
    return;
  }
  if (!run->has_digit) CanonicalizeSyllable(letters, letter_count);
  run->exact.clear();
  run->folded.clear();
  for (size_t i = 0; i < letter_count; ++i) AppendLetter(letters[i], &run->exact, &run->folded);
}

// Whether the writer meant `left connector right` as one code.
bool JoinsIntoCode(const Run& left, char connector, const Run& right) {
  bool left_number = left.has_digit && !left.has_letter;
  bool right_number = right.has_digit && !right.has_letter;
  if (left_number && right_number) return true;  // 26/1/2024, 9001:2015, 1.000, 2,5, 2022-2025
  if ((connector == '-' || connector == '/') && (left.has_digit || right.has_digit)) {
    return true;  // 05-CT, COVID-19
  }
  if (connector == '&') return left.has_letter && right.has_letter;  // KH&CN, R&D
  if (connector == ':') return false;
  return left.all_upper && right.all_upper;  // CT/TW, TP.HCM, KH,CN
}

void EmitToken(const std::string& exact, const std::string& folded, uint32_t begin, uint32_t end,
               uint32_t position, TokenKind kind, std::vector<Token>* tokens) {
  if (exact.empty() || exact.size() > kMaxTermBytes) return;
  Token token;
  token.exact = exact;
  token.folded = folded;
  token.begin = begin;
  token.end = end;
  token.position = position;
  token.kind = kind;
  token.has_diacritics = exact != folded;
  tokens->push_back(std::move(token));
}

}  // namespace

uint32_t Analyze(std::string_view text, std::vector<Token>* tokens, uint32_t first_position) {
  uint32_t position = first_position;
  std::vector<Run> chain;
  std::string connectors;
  size_t offset = 0;
  while (offset < text.size()) {
    size_t next = offset;
    int32_t code_point = NextCodePoint(text, &next);
    CharClass char_class = Classify(code_point);
    if (char_class == CharClass::kIdeograph) {
      std::string term(text.substr(offset, next - offset));
      EmitToken(term, term, static_cast<uint32_t>(offset), static_cast<uint32_t>(next),
                position++, TokenKind::kWord, tokens);
      offset = next;
      continue;
    }
    if (char_class != CharClass::kLetterOrDigit) {
      offset = next;
      continue;
    }
    // A chain of runs joined by single connectors with no space: "05-CT/TW".
    chain.clear();
    connectors.clear();
    chain.emplace_back();
    ReadRun(text, &offset, &chain.back());
    while (offset < text.size()) {
      size_t after_connector = offset;
      int32_t connector = NextCodePoint(text, &after_connector);
      if (Classify(connector) != CharClass::kConnector || after_connector >= text.size()) break;
      size_t peek = after_connector;
      if (Classify(NextCodePoint(text, &peek)) != CharClass::kLetterOrDigit) break;
      Run right;
      size_t right_offset = after_connector;
      ReadRun(text, &right_offset, &right);
      char normalized = NormalizeConnector(connector);
      if (!JoinsIntoCode(chain.back(), normalized, right)) break;
      connectors.push_back(normalized);
      chain.push_back(std::move(right));
      offset = right_offset;
    }
    if (chain.size() == 1) {
      const Run& run = chain.front();
      EmitToken(run.exact, run.folded, run.begin, run.end, position++, TokenKind::kWord, tokens);
      continue;
    }
    std::string compound_exact = chain[0].exact;
    std::string compound_folded = chain[0].folded;
    for (size_t i = 1; i < chain.size(); ++i) {
      compound_exact += connectors[i - 1];
      compound_exact += chain[i].exact;
      compound_folded += connectors[i - 1];
      compound_folded += chain[i].folded;
    }
    EmitToken(compound_exact, compound_folded, chain.front().begin, chain.back().end, position,
              TokenKind::kCompound, tokens);
    for (const Run& run : chain) {
      EmitToken(run.exact, run.folded, run.begin, run.end, position++, TokenKind::kPart, tokens);
    }
  }
  return position;
}

std::vector<std::string> ExactTerms(std::string_view text) {
  std::vector<Token> tokens;
  Analyze(text, &tokens);
  std::vector<std::string> terms;
  for (Token& token : tokens) terms.push_back(std::move(token.exact));
  return terms;
}

std::vector<std::string> FoldedTerms(std::string_view text) {
  std::vector<Token> tokens;
  Analyze(text, &tokens);
  std::vector<std::string> terms;
  for (Token& token : tokens) terms.push_back(std::move(token.folded));
  return terms;
}

bool HasDiacritics(std::string_view text) {
  std::vector<Token> tokens;
  Analyze(text, &tokens);
  for (const Token& token : tokens) {
    if (token.has_diacritics) return true;
  }
  return false;
}

}  // namespace vnsearch
