// term_bitmaps: the documents of one revision's frequent terms as bitmaps over document numbers,
// each made the first time a count asks for it, so that counting the articles that hold several
// frequent words ANDs a few hundred machine words instead of walking each word's posting list.
// Thread-safe: the workers of a revision share one TermBitmaps; a bitmap, once made, never changes.
#ifndef VNSEARCH_SEARCHD_TERM_BITMAPS_H_
#define VNSEARCH_SEARCHD_TERM_BITMAPS_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vnsearch {

// Bit d (word d / 64, bit d % 64) is set when document d holds the term.
using TermBitmap = std::vector<uint64_t>;

class TermBitmaps {
 public:
  // A term earns a bitmap when at least 1 in kDensity of the revision's document numbers hold
  // it: a bitmap then takes no more memory than the list of its documents' numbers.
  static constexpr Xapian::doccount kDensity = 32;
  // What all of a revision's bitmaps may take together; past it, terms are walked as before.
  static constexpr size_t kMostBytes = size_t{64} << 20;

  // For the revision whose highest document number is `last_docid`.
  explicit TermBitmaps(Xapian::docid last_docid) : last_docid_(last_docid) {}

  TermBitmaps(const TermBitmaps&) = delete;
  TermBitmaps& operator=(const TermBitmaps&) = delete;

  // The bitmap of `term`, held by `termfreq` documents of `database` (which must be the
  // revision these bitmaps are for), made from its posting list now if not made before; null
  // when the term is too rare to earn one or the bitmaps have used up kMostBytes.
  std::shared_ptr<const TermBitmap> Of(const Xapian::Database& database, const std::string& term,
                                       Xapian::doccount termfreq);

  // The bitmap of `term` read from its posting list, kept nowhere (for rarer terms); nothing
  // when `database` holds documents past this revision's last.
  std::optional<TermBitmap> Read(const Xapian::Database& database, const std::string& term) const;

  // How many machine words a bitmap has: document numbers 0 to last_docid.
  size_t words() const { return last_docid_ / 64 + 1; }
  // The memory the bitmaps made so far hold, in bytes.
  size_t MemoryBytes() const;

 private:
  const Xapian::docid last_docid_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const TermBitmap>> bitmaps_;
  size_t bytes_ = 0;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_TERM_BITMAPS_H_
