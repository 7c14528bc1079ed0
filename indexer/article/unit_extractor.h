// unit_extractor: the organisation units an article names, with their parents, and the extent of
// a proper name in running text (shared with the role parser). Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_UNIT_EXTRACTOR_H_
#define VNSEARCH_ARTICLE_UNIT_EXTRACTOR_H_

#include <string>
#include <vector>

#include "article/article.h"
#include "article/word_sequence.h"

namespace vnsearch {

// Where a proper name that continues at words[begin] ends: through capitalised words and
// abbreviations, the lowercase syllables that complete them ("Khoa học", "Ứng dụng tiến bộ"),
// "và" / "&" between parts, and a spaced dash between capitalised parts ("Đảng - Đoàn thể");
// not through a comma, a clause break, a stop word (article/data/stop_words.txt), a role word,
// a number, "nhiệm kỳ", or the start of a person's name. `allow_comma` lets "Khoa học, Công
// nghệ" continue past a comma when a capitalised word that opens no unit follows.
size_t NameEnd(const std::vector<Word>& words, size_t begin, bool allow_comma);

// Every unit named in `words`: a capitalised unit kind (article/data/unit_kinds.txt) followed
// by a name. Abbreviations are spelled out, spellings unified; a party unit names the unit after
// it too ("Chi bộ Vụ …" → "Vụ …"); ", <larger unit>" after a unit gives its parent. A name
// that is one of `persons` is not a unit ("Đoàn Văn Thịnh": Đoàn is a family name and a kind).
std::vector<Unit> ExtractUnits(const std::vector<Word>& words, const std::vector<Person>& persons);

// The first party unit (Chi bộ, Đảng bộ, Đảng ủy) named in `words`, else the first unit, as
// its canonical name, or "" — the unit whose congress or conference a headline or lead
// paragraph reports.
std::string FirstPartyUnit(const std::vector<Word>& words);
std::string FirstUnit(const std::vector<Word>& words);

// True when a person's name starts at words[i]: a family name (or a foreign given name) and one
// or more capitalised words, not a place.
bool StartsPersonName(const std::vector<Word>& words, size_t i);

// The end of the person's name starting at words[i] (StartsPersonName), at most 4 words.
size_t PersonNameEnd(const std::vector<Word>& words, size_t i);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_UNIT_EXTRACTOR_H_
