// facet_columns: every article's facet values as small numbers held in memory, for each revision
// of one local index (read whole, or extended by the articles a write added), so that counting a
// match's values is a few array increments instead of a value-slot read and a map insert per
// match. Shards keep Xapian's ValueCountMatchSpy (xapian-tcpsrv runs no spy of ours, and shards
// interleave document numbers); both give the same counts.
// A FacetColumns is immutable but for the term bitmaps it keeps for its revision (thread-safe),
// and shared by every worker thread; a FacetCountingSpy is not thread-safe (one per pass).
#ifndef VNSEARCH_SEARCHD_FACET_COLUMNS_H_
#define VNSEARCH_SEARCHD_FACET_COLUMNS_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "searchd/facets.h"
#include "searchd/quorum_source.h"
#include "searchd/term_bitmaps.h"

namespace vnsearch {

class FacetColumns {
 public:
  // Reads the value slot of each facet of Facets() for every document of `database` (local
  // databases only: a remote one would send the whole index over the network).
  explicit FacetColumns(const Xapian::Database& database);

  // The columns of `database` read from `before` and the articles added since: when `database`
  // is the one `before` was read from (same UUID) and no article was replaced since
  // (schema::kReplacementCountMetadataKey unchanged), a copy of `before` with the values of the
  // articles numbered after the last one `before` saw appended. The values of an article
  // deleted since stay in the copy, never counted: a deleted article matches nothing. Null
  // otherwise: the caller reads the whole index.
  static std::unique_ptr<FacetColumns> Extended(const FacetColumns& before,
                                                const Xapian::Database& database);

  FacetColumns(const FacetColumns&) = delete;
  FacetColumns& operator=(const FacetColumns&) = delete;

  // The values of document `docid` in every facet, facet after facet in the order of Facets(),
  // as value numbers below value_count(); none for a document the index did not hold. One
  // document's values lie together, so counting a match reads one short run.
  std::pair<const uint32_t*, const uint32_t*> ValuesOf(Xapian::docid docid) const {
    if (docid + 1 >= starts_.size()) return {nullptr, nullptr};
    const uint32_t* values = values_.data();
    return {values + starts_[docid], values + starts_[docid + 1]};
  }

  // How many distinct values there are, in all facets and in facet number `facet` (its index
  // in Facets()); the facet of value number `number`, and its schema id (kFacetIdBytes bytes).
  size_t value_count() const { return facet_of_.size(); }
  size_t value_count(size_t facet) const { return numbers_[facet].size(); }
  size_t facet_of(uint32_t number) const { return facet_of_[number]; }
  std::string_view id(uint32_t number) const {
    return std::string_view(ids_).substr(number * schema::kFacetIdBytes, schema::kFacetIdBytes);
  }

  // The memory the columns hold, in bytes (for the README's sizing and the metrics).
  size_t MemoryBytes() const;

  // The bitmaps of the revision's frequent terms, made as counts ask for them (thread-safe):
  // they belong to one revision, as the columns do.
  TermBitmaps& term_bitmaps() const { return *term_bitmaps_; }

 private:
  FacetColumns() = default;

  // Appends the values of the documents numbered from `first_docid` on, in order.
  void ReadDocuments(const Xapian::Database& database, Xapian::docid first_docid);

  // By docid: where its values begin in `values_` (docid + 1: where they end).
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> values_;  // value numbers, document after document
  // By value number, numbered as first met: the schema ids (kFacetIdBytes each) and the facets.
  std::string ids_;
  std::vector<uint8_t> facet_of_;
  // By facet: each schema id (as a number) with its value number, sorted by id.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> numbers_;
  // What the columns were read from, to tell whether a later revision can extend them.
  std::string uuid_;
  std::string replacement_count_;
  Xapian::docid last_docid_ = 0;
  std::unique_ptr<TermBitmaps> term_bitmaps_;
};

// The columns of the revision `revision_key` (Searcher::RevisionKey) of `database`, built on
// first use by the thread that asks and then shared; the last two revisions are kept, so
// readers of the previous one finish while the new one is in use. A revision that only added or
// deleted articles of the newest one kept is built from it (FacetColumns::Extended).
std::shared_ptr<const FacetColumns> FacetColumnsOf(const Xapian::Database& database,
                                                   const std::string& revision_key);

// How often FacetColumnsOf has read every article of a revision, and how often it has extended
// the columns of the revision before instead (for /metrics).
struct FacetColumnReads {
  unsigned long whole = 0;
  unsigned long extended = 0;
};
FacetColumnReads FacetColumnReadCounts();

// Counts the facets' values for every match a counting pass visits. It counts every facet's
// values (one run per match, cheaper than picking some out) and reports the facets asked for.
class FacetCountingSpy : public Xapian::MatchSpy {
 public:
  // `columns` must outlive the spy.
  explicit FacetCountingSpy(const FacetColumns& columns);
  ~FacetCountingSpy() override;

  FacetCountingSpy(const FacetCountingSpy&) = delete;
  FacetCountingSpy& operator=(const FacetCountingSpy&) = delete;

