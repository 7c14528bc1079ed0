// article_store: articles written over HTTP. Each write goes to the corpus folder first (the
// files stay the source of truth, so `vnsearch-index --rebuild` loses nothing) and then into the
// index — into the shard that owns the article (index/shard_layout.h), local or remote through
// an xapian-tcpsrv --writable; when a call reports success the file and its folder are fsynced
// and the shard's commit is done. Thread-safe: writes are serialised; while another process
// (vnsearch-index) holds the shard's writer lock, a write reports "busy".
#ifndef VNSEARCH_SEARCHD_ARTICLE_STORE_H_
#define VNSEARCH_SEARCHD_ARTICLE_STORE_H_

#include <xapian.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "searchd/revision_readers.h"

namespace vnsearch {

struct StoreResult {
  int status = 500;  // HTTP status: 201, 200, 204, 400, 404, 415, 500, 503
  std::string article_id;
  std::string error_code;  // when status >= 400
  std::string message;
};

class ArticleStore {
 public:
  // `databases`: the --db values of vnsearchd, in shard order; `remote_timeout_ms` bounds each
  // exchange with a remote shard; `lock_wait_seconds`: how long a write waits for another
  // writer before answering busy. `readers` (may be null): the reads a commit should not make
  // unreadable (it waits up to kReadersWaitSeconds for them).
  ArticleStore(std::vector<std::string> databases, std::string corpus_folder,
               unsigned remote_timeout_ms, double lock_wait_seconds = 2,
               RevisionReaders* readers = nullptr);

  // Adds (no id: one is made from the content) or replaces article `article_id` from `body`:
  // JSON {"id"?,"title"?,"date"?,"source"?,"body"} when `content_type` is application/json
  // (any case, any parameters), scraped text analysed like a corpus file when it is text/plain
  // or empty; other types are refused (415). `replace_only_id`: PUT's id, which wins over an id
  // in the JSON. 500 when the file cannot be written and synced.
  StoreResult Put(const std::string& content_type, const std::string& body,
                  const std::optional<std::string>& replace_only_id);

  // Deletes article `article_id`'s file from the corpus folder (and syncs the folder), then the
  // article from the index: 204, 404 when there is neither, 500 (nothing deleted) when the file
  // cannot be removed.
  StoreResult Delete(const std::string& article_id);

 private:
  std::string FilePath(const std::string& article_id) const;
  void WaitForOlderReads(Xapian::WritableDatabase& database);

  // The writer of the shard that owns `article_id` (*remote: whether it is behind
  // xapian-tcpsrv), or nullptr with *failure set (the shards cannot be listed, or are not
  // labelled as vnsearch-index --shards makes them).
  std::unique_ptr<IndexWriter> OpenOwningShard(const std::string& article_id, StoreResult* failure,
                                               bool* remote);

  const std::vector<std::string> databases_;
  const unsigned remote_timeout_ms_;
  const std::string corpus_folder_;
  const double lock_wait_seconds_;
  RevisionReaders* const readers_;
  std::mutex mutex_;  // one write at a time from this process
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_ARTICLE_STORE_H_
