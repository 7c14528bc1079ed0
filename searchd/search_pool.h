// search_pool: a fixed number of threads that compute the searches, in the order they were asked
// for, while the worker threads answering the requests wait for them. Searches sharing the cores
// all take longer, the longest longest of all, while searches taking turns wait the same short
// while: the slowest answers come sooner. And the few threads that search keep what searching
// needs warm in the caches (their searcher of the index, its memory), which a search run on
// whichever of many workers took its request would find cold. A search alone may share work
// with a thread left idle (ForEach). Thread-safe.
#ifndef VNSEARCH_SEARCHD_SEARCH_POOL_H_
#define VNSEARCH_SEARCHD_SEARCH_POOL_H_

#include <atomic>
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

  // Calls `item` for 0 .. count - 1, each once, on the calling thread and, when a thread of the
  // pool idles and no search waits, on that thread beside it: a search alone has the other
  // cores. The helping thread takes no more items once a search is asked for. `first`, when
  // given, runs on the calling thread before it takes items, while the helper already takes
  // them. Returns once every item has ended, throwing what one (or `first`) threw; the items
  // after a throw may not have run.
  void ForEach(size_t count, const std::function<void(size_t)>& item,
               const std::function<void()>& first = nullptr);

  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }

 private:
  // A search asked for, or a helper's share of ForEach's items: the asking thread waits until
  // `ended`.
  struct Task {
    const std::function<void()>* search;
    bool is_search = false;  // else a helper's share of ForEach's items
    std::exception_ptr thrown;
    bool ended = false;
    std::condition_variable done;
  };

  void ThreadLoop();

  std::mutex mutex_;
  std::condition_variable asked_;            // a task was queued, or the pool is stopping
  std::deque<Task*> tasks_;                  // in the order they were asked for
  std::atomic<size_t> searches_waiting_{0};  // Run's tasks in tasks_
  unsigned idle_ = 0;                        // pool threads waiting for a task
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SEARCH_POOL_H_
