// article_store: the file is written (atomically, by rename, fsynced with its folder) before the
// index, so that a crash between the two leaves a file the next `vnsearch-index` run picks up,
// never an indexed article without its file. Both happen while this process holds the index's
// writer lock, which vnsearch-index takes before it lists the corpus: a run never misses a file
// written over HTTP, nor prunes one.

#include "searchd/article_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/index_writer.h"
#include "index/prepared_article.h"
#include "searchd/posted_article.h"

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxIdBytes = 200;
// Longer than a search may run (searcher.cc), so that a commit never overtakes one.
constexpr double kReadersWaitSeconds = 2;

StoreResult Failure(int status, const std::string& code, const std::string& message) {
  StoreResult result;
  result.status = status;
  result.error_code = code;
  result.message = message;
  return result;
}

std::string ErrnoText() { return std::strerror(errno); }

// Makes the entries of `folder` durable (a created, renamed or removed file in it).
bool SyncFolder(const std::string& folder, std::string* error) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    *error = "cannot sync folder " + folder + ": " + ErrnoText();
    if (fd >= 0) ::close(fd);
    return false;
  }
  ::close(fd);
  return true;
}

// Writes `text` to `path` through a temporary file, fsynced, renamed over `path`, and its folder
// fsynced (and the folders above it, up to `root`, which may have been created): once this
// returns true the file survives a crash of the machine.
bool WriteFileDurably(const std::string& root, const std::string& path, const std::string& text,
                      std::string* error) {
  std::error_code fs_error;
  fs::path folder = fs::path(path).parent_path();
  fs::create_directories(folder, fs_error);
  if (fs_error) {
    *error = "cannot create folder " + folder.string() + ": " + fs_error.message();
    return false;
  }
  std::string temporary = path + ".tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot create " + temporary + ": " + ErrnoText();
    return false;
  }
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  bool synced = written == text.size() && ::fsync(fd) == 0;
  std::string write_error = ErrnoText();
  ::close(fd);
  if (!synced) {
    *error = "cannot write " + temporary + ": " + write_error + " (is the disk full?)";
    fs::remove(temporary, fs_error);
    return false;
  }
  fs::rename(temporary, path, fs_error);
  if (fs_error) {
    *error = "cannot move " + temporary + " to " + path + ": " + fs_error.message();
    fs::remove(temporary, fs_error);
    return false;
  }
  fs::path normal_root = fs::path(root).lexically_normal();
  if (normal_root.filename().empty()) normal_root = normal_root.parent_path();  // "corpus/"
  for (fs::path at = folder.lexically_normal();; at = at.parent_path()) {
    if (!SyncFolder(at.empty() ? "." : at.string(), error)) return false;
    if (at == normal_root || at.empty() || at == at.parent_path()) break;
  }
  return true;
}

}  // namespace

ArticleStore::ArticleStore(std::string database, std::string corpus_folder,
                           double lock_wait_seconds, RevisionReaders* readers)
    : database_(std::move(database)),
      corpus_folder_(std::move(corpus_folder)),
      lock_wait_seconds_(lock_wait_seconds),
      readers_(readers) {}

void ArticleStore::WaitForOlderReads(Xapian::WritableDatabase& database) {
  // Past the wait, the commit goes ahead: a read it overtakes starts again (http_api.cc).
  if (readers_ != nullptr)
    readers_->WaitForReadsOlderThan(database.get_revision(), kReadersWaitSeconds);
}

bool ArticleStore::IsValidId(const std::string& article_id) {
  if (article_id.empty() || article_id.size() > kMaxIdBytes) return false;
  if (article_id.front() == '/' || article_id.back() == '/') return false;
  for (char c : article_id) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '-' || c == '/';
    if (!allowed) return false;
  }
  size_t start = 0;
  while (start <= article_id.size()) {
    size_t end = article_id.find('/', start);
    if (end == std::string::npos) end = article_id.size();
    std::string part = article_id.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  // GET /api/articles/<id>/similar is another route: such an id could never be read back.
  constexpr std::string_view kSimilar = "/similar";
  return !(article_id.size() >= kSimilar.size() &&
           article_id.compare(article_id.size() - kSimilar.size(), kSimilar.size(), kSimilar) == 0);
}

std::string ArticleStore::FilePath(const std::string& article_id) const {
  return (fs::path(corpus_folder_) / (article_id + ".txt")).string();
}

StoreResult ArticleStore::Put(const std::string& content_type, const std::string& body,
                              const std::optional<std::string>& replace_only_id) {
  PostedArticle posted = ReadPostedArticle(content_type, body);
  if (posted.status != 0) return Failure(posted.status, posted.error_code, posted.message);
  const std::string& text = posted.text;
  std::string content_hash = ContentHash(text);
  std::string article_id = replace_only_id.value_or(
      !posted.id.empty() ? posted.id : "posted/" + content_hash.substr(0, 16));
  if (!IsValidId(article_id)) {
    return Failure(400, "bad_id",
                   "id \"" + article_id +
                       "\": use letters, digits, . _ - and / (no \"..\", not ending in /similar), "
                       "at most 200 bytes");
  }
  std::string path = FilePath(article_id);
  std::string error;

  std::lock_guard<std::mutex> lock(mutex_);
  try {
    IndexWriter writer(database_, lock_wait_seconds_);
    bool existed = writer.database().get_termfreq("Q" + article_id) > 0;
    if (!WriteFileDurably(corpus_folder_, path, text, &error)) {
      return Failure(500, "storage_error", error);
    }
    Article article = ParseArticle(article_id, text);
    if (posted.is_json) {  // what the writer said explicitly wins over what parsing makes of it
      if (!posted.title.empty()) article.title = posted.title;
      if (!posted.date.empty()) article.date = posted.date;
      if (!posted.source.empty()) article.source = posted.source;
    }
    writer.Put(PrepareParsedArticle(std::move(article), content_hash));
    WaitForOlderReads(writer.database());
    writer.Commit();
    StoreResult result;
    result.status = existed ? 200 : 201;
    result.article_id = article_id;
    return result;
  } catch (const Xapian::DatabaseLockError&) {
    return Failure(503, "busy", "the index is being written by vnsearch-index: retry shortly");
  }
}

StoreResult ArticleStore::Delete(const std::string& article_id) {
  if (!IsValidId(article_id)) return Failure(404, "not_found", "no article \"" + article_id + "\"");
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    IndexWriter writer(database_, lock_wait_seconds_);
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
    WaitForOlderReads(writer.database());
    writer.Commit();
    StoreResult result;
    result.status = 204;
    result.article_id = article_id;
    return result;
  } catch (const Xapian::DatabaseLockError&) {
    return Failure(503, "busy", "the index is being written by vnsearch-index: retry shortly");
  }
}

}  // namespace vnsearch
