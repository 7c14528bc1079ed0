// index_writer: the one place that writes to a vnsearch index. Owns the Xapian::WritableDatabase
// (Xapian allows one writer per database: opening fails while another holds the lock) and the
// bookkeeping that spans documents (facet names). Not thread-safe.
#ifndef VNSEARCH_INDEX_INDEX_WRITER_H_
#define VNSEARCH_INDEX_INDEX_WRITER_H_

#include <xapian.h>

#include <string>
#include <unordered_map>

#include "index/prepared_article.h"
#include "index/shard_layout.h"

namespace vnsearch {

class IndexWriter {
 public:
  // Opens the database at `path`, creating it (and its parent folders) if needed — as a link to
  // a generation folder (index/generations.h), unless `plain_folder`. Waits up to
  // `lock_wait_seconds` for another writer to finish; then throws Xapian::DatabaseLockError.
  // Throws other Xapian::Errors when the database cannot be opened.
  explicit IndexWriter(const std::string& path, double lock_wait_seconds = 0,
                       bool plain_folder = false);

  // Opens the database at `location`: a local path as above, or a remote one through its
  // xapian-tcpsrv, which must run with --writable (Xapian::Remote::open_writable; the server
  // holds the lock, and a locked database throws Xapian::DatabaseLockError here all the same).
  // `remote_timeout_ms` bounds each exchange with a remote server (Xapian::NetworkTimeoutError).
  IndexWriter(const ShardLocation& location, double lock_wait_seconds, unsigned remote_timeout_ms);

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds the article, or replaces the article with the same id. Not durable until Commit().
  void Put(const PreparedArticle& prepared);

  // Deletes the article with `article_id`; returns false when there is none.
  bool Delete(const std::string& article_id);

  // Makes everything since the last commit durable and visible to readers, atomically: a crash
  // before it loses the batch, never the index. A commit that changes something also counts up
  // the database's commit count (schema::kCommitCountMetadataKey), and one that replaced an
  // article its replacement count (schema::kReplacementCountMetadataKey).
  void Commit();

  // The content hash stored for each article id (what incremental runs compare against).
  std::unordered_map<std::string, std::string> StoredContentHashes();

  Xapian::WritableDatabase& database() { return database_; }

 private:
  // Marks a database begun empty as one whose articles all have pair and expansion terms
  // (schema::kPairTermsMetadataKey, kExpansionTermsMetadataKey); once, at the first Put.
  void MarkDerivedTermsIfEmpty();

  // Counts metadata `key` up by one when `count_this_commit`; writes it as 0 (or 1) when the
  // database has no such key yet.
  void CountUp(const char* key, bool count_this_commit);

  Xapian::WritableDatabase database_;
  // The facet names this writer has read or written (IsPreferredFacetName picks among them).
  std::unordered_map<std::string, std::string> facet_names_;
  bool changed_ = false;   // since the last commit
  bool replaced_ = false;  // an article was replaced since the last commit
  bool derived_terms_checked_ = false;
};

// Creates `folder` and its missing parents for an index. Throws Xapian::DatabaseCreateError
// naming the folder and why when it cannot (a parent that is a file, no permission, a full disk).
void CreateIndexFolder(const std::string& folder);

// The stored content hashes of `database` by article id.
std::unordered_map<std::string, std::string> ReadContentHashes(const Xapian::Database& database);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_INDEX_WRITER_H_
