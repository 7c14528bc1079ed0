// indexing_run: a producer/consumer pipeline. Worker threads take files (and imported JSON
// lines, which they first keep as files) in order, read and hash them, skip the unchanged, and
// parse and build the rest (all pure work); the calling thread is the single writer, applying
// results as they come and committing every batch_size articles.
// A rebuild, or a first build into an empty index, starts from nothing: it writes per-thread
// shards instead and merges them.
//
// Crash safety comes from Xapian's atomic commit plus the content hash: after a kill at any
// moment the index holds exactly the committed batches, and a rerun skips them as unchanged.

#include "index/indexing_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/corpus_writer.h"
#include "index/document_builder.h"
#include "index/generations.h"
#include "index/index_writer.h"
#include "index/json_article.h"
#include "index/jsonl_import.h"
#include "index/prepared_article.h"
#include "index/progress.h"
#include "index/schema.h"
#include "index/shard_layout.h"
#include "index/sharded_writer.h"

namespace vnsearch {
namespace {

constexpr size_t kQueueCapacity = 64;

// What a worker found out about one file.
struct FileResult {
  enum class Kind { kPrepared, kUnchanged, kFailed } kind = Kind::kFailed;
  std::string article_id;
  size_t bytes = 0;
  std::string error;
  std::unique_ptr<PreparedArticle> prepared;
};

// A bounded queue from the workers to the writer.
class ResultQueue {
 public:
  void Push(FileResult result) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < kQueueCapacity; });
    queue_.push_back(std::move(result));
    not_empty_.notify_one();
  }

  // The next result, or nullopt once every worker is done and the queue is drained.
  std::optional<FileResult> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || workers_left_ == 0; });
    if (queue_.empty()) return std::nullopt;
    FileResult result = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return result;
  }

  void SetWorkers(int count) { workers_left_ = count; }

  void WorkerDone() {
    std::lock_guard<std::mutex> lock(mutex_);
    --workers_left_;
    not_empty_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<FileResult> queue_;
  int workers_left_ = 0;
};

// One article to index: a corpus file, or a line of a JSON Lines file.
struct WorkItem {
  const CorpusFile* file = nullptr;
  const ImportedArticle* imported = nullptr;
};

// The corpus files, except those an imported article replaces, then the imported articles.
std::vector<WorkItem> ListWork(const std::vector<CorpusFile>& files,
                               const std::vector<ImportedArticle>& imported) {
  std::unordered_set<std::string> imported_ids;
  for (const ImportedArticle& article : imported) imported_ids.insert(article.article_id);
  std::vector<WorkItem> work;
  for (const CorpusFile& file : files) {
    if (!imported_ids.count(file.article_id)) work.push_back({&file, nullptr});
  }
  for (const ImportedArticle& article : imported) work.push_back({nullptr, &article});
  return work;
}

// Whether `hash` is what the index holds for `article_id`.
bool Unchanged(const std::unordered_map<std::string, std::string>& stored_hashes,
               const std::string& article_id, const std::string& hash) {
  auto stored = stored_hashes.find(article_id);
  return stored != stored_hashes.end() && stored->second == hash;
}

FileResult ProcessFile(const CorpusFile& file,
                       const std::unordered_map<std::string, std::string>& stored_hashes) {
  FileResult result;
  result.article_id = file.article_id;
  std::string text;
  if (!ReadArticleFile(file.path, &text, &result.error)) return result;
  result.bytes = text.size();
  std::string hash = ContentHash(text);
  if (Unchanged(stored_hashes, file.article_id, hash)) {
    result.kind = FileResult::Kind::kUnchanged;
    return result;
  }
  try {
    result.prepared = std::make_unique<PreparedArticle>(
        PrepareParsedArticle(ParseArticle(file.article_id, text), hash));
    result.kind = FileResult::Kind::kPrepared;
  } catch (const std::exception& error) {
    result.error = file.path + ": cannot be indexed: " + error.what();
  }
  return result;
}

// An imported article is kept as its corpus file first, as an HTTP write is (ArticleStore), so
// that --rebuild and --prune over the corpus folder keep it; unchanged ones are not rewritten
// unless their file is missing.
FileResult ProcessImported(const ImportedArticle& imported, const std::string& corpus_folder,
                           const std::unordered_map<std::string, std::string>& stored_hashes) {
  FileResult result;
  result.article_id = imported.article_id;
  result.bytes = imported.corpus_text.size();
  std::string path = CorpusFilePath(corpus_folder, imported.article_id);
  bool unchanged = Unchanged(stored_hashes, imported.article_id, imported.content_hash);
  if (!unchanged || !std::filesystem::exists(path)) {
    std::string error;
    if (!WriteCorpusFile(corpus_folder, path, imported.corpus_text, &error)) {
      result.error = imported.origin + ": " + error;
      return result;
    }
  }
  if (unchanged) {
    result.kind = FileResult::Kind::kUnchanged;
    return result;
  }
  try {
    Article article = ParseJsonArticle(imported.article_id, imported.fields, imported.corpus_text);
    result.prepared = std::make_unique<PreparedArticle>(
        PrepareParsedArticle(std::move(article), imported.content_hash));
    result.kind = FileResult::Kind::kPrepared;
  } catch (const std::exception& error) {
    result.error = imported.origin + ": cannot be indexed: " + error.what();
  }
  return result;
}

