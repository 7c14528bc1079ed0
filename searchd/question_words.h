// question_words: finds the words of a Vietnamese question that say what is asked (gì, nào,
// bao nhiêu, ở đâu, có phải, a final không…) rather than what the answer says. An article that
// answers "Người mẹ phát hiện được gì?" need not contain "gì"; one that happens to contain it is
// no better an answer. Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_QUESTION_WORDS_H_
#define VNSEARCH_SEARCHD_QUESTION_WORDS_H_

#include <string>
#include <vector>

namespace vnsearch {

// `exact_words`: a query's words side by side, in order, as exact terms (analyzer.h), "" for a
// chunk that is not one plain word (a phrase, a field, a code); `typed_words` the same words as
// typed. Returns, for each, whether it is a question word. Only words typed with their
// diacritics count: without them "gi", "dau", "nao" are as likely "ghi", "đầu", "não". A word
// typed in capitals ("AI") is a name, not a question word. Chunks that hold no word at all
// ("?", "-") are left out by the caller, so that a particle before a lone "?" is still last.
std::vector<bool> FindQuestionWords(const std::vector<std::string>& exact_words,
                                    const std::vector<std::string>& typed_words);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUESTION_WORDS_H_
