// fts5_reference: SQLite FTS5 over the benchmark corpus, the off-the-shelf baseline the known-item
// evaluation holds vnsearch against. Not thread-safe: one connection, used by one thread.
#ifndef VNSEARCH_TESTS_BENCH_FTS5_REFERENCE_H_
#define VNSEARCH_TESTS_BENCH_FTS5_REFERENCE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "bench_corpus.h"

struct sqlite3;

namespace vnsearch::bench {

// Which articles a search lists: those holding every word (a search box's AND), or any of them
// (OR, as the question-answering references are run).
enum class Fts5Match { kEveryWord, kAnyWord };

// An in-memory FTS5 table fts5(title, body, tokenize="unicode61 remove_diacritics 2"), one row
// per article, rowid = the article's index in the vector it was built from.
class Fts5Reference {
 public:
  // Indexes `articles`. Throws std::runtime_error with SQLite's message when SQLite cannot (for
  // one built without FTS5, the message says so).
  explicit Fts5Reference(const std::vector<BenchArticle>& articles);
  ~Fts5Reference();

  Fts5Reference(const Fts5Reference&) = delete;
  Fts5Reference& operator=(const Fts5Reference&) = delete;

  // The indexes of the best `limit` articles holding every one of `words` (each searched as a
  // quoted FTS5 string, so punctuation inside a word is never syntax), best first, ranked by
  // bm25 with the title weighted 10 and the body 1. With kAnyWord: those holding any of them,
  // ranked by stock bm25 (title and body alike), the published question-answering reference.
  // Empty when none matches. Throws std::runtime_error if SQLite rejects the query.
  std::vector<size_t> Search(const std::vector<std::string>& words, int limit,
                             Fts5Match match = Fts5Match::kEveryWord);

 private:
  sqlite3* database_ = nullptr;
};

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_FTS5_REFERENCE_H_