FileResult ProcessWork(const WorkItem& item, const IndexingOptions& options,
                       const std::unordered_map<std::string, std::string>& stored_hashes) {
  return item.file != nullptr
             ? ProcessFile(*item.file, stored_hashes)
             : ProcessImported(*item.imported, options.corpus_folder, stored_hashes);
}

// Compaction meets the same facet name key in several parts (each part has its own writer):
// keeps the spelling IsPreferredFacetName prefers, as one writer would have.
class PreferredNameCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string&, size_t num_tags,
                                         const std::string tags[]) override {
    size_t best = 0;
    for (size_t i = 1; i < num_tags; ++i) {
      if (IsPreferredFacetName(tags[i], tags[best])) best = i;
    }
    return tags[best];
  }
};

int ThreadCount(int requested) {
  if (requested > 0) return std::min(requested, 64);
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : static_cast<int>(std::min(cores, 16u));
}

// --rebuild: every thread parses and writes its own part of each shard (so the writing, the
// costly part, runs in parallel too), then Xapian's compaction merges each shard's parts into
// the new generation, packed. The live index stays locked and untouched until the new
// generation is swapped in — every shard at once, which is what makes resharding atomic.
IndexingSummary Rebuild(const IndexingOptions& options, int shard_count,
                        const std::vector<WorkItem>& files, IndexingSummary summary,
                        std::FILE* progress_out) {
  std::string generation = NewGenerationPath(options.database);
  int thread_count = ThreadCount(options.threads);
  // part_paths[thread][shard]
  std::vector<std::vector<std::string>> part_paths(thread_count);
  for (int t = 0; t < thread_count; ++t) {
    for (int shard = 0; shard < shard_count; ++shard) {
      part_paths[t].push_back(generation + ".part-" + std::to_string(t) + "-" +
                              std::to_string(shard));
    }
  }
  std::atomic<size_t> next_file{0};
  std::atomic<size_t> done{0};
  std::atomic<size_t> bytes{0};
  std::mutex errors_mutex;
  std::atomic<size_t> added{0};
  std::exception_ptr failure;
  std::vector<std::thread> workers;
  for (int t = 0; t < thread_count; ++t) {
    workers.emplace_back([&, t] {
      try {
        std::vector<std::unique_ptr<IndexWriter>> parts;
        for (int shard = 0; shard < shard_count; ++shard) {
          parts.push_back(std::make_unique<IndexWriter>(part_paths[t][shard], 0,
                                                        /*plain_folder=*/true));
          if (shard_count > 1) {
            parts.back()->database().set_metadata(schema::kShardMetadataKey,
                                                  ShardLabel(shard, shard_count));
          }
        }
        size_t uncommitted = 0;
        for (size_t i = next_file++; i < files.size(); i = next_file++) {
          FileResult result = ProcessWork(files[i], options, {});
          bytes += result.bytes;
          if (result.kind == FileResult::Kind::kPrepared) {
            parts[ShardOf(result.article_id, shard_count)]->Put(*result.prepared);
            ++added;
            if (++uncommitted >= options.batch_size) {
              for (auto& part : parts) part->Commit();
              uncommitted = 0;
            }
          } else {
            std::lock_guard<std::mutex> lock(errors_mutex);
            summary.errors.push_back(result.error);
          }
          ++done;
        }
        for (auto& part : parts) part->Commit();
      } catch (...) {
        std::lock_guard<std::mutex> lock(errors_mutex);
        failure = std::current_exception();
        next_file = files.size();
      }
    });
  }
  Progress progress(progress_out, files.size());
  while (done < files.size() && !failure) {
    progress.Update(done, bytes);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (std::thread& worker : workers) worker.join();
  progress.Update(done, bytes);
  progress.Finish();
  auto remove_parts = [&] {
    std::error_code ignored;
    for (const auto& thread_parts : part_paths) {
      for (const std::string& part : thread_parts) std::filesystem::remove_all(part, ignored);
    }
  };
  if (failure) {
    remove_parts();
    std::rethrow_exception(failure);
  }
  try {
    if (shard_count > 1) CreateIndexFolder(generation);
    for (int shard = 0; shard < shard_count; ++shard) {
      Xapian::Database parts;
      for (int t = 0; t < thread_count; ++t) {
        parts.add_database(Xapian::Database(part_paths[t][shard]));
      }
      std::string target =
          shard_count == 1 ? generation
                           : (std::filesystem::path(generation) / ShardFolderName(shard)).string();
      PreferredNameCompactor compactor;
      parts.compact(target, 0, 0, compactor);
    }
    std::string error;
    if (shard_count > 1 && !WriteShardStub(generation, shard_count, &error)) {
      throw std::runtime_error(error);
    }
  } catch (...) {
    remove_parts();
    std::error_code ignored;
    std::filesystem::remove_all(generation, ignored);
    throw;
  }
  remove_parts();
  std::string error;
  if (!PublishGeneration(options.database, generation, &error)) {
    std::error_code ignored;
    std::filesystem::remove_all(generation, ignored);
    throw std::runtime_error(error);
  }
  summary.added = added;
  summary.bytes = bytes;
  summary.failed += files.size() - added;
  return summary;
}

}  // namespace

