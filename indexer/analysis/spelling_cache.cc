// spelling_cache: one cache per thread, made on the thread's first analysis and freed with it.

#include "analysis/spelling_cache.h"

namespace vnsearch {

SpellingCache& SpellingCache::ForThisThread() {
  thread_local SpellingCache cache;
  return cache;
}

}  // namespace vnsearch
