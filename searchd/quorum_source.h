// quorum_source: a Xapian posting source that matches the articles holding at least `quorum` of
// a set of terms — the "minimum should match" of other engines, which Xapian 1.4's query
// operators lack. Its weight is 0: it says which articles match, the rest of the query says how
// well. Like every PostingSource, not thread-safe; a query holding one is used by one thread.
#ifndef VNSEARCH_SEARCHD_QUORUM_SOURCE_H_
#define VNSEARCH_SEARCHD_QUORUM_SOURCE_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace vnsearch {

// What a QuorumPostingSource matches, for code that works the matches out without Xapian
// (match_bitmap.h): the articles holding at least `quorum` of `terms`.
struct TermQuorum {
  std::vector<std::string> terms;
  size_t quorum = 1;

  // The quorum as a QuorumPostingSource holds it, which is what it matches: the terms sorted,
  // each once (a term named twice counts once), and a quorum of at least one.
  TermQuorum Distinct() const;
  // What Xapian's Query::get_description() says of a query that is the source: how such code
  // recognises it (Xapian gives no other way to reach a query's posting source).
  std::string QueryDescription() const;
};

// Whether a posting source may be the list a Xapian AND (or FILTER) walks, the others being only
// checked at the articles it stands on. A source that never leads says it may match every
// article, so that Xapian walks the other side: see RankedCombination in query_builder.cc for why
// a ranked query with a phrase needs that.
enum class SourceLead { kMayLead, kNeverLeads };

class QuorumPostingSource : public Xapian::PostingSource {
 public:
  // Matches the articles holding at least `quorum` (≥ 1) of `terms` (distinct terms).
  QuorumPostingSource(std::vector<std::string> terms, size_t quorum,
                      SourceLead lead = SourceLead::kMayLead);

  // A query matching the same articles: the source, owned by the query.
  static Xapian::Query Make(std::vector<std::string> terms, size_t quorum,
                            SourceLead lead = SourceLead::kMayLead);

  void init(const Xapian::Database& database) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_estimate_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }
  void next(double min_weight) override;
  void skip_to(Xapian::docid at_least, double min_weight) override;
  bool at_end() const override { return at_end_; }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override;
  std::string get_description() const override;

 private:
  // Moves to the first article numbered `at_least` or more that holds a quorum of the terms.
  void SettleFrom(Xapian::docid at_least);

  std::vector<std::string> terms_;
  size_t quorum_;
  SourceLead lead_;
  Xapian::Database database_;
  // Moves list number `list` to its first article numbered `at_least` or more.
  void MoveTo(size_t list, Xapian::docid at_least);

  // What docids_ holds for a list that has ended: after every article.
  static constexpr Xapian::docid kEnded = static_cast<Xapian::docid>(-1);

  std::vector<Xapian::PostingIterator> postings_;  // one per term, in step with the source
  std::vector<Xapian::docid> docids_;              // where each list stands, or kEnded
  std::vector<Xapian::docid> positions_;           // SettleFrom's scratch: where they stand
  Xapian::doccount termfreq_estimate_ = 0;
  Xapian::doccount termfreq_max_ = 0;
  Xapian::docid current_ = 0;
  bool at_end_ = true;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUORUM_SOURCE_H_
