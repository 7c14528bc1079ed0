// term_frequencies: how many articles hold each of many terms — the statistics that accent
// restoration, typo correction and "similar" judge by. Over local databases it asks term by
// term (a B-tree look-up each); when shards are remote, where each look-up would be a round trip
// to every server, it asks for all the terms in one exchange per shard: one match of all of them,
// whose statistics Xapian gathers from every shard before matching. Not thread-safe (it reads a
// Xapian::Database).
#ifndef VNSEARCH_SEARCHD_TERM_FREQUENCIES_H_
#define VNSEARCH_SEARCHD_TERM_FREQUENCIES_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace vnsearch {

class TermFrequencies {
 public:
  // `database`: every shard as one; `batched`: whether to ask in one exchange (remote shards).
  TermFrequencies(const Xapian::Database& database, bool batched)
      : database_(database), batched_(batched) {}

  // The number of articles holding each of `terms`, in the same order (0 for a term no article
  // has). Throws Xapian::Error as the database does.
  std::vector<Xapian::doccount> Of(const std::vector<std::string>& terms) const;

  // The number of articles holding `term`.
  Xapian::doccount Of(const std::string& term) const { return database_.get_termfreq(term); }

 private:
  const Xapian::Database& database_;
  const bool batched_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_TERM_FREQUENCIES_H_
