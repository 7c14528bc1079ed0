// facet_bench: the cost of counting a search's three facets and picking the most frequent values,
// per match, from vnsearch's facet columns, next to Xapian's own ValueCountMatchSpy over the same
// slots (the way a set of shards is counted) on the same matches. The matches are the documents of
// one folded word, chosen by how many documents hold it (2%, 10%, 25% and 50% of the index), so
// that any index gives the same kinds of match set.
// Then the whole count of a query of such words — two words, or any two of three (a quorum, as
// ranked questions have) — by a Xapian pass calling the columns' spy for each match, next to
// the matches worked out from term bitmaps (match_bitmap.h), kept or made on first use.
// Usage: facet_bench [--benchmark_* flags]   Env: VNSEARCH_BENCH_DB (an index vnsearch-index
// wrote).

#include <benchmark/benchmark.h>
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/schema.h"
#include "searchd/facet_columns.h"
#include "searchd/match_bitmap.h"
#include "searchd/quorum_source.h"

namespace {

constexpr size_t kShownValues = 10;  // vnsearchd's default facet_size

struct Index {
  Xapian::Database database;
  std::unique_ptr<vnsearch::FacetColumns> columns;
  // By percent of the documents: the folded word nearest that share, and its documents.
  std::map<int, std::string> words;
  std::map<int, std::vector<Xapian::docid>> matches;
};

Index& TheIndex() {
  static Index index;
  return index;
}

// The folded word whose document count is nearest `share` of the documents.
std::string WordNearest(const Xapian::Database& database, double share) {
  const std::string prefix = vnsearch::schema::kFolded;
  double wanted = share * database.get_doccount();
  std::string best;
  double best_distance = 0;
  for (Xapian::TermIterator term = database.allterms_begin(prefix);
       term != database.allterms_end(prefix); ++term) {
    double distance = std::abs(term.get_termfreq() - wanted);
    if (best.empty() || distance < best_distance) {
      best = *term;
      best_distance = distance;
    }
  }
  return best;
}

void SetMatchesProcessed(benchmark::State& state, int percent) {
  const Index& index = TheIndex();
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(index.matches.at(percent).size()));
  state.SetLabel(index.words.at(percent) + ", " + std::to_string(index.matches.at(percent).size()) +
                 " matches");
}

// vnsearchd's way on one local index: the columns, counted and cut to the values a list of ten
// can show.
void BM_FacetColumns(benchmark::State& state) {
  const int percent = static_cast<int>(state.range(0));
  const Index& index = TheIndex();
  const std::vector<Xapian::docid>& matches = index.matches.at(percent);
  for (auto _ : state) {
    vnsearch::FacetCounters counters(index.columns.get(), {0, 1, 2});
    counters.CountDocuments(matches);
    bool cut = false;
    benchmark::DoNotOptimize(counters.MostFrequent(kShownValues, &cut));
  }
  SetMatchesProcessed(state, percent);
}

// The reference: Xapian's ValueCountMatchSpy on each facet's slot over an unweighted pass of the
// same matches, its value lists split into ids and summed.
void BM_XapianValueSpies(benchmark::State& state) {
  const int percent = static_cast<int>(state.range(0));
  const Index& index = TheIndex();
  Xapian::Query word(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(index.words.at(percent)), 0);
  for (auto _ : state) {
    vnsearch::FacetCounters counters(nullptr, {0, 1, 2});
    Xapian::Enquire enquire(index.database);
    enquire.set_query(word);
    for (Xapian::MatchSpy* spy : counters.spies()) enquire.add_matchspy(spy);
    enquire.get_mset(0, 0, index.database.get_doccount());
    bool cut = false;
    benchmark::DoNotOptimize(counters.MostFrequent(kShownValues, &cut));
  }
  SetMatchesProcessed(state, percent);
}

void Shares(benchmark::internal::Benchmark* benchmark) {
  for (int percent : {2, 10, 25, 50}) benchmark->Arg(percent);
}

BENCHMARK(BM_FacetColumns)->Apply(Shares);
BENCHMARK(BM_XapianValueSpies)->Apply(Shares);

// The query counted by the benchmarks below: 0, the words of 10% and 25% of the documents; 1,
// any two of the words of 10%, 25% and 50% (a QuorumPostingSource, listed in `quorums`).
Xapian::Query CountedQuery(int kind, std::vector<vnsearch::TermQuorum>* quorums) {
  const Index& index = TheIndex();
  if (kind == 0) {
    return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(index.words.at(10)),
                         Xapian::Query(index.words.at(25)));
  }
  quorums->push_back({{index.words.at(10), index.words.at(25), index.words.at(50)}, 2});
  return vnsearch::QuorumPostingSource::Make(quorums->back().terms, quorums->back().quorum);
}

