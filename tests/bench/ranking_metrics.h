// ranking_metrics: the standard measures of a ranked list against relevance judgments (binary),
// averaged over queries: P@1, R@10, MRR@10, nDCG@10, R@20. Plain values; not thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_RANKING_METRICS_H_
#define VNSEARCH_TESTS_BENCH_RANKING_METRICS_H_

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace vnsearch::bench {

class RankingMetrics {
 public:
  // Adds one query: `ranked` best first (only the first 20 count), `relevant` the judged ids.
  void Add(const std::vector<std::string>& ranked, const std::set<std::string>& relevant);

  size_t queries() const { return queries_; }
  // Means over the queries added, as fractions (0..1).
  double PrecisionAt1() const { return Mean(precision_at_1_); }
  double RecallAt10() const { return Mean(recall_at_10_); }
  double RecallAt20() const { return Mean(recall_at_20_); }
  double MrrAt10() const { return Mean(reciprocal_rank_at_10_); }
  double NdcgAt10() const { return Mean(ndcg_at_10_); }

 private:
  double Mean(double sum) const { return queries_ == 0 ? 0 : sum / queries_; }

  size_t queries_ = 0;
  double precision_at_1_ = 0;
  double recall_at_10_ = 0;
  double recall_at_20_ = 0;
  double reciprocal_rank_at_10_ = 0;
  double ndcg_at_10_ = 0;
};

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_RANKING_METRICS_H_
