// shard_owner: which shard owns an article, as the README documents it — spelled out here
// rather than linked from the indexer, so that a change of the hash (which would move articles
// between the shards of every existing index) fails the tests instead of passing unnoticed.
#ifndef VNSEARCH_TESTS_API_SHARD_OWNER_H_
#define VNSEARCH_TESTS_API_SHARD_OWNER_H_

#include <cstdint>
#include <string>

namespace vnsearch::testing {

// FNV-1a (64 bits) of the article id, modulo the number of shards.
inline int OwningShard(const std::string& article_id, int shard_count) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : article_id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(shard_count));
}

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_SHARD_OWNER_H_
