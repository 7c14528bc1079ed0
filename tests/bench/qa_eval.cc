// qa_eval: how well vnsearch ranks the answer to questions people really ask, next to a plain
// syllable BM25 and SQLite FTS5 computed in the same run. Each set under ../shared/qa/ is served
// the way a user would: vnsearchd on an empty index, every article POSTed to /api/articles, every
// question sent to /api/search as typed, the top 20 kept.
// With --ablation it then searches the same index in-process with each ranking choice undone in
// turn (RankingOptions), which is how the README's ablation table is made.
// Usage: qa_eval [--qa DIR] [--limit N] [--ablation]   (see kUsage)

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/searchd_process.h"
#include "api/temp_corpus.h"
#include "bench_corpus.h"
#include "bm25_reference.h"
#include "fts5_reference.h"
#include "index/command_line.h"
#include "qa_set.h"
#include "query_forms.h"
#include "ranking_metrics.h"
#include "searchd/searcher.h"

namespace {

using vnsearch::bench::QaSet;
using vnsearch::bench::RankingMetrics;

constexpr const char* kUsage =
    "Usage: qa_eval [--qa DIR] [--limit N] [--ablation]\n"
    "For each question set under DIR (a folder with docs.jsonl, queries.jsonl, qrels.tsv, or a\n"
    "folder of such folders): starts vnsearchd on an empty index, POSTs every article to\n"
    "/api/articles, asks every question through /api/search as typed, and prints P@1, R@10,\n"
    "MRR@10, nDCG@10 and R@20 beside a plain syllable BM25 (k1 1.5, b 0.75) and SQLite FTS5\n"
    "(words OR-ed, bm25) over the same articles.\n"
    "\n"
    "  --qa DIR    question sets (env VNSEARCH_BENCH_QA, default ../shared/qa)\n"
    "  --limit N   ask only the first N questions of each set\n"
    "  --ablation  then rank the questions again in-process with each ranking choice of\n"
    "              vnsearch undone in turn, also typed without diacritics (a few minutes)\n";

constexpr int kRanked = 20;
constexpr char kToken[] = "qa-eval-token";

struct Options {
  std::string qa_folder = vnsearch::bench::DefaultQaFolder();
  size_t question_limit = 0;
  bool ablation = false;
};

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    bool has_value = i + 1 < argc;
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (argument == "--ablation") {
      options->ablation = true;
    } else if (argument == "--qa" && has_value) {
      options->qa_folder = argv[++i];
    } else if (argument == "--limit" && has_value) {
      long limit = 0;
      if (!vnsearch::ParseFlagNumber(argv[++i], 1, 1000000, &limit)) {
        std::cerr << vnsearch::BadFlagNumberMessage("qa_eval", argument, 1, 1000000, argv[i])
                  << "\n";
        return false;
      }
      options->question_limit = static_cast<size_t>(limit);
    } else {
      std::cerr << "qa_eval: unknown or incomplete option " << argument << "\n" << kUsage;
      return false;
    }
  }
  return true;
}

double MillisecondsSince(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
      .count();
}

// Per-query times, for mean and percentiles.
struct Latencies {
  std::vector<double> milliseconds;
  double Mean() const {
    double sum = 0;
    for (double ms : milliseconds) sum += ms;
    return milliseconds.empty() ? 0 : sum / milliseconds.size();
  }
  double Percentile(double fraction) const {
    if (milliseconds.empty()) return 0;
    std::vector<double> sorted = milliseconds;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(fraction * sorted.size()))];
  }
};

struct EngineResult {
  std::string name;
  RankingMetrics metrics;
  Latencies latencies;
};

void PrintResults(const std::vector<EngineResult>& engines) {
  std::printf("%-37s %6s %6s %7s %8s %6s   %8s %8s\n", "engine", "P@1", "R@10", "MRR@10", "nDCG@10",
              "R@20", "ms/q", "p95 ms");
  for (const EngineResult& engine : engines) {
    const RankingMetrics& m = engine.metrics;
    std::printf("%-37s %6.1f %6.1f %7.1f %8.1f %6.1f   %8.2f %8.2f\n", engine.name.c_str(),
                100 * m.PrecisionAt1(), 100 * m.RecallAt10(), 100 * m.MrrAt10(), 100 * m.NdcgAt10(),
                100 * m.RecallAt20(), engine.latencies.Mean(), engine.latencies.Percentile(0.95));
  }
}

