// revision_readers: a count per revision under one mutex; a write waits on a condition.

#include "searchd/revision_readers.h"

#include <chrono>

namespace vnsearch {

RevisionReaders::Reading::Reading(RevisionReaders* readers, Xapian::rev revision)
    : readers_(readers), revision_(revision) {
  std::lock_guard<std::mutex> lock(readers_->mutex_);
  ++readers_->reads_[revision_];
}

RevisionReaders::Reading::~Reading() {
  std::lock_guard<std::mutex> lock(readers_->mutex_);
  auto found = readers_->reads_.find(revision_);
  if (--found->second == 0) readers_->reads_.erase(found);
  readers_->read_ended_.notify_all();
}

bool RevisionReaders::WaitForReadsOlderThan(Xapian::rev revision, double timeout_seconds) {
  std::unique_lock<std::mutex> lock(mutex_);
  return read_ended_.wait_for(lock, std::chrono::duration<double>(timeout_seconds),
                              [&] { return reads_.empty() || reads_.begin()->first >= revision; });
}

}  // namespace vnsearch
