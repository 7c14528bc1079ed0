// known_item_eval: how often vnsearch puts a known article first when a reader types part of its
// headline in the four ways Vietnamese gets typed, next to SQLite FTS5 over the same files.
// Usage: known_item_eval --corpus DIR --db DIR [--queries N]   (see kUsage)

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "fts5_reference.h"
#include "query_forms.h"
#include "searchd/searcher.h"

namespace {

using vnsearch::bench::BenchArticle;
using vnsearch::bench::QueryForm;

constexpr const char* kUsage =
    "Usage: known_item_eval --corpus DIR --db DIR [--queries N]\n"
    "Picks N headlines of the corpus (every k-th article with at least 5 words in its title),\n"
    "queries 4-6 consecutive title words in four forms (as written, no diacritics, other tone\n"
    "placement, NFD) against the vnsearch index at --db and against SQLite FTS5 built in memory\n"
    "over the same files, and prints MRR@10 and recall@1 for each.\n"
    "\n"
    "  --corpus DIR   folder of .txt articles the index was built from (env "
    "VNSEARCH_BENCH_CORPUS,\n"
    "                 default ../shared/bench/vnnews-20k beside the checkout)\n"
    "  --db DIR       vnsearch index of that folder (vnsearch-index --db DIR CORPUS)\n"
    "  --queries N    number of known items (default 300)\n";

constexpr int kResultsPerQuery = 10;  // MRR@10: ranks beyond 10 count as misses
constexpr size_t kMinTitleWords = 5;
constexpr size_t kFailuresShown = 10;

struct Options {
  std::string corpus_folder = vnsearch::bench::DefaultCorpusFolder();
  std::string database;
  size_t query_count = 300;
};

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    bool has_value = i + 1 < argc;
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (argument == "--corpus" && has_value) {
      options->corpus_folder = argv[++i];
    } else if (argument == "--db" && has_value) {
      options->database = argv[++i];
    } else if (argument == "--queries" && has_value) {
      long count = std::strtol(argv[++i], nullptr, 10);
      if (count <= 0) {
        std::cerr << "known_item_eval: --queries wants a positive number, not " << argv[i] << "\n";
        return false;
      }
      options->query_count = static_cast<size_t>(count);
    } else {
      std::cerr << "known_item_eval: unknown or incomplete option " << argument << "\n" << kUsage;
      return false;
    }
  }
  if (options->database.empty()) {
    std::cerr << "known_item_eval: --db is required: build one with "
                 "vnsearch-index --db DIR "
              << options->corpus_folder << "\n"
              << kUsage;
    return false;
  }
  return true;
}

// One known item: a headline fragment and the article it came from.
struct KnownItem {
  size_t article_index = 0;
  std::string fragment;  // 4-6 headline words, as written, joined by single spaces
};

