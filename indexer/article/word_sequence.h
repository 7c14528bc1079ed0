// word_sequence: an article's text as a sequence of words with their case, canonical forms and
// the raw text between them — the view every entity extractor works on. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_WORD_SEQUENCE_H_
#define VNSEARCH_ARTICLE_WORD_SEQUENCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace vnsearch {

struct Word {
  std::string_view text;     // as written
  std::string exact;         // canonical lowercase spelling (the analyzer's exact term)
  std::string folded;        // without diacritics
  std::string_view gap;      // the raw text between the previous word and this one
  bool capitalized = false;  // first letter is a capital
  bool all_caps = false;     // two or more letters, all capitals: an abbreviation ("UBND")
  bool is_number = false;    // digits only
};

// Splits `text` into words. Codes ("KH&CN", "2022-2025") are one word.
std::vector<Word> SplitWords(std::string_view text);

// SplitWords(text).size() > limit, answered without analysing `text` when its short chunks
// between spaces and tabs that hold an ASCII letter or digit are already more than `limit`:
// each such chunk is at least one word, since no word spans a space.
bool HasMoreWordsThan(std::string_view text, size_t limit);

// True when `gap` holds only spaces: the two words it separates belong to one phrase.
bool IsSpaceOnly(std::string_view gap);

// True when `gap` ends a clause: it holds . ; : ! ? ( ) " “ ” or a line break.
bool IsClauseBreak(std::string_view gap);

// Whether `word` could be a Vietnamese syllable: an initial consonant, vowels and a final
// consonant that Vietnamese spelling allows ("Nguyễn", "Khoa"); foreign words cannot
// ("Business", "Amsterdam").
bool IsVietnameseSyllable(const Word& word);

// The text of words[begin..end) as written, with runs of white space folded to one space.
std::string JoinWords(const std::vector<Word>& words, size_t begin, size_t end);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_WORD_SEQUENCE_H_