void SetQueryLabel(benchmark::State& state, Xapian::doccount matches) {
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(matches));
  state.SetLabel((state.range(0) == 0 ? "two words, " : "two of three words, ") +
                 std::to_string(matches) + " matches");
}

// The count as a query that is not a plain conjunction was made before bitmaps: an unweighted
// Xapian pass over the matches, the columns' spy counting each.
void BM_CountQueryByXapianPass(benchmark::State& state) {
  const Index& index = TheIndex();
  std::vector<vnsearch::TermQuorum> quorums;
  Xapian::Query query(Xapian::Query::OP_SCALE_WEIGHT,
                      CountedQuery(static_cast<int>(state.range(0)), &quorums), 0);
  Xapian::doccount matches = 0;
  for (auto _ : state) {
    vnsearch::FacetCounters counters(index.columns.get(), {0, 1, 2});
    Xapian::Enquire enquire(index.database);
    enquire.set_query(query);
    for (Xapian::MatchSpy* spy : counters.spies()) enquire.add_matchspy(spy);
    matches = enquire.get_mset(0, 0, index.database.get_doccount()).get_matches_estimated();
    bool cut = false;
    benchmark::DoNotOptimize(counters.MostFrequent(kShownValues, &cut));
  }
  SetQueryLabel(state, matches);
}

// vnsearchd's way: the matches worked out from the revision's term bitmaps (made by an earlier
// count), then counted from the columns.
void BM_CountQueryFromBitmaps(benchmark::State& state) {
  const Index& index = TheIndex();
  std::vector<vnsearch::TermQuorum> quorums;
  Xapian::Query query = CountedQuery(static_cast<int>(state.range(0)), &quorums);
  const auto far_off = std::chrono::steady_clock::now() + std::chrono::hours(1);
  Xapian::doccount matches = 0;
  for (auto _ : state) {
    vnsearch::FacetCounters counters(index.columns.get(), {0, 1, 2});
    counters.CountMatchBitmap(index.database, query, quorums, far_off, &matches);
    bool cut = false;
    benchmark::DoNotOptimize(counters.MostFrequent(kShownValues, &cut));
  }
  SetQueryLabel(state, matches);
}

// The same the first time a revision counts these words: each frequent word's bitmap is made
// from its posting list.
void BM_CountQueryFromBitmapsFirstUse(benchmark::State& state) {
  const Index& index = TheIndex();
  std::vector<vnsearch::TermQuorum> quorums;
  Xapian::Query query = CountedQuery(static_cast<int>(state.range(0)), &quorums);
  Xapian::doccount matches = 0;
  for (auto _ : state) {
    vnsearch::TermBitmaps fresh(index.database.get_lastdocid());
    std::optional<vnsearch::TermBitmap> bitmap =
        vnsearch::MatchBitmap(query, index.database, &fresh, quorums);
    vnsearch::FacetCountingSpy spy(*index.columns);
    matches = 0;
    for (size_t word = 0; word < bitmap->size(); ++word) {
      for (uint64_t bits = (*bitmap)[word]; bits != 0; bits &= bits - 1) {
        spy.Count(static_cast<Xapian::docid>(word * 64 + __builtin_ctzll(bits)));
        ++matches;
      }
    }
    bool cut = false;
    for (size_t facet = 0; facet < 3; ++facet) {
      benchmark::DoNotOptimize(spy.MostFrequent(facet, kShownValues, &cut));
    }
  }
  SetQueryLabel(state, matches);
}

BENCHMARK(BM_CountQueryByXapianPass)->Arg(0)->Arg(1);
BENCHMARK(BM_CountQueryFromBitmaps)->Arg(0)->Arg(1);
BENCHMARK(BM_CountQueryFromBitmapsFirstUse)->Arg(0)->Arg(1);

}  // namespace

int main(int argc, char** argv) {
  const char* path = std::getenv("VNSEARCH_BENCH_DB");
  if (path == nullptr || *path == '\0') {
    std::fprintf(stderr, "facet_bench: set VNSEARCH_BENCH_DB to an index vnsearch-index wrote\n");
    return 2;
  }
  Index& index = TheIndex();
  try {
    index.database = Xapian::Database(path);
  } catch (const Xapian::Error& error) {
    std::fprintf(stderr, "facet_bench: cannot open %s: %s\n", path,
                 error.get_description().c_str());
    return 2;
  }
  index.columns = std::make_unique<vnsearch::FacetColumns>(index.database);
  std::printf("facet_bench: %s, %u documents, facet columns %zu bytes\n", path,
              index.database.get_doccount(), index.columns->MemoryBytes());
  for (int percent : {2, 10, 25, 50}) {
    std::string word = WordNearest(index.database, percent / 100.0);
    index.words[percent] = word;
    std::vector<Xapian::docid>& matches = index.matches[percent];
    for (Xapian::PostingIterator it = index.database.postlist_begin(word);
         it != index.database.postlist_end(word); ++it) {
      matches.push_back(*it);
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
