// article_store: the file is written (atomically, by rename, fsynced with its folder) before the
// index, so that a crash between the two leaves a file the next `vnsearch-index` run picks up,
// never an indexed article without its file. Both happen while this process holds the index's
// writer lock, which vnsearch-index takes before it lists the corpus: a run never misses a file
// written over HTTP, nor prunes one.

#include "searchd/article_store.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "article/article_parser.h"
#include "article/date_parser.h"
#include "index/corpus_reader.h"
#include "index/index_writer.h"
#include "index/document_builder.h"
#include "index/prepared_article.h"
#include "index/schema.h"
#include "index/shard_layout.h"

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxIdBytes = 200;

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

// Whether `content_type` names JSON ("application/json", any case, with parameters or not).
bool IsJson(const std::string& content_type) {
  std::string media_type = content_type.substr(0, content_type.find(';'));
  while (!media_type.empty() && (media_type.back() == ' ' || media_type.back() == '\t')) {
    media_type.pop_back();
  }
  size_t start = media_type.find_first_not_of(" \t");
  media_type = start == std::string::npos ? "" : media_type.substr(start);
  for (char& c : media_type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return media_type == "application/json";
}

bool IsPlainText(const std::string& content_type) {
  std::string media_type = content_type.substr(0, content_type.find(';'));
  size_t start = media_type.find_first_not_of(" \t");
  size_t end = media_type.find_last_not_of(" \t");
  if (start == std::string::npos) return true;  // none given: text, as a corpus file
  media_type = media_type.substr(start, end - start + 1);
  for (char& c : media_type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return media_type == "text/plain";
}

// The fields a JSON write may set, checked.
struct JsonArticle {
  std::string id, title, date, source, body;
};

std::optional<std::string> ReadJson(const std::string& body, JsonArticle* article) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) return "the body is not a JSON object: send {\"body\": \"…\", …}";
  for (const auto& [name, value] : json.items()) {
    std::string* field = name == "id"       ? &article->id
                         : name == "title"  ? &article->title
                         : name == "date"   ? &article->date
                         : name == "source" ? &article->source
                         : name == "body"   ? &article->body
                                            : nullptr;
    if (field == nullptr) return "unknown field \"" + name + "\": use id, title, date, source, body";
    if (!value.is_string()) return "field \"" + name + "\" must be a string";
    *field = value.get<std::string>();
  }
  if (article->body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return "field \"body\" is required and must not be empty";
  }
  if (!article->date.empty()) {
    int year = 0, month = 0, day = 0;
    if (std::sscanf(article->date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 ||
        IsoDate(year, month, day) != article->date) {
      return "field \"date\" must be a date YYYY-MM-DD, not \"" + article->date + "\"";
    }
  }
  return std::nullopt;
}

// The corpus file for a JSON article: a meta line (source, date) above the headline, as news
// sites write them, so that parsing the file gives the same fields back.
std::string CorpusText(const JsonArticle& article) {
  std::string text;
  if (!article.date.empty() || !article.source.empty()) {
    if (!article.source.empty()) text += article.source + " - ";
    if (!article.date.empty()) {
      text += "Ngày đăng: " + article.date.substr(8, 2) + "/" + article.date.substr(5, 2) + "/" +
              article.date.substr(0, 4);
    }
    text += "\n\n";
  }
  if (!article.title.empty()) text += article.title + "\n\n";
  text += article.body;
  if (text.back() != '\n') text += '\n';
  return text;
}

}  // namespace

ArticleStore::ArticleStore(std::vector<std::string> databases, std::string corpus_folder,
                           unsigned remote_timeout_ms, double lock_wait_seconds)
    : databases_(std::move(databases)),
      remote_timeout_ms_(remote_timeout_ms),
      corpus_folder_(std::move(corpus_folder)),
      lock_wait_seconds_(lock_wait_seconds) {}

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

