// fts5_reference: the baseline is deliberately stock FTS5: unicode61 with remove_diacritics 2
// folds every accent on both sides (so "hoc" and "học" and "hóc" are one word) and does not
// normalise, so NFD text and NFC queries only meet where the tokenizer happens to agree.

#include "fts5_reference.h"

#include <sqlite3.h>

#include <stdexcept>

namespace vnsearch::bench {
namespace {

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* database, const char* sql) {
    if (sqlite3_prepare_v2(database, sql, -1, &statement_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(database) + " in: " + sql);
    }
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

void Execute(sqlite3* database, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(database, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error =
        std::string("SQLite: ") + (message ? message : "unknown error") + " in: " + sql;
    sqlite3_free(message);
    if (error.find("no such module: fts5") != std::string::npos) {
      error += " (this SQLite was built without FTS5: install Debian's libsqlite3-dev)";
    }
    throw std::runtime_error(error);
  }
}

// "word" with any double quote doubled: an FTS5 string, never an operator.
std::string QuotedFts5String(const std::string& word) {
  std::string quoted = "\"";
  for (char byte : word) {
    quoted += byte;
    if (byte == '"') quoted += '"';
  }
  return quoted + "\"";
}

}  // namespace

Fts5Reference::Fts5Reference(const std::vector<BenchArticle>& articles) {
  if (sqlite3_open(":memory:", &database_) != SQLITE_OK) {
    std::string error =
        std::string("SQLite: cannot open an in-memory database: ") + sqlite3_errmsg(database_);
    sqlite3_close(database_);
    throw std::runtime_error(error);
  }
  try {
    Execute(database_,
            "CREATE VIRTUAL TABLE t USING fts5(title, body, "
            "tokenize=\"unicode61 remove_diacritics 2\")");
    Execute(database_, "BEGIN");
    Statement insert(database_, "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)");
    for (size_t index = 0; index < articles.size(); ++index) {
      const BenchArticle& article = articles[index];
      sqlite3_bind_int64(insert.get(), 1, static_cast<sqlite3_int64>(index));
      sqlite3_bind_text(insert.get(), 2, article.Title().data(),
                        static_cast<int>(article.Title().size()), SQLITE_STATIC);
      sqlite3_bind_text(insert.get(), 3, article.Body().data(),
                        static_cast<int>(article.Body().size()), SQLITE_STATIC);
      if (sqlite3_step(insert.get()) != SQLITE_DONE) {
        throw std::runtime_error(article.article_id +
                                 ": SQLite insert failed: " + sqlite3_errmsg(database_));
      }
      sqlite3_reset(insert.get());
    }
    Execute(database_, "COMMIT");
    Execute(database_, "INSERT INTO t(t) VALUES ('optimize')");
  } catch (...) {
    sqlite3_close(database_);
    throw;
  }
}

Fts5Reference::~Fts5Reference() { sqlite3_close(database_); }

std::vector<size_t> Fts5Reference::Search(const std::vector<std::string>& words, int limit,
                                          Fts5Match match_kind) {
  std::string match;
  for (const std::string& word : words) {
    if (!match.empty()) match += match_kind == Fts5Match::kAnyWord ? " OR " : " ";
    match += QuotedFts5String(word);
  }
  std::vector<size_t> ranked;
  if (match.empty()) return ranked;
  // The question-answering reference is stock bm25 (columns weighted alike), as published.
  Statement query(database_, match_kind == Fts5Match::kAnyWord
                                 ? "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?"
                                 : "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 10.0, "
                                   "1.0) LIMIT ?");
  sqlite3_bind_text(query.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(query.get(), 2, limit);
  int step;
  while ((step = sqlite3_step(query.get())) == SQLITE_ROW) {
    ranked.push_back(static_cast<size_t>(sqlite3_column_int64(query.get(), 0)));
  }
  if (step != SQLITE_DONE) {
    throw std::runtime_error("SQLite FTS5 query " + match + ": " + sqlite3_errmsg(database_));
  }
  return ranked;
}

}  // namespace vnsearch::bench
