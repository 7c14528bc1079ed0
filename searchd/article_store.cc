// article_store: the file is written (atomically, by rename, fsynced with its folder) before the
// index, so that a crash between the two leaves a file the next `vnsearch-index` run picks up,
// never an indexed article without its file. Both happen while this process holds the index's
// writer lock, which vnsearch-index takes before it lists the corpus: a run never misses a file
// written over HTTP, nor prunes one.

#include "searchd/article_store.h"

#include <filesystem>

#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/corpus_writer.h"
#include "index/index_writer.h"
#include "index/json_article.h"
#include "index/prepared_article.h"
#include "index/schema.h"
#include "index/shard_layout.h"
#include "searchd/posted_article.h"

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

// Longer than a search may run (searcher.cc), so that a commit never overtakes one.
constexpr double kReadersWaitSeconds = 2;

StoreResult Failure(int status, const std::string& code, const std::string& message) {
  StoreResult result;
  result.status = status;
  result.error_code = code;
  result.message = message;
  return result;
}

}  // namespace

ArticleStore::ArticleStore(std::vector<std::string> databases, std::string corpus_folder,
                           unsigned remote_timeout_ms, double lock_wait_seconds,
                           RevisionReaders* readers)
    : databases_(std::move(databases)),
      remote_timeout_ms_(remote_timeout_ms),
      corpus_folder_(std::move(corpus_folder)),
      lock_wait_seconds_(lock_wait_seconds),
      readers_(readers) {}

void ArticleStore::WaitForOlderReads(Xapian::WritableDatabase& database) {
  // Past the wait, the commit goes ahead: a read it overtakes starts again (http_api.cc).
  if (readers_ != nullptr) {
    readers_->WaitForReadsOlderThan(database.get_revision(), kReadersWaitSeconds);
  }
}

std::unique_ptr<IndexWriter> ArticleStore::OpenOwningShard(const std::string& article_id,
                                                           StoreResult* failure, bool* remote) {
  std::string error;
  std::optional<std::vector<ShardLocation>> shards = ResolveDatabases(databases_, &error);
  if (!shards) {
    *failure = Failure(503, "index_unavailable", error);
    return nullptr;
  }
  int count = static_cast<int>(shards->size());
  int owner = ShardOf(article_id, count);
  *remote = (*shards)[owner].remote();
  auto writer =
      std::make_unique<IndexWriter>((*shards)[owner], lock_wait_seconds_, remote_timeout_ms_);
  if (count > 1) {
    std::string label = writer->database().get_metadata(schema::kShardMetadataKey);
    if (label != ShardLabel(owner, count)) {
      *failure =
          Failure(503, "index_unavailable",
                  "writes go to the shard that owns the article, which needs shards built by "
                  "vnsearch-index --shards " +
                      std::to_string(count) + " and given in order; " + (*shards)[owner].Name() +
                      " is labelled \"" + label + "\", not \"" + ShardLabel(owner, count) + "\"");
      return nullptr;
    }
  }
  return writer;
}

std::string ArticleStore::FilePath(const std::string& article_id) const {
  return CorpusFilePath(corpus_folder_, article_id);
}

StoreResult ArticleStore::Put(const std::string& content_type, const std::string& body,
                              const std::optional<std::string>& replace_only_id) {
  PostedArticle posted = ReadPostedArticle(content_type, body);
  if (posted.status != 0) return Failure(posted.status, posted.error_code, posted.message);
  const std::string& text = posted.text;
  std::string content_hash = ContentHash(text);
  std::string article_id = replace_only_id.value_or(JsonArticleId(posted.fields, content_hash));
  if (!IsValidArticleId(article_id)) {
    return Failure(400, "bad_id",
                   "id \"" + article_id +
                       "\": use letters, digits, . _ - and / (no \"..\", not ending in /similar), "
                       "at most 200 bytes");
  }
  std::string path = FilePath(article_id);
  std::string error;

  std::lock_guard<std::mutex> lock(mutex_);
  try {
    StoreResult failure;
    bool remote = false;
    std::unique_ptr<IndexWriter> owner = OpenOwningShard(article_id, &failure, &remote);
    if (!owner) return failure;
    IndexWriter& writer = *owner;
    bool existed = writer.database().get_termfreq(schema::ArticleIdTerm(article_id)) > 0;
    if (!WriteCorpusFile(corpus_folder_, path, text, &error)) {
      return Failure(500, "storage_error", error);
    }
    // Scraped text is parsed as a corpus file; in JSON, what the writer said explicitly wins.
    Article article = posted.is_json ? ParseJsonArticle(article_id, posted.fields, text)
                                     : ParseArticle(article_id, text);
    writer.Put(PrepareParsedArticle(std::move(article), content_hash));
    if (!remote) WaitForOlderReads(writer.database());  // a remote shard has its own readers
    writer.Commit();
    StoreResult result;
    result.status = existed ? 200 : 201;
    result.article_id = article_id;
    return result;
  } catch (const Xapian::DatabaseLockError&) {
    return Failure(503, "busy", "the index is being written by vnsearch-index: retry shortly");
  } catch (const Xapian::NetworkError& network_error) {
    return Failure(503, "index_unavailable",
                   "the shard that owns \"" + article_id + "\" does not answer (" +
                       network_error.get_description() +
                       "); the file is kept, so retry, or run vnsearch-index once it is back");
  }
}

StoreResult ArticleStore::Delete(const std::string& article_id) {
  if (!IsValidArticleId(article_id)) {
    return Failure(404, "not_found", "no article \"" + article_id + "\"");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    StoreResult failure;
    bool remote = false;
    std::unique_ptr<IndexWriter> owner = OpenOwningShard(article_id, &failure, &remote);
    if (!owner) return failure;
    IndexWriter& writer = *owner;
    // The file first: it is the source of truth, and an index entry without its file is
    // deleted by the next `vnsearch-index --prune`, while a file left behind would bring the
    // article back at the next rebuild.
    std::string path = FilePath(article_id);
    std::error_code fs_error;
    bool had_file = fs::remove(path, fs_error);
    if (fs_error) {
      return Failure(500, "storage_error",
                     "cannot remove " + path + ": " + fs_error.message() +
                         "; the article was not deleted (fix the file's permissions and retry)");
    }
    std::string error;
    if (had_file && !SyncFolder(fs::path(path).parent_path().string(), &error)) {
      return Failure(500, "storage_error", error + "; retry the delete");
    }
    bool had_article = writer.Delete(article_id);
    if (!had_file && !had_article) {
      return Failure(404, "not_found", "no article with id \"" + article_id + "\"");
    }
    if (!remote) WaitForOlderReads(writer.database());  // a remote shard has its own readers
    writer.Commit();
    StoreResult result;
    result.status = 204;
    result.article_id = article_id;
    return result;
  } catch (const Xapian::DatabaseLockError&) {
    return Failure(503, "busy", "the index is being written by vnsearch-index: retry shortly");
  } catch (const Xapian::NetworkError& error) {
    return Failure(503, "index_unavailable",
                   "the shard that owns \"" + article_id + "\" does not answer (" +
                       error.get_description() + "): retry once it is back");
  }
}

}  // namespace vnsearch
