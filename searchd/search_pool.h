// search_pool: a fixed number of threads that compute the searches, in the order they were asked
// for, while the worker threads answering the requests wait for them. Searches sharing the cores
// all take longer, the longest longest of all, while searches taking turns wait the same short
// while: the slowest answers come sooner. And the few threads that search keep what searching
// needs warm in the caches (their searcher of the index, its memory), which a search run on
// whichever of many workers took its request would find cold. Thread-safe.
#ifndef VNSEARCH_SEARCHD_SEARCH_POOL_H_
#define VNSEARCH_SEARCHD_SEARCH_POOL_H_

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vnsearch {

class SearchPool {
 public:
  // `threads`: searches computed at once; 0 computes each on the thread asking (no pool).
  explicit SearchPool(unsigned threads);
  // Waits for the searches asked for to end.
  ~SearchPool();
  SearchPool(const SearchPool&) = delete;
  SearchPool& operator=(const SearchPool&) = delete;

  // Runs `search` on a thread of the pool once the searches asked for before it have started,
  // and returns when it has ended, throwing what it threw.
  void Run(const std::function<void()>& search);

  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }

 private:
  // A search asked for: the asking thread waits until `ended`.
  struct Task {
    const std::function<void()>* search;
    std::exception_ptr thrown;
    bool ended = false;
    std::condition_variable done;
  };

  void ThreadLoop();

  std::mutex mutex_;
  std::condition_variable asked_;  // a task was queued, or the pool is stopping
  std::deque<Task*> tasks_;        // in the order they were asked for
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SEARCH_POOL_H_
