// bench_corpus: the benchmark corpus (../shared/bench/vnnews-20k) read into memory, shared by the
// analysis benchmark and the known-item evaluation. Stateless functions; thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_BENCH_CORPUS_H_
#define VNSEARCH_TESTS_BENCH_BENCH_CORPUS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnsearch::bench {

// One article file of the benchmark corpus, whose format is fixed: the title on the first line,
// a blank line, then the body. Offsets rather than views keep the struct safely movable.
struct BenchArticle {
  std::string article_id;  // path relative to the corpus folder, without ".txt" (as vnsearch-index)
  std::string text;        // the file's bytes
  size_t title_end = 0;    // the title is text[0, title_end), trimmed
  size_t body_begin = 0;   // the body is text[body_begin, end)

  std::string_view Title() const { return std::string_view(text).substr(0, title_end); }
  std::string_view Body() const { return std::string_view(text).substr(body_begin); }
};

// The corpus folder to use: $VNSEARCH_BENCH_CORPUS when set, else ../shared/bench/vnnews-20k
// beside the source checkout.
std::string DefaultCorpusFolder();

// Reads the .txt articles under `folder` (recursively, in sorted order), at most `max_articles`
// of them (0: all). Files that cannot be read or are not UTF-8 are skipped and described in
// *errors; a missing folder gives an empty result and one error.
std::vector<BenchArticle> ReadBenchCorpus(const std::string& folder, size_t max_articles,
                                          std::vector<std::string>* errors);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_BENCH_CORPUS_H_
