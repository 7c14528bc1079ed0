// facet_columns: each facet is read from its value stream (Xapian reads a slot for every
// document in docid order, without touching the documents), from the first document or from the
// one after the last read; the facets' values are then laid out document by document, numbered
// in the order they are first met. Counting keeps, beside the counts, the list of values counted,
// so that a match set of ten articles is ranked from a few dozen values, not from every value of
// the index.

#include "searchd/facet_columns.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>

#include "index/schema.h"
#include "searchd/match_bitmap.h"

namespace vnsearch {

namespace {

uint64_t IdNumber(std::string_view id) {
  uint64_t number = 0;
  std::memcpy(&number, id.data(), sizeof number);
  return number;
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& database) {
  starts_ = {0, 0};  // docid 0 is never used: no values, and docid 1's begin where it ends
  numbers_.resize(Facets().size());
  ReadDocuments(database, 1);
}

std::unique_ptr<FacetColumns> FacetColumns::Extended(const FacetColumns& before,
                                                     const Xapian::Database& database) {
  if (before.uuid_.empty() || database.get_uuid() != before.uuid_) return nullptr;
  std::string replacement_count = database.get_metadata(schema::kReplacementCountMetadataKey);
  if (before.replacement_count_.empty() || replacement_count != before.replacement_count_ ||
      database.get_lastdocid() < before.last_docid_) {
    return nullptr;
  }
  std::unique_ptr<FacetColumns> extended(new FacetColumns());
  extended->starts_ = before.starts_;
  extended->values_ = before.values_;
  extended->ids_ = before.ids_;
  extended->facet_of_ = before.facet_of_;
  extended->numbers_ = before.numbers_;
  extended->ReadDocuments(database, before.last_docid_ + 1);
  return extended;
}

void FacetColumns::ReadDocuments(const Xapian::Database& database, Xapian::docid first_docid) {
  uuid_ = database.get_uuid();
  replacement_count_ = database.get_metadata(schema::kReplacementCountMetadataKey);
  last_docid_ = database.get_lastdocid();
  term_bitmaps_ = std::make_unique<TermBitmaps>(last_docid_);
  const size_t documents = last_docid_ >= first_docid ? last_docid_ - first_docid + 1 : 0;
  // Facet by facet, from the facet's value stream: the new documents' values, by their docid
  // less `first_docid`.
  struct FacetValues {
    std::vector<uint32_t> starts;
    std::vector<uint32_t> values;
  };
  std::vector<FacetValues> read(numbers_.size());
  for (size_t facet = 0; facet < numbers_.size(); ++facet) {
    FacetValues& column = read[facet];
    column.starts.reserve(documents + 1);
    std::vector<std::pair<uint64_t, uint32_t>>& numbers = numbers_[facet];
    // Ids new to the facet, numbered as they are met; merged into `numbers` at the end.
    std::unordered_map<uint64_t, uint32_t> added;
    auto number_of = [&](std::string_view id) {
      uint64_t key = IdNumber(id);
      auto known =
          std::lower_bound(numbers.begin(), numbers.end(), std::make_pair(key, uint32_t{0}));
      if (known != numbers.end() && known->first == key) return known->second;
      auto [found, is_new] = added.emplace(key, static_cast<uint32_t>(facet_of_.size()));
      if (is_new) {
        ids_.append(id);
        facet_of_.push_back(static_cast<uint8_t>(facet));
      }
      return found->second;
    };
    const Xapian::valueno slot = Facets()[facet].slot;
    Xapian::ValueIterator it = database.valuestream_begin(slot);
    if (first_docid > 1 && it != database.valuestream_end(slot)) it.skip_to(first_docid);
    for (; it != database.valuestream_end(slot); ++it) {
      size_t document = it.get_docid() - first_docid;
      // Documents without values up to this one end where they begin.
      while (column.starts.size() <= document) {
        column.starts.push_back(static_cast<uint32_t>(column.values.size()));
      }
      const std::string slot_value = *it;
      for (size_t at = 0; at + schema::kFacetIdBytes <= slot_value.size();
           at += schema::kFacetIdBytes) {
        column.values.push_back(
            number_of(std::string_view(slot_value).substr(at, schema::kFacetIdBytes)));
      }
    }
    while (column.starts.size() < documents + 1) {
      column.starts.push_back(static_cast<uint32_t>(column.values.size()));
    }
    numbers.insert(numbers.end(), added.begin(), added.end());
    std::sort(numbers.begin(), numbers.end());
    numbers.shrink_to_fit();
  }
  // Each document's values together, facet after facet.
  starts_.reserve(starts_.size() + documents);
  for (size_t document = 0; document < documents; ++document) {
    for (const FacetValues& column : read) {
      values_.insert(values_.end(), column.values.begin() + column.starts[document],
                     column.values.begin() + column.starts[document + 1]);
    }
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  }
  starts_.shrink_to_fit();
  values_.shrink_to_fit();
  ids_.shrink_to_fit();
  facet_of_.shrink_to_fit();
}

size_t FacetColumns::MemoryBytes() const {
  size_t bytes = starts_.capacity() * sizeof(uint32_t) + values_.capacity() * sizeof(uint32_t) +
                 ids_.capacity() + facet_of_.capacity();
  for (const auto& numbers : numbers_) bytes += numbers.capacity() * sizeof(numbers[0]);
  return bytes;
}

namespace {

std::mutex column_reads_mutex;
FacetColumnReads column_reads;

}  // namespace

FacetColumnReads FacetColumnReadCounts() {
  std::lock_guard<std::mutex> lock(column_reads_mutex);
  return column_reads;
}

std::shared_ptr<const FacetColumns> FacetColumnsOf(const Xapian::Database& database,
                                                   const std::string& revision_key) {
  // The columns of the newest revisions asked for, and the order they were built in. The lock
  // is held while a revision is built: the threads asking for it wait for the one building it
  // rather than each reading the index again.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const FacetColumns>> built;
  static std::vector<std::string> built_order;
  constexpr size_t kRevisionsKept = 2;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = built.find(revision_key);
  if (found != built.end()) return found->second;
  // A revision that only added or deleted articles extends the newest columns instead of reading
  // every article again.
  std::shared_ptr<const FacetColumns> columns;
  if (!built_order.empty()) columns = FacetColumns::Extended(*built[built_order.back()], database);
  bool extended = columns != nullptr;
  if (!extended) columns = std::make_shared<const FacetColumns>(database);
  {
    std::lock_guard<std::mutex> count_lock(column_reads_mutex);
    ++(extended ? column_reads.extended : column_reads.whole);
  }
  built[revision_key] = columns;
  built_order.push_back(revision_key);
  if (built_order.size() > kRevisionsKept) {
    built.erase(built_order.front());
    built_order.erase(built_order.begin());
  }
  return columns;
}

namespace {

// Count arrays, every entry zero, and arrays for the touched values, kept by each thread from
// one counting pass to the next: an array has an entry for each value (tens of thousands),
// which a pass would otherwise allocate and zero whatever the number of matches.
struct SpareArrays {
  std::vector<std::vector<Xapian::doccount>> counts;
  std::vector<std::vector<uint32_t>> touched;
};
SpareArrays& ThisThreadSpareArrays() {
  thread_local SpareArrays spare;
  return spare;
}

template <typename Array>
Array Borrow(std::vector<Array>* spare, size_t size) {
  Array array;
  if (!spare->empty()) {
    array = std::move(spare->back());
    spare->pop_back();
  }
  if (array.size() < size) array.resize(size);
  return array;
}

}  // namespace

FacetCountingSpy::FacetCountingSpy(const FacetColumns& columns) : columns_(columns) {
  SpareArrays& spare = ThisThreadSpareArrays();
  counts_ = Borrow(&spare.counts, columns.value_count());
  touched_ = Borrow(&spare.touched, columns.value_count() + 1);
}

FacetCountingSpy::~FacetCountingSpy() {
  for (size_t i = 0; i < touched_count_; ++i) counts_[touched_[i]] = 0;
  SpareArrays& spare = ThisThreadSpareArrays();
  spare.counts.push_back(std::move(counts_));
  spare.touched.push_back(std::move(touched_));
}

void FacetCountingSpy::operator()(const Xapian::Document& document, double) {
  Count(document.get_docid());
}

const std::vector<uint32_t>& FacetCountingSpy::TouchedIn(size_t facet) const {
  if (touched_by_facet_.empty()) {
    touched_by_facet_.resize(Facets().size());
    for (size_t i = 0; i < touched_count_; ++i) {
      touched_by_facet_[columns_.facet_of(touched_[i])].push_back(touched_[i]);
    }
  }
  return touched_by_facet_[facet];
}

CountedValues FacetCountingSpy::Counted(size_t facet) const {
  CountedValues counted;
  const std::vector<uint32_t>& touched = TouchedIn(facet);
  counted.reserve(touched.size());
  for (uint32_t value : touched) counted.emplace_back(counts_[value], columns_.id(value));
  return counted;
}

CountedValues FacetCountingSpy::MostFrequent(size_t facet, size_t limit, bool* cut) const {
  *cut = false;
  const std::vector<uint32_t>& touched = TouchedIn(facet);
  if (limit == 0 || touched.size() <= limit) return Counted(facet);
  // The limit-th largest count, in one pass: a heap of the `limit` largest counts met so far,
  // the least of them on top (most counts are below it and cost one comparison).
  std::vector<Xapian::doccount> largest;
  largest.reserve(limit);
  auto more = std::greater<Xapian::doccount>();
  for (uint32_t value : touched) {
    Xapian::doccount count = counts_[value];
    if (largest.size() < limit) {
      largest.push_back(count);
      std::push_heap(largest.begin(), largest.end(), more);
    } else if (count > largest.front()) {
      std::pop_heap(largest.begin(), largest.end(), more);
      largest.back() = count;
      std::push_heap(largest.begin(), largest.end(), more);
    }
  }
  const Xapian::doccount least = largest.front();
  CountedValues counted;
  for (uint32_t value : touched) {
    if (counts_[value] >= least) counted.emplace_back(counts_[value], columns_.id(value));
  }
  *cut = counted.size() < touched.size();
  return counted;
}

FacetCounters::FacetCounters(const FacetColumns* columns, std::vector<size_t> facets)
    : facets_(std::move(facets)), columns_(columns) {
  if (columns != nullptr) {
    column_spy_ = std::make_unique<FacetCountingSpy>(*columns);
    return;
  }
  for (size_t facet : facets_) {
    value_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(Facets()[facet].slot));
  }
}

std::vector<Xapian::MatchSpy*> FacetCounters::spies() {
  if (column_spy_) return {column_spy_.get()};
  std::vector<Xapian::MatchSpy*> spies;
  for (auto& spy : value_spies_) spies.push_back(spy.get());
  return spies;
}

void FacetCounters::CountDocuments(const std::vector<Xapian::docid>& docids) {
  for (Xapian::docid docid : docids) column_spy_->Count(docid);
}

bool FacetCounters::CountConjunction(const Xapian::Database& database,
                                     const std::vector<std::string>& terms,
                                     std::chrono::steady_clock::time_point deadline,
                                     Xapian::doccount* total) {
  *total = 0;
  // Frequent terms are looked up in their bitmaps. The rarest of the others leads: each of its
  // documents is looked for in the other lists, which skip ahead to it (and the leader then to
  // whatever document they stopped at), and then in the bitmaps.
  std::vector<std::pair<Xapian::doccount, std::string>> by_frequency;
  for (const std::string& term : terms)
    by_frequency.emplace_back(database.get_termfreq(term), term);
  std::sort(by_frequency.begin(), by_frequency.end());
  std::vector<std::shared_ptr<const TermBitmap>> bitmaps;
  std::vector<Xapian::PostingIterator> lists;
  for (const auto& [frequency, term] : by_frequency) {
    std::shared_ptr<const TermBitmap> bitmap =
        columns_->term_bitmaps().Of(database, term, frequency);
    if (bitmap)
      bitmaps.push_back(std::move(bitmap));
    else
      lists.push_back(database.postlist_begin(term));
  }
  if (lists.empty()) {
    TermBitmap everywhere = *bitmaps.front();
    for (size_t i = 1; i < bitmaps.size(); ++i) {
      for (size_t word = 0; word < everywhere.size(); ++word)
        everywhere[word] &= (*bitmaps[i])[word];
    }
    return CountBits(everywhere, deadline, total);
  }
  auto in_bitmaps = [&bitmaps](Xapian::docid docid) {
    for (const std::shared_ptr<const TermBitmap>& bitmap : bitmaps) {
      if (docid / 64 >= bitmap->size() || ((*bitmap)[docid / 64] >> (docid % 64) & 1) == 0) {
        return false;
      }
    }
    return true;
  };
  const Xapian::PostingIterator end;
  if (lists[0] == end) return true;
  Xapian::docid candidate = *lists[0];
  // The clock is read every so many candidates, matching or not: lists that seldom meet are
  // walked far between matches.
  constexpr size_t kCandidatesBetweenClockChecks = 1024;
  for (size_t candidates = 1;; ++candidates) {
    if (candidates % kCandidatesBetweenClockChecks == 0 &&
        std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    bool everywhere = true;
    for (size_t i = 1; i < lists.size(); ++i) {
      lists[i].skip_to(candidate);
      if (lists[i] == end) return true;
      if (*lists[i] != candidate) {
        lists[0].skip_to(*lists[i]);
        everywhere = false;
        break;
      }
    }
    if (everywhere) {
      if (in_bitmaps(candidate)) {
        column_spy_->Count(candidate);
        ++*total;
      }
      ++lists[0];
    }
    if (lists[0] == end) return true;
    candidate = *lists[0];
  }
}

bool FacetCounters::CountMatchBitmap(const Xapian::Database& database, const Xapian::Query& query,
                                     const std::vector<TermQuorum>& quorums,
                                     std::chrono::steady_clock::time_point deadline,
                                     Xapian::doccount* total) {
  *total = 0;
  std::optional<TermBitmap> matches =
      MatchBitmap(query, database, &columns_->term_bitmaps(), quorums);
  return matches && CountBits(*matches, deadline, total);
}

bool FacetCounters::CountBits(const TermBitmap& matches,
                              std::chrono::steady_clock::time_point deadline,
                              Xapian::doccount* total) {
  constexpr size_t kWordsBetweenClockChecks = 4096;
  for (size_t word = 0; word < matches.size(); ++word) {
    if (word % kWordsBetweenClockChecks == 0 && std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    // Each set bit, lowest first (__builtin_ctzll: its number; C++20's std::countr_zero).
    for (uint64_t bits = matches[word]; bits != 0; bits &= bits - 1) {
      column_spy_->Count(static_cast<Xapian::docid>(word * 64 + __builtin_ctzll(bits)));
      ++*total;
    }
  }
  return true;
}

std::vector<CountedValues> FacetCounters::MostFrequent(size_t limit, bool* cut) const {
  *cut = false;
  if (!column_spy_) return Counted();
  std::vector<CountedValues> counted;
  for (size_t facet : facets_) {
    bool facet_cut = false;
    counted.push_back(column_spy_->MostFrequent(facet, limit, &facet_cut));
    *cut = *cut || facet_cut;
  }
  return counted;
}

std::vector<CountedValues> FacetCounters::Counted() const {
  std::vector<CountedValues> counted;
  for (size_t i = 0; i < facets_.size(); ++i) {
    counted.push_back(column_spy_ ? column_spy_->Counted(facets_[i])
                                  : CountedFromSpy(*value_spies_[i]));
  }
  return counted;
}

void MatchRecorder::operator()(const Xapian::Document& document, double) {
  if (stopped_) return;
  if (docids_.size() == limit_) {
    overflowed_ = true;
    stopped_ = true;
    return;
  }
  docids_.push_back(document.get_docid());
}

void MatchRecorder::Restart() {
  docids_.clear();
  stopped_ = false;
  overflowed_ = false;
}

const std::vector<Xapian::docid>* MatchRecorder::AllMatches(bool exact,
                                                            Xapian::doccount total) const {
  if (!exact || overflowed_ || docids_.size() != total) return nullptr;
  return &docids_;
}

}  // namespace vnsearch