IndexingSummary RunIndexing(const IndexingOptions& options, std::FILE* progress_out) {
  auto started = std::chrono::steady_clock::now();
  IndexingSummary summary;
  // The live index's writer lock is held for the whole run — for a rebuild too, so that writes
  // through vnsearchd wait (503 Retry-After) instead of landing in a generation about to go.
  // It is taken before the files are listed: vnsearchd writes an article's file while it holds
  // the lock, so a file written while this run waited is listed, and none appears after the
  // listing (which --prune would delete from the index, and --rebuild leave out of it).
  ShardedWriter writer(options.database, std::max(options.shards, 1), options.lock_wait_seconds);
  std::vector<CorpusFile> corpus_files = ListCorpusFiles(options.paths, &summary.errors);
  std::vector<ImportedArticle> imported;
  for (const std::string& jsonl : options.jsonl_files) {
    std::vector<ImportedArticle> more = ReadJsonLines(jsonl, &summary.errors);
    std::move(more.begin(), more.end(), std::back_inserter(imported));
  }
  KeepLastOfEachId(&imported, &summary.errors);
  const std::vector<WorkItem> files = ListWork(corpus_files, imported);
  summary.failed = summary.errors.size();
  // A first build into an empty index has nothing to compare or keep: the parallel path of a
  // rebuild is faster, and gives a compacted index. (An interrupted first build leaves the index
  // empty; the next run starts again.)
  bool first_build = writer.DocumentCount() == 0 && !files.empty();
  int shard_count = options.shards > 0 ? options.shards : writer.shard_count();
  if (shard_count != writer.shard_count() && !options.rebuild && !first_build) {
    throw std::runtime_error(
        options.database + " has " + std::to_string(writer.shard_count()) + " shard(s), not " +
        std::to_string(shard_count) + ": to reshard, run with --rebuild --shards " +
        std::to_string(shard_count) +
        " (it builds the new shards beside the live index and swaps them in at once)");
  }
  if (options.rebuild || first_build) {
    summary = Rebuild(options, shard_count, files, std::move(summary), progress_out);
    summary.shards = shard_count;
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
  }
  summary.shards = shard_count;
  const std::unordered_map<std::string, std::string> stored_hashes = writer.StoredContentHashes();

  ResultQueue queue;
  int thread_count = ThreadCount(options.threads);
  queue.SetWorkers(thread_count);
  std::atomic<size_t> next_file{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < thread_count; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next_file++; i < files.size(); i = next_file++) {
        queue.Push(ProcessWork(files[i], options, stored_hashes));
      }
      queue.WorkerDone();
    });
  }

  Progress progress(progress_out, files.size());
  std::unordered_set<std::string> seen_ids;
  size_t done = 0;
  size_t uncommitted = 0;
  try {
    while (std::optional<FileResult> result = queue.Pop()) {
      ++done;
      summary.bytes += result->bytes;
      seen_ids.insert(result->article_id);  // failed files too: their old version is kept
      switch (result->kind) {
        case FileResult::Kind::kUnchanged:
          ++summary.unchanged;
          break;
        case FileResult::Kind::kFailed:
          ++summary.failed;
          summary.errors.push_back(result->error);
          break;
        case FileResult::Kind::kPrepared:
          writer.Put(*result->prepared);
          ++(stored_hashes.count(result->article_id) ? summary.updated : summary.added);
          if (++uncommitted >= options.batch_size) {
            writer.Commit();
            uncommitted = 0;
          }
          break;
      }
      progress.Update(done, summary.bytes);
    }
  } catch (...) {
    next_file = files.size();  // stop the workers, drain the queue, then report the error
    while (queue.Pop()) {
    }
    for (std::thread& worker : workers) worker.join();
    progress.Finish();
    throw;
  }
  for (std::thread& worker : workers) worker.join();
  progress.Finish();

  if (options.prune) {
    for (const auto& [article_id, hash] : stored_hashes) {
      if (!seen_ids.count(article_id) && writer.Delete(article_id)) ++summary.deleted;
    }
  }
  writer.Commit();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace vnsearch
