// search_snapshot: every answer vnsearch gives to the benchmark queries, written out so that two
// versions of the code can be compared answer for answer (issue #13: a faster search must give
// the same ids, order, totals, facet counts, snippets and suggestions).
//
// Usage: search_snapshot --db DIR --queries FILE [--out FILE] [--against FILE]
//   writes one JSON line per request (the request, then the answer as /api/search sends it,
//   without took_ms, scores to 9 significant digits) to --out (default stdout); with --against,
//   compares them to a snapshot written before and exits 1 naming the requests whose answers
//   differ.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "searchd/search_answer.h"
#include "searchd/search_pool.h"
#include "searchd/searcher.h"

namespace {

using nlohmann::json;
using vnsearch::Searcher;
using vnsearch::SearchRequest;
using vnsearch::SearchResponse;
using vnsearch::SortOrder;

constexpr const char* kUsage =
    "Usage: search_snapshot --db DIR --queries FILE [--out FILE] [--against FILE]\n"
    "Searches the index at --db for every query of FILE (one a line) in several forms (first\n"
    "page, second page, newest first, without facets, filtered by the top unit, by the top\n"
    "person and term together, by a date range) and writes each request and its answer as one\n"
    "JSON line (the answer as /api/search sends it, without took_ms).\n"
    "\n"
    "  --out FILE      where to write the snapshot (default: standard output)\n"
    "  --against FILE  a snapshot written before: exit 1 when any answer differs from it\n";

json RequestJson(const SearchRequest& request) {
  return {{"q", request.query},
          {"page", request.page},
          {"sort", int(request.sort)},
          {"facets", request.with_facets},
          {"filters", request.filters},
          {"from", request.from},
          {"to", request.to}};
}

std::string TopValue(const SearchResponse& response, const std::string& facet) {
  auto found = response.facets.find(facet);
  if (found == response.facets.end() || found->second.empty()) return "";
  return found->second.front().value;
}

// The forms each query is asked in; filters are taken from the first answer's own facets.
std::vector<SearchRequest> RequestsFor(const std::string& query, Searcher* searcher) {
  SearchRequest first;
  first.query = query;
  std::vector<SearchRequest> requests = {first};
  SearchResponse answer = searcher->Search(first);
  SearchRequest second_page = first;
  second_page.page = 2;
  requests.push_back(second_page);
  SearchRequest newest = first;
  newest.sort = SortOrder::kDateDescending;
  requests.push_back(newest);
  SearchRequest no_facets = first;
  no_facets.with_facets = false;
  requests.push_back(no_facets);
  std::string unit = TopValue(answer, "unit");
  if (!unit.empty()) {
    SearchRequest by_unit = first;
    by_unit.filters["unit"] = {unit};
    requests.push_back(by_unit);
  }
  std::string person = TopValue(answer, "person");
  std::string term = TopValue(answer, "term");
  if (!person.empty() && !term.empty()) {
    SearchRequest by_two = first;
    by_two.filters["person"] = {person};
    by_two.filters["term"] = {term};
    requests.push_back(by_two);
  }
  SearchRequest dated = first;
  dated.from = "2020-01-01";
  dated.to = "2021-12-31";
  requests.push_back(dated);
  return requests;
}

// The answer as /api/search sends it, without took_ms, scores to 9 significant digits: a query
// tree of another shape adds the same weights in another order, which can change the last bits
// of a double (never the order of the hits, which is kept as it is).
json Answer(const SearchRequest& request, Searcher* searcher) {
  json answer;
  try {
    answer = json::parse(vnsearch::api::SearchAnswerText(searcher->Search(request)));
    answer.erase("took_ms");
    for (json& hit : answer["hits"]) {
      char rounded[32];
      std::snprintf(rounded, sizeof rounded, "%.9g", hit["score"].get<double>());
      hit["score"] = rounded;
    }
  } catch (const std::exception& error) {
    answer = {{"error", error.what()}};
  }
  return {{"request", RequestJson(request)}, {"answer", answer}};
}

}  // namespace

int main(int argc, char** argv) {
  std::string database, queries_file, out_file, against_file;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      std::cerr << "search_snapshot: " << flag << " needs a value\n" << kUsage;
      return 2;
    }
    std::string value = argv[++i];
    if (flag == "--db") {
      database = value;
    } else if (flag == "--queries") {
      queries_file = value;
    } else if (flag == "--out") {
      out_file = value;
    } else if (flag == "--against") {
      against_file = value;
    } else {
      std::cerr << "search_snapshot: unknown flag " << flag << "\n" << kUsage;
      return 2;
    }
  }
  if (database.empty() || queries_file.empty()) {
    std::cerr << "search_snapshot: --db and --queries are needed\n" << kUsage;
    return 2;
  }
  std::ifstream queries(queries_file);
  if (!queries) {
    std::cerr << "search_snapshot: cannot read " << queries_file << ": check the path\n";
    return 2;
  }
  Searcher searcher(database);
  // As vnsearchd searches: an idle pool thread shares the preparing of each page's hits.
  vnsearch::SearchPool helpers(1);
  searcher.PrepareHitsWith(
      [&](size_t count, const std::function<void(size_t)>& item,
          const std::function<void()>& first) { helpers.ForEach(count, item, first); });
  std::vector<json> lines;
  std::string query;
  while (std::getline(queries, query)) {
    if (query.empty()) continue;
    for (const SearchRequest& request : RequestsFor(query, &searcher)) {
      lines.push_back(Answer(request, &searcher));
    }
  }
  if (!out_file.empty()) {
    std::ofstream out(out_file);
    for (const json& line : lines) out << line.dump() << "\n";
    if (!out) {
      std::cerr << "search_snapshot: cannot write " << out_file << "\n";
      return 2;
    }
  } else if (against_file.empty()) {
    for (const json& line : lines) std::cout << line.dump() << "\n";
  }
  if (against_file.empty()) return 0;
  std::ifstream before(against_file);
  if (!before) {
    std::cerr << "search_snapshot: cannot read " << against_file << ": check the path\n";
    return 2;
  }
  size_t differing = 0, compared = 0;
  std::string line;
  for (; std::getline(before, line) && compared < lines.size(); ++compared) {
    if (json::parse(line) == lines[compared]) continue;
    if (++differing <= 10) {
      std::cout << "differs: " << lines[compared]["request"].dump() << "\n";
    }
  }
  bool complete = compared == lines.size() && !std::getline(before, line);
  std::cout << "search_snapshot: " << lines.size() << " answers, " << differing << " differ from "
            << against_file << (complete ? "" : " (whose requests differ)") << "\n";
  return differing == 0 && complete ? 0 : 1;
}
