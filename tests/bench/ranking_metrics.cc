// ranking_metrics: definitions as in trec_eval and BEIR. nDCG uses gain 1 for a relevant document
// and log2(rank + 1) discounts, normalised by the ideal ranking of the judged documents.

#include "ranking_metrics.h"

#include <algorithm>
#include <cmath>

namespace vnsearch::bench {

void RankingMetrics::Add(const std::vector<std::string>& ranked,
                         const std::set<std::string>& relevant) {
  ++queries_;
  if (relevant.empty()) return;
  size_t found_in_10 = 0;
  size_t found_in_20 = 0;
  double first_reciprocal_rank = 0;
  double dcg = 0;
  for (size_t i = 0; i < ranked.size() && i < 20; ++i) {
    if (relevant.count(ranked[i]) == 0) continue;
    ++found_in_20;
    if (i >= 10) continue;
    ++found_in_10;
    if (first_reciprocal_rank == 0) first_reciprocal_rank = 1.0 / (i + 1);
    dcg += 1 / std::log2(i + 2.0);
  }
  double ideal_dcg = 0;
  for (size_t i = 0; i < std::min<size_t>(relevant.size(), 10); ++i) {
    ideal_dcg += 1 / std::log2(i + 2.0);
  }
  precision_at_1_ += !ranked.empty() && relevant.count(ranked[0]) ? 1 : 0;
  recall_at_10_ += static_cast<double>(found_in_10) / relevant.size();
  recall_at_20_ += static_cast<double>(found_in_20) / relevant.size();
  reciprocal_rank_at_10_ += first_reciprocal_rank;
  ndcg_at_10_ += dcg / ideal_dcg;
}

}  // namespace vnsearch::bench
