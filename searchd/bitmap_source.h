// bitmap_source: a Xapian posting source that matches the documents of a bitmap (TermBitmap),
// with no weight: the matches of a query worked out beforehand (match_bitmap.h), which Xapian then
// reads as one list instead of merging the lists of the words they were worked out from.
// One local database only: the bitmap is over its document numbers.
#ifndef VNSEARCH_SEARCHD_BITMAP_SOURCE_H_
#define VNSEARCH_SEARCHD_BITMAP_SOURCE_H_

#include <xapian.h>

#include <memory>
#include <string>

#include "searchd/term_bitmaps.h"

namespace vnsearch {

class BitmapPostingSource : public Xapian::PostingSource {
 public:
  explicit BitmapPostingSource(std::shared_ptr<const TermBitmap> matches);

  // A query matching the documents of `matches`: the source, owned by the query.
  static Xapian::Query Make(TermBitmap matches);

  void init(const Xapian::Database& database) override;
  // The number of documents is known exactly, so Xapian's estimates are exact too.
  Xapian::doccount get_termfreq_min() const override { return count_; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }
  void next(double min_weight) override;
  void skip_to(Xapian::docid at_least, double min_weight) override;
  bool at_end() const override { return current_ == kEnded; }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override;
  std::string get_description() const override;

 private:
  // What current_ holds past the last document.
  static constexpr Xapian::docid kEnded = static_cast<Xapian::docid>(-1);

  // Moves to the first document numbered `at_least` or more.
  void SettleFrom(Xapian::docid at_least);

  std::shared_ptr<const TermBitmap> matches_;
  Xapian::doccount count_ = 0;
  Xapian::docid current_ = 0;  // 0: before the first
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_BITMAP_SOURCE_H_
