// sharded_writer: the writer of a whole local index, one shard or several (shard_layout.h): each
// article goes to the shard that owns it, each shard is its own Xapian database with its own
// lock and its own atomic commits. Holds every shard's lock while it lives. Not thread-safe.
#ifndef VNSEARCH_INDEX_SHARDED_WRITER_H_
#define VNSEARCH_INDEX_SHARDED_WRITER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/index_writer.h"
#include "index/prepared_article.h"

namespace vnsearch {

class ShardedWriter {
 public:
  // Opens the index at `path` with the shards it has; when there is none, creates it with
  // `new_shard_count` shards (a generation, index/generations.h: a plain database for one
  // shard, a folder of shards and their stub for more). Waits up to `lock_wait_seconds` for each
  // shard's lock, then throws Xapian::DatabaseLockError; throws other Xapian::Errors when a
  // shard cannot be opened, and std::runtime_error when the layout cannot be made.
  ShardedWriter(const std::string& path, int new_shard_count, double lock_wait_seconds);

  ShardedWriter(const ShardedWriter&) = delete;
  ShardedWriter& operator=(const ShardedWriter&) = delete;

  int shard_count() const { return static_cast<int>(shards_.size()); }

  // Adds or replaces the article in the shard that owns it. Not durable until Commit().
  void Put(const PreparedArticle& prepared);

  // Deletes `article_id` from its shard; false when it is not there.
  bool Delete(const std::string& article_id);

  // Commits every shard, one after the other: each shard's commit is atomic, and a crash between
  // two leaves every shard at a committed state (a rerun redoes what is missing, by content hash).
  void Commit();

  // Articles in every shard together.
  size_t DocumentCount();

  // The stored content hash of every article of every shard, by id.
  std::unordered_map<std::string, std::string> StoredContentHashes();

 private:
  std::vector<std::unique_ptr<IndexWriter>> shards_;
};

// Creates the shards of a new index of `shard_count` shards in the folder `generation` (which
// must not exist): `generation` itself is the one database when shard_count is 1; else it holds
// the shard folders, each labelled (schema::kShardMetadataKey), and their stub. Throws
// Xapian::Error or std::runtime_error on failure.
void CreateShardFolders(const std::string& generation, int shard_count);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_SHARDED_WRITER_H_
