// result_cache: a list in recency order plus a hash index into it — the textbook LRU.

#include "searchd/result_cache.h"

namespace vnsearch {

std::optional<std::string> ResultCache::Find(const std::string& request,
                                             const std::string& revision) {
  if (capacity_ == 0) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = by_request_.find(request);
  if (found == by_request_.end() || found->second->revision != revision) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->answer;
}

void ResultCache::Store(const std::string& request, const std::string& revision,
                        std::string answer) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = by_request_.find(request);
  if (found != by_request_.end()) {
    entries_.erase(found->second);
    by_request_.erase(found);
  }
  entries_.push_front({request, revision, std::move(answer)});
  by_request_[request] = entries_.begin();
  if (entries_.size() > capacity_) {
    by_request_.erase(entries_.back().request);
    entries_.pop_back();
  }
}

}  // namespace vnsearch
