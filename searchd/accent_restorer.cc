// accent_restorer: for each word, the accented spellings it could stand for (accent_candidates)
// are looked up in the exact term space and the one in the most articles wins. Word by word, not
// in context: it costs a few dozen B-tree lookups a word, and on news text the most frequent
// spelling of a syllable is the intended one far more often than not.

#include "searchd/accent_restorer.h"

#include <map>
#include <unordered_map>

#include "analysis/accent_candidates.h"
#include "analysis/analyzer.h"
#include "index/schema.h"

namespace vnsearch {
namespace {

// The exact term with the most articles among the spellings of `folded`, or "".
// AccentCandidates() spells hundreds of combinations; a reader's words repeat, so each worker
// thread remembers them.
const std::vector<std::string>& CachedCandidates(const std::string& folded) {
  thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
  auto found = cache.find(folded);
  if (found != cache.end()) return found->second;
  if (cache.size() > 50000) cache.clear();
  return cache.emplace(folded, AccentCandidates(folded)).first->second;
}

// The first of `candidates` held by the most articles, or "" when none is held by any.
std::string MostFrequent(const std::vector<std::string>& candidates,
                         const TermFrequencies& frequencies) {
  std::vector<Xapian::doccount> counts = frequencies.Of(candidates);
  std::string best;
  Xapian::doccount best_frequency = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (counts[i] > best_frequency) {
      best_frequency = counts[i];
      best = candidates[i];
    }
  }
  return best;
}

std::string MostFrequentSpelling(const std::string& folded, const TermFrequencies& frequencies) {
  return MostFrequent(CachedCandidates(folded), frequencies);
}

// The most frequent folded word of the index one edit away from `folded` (a letter deleted,
// inserted, replaced, or two swapped), or "". Peter Norvig's correction, against the index's own
// vocabulary: a few hundred term look-ups, paid only for a word the index does not have, and no
// spelling table to maintain while indexing.
std::string CorrectSpelling(const std::string& folded, const TermFrequencies& frequencies) {
  static const std::string kLetters = "abcdefghijklmnopqrstuvwxyz";
  if (folded.size() < 2 || folded.size() > 12) return "";
  for (char c : folded) {
    if (kLetters.find(c) == std::string::npos) return "";  // codes and numbers are not words
  }
  std::vector<std::string> candidates;  // folded terms, in the order they are preferred on ties
  auto consider = [&](const std::string& candidate) {
    candidates.push_back(schema::kFolded + candidate);
  };
  for (size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size()) consider(folded.substr(0, i) + folded.substr(i + 1));
    if (i + 1 < folded.size()) {
      std::string swapped = folded;
      std::swap(swapped[i], swapped[i + 1]);
      consider(swapped);
    }
    for (char letter : kLetters) {
      if (i < folded.size() && letter != folded[i]) {
        consider(folded.substr(0, i) + letter + folded.substr(i + 1));
      }
      consider(folded.substr(0, i) + letter + folded.substr(i));
    }
  }
  std::string best = MostFrequent(candidates, frequencies);
  return best.empty() ? best : best.substr(sizeof(schema::kFolded) - 1);
}

}  // namespace

std::vector<RestoredWord> RestoreWords(const std::vector<std::string>& typed_words,
                                       const TermFrequencies& frequencies) {
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
    bool indexed = frequencies.Of(schema::kFolded + folded) > 0;
    if (!indexed) {
      std::string correction = CorrectSpelling(folded, frequencies);
      if (!correction.empty()) {
        folded = correction;
        word.corrected = true;
      }
    }
    word.folded = folded;
    if (token.has_diacritics && !word.corrected) {
      word.exact = token.exact;  // typed with accents: the reader meant them
    } else {
      word.exact = MostFrequentSpelling(folded, frequencies);
    }
    if (!word.exact.empty())
      word.spelled = word.exact;
    else if (word.corrected)
      word.spelled = folded;
    restored.push_back(word);
  }
  return restored;
}

void RestoreFromTexts(const std::vector<const TokenList*>& analysed_texts,
                      std::vector<RestoredWord>* words) {
  if (words->empty()) return;
  for (const RestoredWord& word : *words) {
    if (word.folded.empty()) return;
  }
  std::map<std::vector<std::string>, size_t> spellings;  // exact sequence → occurrences
  std::vector<const TokenView*> in_order;
  for (const TokenList* tokens : analysed_texts) {
    in_order.clear();
    for (const TokenView& token : *tokens) {
      if (token.kind != TokenKind::kCompound) in_order.push_back(&token);
    }
    for (size_t start = 0; start + words->size() <= in_order.size(); ++start) {
      size_t matched = 0;
      while (matched < words->size() &&
             in_order[start + matched]->folded == (*words)[matched].folded) {
        ++matched;
      }
      if (matched < words->size()) continue;
      std::vector<std::string> exact;
      for (size_t i = 0; i < matched; ++i) exact.emplace_back(in_order[start + i]->exact);
      ++spellings[exact];
    }
  }
  const std::vector<std::string>* best = nullptr;
  size_t best_count = 0;
  for (const auto& [exact, count] : spellings) {
    if (count > best_count) {
      best_count = count;
      best = &exact;
    }
  }
  if (best == nullptr) return;
  for (size_t i = 0; i < words->size(); ++i) {
    (*words)[i].exact = (*best)[i];
    (*words)[i].spelled = (*best)[i];
  }
}

}  // namespace vnsearch
