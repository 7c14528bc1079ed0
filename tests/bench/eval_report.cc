// eval_report: a fixed-width text report, meant to be read in a terminal and diffed between runs
// (run.sh keeps it in <build-dir>/bench/known_item_eval.txt).

#include "eval_report.h"

#include <sched.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace vnsearch::bench {
namespace {

const char* FailureKindName(FailureKind kind) {
  switch (kind) {
    case FailureKind::kAmbiguous:
      return "ambiguous";
    case FailureKind::kOutranked:
      return "headline outranked";
    case FailureKind::kNotInTopTen:
      return "not in top 10";
  }
  return "?";
}

size_t CountOf(const std::map<FailureKind, size_t>& counts, FailureKind kind) {
  auto found = counts.find(kind);
  return found == counts.end() ? 0 : found->second;
}

// "2 cores (nproc), Intel(R) Xeon(R) ...": the cores this process may use, as nproc counts them.
std::string MachineDescription() {
  cpu_set_t cpus;
  int core_count = sched_getaffinity(0, sizeof cpus, &cpus) == 0
                       ? CPU_COUNT(&cpus)
                       : static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  std::string model = "unknown CPU";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      if (colon != std::string::npos) model = line.substr(line.find_first_not_of(" \t", colon + 1));
      break;
    }
  }
  return std::to_string(core_count) + " cores (nproc), " + model;
}

void PrintTableHeader(const char* title) {
  std::printf("\n%s\n", title);
  std::printf("%-22s %7s   %-24s   %-24s\n", "", "", "vnsearch", "SQLite FTS5");
  std::printf("%-22s %7s   %8s %6s %7s   %8s %6s %7s\n", "form", "queries", "MRR@10", "R@1", "ms/q",
              "MRR@10", "R@1", "ms/q");
}

void PrintScoreRow(QueryForm form, const EngineScore& vnsearch, const EngineScore& fts5) {
  std::printf("%-22s %7zu   %8.3f %6.3f %7.2f   %8.3f %6.3f %7.2f\n", QueryFormName(form),
              vnsearch.queries, vnsearch.MeanReciprocalRank(), vnsearch.RecallAtOne(),
              vnsearch.MeanMilliseconds(), fts5.MeanReciprocalRank(), fts5.RecallAtOne(),
              fts5.MeanMilliseconds());
}

void PrintFailure(const Failure& failure) {
  std::printf("  [%s] query \"%s\"\n", FailureKindName(failure.kind), failure.query.c_str());
  std::string where = failure.expected_rank ? "rank " + std::to_string(failure.expected_rank)
                                            : std::string("not in the top 10");
  std::printf("    expected %s \"%s\" (%s)\n", failure.expected_id.c_str(),
              failure.expected_title.c_str(), where.c_str());
  if (!failure.indexed_title.empty()) {
    std::printf("    vnsearch stored its title as \"%s\"\n", failure.indexed_title.c_str());
  }
  if (failure.first_id.empty()) {
    std::printf("    first    none%s%s\n", failure.first_title.empty() ? "" : ": ",
                failure.first_title.c_str());
  } else {
    std::printf("    first    %s \"%s\"\n", failure.first_id.c_str(), failure.first_title.c_str());
  }
}

}  // namespace

void EngineScore::Add(int rank, double query_milliseconds) {
  ++queries;
  if (rank > 0) reciprocal_rank_sum += 1.0 / rank;
  if (rank == 1) ++first_place;
  milliseconds += query_milliseconds;
}

double EngineScore::MeanReciprocalRank() const {
  return queries ? reciprocal_rank_sum / queries : 0.0;
}

double EngineScore::RecallAtOne() const {
  return queries ? static_cast<double>(first_place) / queries : 0.0;
}

double EngineScore::MeanMilliseconds() const { return queries ? milliseconds / queries : 0.0; }

void PrintEvalReport(const EvalSetting& setting, const std::map<QueryForm, FormScore>& scores) {
  std::printf("known-item evaluation: %zu headline fragments of 4-6 words, %zu articles in %s\n",
              setting.known_item_count, setting.article_count, setting.corpus_folder.c_str());
  std::printf("vnsearch: %s (%zu documents), plain words, top %d\n", setting.database.c_str(),
              setting.document_count, setting.results_per_query);
  std::printf(
      "FTS5: unicode61 remove_diacritics 2, every word quoted (AND), bm25(title 10, body 1), "
      "top %d; built in %.1f s (corpus read in %.1f s)\n",
      setting.results_per_query, setting.fts5_build_seconds, setting.corpus_read_seconds);
  std::printf("machine: %s\n", MachineDescription().c_str());
  std::printf("known items whose vnsearch title is not line 1 of the file: %zu\n",
              setting.retitled_count);

  PrintTableHeader("All queries (MRR@10; R@1 = recall@1; ms/q = mean time per query):");
  for (const auto& [form, score] : scores) PrintScoreRow(form, score.vnsearch, score.fts5);
  PrintTableHeader("Only the queries the form changed (\"as written\" changes none):");
  for (const auto& [form, score] : scores) {
    if (form != QueryForm::kAsWritten) {
      PrintScoreRow(form, score.vnsearch_changed, score.fts5_changed);
    }
  }

  std::printf("\nQueries ranked differently than the same fragment as written:\n");
  for (const auto& [form, score] : scores) {
    if (form == QueryForm::kAsWritten) continue;
    std::printf("%-22s vnsearch %3zu   FTS5 %3zu\n", QueryFormName(form), score.vnsearch_rank_moves,
                score.fts5_rank_moves);
  }

  for (const auto& [form, score] : scores) {
    size_t failure_count = 0;
    for (const auto& [kind, count] : score.failure_counts) failure_count += count;
    std::printf("\nvnsearch failures, %s: %zu of %zu not ranked first%s\n", QueryFormName(form),
                failure_count, score.vnsearch.queries,
                failure_count > score.shown_failures.size() ? " (first ones shown)" : "");
    std::printf(
        "  %zu ambiguous (the first hit's title also holds every query word), %zu headline "
        "outranked (it does not), %zu not in the top 10\n",
        CountOf(score.failure_counts, FailureKind::kAmbiguous),
        CountOf(score.failure_counts, FailureKind::kOutranked),
        CountOf(score.failure_counts, FailureKind::kNotInTopTen));
    for (const Failure& failure : score.shown_failures) PrintFailure(failure);
  }
}

}  // namespace vnsearch::bench