// Every k-th article whose headline has enough words, so the picks spread over the whole corpus
// and are the same on every run. Fragment length (4, 5, 6) and start rotate with the pick number.
std::vector<KnownItem> PickKnownItems(const std::vector<BenchArticle>& articles, size_t count) {
  std::vector<size_t> eligible;
  std::vector<std::vector<std::string>> title_words(articles.size());
  for (size_t index = 0; index < articles.size(); ++index) {
    title_words[index] = vnsearch::bench::HeadlineWords(articles[index].Title());
    if (title_words[index].size() >= kMinTitleWords) eligible.push_back(index);
  }
  std::vector<KnownItem> items;
  if (eligible.empty()) return items;
  size_t stride = std::max<size_t>(1, eligible.size() / count);
  for (size_t pick = 0; pick < count && pick * stride < eligible.size(); ++pick) {
    size_t article_index = eligible[pick * stride];
    const std::vector<std::string>& words = title_words[article_index];
    size_t length = std::min(words.size(), 4 + pick % 3);
    size_t start = (pick * 7) % (words.size() - length + 1);
    KnownItem item;
    item.article_index = article_index;
    for (size_t i = start; i < start + length; ++i) {
      if (!item.fragment.empty()) item.fragment += ' ';
      item.fragment += words[i];
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<std::string> SplitAtSpaces(const std::string& text) {
  std::vector<std::string> words;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// A query vnsearch did not answer with the expected article first.
struct Failure {
  std::string query;
  std::string expected_id;
  std::string expected_title;  // line 1 of the article file
  std::string indexed_title;   // the title vnsearch stored, when it differs from line 1
  int expected_rank = 0;       // 2..10, or 0 when not in the top 10
  std::string first_id;        // empty when nothing matched
  std::string first_title;
};

// Ranking quality of one engine over the queries of one form.
struct EngineScore {
  double reciprocal_rank_sum = 0;
  size_t first_place = 0;
  double milliseconds = 0;

  void Add(int rank) {  // rank: 1-based, or 0 for a miss
    if (rank > 0) reciprocal_rank_sum += 1.0 / rank;
    if (rank == 1) ++first_place;
  }
};

struct FormScore {
  size_t queries = 0;
  EngineScore vnsearch;
  EngineScore fts5;
  // The same, over only the queries this form changed (the tone form leaves most untouched).
  size_t changed = 0;
  EngineScore vnsearch_changed;
  EngineScore fts5_changed;
  // Queries whose rank differs from that of the same fragment as written: 0 means the engine
  // treats this form exactly like the written one.
  size_t vnsearch_rank_moves = 0;
  size_t fts5_rank_moves = 0;
  std::vector<Failure> failures;
  size_t failure_count = 0;
};

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

double Since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
      .count();
}

void PrintScoreRow(const char* label, size_t queries, const EngineScore& vnsearch,
                   const EngineScore& fts5) {
  auto mrr = [&](const EngineScore& score) {
    return queries ? score.reciprocal_rank_sum / queries : 0.0;
  };
  auto recall = [&](const EngineScore& score) {
    return queries ? static_cast<double>(score.first_place) / queries : 0.0;
  };
  auto latency = [&](const EngineScore& score) {
    return queries ? score.milliseconds / queries : 0.0;
  };
  std::printf("%-22s %7zu   %8.3f %6.3f %7.2f   %8.3f %6.3f %7.2f\n", label, queries, mrr(vnsearch),
              recall(vnsearch), latency(vnsearch), mrr(fts5), recall(fts5), latency(fts5));
}

void PrintTableHeader(const char* title) {
  std::printf("\n%s\n", title);
  std::printf("%-22s %7s   %-24s   %-24s\n", "", "", "vnsearch", "SQLite FTS5");
  std::printf("%-22s %7s   %8s %6s %7s   %8s %6s %7s\n", "form", "queries", "MRR@10", "R@1", "ms/q",
              "MRR@10", "R@1", "ms/q");
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return 2;

  auto started = std::chrono::steady_clock::now();
  std::vector<std::string> errors;
  std::vector<BenchArticle> articles =
      vnsearch::bench::ReadBenchCorpus(options.corpus_folder, 0, &errors);
  for (const std::string& error : errors) std::cerr << "known_item_eval: " << error << "\n";
  if (articles.empty()) {
    std::cerr << "known_item_eval: no articles under " << options.corpus_folder
              << ": point --corpus (or VNSEARCH_BENCH_CORPUS) at a folder of .txt articles\n";
    return 1;
  }
  double read_ms = Since(started);

  std::vector<KnownItem> items = PickKnownItems(articles, options.query_count);
  started = std::chrono::steady_clock::now();
  std::unique_ptr<vnsearch::bench::Fts5Reference> fts5;
  std::unique_ptr<vnsearch::Searcher> searcher;
  try {
    fts5 = std::make_unique<vnsearch::bench::Fts5Reference>(articles);
  } catch (const std::exception& error) {
    std::cerr << "known_item_eval: cannot build the FTS5 reference: " << error.what() << "\n";
    return 1;
  }
  double fts5_build_ms = Since(started);
  try {
    searcher = std::make_unique<vnsearch::Searcher>(options.database);
  } catch (const Xapian::Error& error) {
    std::cerr << "known_item_eval: cannot open the vnsearch index " << options.database << ": "
              << error.get_description() << " (build it with vnsearch-index --db "
              << options.database << " " << options.corpus_folder << ")\n";
    return 1;
  }

  // vnsearch's article parser may take another line than the first for the title (it skips
  // lines that look like site chrome); such articles cannot be found by their headline.
  size_t retitled_count = 0;
  std::map<QueryForm, FormScore> scores;
  for (const KnownItem& item : items) {
    const BenchArticle& expected = articles[item.article_index];
    std::optional<nlohmann::json> stored = searcher->GetArticle(expected.article_id);
    std::string indexed_title =
        !stored ? std::string("(not in the index)") : stored->value("title", std::string());
    if (indexed_title == expected.Title()) indexed_title.clear();
    retitled_count += !indexed_title.empty();
    int vnsearch_rank_as_written = 0;  // set by the first form, kAsWritten
    int fts5_rank_as_written = 0;
    for (QueryForm form : vnsearch::bench::kAllQueryForms) {
      std::string query = vnsearch::bench::MakeQueryForm(form, item.fragment);
      bool changed = query != item.fragment;
      FormScore& score = scores[form];
      ++score.queries;
      score.changed += changed;

      int vnsearch_rank = 0;
      Failure failure{
          query, expected.article_id, std::string(expected.Title()), indexed_title, 0, "", ""};
      auto query_started = std::chrono::steady_clock::now();
      try {
        vnsearch::SearchResponse response =
            searcher->Search({query, /*page=*/1, /*size=*/kResultsPerQuery});
        for (size_t i = 0; i < response.hits.size(); ++i) {
          if (response.hits[i].id == expected.article_id) {
            vnsearch_rank = static_cast<int>(i) + 1;
            break;
          }
        }
        if (!response.hits.empty()) {
          failure.first_id = response.hits[0].id;
          failure.first_title = response.hits[0].title;
        }
      } catch (const std::exception& error) {
        failure.first_title = std::string("error: ") + error.what();
      }
      double vnsearch_ms = Since(query_started);

      int fts5_rank = 0;
      query_started = std::chrono::steady_clock::now();
      try {
        std::vector<size_t> ranked = fts5->Search(SplitAtSpaces(query), kResultsPerQuery);
        for (size_t i = 0; i < ranked.size(); ++i) {
          if (ranked[i] == item.article_index) {
            fts5_rank = static_cast<int>(i) + 1;
            break;
          }
        }
      } catch (const std::exception& error) {
        std::cerr << "known_item_eval: " << error.what() << " (counted as a miss)\n";
      }
      double fts5_ms = Since(query_started);

      if (form == QueryForm::kAsWritten) {
        vnsearch_rank_as_written = vnsearch_rank;
        fts5_rank_as_written = fts5_rank;
      }
      score.vnsearch_rank_moves += vnsearch_rank != vnsearch_rank_as_written;
      score.fts5_rank_moves += fts5_rank != fts5_rank_as_written;
      score.vnsearch.Add(vnsearch_rank);
      score.vnsearch.milliseconds += vnsearch_ms;
      score.fts5.Add(fts5_rank);
      score.fts5.milliseconds += fts5_ms;
      if (changed) {
        score.vnsearch_changed.Add(vnsearch_rank);
        score.vnsearch_changed.milliseconds += vnsearch_ms;
        score.fts5_changed.Add(fts5_rank);
        score.fts5_changed.milliseconds += fts5_ms;
      }
      if (vnsearch_rank != 1) {
        ++score.failure_count;
        if (score.failures.size() < kFailuresShown) {
          failure.expected_rank = vnsearch_rank;
          score.failures.push_back(std::move(failure));
        }
      }
    }
  }

  std::printf("known-item evaluation: %zu headline fragments of 4-6 words, %zu articles in %s\n",
              items.size(), articles.size(), options.corpus_folder.c_str());
  std::printf("vnsearch: %s (%u documents), plain words, top %d\n", options.database.c_str(),
              searcher->DocumentCount(), kResultsPerQuery);
  std::printf(
      "FTS5: unicode61 remove_diacritics 2, every word quoted (AND), bm25(title 10, "
      "body 1), top %d; built in %.1f s (corpus read in %.1f s)\n",
      kResultsPerQuery, fts5_build_ms / 1000, read_ms / 1000);
  std::printf("machine: %s\n", MachineDescription().c_str());
  std::printf("known items whose vnsearch title is not line 1 of the file: %zu\n", retitled_count);

  PrintTableHeader("All queries (MRR@10; R@1 = recall@1; ms/q = mean time per query):");
  for (QueryForm form : vnsearch::bench::kAllQueryForms) {
    const FormScore& score = scores[form];
    PrintScoreRow(vnsearch::bench::QueryFormName(form), score.queries, score.vnsearch, score.fts5);
  }
  PrintTableHeader("Only the queries the form changed (\"as written\" changes none):");
  for (QueryForm form : vnsearch::bench::kAllQueryForms) {
    if (form == QueryForm::kAsWritten) continue;
    const FormScore& score = scores[form];
    PrintScoreRow(vnsearch::bench::QueryFormName(form), score.changed, score.vnsearch_changed,
                  score.fts5_changed);
  }

  std::printf("\nQueries ranked differently than the same fragment as written:\n");
  for (QueryForm form : vnsearch::bench::kAllQueryForms) {
    if (form == QueryForm::kAsWritten) continue;
    const FormScore& score = scores[form];
    std::printf("%-22s vnsearch %3zu   FTS5 %3zu\n", vnsearch::bench::QueryFormName(form),
                score.vnsearch_rank_moves, score.fts5_rank_moves);
  }

  for (QueryForm form : vnsearch::bench::kAllQueryForms) {
    const FormScore& score = scores[form];
    std::printf("\nvnsearch failures, %s: %zu of %zu not ranked first%s\n",
                vnsearch::bench::QueryFormName(form), score.failure_count, score.queries,
                score.failure_count > score.failures.size() ? " (first ones shown)" : "");
    for (const Failure& failure : score.failures) {
      std::printf("  query \"%s\"\n", failure.query.c_str());
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
        std::printf("    first    %s \"%s\"\n", failure.first_id.c_str(),
                    failure.first_title.c_str());
      }
    }
  }
  return 0;
}
