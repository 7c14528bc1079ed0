// term_frequencies: Enquire::get_mset collects the term statistics of every term of its query
// from every shard (the remote backend sends them in the exchange that starts a match), and
// MSet::get_termfreq returns them without asking again. Asking for no hits keeps the match
// itself short.

#include "searchd/term_frequencies.h"

namespace vnsearch {

std::vector<Xapian::doccount> TermFrequencies::Of(const std::vector<std::string>& terms) const {
  std::vector<Xapian::doccount> frequencies;
  frequencies.reserve(terms.size());
  if (!batched_ || terms.size() < 2) {
    for (const std::string& term : terms) frequencies.push_back(database_.get_termfreq(term));
    return frequencies;
  }
  std::vector<Xapian::Query> each;
  each.reserve(terms.size());
  for (const std::string& term : terms) each.emplace_back(term);
  Xapian::Enquire enquire(database_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end()));
  Xapian::MSet statistics = enquire.get_mset(0, 0);
  for (const std::string& term : terms) frequencies.push_back(statistics.get_termfreq(term));
  return frequencies;
}

}  // namespace vnsearch
