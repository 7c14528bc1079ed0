// indexing_run: one run of vnsearch-index — incremental by default (an article's content hash
// decides whether it is reindexed), parallel (articles are parsed and built on several threads,
// applied by the one writer), committed in batches (a crash loses at most the current batch),
// optionally pruning articles whose files are gone or rebuilding from scratch beside the live
// index. Not thread-safe: one run at a time per process.
#ifndef VNSEARCH_INDEX_INDEXING_RUN_H_
#define VNSEARCH_INDEX_INDEXING_RUN_H_

#include <cstdio>
#include <string>
#include <vector>

namespace vnsearch {

struct IndexingOptions {
  std::string database;            // the index to update (or to replace, with rebuild)
  std::vector<std::string> paths;  // files and folders of .txt articles
  // JSON Lines files of articles (jsonl_import.h); each is kept as a file under corpus_folder,
  // as an HTTP write is, then indexed with the rest. An id also found under `paths`: the line
  // wins.
  std::vector<std::string> jsonl_files;
  std::string corpus_folder = "corpus";
  bool prune = false;             // delete articles neither under `paths` nor imported
  bool rebuild = false;           // build a fresh index beside, then swap it in atomically
  int threads = 0;                // parsing threads; 0: one per core
  size_t batch_size = 1000;       // articles per commit
  double lock_wait_seconds = 30;  // how long to wait for another writer (vnsearchd) to finish
  // Shards (index/shard_layout.h): 0 keeps the index's own (1 for a new index); another count
  // than the index has needs `rebuild`, which reshards.
  int shards = 0;
};

struct IndexingSummary {
  size_t added = 0;
  size_t updated = 0;
  size_t unchanged = 0;
  size_t deleted = 0;
  size_t failed = 0;  // files and lines that could not be used (reported in `errors`)
  size_t bytes = 0;   // bytes of the articles read
  double seconds = 0;
  int shards = 1;  // shards of the index after the run
  std::vector<std::string> errors;
};

// Runs the indexing described by `options`, reporting progress to `progress_out`.
// Throws Xapian::Error for errors of the database itself (the last commit stays intact), and
// std::runtime_error when a rebuilt index cannot be swapped in, or when `options.shards` differs
// from the index's shards without `rebuild` (the message says what to run).
IndexingSummary RunIndexing(const IndexingOptions& options, std::FILE* progress_out);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_INDEXING_RUN_H_
