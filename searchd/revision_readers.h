// revision_readers: which revisions of the index this process's reads are reading, so that an
// HTTP write does not commit the revision that makes one of them unreadable. Xapian keeps a
// reader's revision readable through one more commit, not two: a search that outlasts two
// commits fails (DatabaseModifiedError) and has to start again — under a steady stream of writes
// and long searches, again and again. So before committing, a write waits (briefly) for the
// reads of revisions older than the current one to end. Thread-safe.
#ifndef VNSEARCH_SEARCHD_REVISION_READERS_H_
#define VNSEARCH_SEARCHD_REVISION_READERS_H_

#include <xapian.h>

#include <condition_variable>
#include <map>
#include <mutex>

namespace vnsearch {

class RevisionReaders {
 public:
  // A read of one revision, under way for the object's lifetime.
  class Reading {
   public:
    Reading(RevisionReaders* readers, Xapian::rev revision);
    ~Reading();
    Reading(const Reading&) = delete;
    Reading& operator=(const Reading&) = delete;

   private:
    RevisionReaders* readers_;
    Xapian::rev revision_;
  };

  // Waits until no read of a revision older than `revision` is under way, at most
  // `timeout_seconds`; returns false when it stopped waiting.
  bool WaitForReadsOlderThan(Xapian::rev revision, double timeout_seconds);

 private:
  std::mutex mutex_;
  std::condition_variable read_ended_;
  std::map<Xapian::rev, int> reads_;  // revision → reads under way
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_REVISION_READERS_H_
