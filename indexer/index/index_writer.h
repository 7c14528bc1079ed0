// index_writer: the one place that writes to a vnsearch index. Owns the Xapian::WritableDatabase
// (Xapian allows one writer per database) and the spelling data. Not thread-safe.
#ifndef VNSEARCH_INDEX_INDEX_WRITER_H_
#define VNSEARCH_INDEX_INDEX_WRITER_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "article/article.h"

namespace vnsearch {

class IndexWriter {
 public:
  // Opens (creating if needed, with its parent folders) the database at `path`.
  // Throws Xapian::Error when it cannot, e.g. when another writer holds the lock.
  explicit IndexWriter(const std::string& path);

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds `article`, or replaces the article with the same id. Not durable until Commit().
  void Put(const Article& article, const std::string& content_hash);

  // Makes everything Put so far durable and visible to readers.
  void Commit();

  Xapian::WritableDatabase& database() { return database_; }

 private:
  Xapian::WritableDatabase database_;
  // Folded words seen since the last commit and how often: spelling data for typo suggestions.
  std::unordered_map<std::string, Xapian::termcount> pending_spellings_;
  // Facet names written as metadata by this writer: each is written once.
  std::unordered_set<std::string> named_facet_values_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_INDEX_WRITER_H_
