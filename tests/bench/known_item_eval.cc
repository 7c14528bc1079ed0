// known_item_eval: how often vnsearch puts a known article first when a reader types part of its
// headline in the four ways Vietnamese gets typed, next to SQLite FTS5 over the same files.
// Usage: known_item_eval --corpus DIR --db DIR [--queries N]   (see kUsage)

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "bench_corpus.h"
#include "eval_report.h"
#include "fts5_reference.h"
#include "index/command_line.h"
#include "known_items.h"
#include "query_forms.h"
#include "searchd/searcher.h"

namespace {

using vnsearch::bench::BenchArticle;
using vnsearch::bench::Failure;
using vnsearch::bench::FailureKind;
using vnsearch::bench::FormScore;
using vnsearch::bench::KnownItem;
using vnsearch::bench::QueryForm;

constexpr const char* kUsage =
    "Usage: known_item_eval --corpus DIR --db DIR [--queries N] [--ranked-from N]\n"
    "Picks N headlines of the corpus (every k-th article with at least 5 words in its title),\n"
    "queries 4-6 consecutive title words in four forms (as written, no diacritics, other tone\n"
    "placement, NFD) against the vnsearch index at --db and against SQLite FTS5 built in memory\n"
    "over the same files, and prints MRR@10 and recall@1 for each.\n"
    "\n"
    "  --corpus DIR   the folder of .txt articles the index was built from\n"
    "                 (env VNSEARCH_BENCH_CORPUS, default ../shared/bench/vnnews-20k)\n"
    "  --db DIR       the vnsearch index of that folder (vnsearch-index --db DIR CORPUS)\n"
    "  --queries N    number of known items (default 300)\n"
    "  --ranked-from N  rank queries of N words or more rather than filter them (vnsearch's\n"
    "                 RankingOptions::ranked_from_words; default: vnsearch's own)\n";

constexpr int kResultsPerQuery = 10;  // MRR@10: ranks beyond 10 count as misses
constexpr size_t kFailuresShown = 10;

struct Options {
  std::string corpus_folder = vnsearch::bench::DefaultCorpusFolder();
  std::string database;
  size_t query_count = 300;
  vnsearch::RankingOptions ranking;
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
    } else if (argument == "--ranked-from" && has_value) {
      long words = 0;
      if (!vnsearch::ParseFlagNumber(argv[++i], 0, 1000, &words)) {
        std::cerr << vnsearch::BadFlagNumberMessage("known_item_eval", argument, 0, 1000, argv[i],
                                                    "words")
                  << "\n";
        return false;
      }
      options->ranking.ranked_from_words = static_cast<size_t>(words);
    } else if (argument == "--queries" && has_value) {
      long count = 0;
      if (!vnsearch::ParseFlagNumber(argv[++i], 1, 1000000, &count)) {
        std::cerr << vnsearch::BadFlagNumberMessage("known_item_eval", argument, 1, 1000000,
                                                    argv[i])
                  << "\n";
        return false;
      }
      options->query_count = static_cast<size_t>(count);
    } else {
      std::cerr << "known_item_eval: unknown or incomplete option " << argument << "\n" << kUsage;
      return false;
    }
  }
  if (options->database.empty()) {
    std::cerr << "known_item_eval: --db is required: build one with vnsearch-index --db DIR "
              << options->corpus_folder << "\n"
              << kUsage;
    return false;
  }
  return true;
}

