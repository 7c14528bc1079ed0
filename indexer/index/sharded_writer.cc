// sharded_writer: a new sharded index is made whole in a generation folder and then published by
// the atomic rename of index/generations.h, so that a reader sees either nothing or every shard.

#include "index/sharded_writer.h"

#include <filesystem>
#include <stdexcept>

#include "index/generations.h"
#include "index/schema.h"
#include "index/shard_layout.h"

namespace vnsearch {
namespace fs = std::filesystem;

void CreateShardFolders(const std::string& generation, int shard_count) {
  CreateIndexFolder(generation);
  if (shard_count <= 1) {
    IndexWriter(generation, 0, /*plain_folder=*/true).Commit();
    return;
  }
  for (int shard = 0; shard < shard_count; ++shard) {
    IndexWriter writer((fs::path(generation) / ShardFolderName(shard)).string(), 0,
                       /*plain_folder=*/true);
    writer.database().set_metadata(schema::kShardMetadataKey, ShardLabel(shard, shard_count));
    writer.Commit();
  }
  std::string error;
  if (!WriteShardStub(generation, shard_count, &error)) throw std::runtime_error(error);
}

ShardedWriter::ShardedWriter(const std::string& path, int new_shard_count,
                             double lock_wait_seconds) {
  std::error_code unknown;  // a path that cannot be looked at is not there: creating it says why
  if (new_shard_count > 1 && !fs::exists(path, unknown) && !fs::is_symlink(path, unknown)) {
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) CreateIndexFolder(parent.string());
    std::string generation = NewGenerationPath(path);
    CreateShardFolders(generation, new_shard_count);
    std::string error;
    if (!PublishGeneration(path, generation, &error)) {
      std::error_code ignored;  // removing the unpublished generation is cleanup only
      fs::remove_all(generation, ignored);
      throw std::runtime_error(error);
    }
  }
  int shard_count = LocalShardCount(path);
  if (shard_count <= 1) {
    shards_.push_back(std::make_unique<IndexWriter>(path, lock_wait_seconds));
    return;
  }
  for (int shard = 0; shard < shard_count; ++shard) {
    shards_.push_back(std::make_unique<IndexWriter>(
        (fs::path(path) / ShardFolderName(shard)).string(), lock_wait_seconds,
        /*plain_folder=*/true));
  }
}

void ShardedWriter::Put(const PreparedArticle& prepared) {
  shards_[ShardOf(prepared.article.id, shard_count())]->Put(prepared);
}

bool ShardedWriter::Delete(const std::string& article_id) {
  return shards_[ShardOf(article_id, shard_count())]->Delete(article_id);
}

void ShardedWriter::Commit() {
  for (auto& shard : shards_) shard->Commit();
}

size_t ShardedWriter::DocumentCount() {
  size_t count = 0;
  for (auto& shard : shards_) count += shard->database().get_doccount();
  return count;
}

std::unordered_map<std::string, std::string> ShardedWriter::StoredContentHashes() {
  std::unordered_map<std::string, std::string> all;
  for (auto& shard : shards_) all.merge(shard->StoredContentHashes());
  return all;
}

}  // namespace vnsearch
