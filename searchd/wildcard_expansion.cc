// wildcard_expansion: allterms_begin(stem) on several databases merges the shards' term lists
// and sums each term's frequency over them (one exchange per remote shard), which is exactly
// the vocabulary and the statistics of one index of the same articles.

#include "searchd/wildcard_expansion.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace vnsearch {

Xapian::Query ExpandWildcard(const Xapian::Database& database, const std::string& stem,
                             Xapian::termcount limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;  // (articles, term)
  for (Xapian::TermIterator term = database.allterms_begin(stem);
       term != database.allterms_end(stem); ++term) {
    terms.emplace_back(term.get_termfreq(), *term);
  }
  if (terms.size() > limit) {
    std::stable_sort(terms.begin(), terms.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    terms.resize(limit);
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> each;
  each.reserve(terms.size());
  for (const auto& [frequency, term] : terms) each.emplace_back(term);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, each.begin(), each.end());
}

}  // namespace vnsearch
