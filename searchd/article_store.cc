// article_store: the file is written (atomically, by rename, fsynced with its folder) before the
// index, so that a crash between the two leaves a file the next `vnsearch-index` run picks up,
// never an indexed article without its file. Both happen while this process holds the index's
// writer lock, which vnsearch-index takes before it lists the corpus: a run never misses a file
// written over HTTP, nor prunes one.

#include "searchd/article_store.h"

#include <cctype>
#include <filesystem>

#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/corpus_writer.h"
#include "index/index_writer.h"
#include "index/json_article.h"
#include "index/prepared_article.h"

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

StoreResult Failure(int status, const std::string& code, const std::string& message) {
  StoreResult result;
  result.status = status;
  result.error_code = code;
  result.message = message;
  return result;
}

// The media type of a Content-Type header, trimmed and lower-cased ("application/json").
std::string MediaType(const std::string& content_type) {
  std::string media_type = content_type.substr(0, content_type.find(';'));
  size_t start = media_type.find_first_not_of(" \t");
  size_t end = media_type.find_last_not_of(" \t");
  if (start == std::string::npos) return "";
  media_type = media_type.substr(start, end - start + 1);
  for (char& c : media_type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return media_type;
}

}  // namespace

ArticleStore::ArticleStore(std::string database, std::string corpus_folder,
                           double lock_wait_seconds)
    : database_(std::move(database)),
      corpus_folder_(std::move(corpus_folder)),
      lock_wait_seconds_(lock_wait_seconds) {}

std::string ArticleStore::FilePath(const std::string& article_id) const {
  return CorpusFilePath(corpus_folder_, article_id);
}

StoreResult ArticleStore::Put(const std::string& content_type, const std::string& body,
                              const std::optional<std::string>& replace_only_id) {
  JsonArticle fields;
  std::string text;
  std::string media_type = MediaType(content_type);
  bool is_json = media_type == "application/json";
  if (!is_json && !media_type.empty() && media_type != "text/plain") {
    return Failure(415, "unsupported_media_type",
                   "Content-Type \"" + content_type +
                       "\": send application/json or text/plain; charset=utf-8");
  }
  if (is_json) {
    if (std::optional<std::string> problem = ReadJsonArticle(body, &fields)) {
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
  std::string article_id = replace_only_id.value_or(JsonArticleId(fields, content_hash));
  if (!IsValidArticleId(article_id)) {
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
    IndexWriter writer(database_, lock_wait_seconds_);
    bool existed = writer.database().get_termfreq("Q" + article_id) > 0;
    if (!WriteCorpusFile(corpus_folder_, path, text, &error)) {
      return Failure(500, "storage_error", error);
    }
    // Scraped text is parsed as a corpus file; in JSON, what the writer said explicitly wins.
    Article article = is_json ? ParseJsonArticle(article_id, fields, text)
                              : ParseArticle(article_id, text);
    writer.Put(PrepareParsedArticle(std::move(article), content_hash));
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
  if (!IsValidArticleId(article_id)) {
    return Failure(404, "not_found", "no article \"" + article_id + "\"");
  }
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
