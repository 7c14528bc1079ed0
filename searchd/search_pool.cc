// search_pool: one queue, in order of arrival; each search wakes one idle pool thread, and the
// asking thread sleeps on its task's own condition until that task has ended. Work a search
// shares goes through the same queue, only when it is empty and a thread idles.

#include "searchd/search_pool.h"

namespace vnsearch {

SearchPool::SearchPool(unsigned threads) {
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { ThreadLoop(); });
}

SearchPool::~SearchPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  asked_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void SearchPool::Run(const std::function<void()>& search) {
  if (threads_.empty()) {
    search();
    return;
  }
  Task task;
  task.search = &search;
  task.is_search = true;
  std::unique_lock<std::mutex> lock(mutex_);
  tasks_.push_back(&task);
  ++searches_waiting_;
  asked_.notify_one();
  task.done.wait(lock, [&] { return task.ended; });
  if (task.thrown) std::rethrow_exception(task.thrown);
}

void SearchPool::ForEach(size_t count, const std::function<void(size_t)>& item,
                         const std::function<void()>& first) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto take_items = [&](bool helping) {
    while (!failed.load() && !(helping && searches_waiting_.load() > 0)) {
      size_t index = next.fetch_add(1);
      if (index >= count) return;
      try {
        item(index);
      } catch (...) {
        failed.store(true);
        throw;
      }
    }
  };
  std::function<void()> helper_items = [&] { take_items(true); };
  Task helper;
  helper.search = &helper_items;
  std::unique_lock<std::mutex> lock(mutex_);
  bool helped = count > 1 && idle_ > 0 && tasks_.empty() && !stopping_;
  if (helped) {
    tasks_.push_back(&helper);
    asked_.notify_one();
  }
  lock.unlock();
  std::exception_ptr thrown;
  try {
    if (first) first();
    take_items(false);
  } catch (...) {
    failed.store(true);
    thrown = std::current_exception();
  }
  if (helped) {
    // `helper` and what it reads live on this stack: wait for it even after a throw.
    lock.lock();
    helper.done.wait(lock, [&] { return helper.ended; });
    lock.unlock();
    if (!thrown) thrown = helper.thrown;
  }
  if (thrown) std::rethrow_exception(thrown);
}

void SearchPool::ThreadLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    // Tasks still queued when stopping are run: their threads wait for them.
    ++idle_;
    asked_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
    --idle_;
    if (tasks_.empty()) return;
    Task* task = tasks_.front();
    tasks_.pop_front();
    if (task->is_search) --searches_waiting_;
    lock.unlock();
    try {
      (*task->search)();
    } catch (...) {
      task->thrown = std::current_exception();
    }
    lock.lock();
    task->ended = true;
    // Under the lock: once it is released the asking thread may wake on its own and be gone.
    task->done.notify_one();
  }
}

}  // namespace vnsearch