// The set's articles in the benchmark corpus form (title line, blank line, body), for FTS5.
std::vector<vnsearch::bench::BenchArticle> AsBenchArticles(const QaSet& set) {
  std::vector<vnsearch::bench::BenchArticle> articles;
  for (const vnsearch::bench::QaDocument& document : set.documents) {
    vnsearch::bench::BenchArticle article;
    article.article_id = document.id;
    article.text = document.title + "\n\n" + document.text;
    article.title_end = document.title.size();
    article.body_begin = document.title.size() + 2;
    articles.push_back(std::move(article));
  }
  return articles;
}

// One row of the ablation: a name and the ranking options it measures.
struct AblationRow {
  const char* name;
  vnsearch::RankingOptions options;
};

std::vector<AblationRow> AblationRows() {
  using Ranking = vnsearch::RankingOptions;
  auto with = [](auto change) {
    Ranking options;
    change(options);
    return options;
  };
  return {
      {"before #11: every word, else any word", with([](Ranking& o) {
         o.ranked_from_words = 0;
         o.skip_question_words = false;
         o.rank_fallback_like_ranked = false;
       })},
      {"  + question words not looked for", with([](Ranking& o) {
         o.ranked_from_words = 0;
         o.rank_fallback_like_ranked = false;
       })},
      {"  + fallback ranked as below", with([](Ranking& o) { o.ranked_from_words = 0; })},
      {"now: ranked from 7 words", Ranking()},
      {"ranked from 5 words", with([](Ranking& o) { o.ranked_from_words = 5; })},
      {"ranked from 10 words", with([](Ranking& o) { o.ranked_from_words = 10; })},
      {"every query ranked", with([](Ranking& o) { o.ranked_from_words = 1; })},
      {"question words looked for", with([](Ranking& o) { o.skip_question_words = false; })},
      {"any word matches (no quorum)", with([](Ranking& o) {
         o.ranked_anchor_share = 1;
         o.ranked_quorum_share = 0;
       })},
      {"quorum of 30% of the anchors", with([](Ranking& o) { o.ranked_quorum_share = 0.3; })},
      {"quorum of 50% of the anchors", with([](Ranking& o) { o.ranked_quorum_share = 0.5; })},
      {"no adjacent-pair bonus", with([](Ranking& o) { o.ranked_pair_weight = 0; })},
      {"pair bonus 0.2", with([](Ranking& o) { o.ranked_pair_weight = 0.2; })},
      {"pair bonus 1.0", with([](Ranking& o) { o.ranked_pair_weight = 1; })},
      {"pair bonus on the best 50", with([](Ranking& o) { o.pair_rerank_depth = 50; })},
      {"pair bonus on the best 100", with([](Ranking& o) { o.pair_rerank_depth = 100; })},
      {"headline boost on ranked queries",
       with([](Ranking& o) { o.ranked_headline_boost = true; })},
      {"accented queries looked up folded", with([](Ranking& o) { o.fold_ranked_queries = true; })},
      {"BM25 k1 1.0 b 0.5 (Xapian's)", with([](Ranking& o) {
         o.ranked_bm25_k1 = 1.0;
         o.ranked_bm25_b = 0.5;
       })},
      {"BM25 k1 1.5 b 0.75", with([](Ranking& o) { o.ranked_bm25_k1 = 1.5; })},
      {"BM25 k1 1.2 b 0.9", with([](Ranking& o) { o.ranked_bm25_b = 0.9; })},
  };
}

// printf into a string.
template <typename... Args>
std::string Format(const char* format, Args... args) {
  char line[256];
  std::snprintf(line, sizeof line, format, args...);
  return line;
}

