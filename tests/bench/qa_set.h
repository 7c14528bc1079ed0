// qa_set: a question set with relevance judgments (../shared/qa/<set>/: docs.jsonl, queries.jsonl,
// qrels.tsv), read into memory for the question-answering evaluation. Stateless functions;
// thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_QA_SET_H_
#define VNSEARCH_TESTS_BENCH_QA_SET_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vnsearch::bench {

struct QaDocument {
  std::string id;
  std::string title;
  std::string text;  // paragraphs separated by blank lines
};

struct QaQuestion {
  std::string id;
  std::string text;                    // as a person typed it
  std::set<std::string> relevant_ids;  // the documents that answer it
};

struct QaSet {
  std::string name;  // the folder's name, e.g. "vinewsqa-train2000"
  std::vector<QaDocument> documents;
  std::vector<QaQuestion> questions;  // only those with at least one relevant document
};

// The QA sets folder to use: $VNSEARCH_BENCH_QA when set, else ../shared/qa beside the checkout.
std::string DefaultQaFolder();

// The sets under `folder`: every sub-folder holding docs.jsonl, queries.jsonl and qrels.tsv, in
// name order. Empty when there are none.
std::vector<std::string> ListQaSets(const std::string& folder);

// Reads the set in `set_folder`. A line that cannot be used is described in *errors (file and
// line number) and skipped.
QaSet ReadQaSet(const std::string& set_folder, std::vector<std::string>* errors);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_QA_SET_H_
