// article_store: the file is written (atomically, by rename) before the index, so that a crash
// between the two leaves a file the next `vnsearch-index` run picks up, never an indexed article
// without its file.

#include "searchd/article_store.h"

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
  bool is_json = content_type.rfind("application/json", 0) == 0;
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
                   "id \"" + article_id + "\": use letters, digits, . _ - and / (no \"..\")");
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
    if (!WriteCorpusFile(path, text, &error)) return Failure(500, "storage_error", error);
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
  if (!IsValidArticleId(article_id)) return Failure(404, "not_found", "no article \"" + article_id + "\"");
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    IndexWriter writer(database_, lock_wait_seconds_);
    std::error_code fs_error;
    bool had_file = fs::remove(FilePath(article_id), fs_error);
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
