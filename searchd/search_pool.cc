// search_pool: one queue, in order of arrival; each search wakes one idle pool thread, and the
// asking thread sleeps on its task's own condition until that task has ended.

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
  std::unique_lock<std::mutex> lock(mutex_);
  tasks_.push_back(&task);
  asked_.notify_one();
  task.done.wait(lock, [&] { return task.ended; });
  if (task.thrown) std::rethrow_exception(task.thrown);
}

void SearchPool::ThreadLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    // Tasks still queued when stopping are run: their threads wait for them.
    asked_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
    if (tasks_.empty()) return;
    Task* task = tasks_.front();
    tasks_.pop_front();
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
