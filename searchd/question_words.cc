// question_words: the interrogatives of Vietnamese grammar, a closed class, written down from the
// grammar rather than drawn from any question set:
//   - words that ask on their own: gì (what), nào (which), đâu (where), ai (who), mấy (how many);
//   - phrases that ask only together: bao nhiêu / bao giờ / bao lâu, tại sao / vì sao / làm sao /
//     ra sao, (như) thế nào, ở đâu, có phải, phải không, hay không, hay chưa;
//   - particles that end a yes/no question: không, chưa, chứ, nhỉ, hả, à, ư — only as the last
//     word, since "không" inside a query is a negation or part of a word ("không khí").
// Words spelled alike but used otherwise ("sao" a star, "bao" a bag) are left alone outside
// those phrases.

#include "searchd/question_words.h"

#include <algorithm>

#include "analysis/analyzer.h"

namespace vnsearch {
namespace {

const char* const kAskingWords[] = {"gì", "nào", "đâu", "ai", "mấy"};

const char* const kAskingPhrases[] = {
    "bao nhiêu",   "bao giờ", "bao lâu", "tại sao", "vì sao",     "làm sao",   "ra sao",
    "như thế nào", "thế nào", "ở đâu",   "có phải", "phải không", "hay không", "hay chưa",
};

const char* const kFinalParticles[] = {"không", "chưa", "chứ", "nhỉ", "hả", "à", "ư"};

// The tables as exact terms (canonical tone placement and i/y, as the query's words are).
struct QuestionTables {
  std::vector<std::string> asking_words;
  std::vector<std::vector<std::string>> asking_phrases;
  std::vector<std::string> final_particles;
};

const QuestionTables& Tables() {
  static const QuestionTables tables = [] {
    QuestionTables built;
    for (const char* word : kAskingWords) built.asking_words.push_back(ExactTerms(word).front());
    for (const char* phrase : kAskingPhrases) built.asking_phrases.push_back(ExactTerms(phrase));
    for (const char* word : kFinalParticles) {
      built.final_particles.push_back(ExactTerms(word).front());
    }
    return built;
  }();
  return tables;
}

bool Contains(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Whether the word was typed as a question word would be: with its diacritics (if it has any),
// and not in capitals throughout ("AI" is a name; "Ai" opening a sentence still asks).
bool TypedAsQuestionWord(const std::string& exact, const std::string& typed) {
  std::vector<std::string> folded = FoldedTerms(typed);
  bool needs_diacritics = folded.size() == 1 && folded.front() != exact;
  if (needs_diacritics && !HasDiacritics(typed)) return false;
  size_t letters = 0, capitals = 0;
  for (unsigned char c : typed) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return !(letters > 1 && capitals == letters);
}

}  // namespace

std::vector<bool> FindQuestionWords(const std::vector<std::string>& exact_words,
                                    const std::vector<std::string>& typed_words) {
  const QuestionTables& tables = Tables();
  size_t count = exact_words.size();
  std::vector<bool> candidate(count, false);
  for (size_t i = 0; i < count; ++i) {
    candidate[i] = !exact_words[i].empty() && TypedAsQuestionWord(exact_words[i], typed_words[i]);
  }
  std::vector<bool> asking(count, false);
  for (size_t i = 0; i < count; ++i) {
    if (!candidate[i]) continue;
    if (Contains(tables.asking_words, exact_words[i])) asking[i] = true;
    for (const std::vector<std::string>& phrase : tables.asking_phrases) {
      if (i + phrase.size() > count) continue;
      bool matches = true;
      for (size_t j = 0; j < phrase.size() && matches; ++j) {
        matches = candidate[i + j] && exact_words[i + j] == phrase[j];
      }
      for (size_t j = 0; j < phrase.size() && matches; ++j) asking[i + j] = true;
    }
  }
  // The last word, when it is a particle that closes a yes/no question.
  if (count > 1 && candidate[count - 1] &&
      Contains(tables.final_particles, exact_words[count - 1])) {
    asking[count - 1] = true;
  }
  return asking;
}

}  // namespace vnsearch