// The questions ranked in-process over `database` with each row's options, as typed and without
// diacritics: the report.
std::string RunAblation(const QaSet& set, const std::string& database) {
  std::string report =
      "\nablation, in-process over the same index (percent; MRR@10 also for the questions typed "
      "without diacritics):\n";
  report += Format("%-40s %6s %6s %7s %8s   %14s %8s\n", "ranking", "P@1", "R@10", "MRR@10",
                   "nDCG@10", "no-diacritics", "ms/q");
  for (const AblationRow& row : AblationRows()) {
    vnsearch::Searcher searcher(database, row.options);
    RankingMetrics as_typed, folded;
    Latencies latencies;
    for (const vnsearch::bench::QaQuestion& question : set.questions) {
      for (bool fold : {false, true}) {
        vnsearch::SearchRequest request;
        request.query = fold ? vnsearch::bench::MakeQueryForm(
                                   vnsearch::bench::QueryForm::kNoDiacritics, question.text)
                             : question.text;
        request.size = kRanked;
        std::vector<std::string> ranked;
        auto started = std::chrono::steady_clock::now();
        try {
          for (const vnsearch::SearchHit& hit : searcher.Search(request).hits) {
            ranked.push_back(hit.id);
          }
        } catch (const std::exception&) {
          // rejected by the parser (an unbalanced quote): a miss, as over HTTP
        }
        if (!fold) latencies.milliseconds.push_back(MillisecondsSince(started));
        (fold ? folded : as_typed).Add(ranked, question.relevant_ids);
      }
    }
    report +=
        Format("%-40s %6.1f %6.1f %7.1f %8.1f   %14.1f %8.2f\n", row.name,
               100 * as_typed.PrecisionAt1(), 100 * as_typed.RecallAt10(), 100 * as_typed.MrrAt10(),
               100 * as_typed.NdcgAt10(), 100 * folded.MrrAt10(), latencies.Mean());
  }
  return report;
}

// vnsearch through HTTP: returns false (after saying why) when the server cannot be fed. With
// *ablation_report, also runs the ablation over the index the server built.
bool RunVnsearch(const QaSet& set, EngineResult* result, std::string* ablation_report) {
  vnsearch::testing::TempFolder temp;
  std::string corpus = temp / "corpus";
  std::filesystem::create_directories(corpus);
  vnsearch::testing::SearchdProcess server(
      {corpus}, {"--token", kToken, "--corpus", corpus, "--access-log", "off", "--cache-entries",
                 "0", "--threads", "2"});
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(30, 0);
  client.set_keep_alive(true);
  client.set_bearer_token_auth(kToken);
  auto started = std::chrono::steady_clock::now();
  for (const vnsearch::bench::QaDocument& document : set.documents) {
    nlohmann::json article = {
        {"id", document.id}, {"title", document.title}, {"body", document.text}};
    httplib::Result posted = client.Post("/api/articles", article.dump(), "application/json");
    if (!posted || (posted->status != 201 && posted->status != 200)) {
      std::cerr << "qa_eval: POST /api/articles of " << document.id << " failed: "
                << (posted ? std::to_string(posted->status) + " " + posted->body
                           : httplib::to_string(posted.error()))
                << "\n";
      return false;
    }
  }
  std::printf("%s: %zu articles posted in %.1f s\n", set.name.c_str(), set.documents.size(),
              MillisecondsSince(started) / 1000);
  size_t failed_queries = 0;
  for (const vnsearch::bench::QaQuestion& question : set.questions) {
    std::string path = "/api/search?size=" + std::to_string(kRanked) +
                       "&q=" + httplib::detail::encode_query_param(question.text);
    auto query_started = std::chrono::steady_clock::now();
    httplib::Result answer = client.Get(path.c_str());
    result->latencies.milliseconds.push_back(MillisecondsSince(query_started));
    std::vector<std::string> ranked;
    if (answer && answer->status == 200) {
      nlohmann::json response = nlohmann::json::parse(answer->body, nullptr, false);
      for (const nlohmann::json& hit : response["hits"]) ranked.push_back(hit["id"]);
    } else if (++failed_queries <= 5) {
      std::cerr << "qa_eval: " << question.id << " \"" << question.text << "\": "
                << (answer ? std::to_string(answer->status) + " " + answer->body
                           : httplib::to_string(answer.error()))
                << " (counted as a miss)\n";
    }
    result->metrics.Add(ranked, question.relevant_ids);
  }
  if (failed_queries > 0) std::printf("%zu questions failed (counted as misses)\n", failed_queries);
  if (ablation_report != nullptr) *ablation_report = RunAblation(set, server.database());
  return true;
}

