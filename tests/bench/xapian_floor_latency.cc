// xapian_floor_latency: the floor of the HTTP load test — a stock Xapian query over vnsearch's own
// index (Xapian's QueryParser on the words as typed, default OR, plain BM25, the best 10; no
// facets, no snippets, no analysis of vnsearch's), timed per query in-process. Then the same
// Xapian search on the terms vnsearch's analysis gives the words (folded when typed without
// diacritics, exact otherwise), every word required as vnsearch requires it: what matching the
// query's own articles costs Xapian, without vnsearch's boosts, facets or snippets. The stock
// query looks for other terms when the words are typed without diacritics or in a spelling the
// index canonicalises ("hòa" is indexed "hoà"), and often finds other or no articles.
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

// Times `make_query` over every query, `rounds` times; prints a line headed `what`.
template <typename MakeQuery>
void TimeQueries(const Xapian::Database& database, const std::vector<std::string>& queries,
                 long rounds, const char* what, MakeQuery make_query) {
  std::vector<double> latencies_ms;
  size_t found_nothing = 0;
  for (long round = 0; round < rounds; ++round) {
    for (const std::string& typed : queries) {
      auto started = std::chrono::steady_clock::now();
      Xapian::Enquire enquire(database);
      enquire.set_query(make_query(typed));
      Xapian::MSet best = enquire.get_mset(0, 10);
      for (Xapian::MSetIterator it = best.begin(); it != best.end(); ++it) {
        (void)it.get_document().get_docid();
      }
      latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
      if (round == 0 && best.empty()) ++found_nothing;
    }
  }
  std::printf(
      "%s (BM25 top 10, same index, %zu queries x %ld rounds): p50 %.2f ms  p90 %.2f ms  "
      "p99 %.2f ms; %zu queries found nothing\n",
      what, queries.size(), rounds, vnsearch::bench::Percentile(latencies_ms, 0.5),
      vnsearch::bench::Percentile(latencies_ms, 0.9),
      vnsearch::bench::Percentile(latencies_ms, 0.99), found_nothing);
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
  TimeQueries(database, queries, rounds, "stock Xapian in-process (QueryParser)",
              [&](const std::string& typed) { return parser.parse_query(typed); });
  TimeQueries(database, queries, rounds,
              "stock Xapian in-process on the words' index terms, every word", IndexTermsQuery);
  return 0;
}
