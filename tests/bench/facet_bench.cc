// facet_bench: the cost of counting a search's three facets and picking the most frequent values,
// per match, from vnsearch's facet columns, next to Xapian's own ValueCountMatchSpy over the same
// slots (the way a set of shards is counted) on the same matches. The matches are the documents of
// one folded word, chosen by how many documents hold it (2%, 10%, 25% and 50% of the index), so
// that any index gives the same kinds of match set.
// Usage: facet_bench [--benchmark_* flags]   Env: VNSEARCH_BENCH_DB (an index vnsearch-index
// wrote).

#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "index/schema.h"
#include "searchd/facet_columns.h"

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
