// token_list: the storage of terms is a list of chunks, filled in turn and never moved, so views
// into it stay valid as it grows; clear() rewinds to the first chunk.

#include "analysis/token_list.h"

#include <algorithm>

namespace vnsearch {
namespace {

// Large enough that a body's terms take a few chunks, small enough for a query's list.
constexpr size_t kChunkBytes = 16 * 1024;

}  // namespace

void TokenList::clear() {
  tokens_.clear();
  chunk_in_use_ = 0;
  used_ = 0;
}

char* TokenList::AllocateInNextChunk(size_t bytes, size_t needed) {
  if (chunk_in_use_ < chunks_.size()) ++chunk_in_use_;  // the current chunk is full
  // Skip reused chunks too small for `needed` (only a term longer than a chunk can meet one).
  while (chunk_in_use_ < chunks_.size() && chunks_[chunk_in_use_].capacity < needed) {
    ++chunk_in_use_;
  }
  if (chunk_in_use_ == chunks_.size()) {
    Chunk chunk;
    chunk.capacity = std::max(kChunkBytes, needed);
    chunk.bytes.reset(new char[chunk.capacity]);  // not zeroed: every byte is written before read
    chunks_.push_back(std::move(chunk));
  }
  used_ = bytes;
  return chunks_[chunk_in_use_].bytes.get();
}

}  // namespace vnsearch
