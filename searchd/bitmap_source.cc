// bitmap_source: each move finds the next set bit from a word's lowest bits up, so a move costs
// one word read for a match nearby and one per 64 documents over a stretch without any.

#include "searchd/bitmap_source.h"

namespace vnsearch {

BitmapPostingSource::BitmapPostingSource(std::shared_ptr<const TermBitmap> matches)
    : matches_(std::move(matches)) {
  for (uint64_t word : *matches_)
    count_ += static_cast<Xapian::doccount>(__builtin_popcountll(word));
}

Xapian::Query BitmapPostingSource::Make(TermBitmap matches) {
  auto shared = std::make_shared<const TermBitmap>(std::move(matches));
  return Xapian::Query((new BitmapPostingSource(std::move(shared)))->release());
}

void BitmapPostingSource::init(const Xapian::Database&) { current_ = 0; }

void BitmapPostingSource::next(double) {
  if (current_ != kEnded) SettleFrom(current_ + 1);
}

void BitmapPostingSource::skip_to(Xapian::docid at_least, double) {
  if (current_ == 0 || at_least > current_) SettleFrom(at_least);
}

void BitmapPostingSource::SettleFrom(Xapian::docid at_least) {
  const TermBitmap& matches = *matches_;
  size_t word = at_least / 64;
  if (word >= matches.size()) {
    current_ = kEnded;
    return;
  }
  uint64_t bits = matches[word] & (~uint64_t{0} << (at_least % 64));  // this one and after
  while (bits == 0) {
    if (++word == matches.size()) {
      current_ = kEnded;
      return;
    }
    bits = matches[word];
  }
  // __builtin_ctzll: the number of the lowest set bit (C++20's std::countr_zero).
  current_ = static_cast<Xapian::docid>(word * 64 + __builtin_ctzll(bits));
}

Xapian::PostingSource* BitmapPostingSource::clone() const {
  return new BitmapPostingSource(matches_);
}

std::string BitmapPostingSource::get_description() const {
  return "BitmapPostingSource(" + std::to_string(count_) + " documents)";
}

}  // namespace vnsearch
