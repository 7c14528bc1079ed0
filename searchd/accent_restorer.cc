// accent_restorer: for each word, the accented spellings it could stand for (accent_candidates)
// are looked up in the exact term space and the one in the most articles wins. Word by word, not
// in context: it costs a few dozen B-tree lookups a word, and on news text the most frequent
// spelling of a syllable is the intended one far more often than not.

#include "searchd/accent_restorer.h"

#include "analysis/accent_candidates.h"
#include "analysis/analyzer.h"
#include "index/schema.h"

namespace vnsearch {
namespace {

// The exact term with the most articles among the spellings of `folded`, or "".
std::string MostFrequentSpelling(const std::string& folded, const Xapian::Database& database) {
  std::string best;
  Xapian::doccount best_frequency = 0;
  for (const std::string& candidate : AccentCandidates(folded)) {
    Xapian::doccount frequency = database.get_termfreq(candidate);
    if (frequency > best_frequency) {
      best_frequency = frequency;
      best = candidate;
    }
  }
  return best;
}

}  // namespace

std::vector<RestoredWord> RestoreWords(const std::vector<std::string>& typed_words,
                                       const Xapian::Database& database) {
  std::vector<RestoredWord> restored;
  for (const std::string& typed : typed_words) {
    RestoredWord word;
    word.typed = typed;
    word.spelled = typed;
    std::vector<Token> tokens;
    Analyze(typed, &tokens);
    if (tokens.size() != 1 || tokens.front().kind != TokenKind::kWord) {
      restored.push_back(word);
      continue;
    }
    const Token& token = tokens.front();
    std::string folded = token.folded;
    bool indexed = database.get_termfreq(schema::kFolded + folded) > 0;
    if (!indexed) {
      std::string correction = database.get_spelling_suggestion(folded, 2);
      if (!correction.empty()) {
        folded = correction;
        word.corrected = true;
      }
    }
    if (token.has_diacritics && !word.corrected) {
      word.exact = token.exact;  // typed with accents: the reader meant them
    } else {
      word.exact = MostFrequentSpelling(folded, database);
    }
    if (!word.exact.empty()) word.spelled = word.exact;
    else if (word.corrected) word.spelled = folded;
    restored.push_back(word);
  }
  return restored;
}

}  // namespace vnsearch
