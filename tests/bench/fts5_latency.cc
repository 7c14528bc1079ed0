// fts5_latency: the in-process reference for the HTTP load test — SQLite FTS5 answering the same
// queries over the same articles (exact count of matches + the best 10 by bm25, title-weighted),
// timed per query. Usage: fts5_latency --corpus DIR --queries FILE [--rounds N]

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "latency.h"

namespace {

// An FTS5 query for what a reader typed: each word quoted (so punctuation is never syntax), a
// phrase in quotes kept a phrase. Words are separated as the unicode61 tokenizer will see them.
std::string Fts5Query(const std::string& typed) {
  if (typed.size() > 1 && typed.front() == '"' && typed.back() == '"') return typed;
  std::string query;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!query.empty()) query += ' ';
    query += '"' + word + '"';
    word.clear();
  };
  for (char c : typed) {
    if (c == ' ' || c == '"') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return query;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = vnsearch::bench::DefaultCorpusFolder();
  std::string queries_path;
  int rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--corpus") corpus = argv[i + 1];
    if (flag == "--queries") queries_path = argv[i + 1];
    if (flag == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<std::string> queries = vnsearch::bench::ReadQueryLines(queries_path);
  if (queries.empty()) {
    std::cerr << "fts5_latency: no queries: pass --queries FILE (one query a line)\n";
    return 2;
  }
  std::vector<std::string> errors;
  std::vector<vnsearch::bench::BenchArticle> articles =
      vnsearch::bench::ReadBenchCorpus(corpus, 0, &errors);
  sqlite3* database = nullptr;
  sqlite3_open(":memory:", &database);
  sqlite3_exec(database,
               "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize=\"unicode61 "
               "remove_diacritics 2\")",
               nullptr, nullptr, nullptr);
  sqlite3_exec(database, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(database, "INSERT INTO t(title, body) VALUES (?, ?)", -1, &insert, nullptr);
  for (const auto& article : articles) {
    std::string_view title = article.Title();
    std::string_view body = article.Body();
    sqlite3_bind_text(insert, 1, title.data(), static_cast<int>(title.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(database, "COMMIT", nullptr, nullptr, nullptr);

  sqlite3_stmt* count = nullptr;
  sqlite3_stmt* top = nullptr;
  sqlite3_prepare_v2(database, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &count, nullptr);
  sqlite3_prepare_v2(database,
                     "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 10.0, 1.0) LIMIT 10", -1,
                     &top, nullptr);
  std::vector<double> latencies_ms;
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& typed : queries) {
      std::string query = Fts5Query(typed);
      auto started = std::chrono::steady_clock::now();
      for (sqlite3_stmt* statement : {count, top}) {
        sqlite3_bind_text(statement, 1, query.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(statement) == SQLITE_ROW) {
        }
        sqlite3_reset(statement);
      }
      latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
    }
  }
  std::printf(
      "FTS5 in-process (%zu articles, %zu queries x %d rounds): p50 %.2f ms  p90 %.2f ms  "
      "p99 %.2f ms\n",
      articles.size(), queries.size(), rounds, vnsearch::bench::Percentile(latencies_ms, 0.5),
      vnsearch::bench::Percentile(latencies_ms, 0.9),
      vnsearch::bench::Percentile(latencies_ms, 0.99));
  sqlite3_finalize(count);
  sqlite3_finalize(top);
  sqlite3_close(database);
  return 0;
}
