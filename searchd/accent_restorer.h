// accent_restorer: what a reader most likely meant by words typed without diacritics, or with a
// typo, judged by the index's own statistics (of every shard together). Not thread-safe (it
// reads a Xapian::Database).
#ifndef VNSEARCH_SEARCHD_ACCENT_RESTORER_H_
#define VNSEARCH_SEARCHD_ACCENT_RESTORER_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "searchd/term_frequencies.h"

namespace vnsearch {

// One typed word and what it most likely means.
struct RestoredWord {
  std::string typed;       // as the reader typed it
  std::string folded;      // its folded form after any spelling correction ("" if not one word)
  std::string exact;       // the most frequent exact term it could be, or "" if none is indexed
  std::string spelled;     // the restored word as text to show (exact term, or the typed word)
  bool corrected = false;  // a spelling correction, not only accents
};

// Restores each word in `typed_words`. A word the index does not have is first corrected to the
// most frequent indexed word one edit away, then restored.
std::vector<RestoredWord> RestoreWords(const std::vector<std::string>& typed_words,
                                       const TermFrequencies& frequencies);

// Where the words, side by side, occur in `analysed_texts` (the tokens of the best hits' titles
// and bodies), takes the
// spelling they have there most often: "tran binh trong" is "Trần Bình Trọng" in an article
// about him, although "trong" alone is most often "trong". Words left alone when the whole
// sequence never occurs.
void RestoreFromTexts(const std::vector<const TokenList*>& analysed_texts,
                      std::vector<RestoredWord>* words);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_ACCENT_RESTORER_H_
