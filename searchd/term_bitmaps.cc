// term_bitmaps: a bitmap is made outside the lock (two workers asking for the same term at once
// may both make it; the first one stored is kept), so a count never waits for another's.

#include "searchd/term_bitmaps.h"

namespace vnsearch {

std::shared_ptr<const TermBitmap> TermBitmaps::Of(const Xapian::Database& database,
                                                  const std::string& term,
                                                  Xapian::doccount termfreq) {
  if (termfreq == 0 || uint64_t{termfreq} * kDensity < last_docid_) return nullptr;
  const size_t bytes = words() * sizeof(uint64_t);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = bitmaps_.find(term);
    if (found != bitmaps_.end()) return found->second;
    if (bytes_ + bytes > kMostBytes) return nullptr;
  }
  std::optional<TermBitmap> bitmap = Read(database, term);
  if (!bitmap) return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  auto [stored, is_new] =
      bitmaps_.emplace(term, std::make_shared<const TermBitmap>(std::move(*bitmap)));
  if (is_new) bytes_ += bytes;
  return stored->second;
}

std::optional<TermBitmap> TermBitmaps::Read(const Xapian::Database& database,
                                            const std::string& term) const {
  TermBitmap bitmap(words(), 0);
  const Xapian::PostingIterator end = database.postlist_end(term);
  for (Xapian::PostingIterator posting = database.postlist_begin(term); posting != end; ++posting) {
    Xapian::docid docid = *posting;
    if (docid > last_docid_) return std::nullopt;  // a later revision than these bitmaps'
    bitmap[docid / 64] |= uint64_t{1} << (docid % 64);
  }
  return bitmap;
}

size_t TermBitmaps::MemoryBytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace vnsearch