double SecondsSince(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
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

// Whether `title` holds every word of `query`, compared as vnsearch's folded terms. Diagnostic
// only: it tells ambiguous fragments from headlines outranked by weaker matches.
bool TitleHoldsEveryWord(std::string_view title, std::string_view query) {
  std::vector<std::string> title_terms = vnsearch::FoldedTerms(title);
  std::set<std::string> title_term_set(title_terms.begin(), title_terms.end());
  for (const std::string& query_term : vnsearch::FoldedTerms(query)) {
    if (title_term_set.count(query_term) == 0) return false;
  }
  return true;
}

// The title vnsearch stored for `article`, or "" when it is line 1 of the file as expected.
// vnsearch's article parser skips first lines that look like site chrome (short, or holding a
// date or time); such an article cannot be found by its headline.
std::string IndexedTitleIfDifferent(vnsearch::Searcher& searcher, const BenchArticle& article) {
  std::optional<nlohmann::json> stored = searcher.GetArticle(article.article_id);
  if (!stored) return "(not in the index)";
  std::string title = stored->value("title", std::string());
  return title == article.Title() ? std::string() : title;
}

// vnsearch's rank (1-based, 0 when not in the top 10) of `expected` for `query`; fills the
// first hit's id and title (or the error) into *failure in case it is one.
int VnsearchRank(vnsearch::Searcher& searcher, const std::string& query,
                 const std::string& expected_id, Failure* failure) {
  try {
    vnsearch::SearchRequest request;
    request.query = query;
    request.size = kResultsPerQuery;
    vnsearch::SearchResponse response = searcher.Search(request);
    if (!response.hits.empty()) {
      failure->first_id = response.hits[0].id;
      failure->first_title = response.hits[0].title;
    }
    for (size_t i = 0; i < response.hits.size(); ++i) {
      if (response.hits[i].id == expected_id) return static_cast<int>(i) + 1;
    }
  } catch (const std::exception& error) {
    failure->first_title = std::string("error: ") + error.what();
  }
  return 0;
}

// FTS5's rank of article `expected_index` for `query` (1-based, 0 when not in the top 10).
int Fts5Rank(vnsearch::bench::Fts5Reference& fts5, const std::string& query,
             size_t expected_index) {
  try {
    std::vector<size_t> ranked = fts5.Search(SplitAtSpaces(query), kResultsPerQuery);
    for (size_t i = 0; i < ranked.size(); ++i) {
      if (ranked[i] == expected_index) return static_cast<int>(i) + 1;
    }
  } catch (const std::exception& error) {
    std::cerr << "known_item_eval: " << error.what() << " (counted as a miss)\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return 2;
  vnsearch::bench::EvalSetting setting;
  setting.corpus_folder = options.corpus_folder;
  setting.database = options.database;
  setting.results_per_query = kResultsPerQuery;

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
  setting.article_count = articles.size();
  setting.corpus_read_seconds = SecondsSince(started);

  started = std::chrono::steady_clock::now();
  std::unique_ptr<vnsearch::bench::Fts5Reference> fts5;
  try {
    fts5 = std::make_unique<vnsearch::bench::Fts5Reference>(articles);
  } catch (const std::exception& error) {
    std::cerr << "known_item_eval: cannot build the FTS5 reference: " << error.what() << "\n";
    return 1;
  }
  setting.fts5_build_seconds = SecondsSince(started);
  std::unique_ptr<vnsearch::Searcher> searcher;
  try {
    searcher = std::make_unique<vnsearch::Searcher>(options.database, options.ranking);
  } catch (const Xapian::Error& error) {
    std::cerr << "known_item_eval: cannot open the vnsearch index " << options.database << ": "
              << error.get_description() << " (build it with vnsearch-index --db "
              << options.database << " " << options.corpus_folder << ")\n";
    return 1;
  }
  setting.document_count = searcher->DocumentCount();

  std::vector<KnownItem> items = vnsearch::bench::PickKnownItems(articles, options.query_count);
  setting.known_item_count = items.size();
  std::map<QueryForm, FormScore> scores;
  for (const KnownItem& item : items) {
    const BenchArticle& expected = articles[item.article_index];
    std::string indexed_title = IndexedTitleIfDifferent(*searcher, expected);
    setting.retitled_count += !indexed_title.empty();
    int vnsearch_rank_as_written = 0;  // set by the first form, kAsWritten
    int fts5_rank_as_written = 0;
    for (QueryForm form : vnsearch::bench::kAllQueryForms) {
      std::string query = vnsearch::bench::MakeQueryForm(form, item.fragment);
      FormScore& score = scores[form];

      Failure failure;
      failure.query = query;
      failure.expected_id = expected.article_id;
      failure.expected_title = expected.Title();
      failure.indexed_title = indexed_title;
      auto query_started = std::chrono::steady_clock::now();
      int vnsearch_rank = VnsearchRank(*searcher, query, expected.article_id, &failure);
      double vnsearch_ms = SecondsSince(query_started) * 1000;
      query_started = std::chrono::steady_clock::now();
      int fts5_rank = Fts5Rank(*fts5, query, item.article_index);
      double fts5_ms = SecondsSince(query_started) * 1000;

      score.vnsearch.Add(vnsearch_rank, vnsearch_ms);
      score.fts5.Add(fts5_rank, fts5_ms);
      if (query != item.fragment) {
        score.vnsearch_changed.Add(vnsearch_rank, vnsearch_ms);
        score.fts5_changed.Add(fts5_rank, fts5_ms);
      }
      if (form == QueryForm::kAsWritten) {
        vnsearch_rank_as_written = vnsearch_rank;
        fts5_rank_as_written = fts5_rank;
      }
      score.vnsearch_rank_moves += vnsearch_rank != vnsearch_rank_as_written;
      score.fts5_rank_moves += fts5_rank != fts5_rank_as_written;

      if (vnsearch_rank != 1) {
        failure.expected_rank = vnsearch_rank;
        if (vnsearch_rank > 1) {
          failure.kind = TitleHoldsEveryWord(failure.first_title, query) ? FailureKind::kAmbiguous
                                                                         : FailureKind::kOutranked;
        }
        ++score.failure_counts[failure.kind];
        if (score.shown_failures.size() < kFailuresShown) {
          score.shown_failures.push_back(std::move(failure));
        }
      }
    }
  }
  vnsearch::bench::PrintEvalReport(setting, scores);
  return 0;
}
