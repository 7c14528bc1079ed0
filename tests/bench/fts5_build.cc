// fts5_build: the off-the-shelf comparison for vnsearch-index's build speed and index size, SQLite
// FTS5 building the same articles into a database file: fts5(title, body, tokenize="unicode61
// remove_diacritics 2") as the known-item evaluation uses it, one INSERT per article, one
// transaction, SQLite's default pragmas (so the commit is synced), no 'optimize' afterwards (the
// Xapian indexes are not compacted either). The time covers reading the files, indexing, the
// commit and closing the file, as vnsearch-index's covers reading, indexing and its commit.
//
// Usage: fts5_build --db FILE --corpus DIR   (FILE must not exist yet)

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "build_summary.h"

namespace {

constexpr const char* kUsage = "Usage: fts5_build --db FILE --corpus DIR\n";

void Execute(sqlite3* database, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(database, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = std::string(message ? message : "unknown error") + " in: " + sql;
    sqlite3_free(message);
    throw std::runtime_error(error);
  }
}

// Writes every article into a new FTS5 table in `database`, in one transaction. Returns the
// bytes of text written. Throws std::runtime_error with SQLite's message.
size_t BuildTable(sqlite3* database, const std::vector<vnsearch::bench::BenchArticle>& articles) {
  Execute(database,
          "CREATE VIRTUAL TABLE t USING fts5(title, body, "
          "tokenize=\"unicode61 remove_diacritics 2\")");
  Execute(database, "BEGIN");
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(database, "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)", -1,
                         &insert, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sqlite3_errmsg(database));
  }
  size_t text_bytes = 0;
  for (size_t index = 0; index < articles.size(); ++index) {
    const vnsearch::bench::BenchArticle& article = articles[index];
    sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(index));
    sqlite3_bind_text(insert, 2, article.Title().data(), static_cast<int>(article.Title().size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, article.Body().data(), static_cast<int>(article.Body().size()),
                      SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) {
      std::string error = article.article_id + ": insert failed: " + sqlite3_errmsg(database);
      sqlite3_finalize(insert);
      throw std::runtime_error(error);
    }
    sqlite3_reset(insert);
    text_bytes += article.text.size();
  }
  sqlite3_finalize(insert);
  Execute(database, "COMMIT");
  return text_bytes;
}

}  // namespace

int main(int argc, char** argv) {
  auto started = std::chrono::steady_clock::now();
  vnsearch::bench::BuildInput input;
  if (int status = vnsearch::bench::ReadBuildInput("fts5_build", kUsage, argc, argv, &input)) {
    return status;
  }
  const std::string& database_path = input.database_path;
  const std::vector<vnsearch::bench::BenchArticle>& articles = input.articles;
  sqlite3* database = nullptr;
  if (sqlite3_open(database_path.c_str(), &database) != SQLITE_OK) {
    std::cerr << "fts5_build: " << database_path << ": cannot open: " << sqlite3_errmsg(database)
              << "\n";
    sqlite3_close(database);
    return 1;
  }
  size_t text_bytes = 0;
  try {
    text_bytes = BuildTable(database, articles);
  } catch (const std::runtime_error& error) {
    std::string message = error.what();
    if (message.find("no such module: fts5") != std::string::npos) {
      message += " (this SQLite was built without FTS5: install Debian's libsqlite3-dev)";
    }
    std::cerr << "fts5_build: " << database_path << ": SQLite: " << message << "\n";
    sqlite3_close(database);
    return 1;
  }
  if (sqlite3_close(database) != SQLITE_OK) {
    std::cerr << "fts5_build: " << database_path << ": cannot close: " << sqlite3_errmsg(database)
              << "\n";
    return 1;
  }
  vnsearch::bench::BuildFigures figures;
  figures.program = "fts5_build";
  figures.articles = articles.size();
  figures.text_bytes = text_bytes;
  figures.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  figures.index_bytes = std::filesystem::file_size(database_path);
  figures.index_size_source = "size of " + database_path;
  vnsearch::bench::PrintBuildSummary(figures);
  return input.errors.empty() ? 0 : 1;
}