  void operator()(const Xapian::Document& document, double weight) override;

  // Counts the values of document `docid`, as a pass calling the spy would.
  void Count(Xapian::docid docid) {
    auto [value, end] = columns_.ValuesOf(docid);
    Xapian::doccount* counts = counts_.data();
    uint32_t* touched = touched_.data();
    size_t touched_count = touched_count_;
    for (; value != end; ++value) {
      // Without a branch: each value is written past the touched ones, and kept (the count
      // moves on) only when it was not counted before.
      touched[touched_count] = *value;
      touched_count += counts[*value]++ == 0;
    }
    touched_count_ = touched_count;
    touched_by_facet_.clear();
  }

  // Every value counted in facet number `facet`.
  CountedValues Counted(size_t facet) const;
  // Only those a list of the `limit` most frequent can show: the values at least as frequent
  // as the limit-th (all that tie with it). *cut says whether some were left out.
  CountedValues MostFrequent(size_t facet, size_t limit, bool* cut) const;

 private:
  const FacetColumns& columns_;
  // By value number (at least value_count() of them): borrowed from the thread's spare
  // arrays, all zero, and given back zeroed again.
  std::vector<Xapian::doccount> counts_;
  // The first `touched_count_` are the value numbers whose count is not 0; room for one more
  // than every value (Count writes one past the last before it knows whether to keep it).
  std::vector<uint32_t> touched_;
  size_t touched_count_ = 0;
  // The touched value numbers split by facet, made when first asked for after counting.
  const std::vector<uint32_t>& TouchedIn(size_t facet) const;
  mutable std::vector<std::vector<uint32_t>> touched_by_facet_;
};

// The spies that count some facets over one pass of matches: one FacetCountingSpy over
// `columns` when there are columns (local databases), else one ValueCountMatchSpy per facet.
class FacetCounters {
 public:
  // `facets`: facet numbers (indexes in Facets()); `columns` may be null, else must outlive this.
  FacetCounters(const FacetColumns* columns, std::vector<size_t> facets);

  // The spies to add to the pass's Enquire.
  std::vector<Xapian::MatchSpy*> spies();

  // Counts the documents `docids` without a pass: only when given columns.
  void CountDocuments(const std::vector<Xapian::docid>& docids);
  bool has_columns() const { return column_spy_ != nullptr; }
  // Counts every document holding all of `terms` (at least one), the matches of Xapian's AND
  // of them — no pass, no document object per match — and returns how many; false when
  // `deadline` passed first. Frequent terms are read from their bitmaps (TermBitmaps), the
  // others' posting lists walked. Only when given columns.
  bool CountConjunction(const Xapian::Database& database, const std::vector<std::string>& terms,
                        std::chrono::steady_clock::time_point deadline, Xapian::doccount* total);

  // Counts the matches of `query`, which must depend only on which terms an article holds
  // (MatchesByTermsAlone, with the query's `quorums`), from the terms' bitmaps and lists
  // (MatchBitmap) — no pass — and returns how many; false when `deadline` passed first. Only when
  // given columns.
  bool CountMatchBitmap(const Xapian::Database& database, const Xapian::Query& query,
                        const std::vector<TermQuorum>& quorums,
                        std::chrono::steady_clock::time_point deadline, Xapian::doccount* total);

  // What was counted, facet by facet in the order given.
  std::vector<CountedValues> Counted() const;
  // The same, cut to what a list of the `limit` most frequent can show in each facet (see
  // FacetCountingSpy::MostFrequent; Xapian's spies give everything). *cut: whether any was cut.
  std::vector<CountedValues> MostFrequent(size_t limit, bool* cut) const;

 private:
  // Counts the documents whose bits are set in `matches`; false when `deadline` passed first.
  bool CountBits(const TermBitmap& matches, std::chrono::steady_clock::time_point deadline,
                 Xapian::doccount* total);

  std::vector<size_t> facets_;
  const FacetColumns* columns_;
  std::unique_ptr<FacetCountingSpy> column_spy_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> value_spies_;
};

// Records the document numbers of the matches a ranking pass visits, up to `limit` of them: when
// the pass visited every match (few enough, counted exactly), they are counted from the columns
// and the counting pass is not needed. Local databases only, as the columns are.
class MatchRecorder : public Xapian::MatchSpy {
 public:
  explicit MatchRecorder(size_t limit) : limit_(limit) {}

  void operator()(const Xapian::Document& document, double weight) override;

  // Later matches are not recorded (a second pass of the same Enquire).
  void Stop() { stopped_ = true; }
  // Forgets what was recorded and records again (a pass that replaces the first).
  void Restart();

  // Every match of the recorded pass, when it counted `total` matches exactly (`exact`) and
  // they were all recorded; else null.
  const std::vector<Xapian::docid>* AllMatches(bool exact, Xapian::doccount total) const;

 private:
  const size_t limit_;
  std::vector<Xapian::docid> docids_;
  bool stopped_ = false;
  bool overflowed_ = false;  // more matches than `limit_`: docids_ is not all of them
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_FACET_COLUMNS_H_
