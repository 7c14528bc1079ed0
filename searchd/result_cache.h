// result_cache: recent search answers, keyed by the request and the index revision they were
// computed on, so a repeated search (a popular query, a page reloaded, a facet toggled back) is
// answered without searching again. Bounded (least recently used out). Thread-safe.
#ifndef VNSEARCH_SEARCHD_RESULT_CACHE_H_
#define VNSEARCH_SEARCHD_RESULT_CACHE_H_

#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace vnsearch {

class ResultCache {
 public:
  // Keeps at most `capacity` answers; 0 disables the cache.
  explicit ResultCache(size_t capacity) : capacity_(capacity) {}

  // The answer stored for `request` at `revision`, if any. An answer computed on another
  // revision of the index is never returned.
  std::optional<std::string> Find(const std::string& request, const std::string& revision);

  void Store(const std::string& request, const std::string& revision, std::string answer);

 private:
  struct Entry {
    std::string request;
    std::string revision;
    std::string answer;
  };
  const size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_request_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_RESULT_CACHE_H_