std::unique_ptr<IndexWriter> ArticleStore::OpenOwningShard(const std::string& article_id,
                                                          StoreResult* failure) {
  std::string error;
  std::optional<std::vector<ShardLocation>> shards = ResolveDatabases(databases_, &error);
  if (!shards) {
    *failure = Failure(503, "index_unavailable", error);
    return nullptr;
  }
  int count = static_cast<int>(shards->size());
  int owner = ShardOf(article_id, count);
  auto writer =
      std::make_unique<IndexWriter>((*shards)[owner], lock_wait_seconds_, remote_timeout_ms_);
  if (count > 1) {
    std::string label = writer->database().get_metadata(schema::kShardMetadataKey);
    if (label != ShardLabel(owner, count)) {
      *failure = Failure(
          503, "index_unavailable",
          "writes go to the shard that owns the article, which needs shards built by "
          "vnsearch-index --shards " + std::to_string(count) + " and given in order; " +
              (*shards)[owner].Name() + " is labelled \"" + label + "\", not \"" +
              ShardLabel(owner, count) + "\"");
      return nullptr;
    }
  }
  return writer;
}

std::string ArticleStore::FilePath(const std::string& article_id) const {
  return (fs::path(corpus_folder_) / (article_id + ".txt")).string();
}

StoreResult ArticleStore::Put(const std::string& content_type, const std::string& body,
                              const std::optional<std::string>& replace_only_id) {
  JsonArticle fields;
  std::string text;
  bool is_json = IsJson(content_type);
  if (!is_json && !IsPlainText(content_type)) {
    return Failure(415, "unsupported_media_type",
                   "Content-Type \"" + content_type +
                       "\": send application/json or text/plain; charset=utf-8");
  }
  if (is_json) {
    if (std::optional<std::string> problem = ReadJson(body, &fields)) {
      return Failure(400, "bad_article", *problem);
    }
    text = CorpusText(fields);
  } else {
    text = body;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Failure(400, "bad_article", "the article text is empty");
    }
  }
  std::string content_hash = ContentHash(text);
  std::string article_id = replace_only_id.value_or(
      !fields.id.empty() ? fields.id : "posted/" + content_hash.substr(0, 16));
  if (!IsValidId(article_id)) {
    return Failure(400, "bad_id",
                   "id \"" + article_id +
                       "\": use letters, digits, . _ - and / (no \"..\", not ending in /similar), "
                       "at most 200 bytes");
  }
  std::string path = FilePath(article_id);
  std::string error;
  size_t invalid_at = FirstInvalidUtf8(text);
  if (invalid_at != std::string::npos) {
    return Failure(400, "bad_article",
                   "the article is not valid UTF-8 (byte " + std::to_string(invalid_at) + ")");
  }

  std::lock_guard<std::mutex> lock(mutex_);
  try {
    StoreResult failure;
    std::unique_ptr<IndexWriter> owner = OpenOwningShard(article_id, &failure);
    if (!owner) return failure;
    IndexWriter& writer = *owner;
    bool existed = writer.database().get_termfreq(ArticleIdTerm(article_id)) > 0;
    if (!WriteFileDurably(corpus_folder_, path, text, &error)) {
      return Failure(500, "storage_error", error);
    }
    Article article = ParseArticle(article_id, text);
    if (is_json) {  // what the writer said explicitly wins over what parsing makes of it
      if (!fields.title.empty()) article.title = fields.title;
      if (!fields.date.empty()) article.date = fields.date;
      if (!fields.source.empty()) article.source = fields.source;
    }
    writer.Put(PrepareParsedArticle(std::move(article), content_hash));
    writer.Commit();
    StoreResult result;
    result.status = existed ? 200 : 201;
    result.article_id = article_id;
    return result;
  } catch (const Xapian::DatabaseLockError&) {
    return Failure(503, "busy", "the index is being written by vnsearch-index: retry shortly");
  } catch (const Xapian::NetworkError& error) {
    return Failure(503, "index_unavailable",
                   "the shard that owns \"" + article_id + "\" does not answer (" +
                       error.get_description() +
                       "); the file is kept, so retry, or run vnsearch-index once it is back");
  }
}

StoreResult ArticleStore::Delete(const std::string& article_id) {
  if (!IsValidId(article_id)) return Failure(404, "not_found", "no article \"" + article_id + "\"");
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    StoreResult failure;
    std::unique_ptr<IndexWriter> owner = OpenOwningShard(article_id, &failure);
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
