// word_sequence: built on the analyzer's tokens (compounds kept whole, their parts dropped), so
// that entity extraction sees exactly the words that search indexes.

#include "article/word_sequence.h"

#include <unicode/uchar.h>

#include "analysis/analyzer.h"
#include "analysis/characters.h"
#include "analysis/utf8.h"

namespace vnsearch {

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Token> tokens;
  Analyze(text, &tokens);
  std::vector<Word> words;
  words.reserve(tokens.size());
  uint32_t previous_end = 0;
  for (Token& token : tokens) {
    if (token.kind == TokenKind::kPart) continue;
    Word word;
    word.text = text.substr(token.begin, token.end - token.begin);
    word.gap = text.substr(previous_end, token.begin - previous_end);
    previous_end = token.end;
    size_t letters = 0;
    size_t capitals = 0;
    size_t digits = 0;
    bool first_letter_seen = false;
    for (size_t offset = 0; offset < word.text.size();) {
      int32_t code_point = NextCodePoint(word.text, &offset);
      if (code_point < 0) continue;
      // ASCII answered here, as ICU would: most letters of a Vietnamese text are ASCII.
      bool ascii = code_point < 0x80;
      if (ascii ? (code_point >= '0' && code_point <= '9') : u_isdigit(code_point)) {
        ++digits;
      } else if (ascii ? ((code_point | 0x20) >= 'a' && (code_point | 0x20) <= 'z')
                       : u_isalpha(code_point)) {
        ++letters;
        bool upper = ascii ? (code_point >= 'A' && code_point <= 'Z') : u_isupper(code_point);
        capitals += upper;
        if (!first_letter_seen) word.capitalized = upper;
        first_letter_seen = true;
      }
    }
    word.all_caps = letters >= 2 && capitals == letters;
    word.is_number = digits > 0 && letters == 0;
    word.exact = std::move(token.exact);
    word.folded = std::move(token.folded);
    words.push_back(std::move(word));
  }
  return words;
}

bool HasMoreWordsThan(std::string_view text, size_t limit) {
  // A chunk this short cannot hold a word the analyzer skips as too long, even if case folding
  // tripled its bytes.
  constexpr size_t kSureChunkBytes = kMaxTermBytes / 3;
  size_t chunks = 0;
  size_t chunk_begin = 0;
  bool chunk_has_alphanumeric = false;
  for (size_t at = 0; at <= text.size(); ++at) {
    char c = at < text.size() ? text[at] : ' ';
    if (c == ' ' || c == '\t') {
      chunks += chunk_has_alphanumeric && at - chunk_begin <= kSureChunkBytes;
      if (chunks > limit) return true;
      chunk_begin = at + 1;
      chunk_has_alphanumeric = false;
    } else if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      chunk_has_alphanumeric = true;
    }
  }
  return SplitWords(text).size() > limit;
}

bool IsSpaceOnly(std::string_view gap) {
  for (size_t offset = 0; offset < gap.size();) {
    if (!IsSpaceInLine(NextCodePoint(gap, &offset))) return false;
  }
  return true;
}

bool IsClauseBreak(std::string_view gap) {
  for (size_t offset = 0; offset < gap.size();) {
    int32_t code_point = NextCodePoint(gap, &offset);
    switch (code_point) {
      case '.':
      case ';':
      case ':':
      case '!':
      case '?':
      case '(':
      case ')':
      case '"':
      case '\n':
      case 0x201C:
      case 0x201D:
      case 0x2026:
        return true;
      default:
        break;
    }
  }
  return false;
}

bool IsVietnameseSyllable(const Word& word) {
  static const char* const kInitials[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
                                          "th",  "tr", "b",  "c",  "d",  "g",  "h",  "k",  "l",
                                          "m",   "n",  "p",  "r",  "s",  "t",  "v",  "x",  ""};
  static const char* const kFinals[] = {"ch", "ng", "nh", "c", "m", "n", "p", "t", ""};
  const std::string& folded = word.folded;
  for (const char* initial : kInitials) {
    std::string_view onset(initial);
    if (folded.compare(0, onset.size(), onset) != 0) continue;
    size_t vowels_end = onset.size();
    while (vowels_end < folded.size() &&
           std::string_view("aeiouy").find(folded[vowels_end]) != std::string_view::npos) {
      ++vowels_end;
    }
    if (vowels_end == onset.size() || vowels_end - onset.size() > 3) continue;
    std::string_view coda = std::string_view(folded).substr(vowels_end);
    for (const char* final_consonant : kFinals) {
      if (coda == final_consonant) return true;
    }
  }
  return false;
}

std::string JoinWords(const std::vector<Word>& words, size_t begin, size_t end) {
  std::string joined;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) {
      bool pending_space = false;
      std::string_view gap = words[i].gap;
      for (size_t offset = 0; offset < gap.size();) {
        size_t start = offset;
        int32_t code_point = NextCodePoint(gap, &offset);
        if (code_point >= 0 && (IsSpaceInLine(code_point) || code_point == '\n')) {
          pending_space = true;
        } else {
          if (pending_space) joined += ' ';
          pending_space = false;
          joined.append(gap.substr(start, offset - start));
        }
      }
      if (pending_space) joined += ' ';
    }
    joined += words[i].text;
  }
  return joined;
}

}  // namespace vnsearch
