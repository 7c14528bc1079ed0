// article_store: articles written over HTTP. Each write goes to the corpus folder first (the
// files stay the source of truth, so `vnsearch-index --rebuild` loses nothing) and then into the
// index; when a call reports success the file and its folder are fsynced and the index commit
// is done. Thread-safe: writes are serialised; while another
// process (vnsearch-index) holds the index's writer lock, a write reports "busy".
#ifndef VNSEARCH_SEARCHD_ARTICLE_STORE_H_
#define VNSEARCH_SEARCHD_ARTICLE_STORE_H_

#include <xapian.h>

#include <mutex>
#include <optional>
#include <string>

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
  // `lock_wait_seconds`: how long a write waits for another writer before answering busy.
  // `readers` (may be null): the reads a commit should not make unreadable (it waits up to
  // kReadersWaitSeconds for them).
  ArticleStore(std::string database, std::string corpus_folder, double lock_wait_seconds = 2,
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

  const std::string database_;
  const std::string corpus_folder_;
  const double lock_wait_seconds_;
  RevisionReaders* const readers_;
  std::mutex mutex_;  // one write at a time from this process
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_ARTICLE_STORE_H_
