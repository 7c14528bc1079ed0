// eval_report: the scores the known-item evaluation keeps per query form, and the report it
// prints from them (tables, rank changes, diagnosed vnsearch failures). Plain values; printing
// writes to stdout.
#ifndef VNSEARCH_TESTS_BENCH_EVAL_REPORT_H_
#define VNSEARCH_TESTS_BENCH_EVAL_REPORT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "query_forms.h"

namespace vnsearch::bench {

// Why vnsearch did not put the expected article first.
enum class FailureKind {
  kAmbiguous,    // in the top 10, below an article whose title also holds every query word
  kOutranked,    // in the top 10, below an article whose title lacks some query word
  kNotInTopTen,  // not in the top 10 at all (or the query failed)
};

// A query vnsearch did not answer with the expected article first.
struct Failure {
  FailureKind kind = FailureKind::kNotInTopTen;
  std::string query;
  std::string expected_id;
  std::string expected_title;  // line 1 of the article file
  std::string indexed_title;   // the title vnsearch stored, when it differs from line 1
  int expected_rank = 0;       // 2..10, or 0 when not in the top 10
  std::string first_id;        // empty when nothing matched
  std::string first_title;     // or the error, when the query failed
};

// Ranking quality and time of one engine over a set of queries.
struct EngineScore {
  size_t queries = 0;
  double reciprocal_rank_sum = 0;
  size_t first_place = 0;
  double milliseconds = 0;

  // `rank` is 1-based, or 0 for a miss (not in the top 10).
  void Add(int rank, double query_milliseconds);
  double MeanReciprocalRank() const;
  double RecallAtOne() const;
  double MeanMilliseconds() const;
};

// What the evaluation learnt about one query form.
struct FormScore {
  EngineScore vnsearch;
  EngineScore fts5;
  // The same over only the queries this form changed (the tone form changes few).
  EngineScore vnsearch_changed;
  EngineScore fts5_changed;
  // Queries ranked differently than the same fragment as written: 0 means the engine treats this
  // form exactly as the written one.
  size_t vnsearch_rank_moves = 0;
  size_t fts5_rank_moves = 0;
  std::vector<Failure> shown_failures;  // the first few, for the report
  std::map<FailureKind, size_t> failure_counts;
};

// The setting the numbers were measured in, printed above them.
struct EvalSetting {
  std::string corpus_folder;
  size_t article_count = 0;
  size_t known_item_count = 0;
  std::string database;
  size_t document_count = 0;
  int results_per_query = 10;
  double corpus_read_seconds = 0;
  double fts5_build_seconds = 0;
  size_t retitled_count = 0;  // known items vnsearch stored under another title than line 1
};

// Prints the whole report to stdout.
void PrintEvalReport(const EvalSetting& setting, const std::map<QueryForm, FormScore>& scores);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_EVAL_REPORT_H_