void RunBm25(const QaSet& set, vnsearch::bench::Bm25Idf idf, EngineResult* result) {
  vnsearch::bench::Bm25Reference bm25(idf);
  for (const vnsearch::bench::QaDocument& document : set.documents) {
    bm25.Add(document.title + "\n" + document.text);
  }
  for (const vnsearch::bench::QaQuestion& question : set.questions) {
    auto started = std::chrono::steady_clock::now();
    std::vector<size_t> best = bm25.Search(question.text, kRanked);
    result->latencies.milliseconds.push_back(MillisecondsSince(started));
    std::vector<std::string> ranked;
    for (size_t index : best) ranked.push_back(set.documents[index].id);
    result->metrics.Add(ranked, question.relevant_ids);
  }
}

void RunFts5(const QaSet& set, EngineResult* result) {
  std::vector<vnsearch::bench::BenchArticle> articles = AsBenchArticles(set);
  vnsearch::bench::Fts5Reference fts5(articles);
  for (const vnsearch::bench::QaQuestion& question : set.questions) {
    auto started = std::chrono::steady_clock::now();
    std::vector<size_t> best = fts5.Search(vnsearch::bench::SyllableTokens(question.text), kRanked,
                                           vnsearch::bench::Fts5Match::kAnyWord);
    result->latencies.milliseconds.push_back(MillisecondsSince(started));
    std::vector<std::string> ranked;
    for (size_t index : best) ranked.push_back(articles[index].article_id);
    result->metrics.Add(ranked, question.relevant_ids);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return 2;
  std::vector<std::string> set_folders = vnsearch::bench::ListQaSets(options.qa_folder);
  if (set_folders.empty() && std::filesystem::is_regular_file(options.qa_folder + "/qrels.tsv")) {
    set_folders.push_back(options.qa_folder);
  }
  if (set_folders.empty()) {
    std::cout << "qa_eval: no question sets under " << options.qa_folder
              << " (folders with docs.jsonl, queries.jsonl, qrels.tsv): nothing to evaluate\n";
    return 0;
  }
  int status = 0;
  for (const std::string& folder : set_folders) {
    std::vector<std::string> errors;
    QaSet set = vnsearch::bench::ReadQaSet(folder, &errors);
    for (const std::string& error : errors) std::cerr << "qa_eval: " << error << "\n";
    if (options.question_limit != 0 && set.questions.size() > options.question_limit) {
      set.questions.resize(options.question_limit);
    }
    std::printf("\n%s: %zu articles, %zu questions (top %d kept; percent)\n", set.name.c_str(),
                set.documents.size(), set.questions.size(), kRanked);
    std::vector<EngineResult> engines(4);
    std::string ablation_report;
    engines[0].name = "vnsearch (HTTP)";
    engines[1].name = "syllable BM25, Okapi idf (published)";
    engines[2].name = "syllable BM25, Lucene idf";
    engines[3].name = "SQLite FTS5 (OR, bm25)";
    try {
      if (!RunVnsearch(set, &engines[0], options.ablation ? &ablation_report : nullptr)) {
        status = 1;
      }
      RunBm25(set, vnsearch::bench::Bm25Idf::kOkapi, &engines[1]);
      RunBm25(set, vnsearch::bench::Bm25Idf::kLucene, &engines[2]);
      RunFts5(set, &engines[3]);
    } catch (const std::exception& error) {
      std::cerr << "qa_eval: " << set.name << ": " << error.what() << "\n";
      status = 1;
      continue;
    }
    PrintResults(engines);
    std::fputs(ablation_report.c_str(), stdout);
  }
  return status;
}
