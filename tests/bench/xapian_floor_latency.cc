// xapian_floor_latency: the floor of the HTTP load test — a stock Xapian query over vnsearch's own
// index (Xapian's QueryParser on the words as typed, default OR, plain BM25, the best 10; no
// facets, no snippets, no analysis of vnsearch's), timed per query in-process. Then the same
// Xapian search on the terms vnsearch's analysis gives the words (folded when typed without
// diacritics, exact otherwise), every word required as vnsearch requires it: what matching the
// query's own articles costs Xapian, without vnsearch's boosts, facets or snippets. The stock
// query looks for other terms when the words are typed without diacritics or in a spelling the
// index canonicalises ("hòa" is indexed "hoà"), and often finds other or no articles. Last,
// vnsearch's own search in the same process (Searcher::Search, as /api/search computes it, with
// an idle thread sharing the hits as in vnsearchd, but no HTTP and no JSON): the floor's
// like-for-like, with each p50's ratio to the floor's.
// Usage: xapian_floor_latency --db DIR --queries FILE [--rounds N]

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/command_line.h"
#include "index/schema.h"
#include "latency.h"
#include "searchd/search_pool.h"
#include "searchd/searcher.h"

namespace {

// The query's words as vnsearch indexes them, every one required.
Xapian::Query IndexTermsQuery(const std::string& typed) {
  std::vector<Xapian::Query> words;
  if (vnsearch::HasDiacritics(typed)) {
    for (const std::string& exact : vnsearch::ExactTerms(typed)) words.emplace_back(exact);
  } else {
    for (const std::string& folded : vnsearch::FoldedTerms(typed)) {
      words.emplace_back(vnsearch::schema::kFolded + folded);
    }
  }
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

// Times `run` (one search of a query, returning how many hits it found) over every query,
// `rounds` times; prints a line headed `what` and returns the p50 in ms.
template <typename RunQuery>
double TimeQueries(const std::vector<std::string>& queries, long rounds, const char* what,
                   RunQuery run) {
  std::vector<double> latencies_ms;
  size_t found_nothing = 0;
  for (long round = 0; round < rounds; ++round) {
    for (const std::string& typed : queries) {
      auto started = std::chrono::steady_clock::now();
      size_t hits = run(typed);
      latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
      if (round == 0 && hits == 0) ++found_nothing;
    }
  }
  double p50 = vnsearch::bench::Percentile(latencies_ms, 0.5);
  std::printf(
      "%s (top 10, same index, %zu queries x %ld rounds): p50 %.2f ms  p90 %.2f ms  "
      "p99 %.2f ms; %zu queries found nothing\n",
      what, queries.size(), rounds, p50, vnsearch::bench::Percentile(latencies_ms, 0.9),
      vnsearch::bench::Percentile(latencies_ms, 0.99), found_nothing);
  return p50;
}

// A stock Xapian search of `query`: BM25, the best 10, each hit's document fetched.
size_t StockSearch(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  Xapian::MSet best = enquire.get_mset(0, 10);
  for (Xapian::MSetIterator it = best.begin(); it != best.end(); ++it) {
    (void)it.get_document().get_docid();
  }
  return best.size();
}

}  // namespace

int main(int argc, char** argv) {
  std::string database_path, queries_path;
  long rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") {
      database_path = argv[i + 1];
    } else if (flag == "--queries") {
      queries_path = argv[i + 1];
    } else if (flag == "--rounds") {
      if (!vnsearch::ParseFlagNumber(argv[i + 1], 1, 1000, &rounds)) {
        std::cerr << "xapian_floor_latency: --rounds takes a number from 1 to 1000\n";
        return 2;
      }
    } else {
      std::cerr << "usage: xapian_floor_latency --db DIR --queries FILE [--rounds N]\n";
      return 2;
    }
  }
  std::vector<std::string> queries = vnsearch::bench::ReadQueryLines(queries_path);
  if (queries.empty() || database_path.empty()) {
    std::cerr << "xapian_floor_latency: pass --db DIR and --queries FILE (one query a line)\n";
    return 2;
  }
  Xapian::Database database(database_path);
  Xapian::QueryParser parser;
  parser.set_database(database);
  double stock_p50 = TimeQueries(
      queries, rounds, "stock Xapian in-process (QueryParser, BM25)",
      [&](const std::string& typed) { return StockSearch(database, parser.parse_query(typed)); });
  double index_terms_p50 = TimeQueries(
      queries, rounds, "stock Xapian in-process on the words' index terms, every word",
      [&](const std::string& typed) { return StockSearch(database, IndexTermsQuery(typed)); });
  vnsearch::Searcher searcher(database_path);
  searcher.ReadFacetColumns();  // as vnsearchd does on starting
  vnsearch::SearchPool helpers(1);
  searcher.PrepareHitsWith(
      [&](size_t count, const std::function<void(size_t)>& item,
          const std::function<void()>& first) { helpers.ForEach(count, item, first); });
  double vnsearch_p50 = TimeQueries(
      queries, rounds, "vnsearch in-process (3 facets, snippets, suggestion; no HTTP, no JSON)",
      [&](const std::string& typed) -> size_t {
        vnsearch::SearchRequest request;
        request.query = typed;
        try {
          return searcher.Search(request).hits.size();
        } catch (const std::runtime_error&) {  // a query vnsearchd answers with a 400
          return 0;
        }
      });
  std::printf("vnsearch in-process p50 / stock p50: %.1fx (QueryParser), %.1fx (index terms)\n",
              vnsearch_p50 / stock_p50, vnsearch_p50 / index_terms_p50);
  return 0;
}
