// long_query_eval: how long queries fare on the benchmark corpus, as vnsearch handled them before
// issue #11 (every word must match, else any word) and as it ranks them now, in the same run on
// the same index: articles found from a sentence of their body (12 consecutive words), and the
// time per query for those sentences and for real questions (../shared/qa, when present).
// Usage: long_query_eval --corpus DIR --db DIR [--sentences N] [--questions N] [--qa DIR]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "index/command_line.h"
#include "latency.h"
#include "qa_set.h"
#include "searchd/searcher.h"

namespace {

constexpr const char* kUsage =
    "Usage: long_query_eval --corpus DIR --db DIR [--sentences N] [--questions N] [--qa DIR]\n"
    "Searches the vnsearch index at --db (built from --corpus) for N sentences of its articles'\n"
    "bodies (words 21-32 of every k-th article) and for N questions of the sets under --qa, each\n"
    "as vnsearch did before issue #11 and as it does now, alternating, and prints MRR@10 and\n"
    "recall@1 of the sentences' articles and the time per query (best of two rounds).\n"
    "\n"
    "  --corpus DIR     the folder of .txt articles the index was built from\n"
    "  --db DIR         the vnsearch index of that folder\n"
    "  --sentences N    body sentences searched (default 300)\n"
    "  --questions N    questions searched (default 300; they have no answer in this corpus)\n"
    "  --qa DIR         question sets (env VNSEARCH_BENCH_QA, default ../shared/qa)\n";

constexpr size_t kSentenceStart = 20;
constexpr size_t kSentenceWords = 12;
constexpr int kRounds = 2;
constexpr int kRanked = 10;

struct Options {
  std::string corpus_folder = vnsearch::bench::DefaultCorpusFolder();
  std::string database;
  std::string qa_folder = vnsearch::bench::DefaultQaFolder();
  size_t sentence_count = 300;
  size_t question_count = 300;
};

bool ParseCount(const char* text, size_t* count) {
  long value = 0;
  if (!vnsearch::ParseFlagNumber(text, 1, 1000000, &value)) return false;
  *count = static_cast<size_t>(value);
  return true;
}

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
    } else if (argument == "--qa" && has_value) {
      options->qa_folder = argv[++i];
    } else if (argument == "--sentences" && has_value &&
               ParseCount(argv[i + 1], &options->sentence_count)) {
      ++i;
    } else if (argument == "--questions" && has_value &&
               ParseCount(argv[i + 1], &options->question_count)) {
      ++i;
    } else {
      std::cerr << "long_query_eval: unknown or incomplete option " << argument << "\n" << kUsage;
      return false;
    }
  }
  if (options->database.empty()) {
    std::cerr << "long_query_eval: --db is required\n" << kUsage;
    return false;
  }
  return true;
}

std::vector<std::string> SplitAtSpaces(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of(" \n\t", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

struct LongQuery {
  std::string text;
  std::string expected_id;  // "" when no article is the answer (questions from another domain)
};

// Words kSentenceStart.. of the body of every k-th article long enough to have them.
std::vector<LongQuery> PickSentences(const std::vector<vnsearch::bench::BenchArticle>& articles,
                                     size_t count) {
  std::vector<size_t> eligible;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (SplitAtSpaces(articles[i].Body()).size() >= kSentenceStart + kSentenceWords) {
      eligible.push_back(i);
    }
  }
  std::vector<LongQuery> picked;
  size_t step = std::max<size_t>(1, eligible.size() / std::max<size_t>(count, 1));
  for (size_t i = 0; i < eligible.size() && picked.size() < count; i += step) {
    const vnsearch::bench::BenchArticle& article = articles[eligible[i]];
    std::vector<std::string> words = SplitAtSpaces(article.Body());
    std::string text;
    for (size_t w = kSentenceStart; w < kSentenceStart + kSentenceWords; ++w) {
      text += (text.empty() ? "" : " ") + words[w];
    }
    picked.push_back({text, article.article_id});
  }
  return picked;
}

std::vector<LongQuery> PickQuestions(const std::string& qa_folder, size_t count) {
  std::vector<LongQuery> picked;
  for (const std::string& set_folder : vnsearch::bench::ListQaSets(qa_folder)) {
    std::vector<std::string> errors;
    vnsearch::bench::QaSet set = vnsearch::bench::ReadQaSet(set_folder, &errors);
    size_t step = std::max<size_t>(1, set.questions.size() / std::max<size_t>(count, 1));
    for (size_t i = 0; i < set.questions.size() && picked.size() < count; i += step) {
      picked.push_back({set.questions[i].text, ""});
    }
  }
  return picked;
}

// One way of searching, and what it did over a query set.
struct Variant {
  const char* name = "";
  std::unique_ptr<vnsearch::Searcher> searcher;
  std::vector<double> best_milliseconds;  // per query, over the rounds
  double reciprocal_rank_sum = 0;
  size_t first_place = 0;
};

void Evaluate(const char* set_name, const std::vector<LongQuery>& queries,
              std::vector<Variant>* variants) {
  for (Variant& variant : *variants) {
    variant.best_milliseconds.assign(queries.size(), 1e30);
    variant.reciprocal_rank_sum = 0;
    variant.first_place = 0;
  }
  for (int round = 0; round < kRounds; ++round) {
    for (size_t q = 0; q < queries.size(); ++q) {
      for (Variant& variant : *variants) {  // alternating, so both see the same machine load
        auto started = std::chrono::steady_clock::now();
        int rank = 0;
        try {
          vnsearch::SearchRequest request;
          request.query = queries[q].text;
          request.size = kRanked;
          vnsearch::SearchResponse response = variant.searcher->Search(request);
          for (size_t i = 0; i < response.hits.size(); ++i) {
            if (response.hits[i].id == queries[q].expected_id) {
              rank = static_cast<int>(i) + 1;
              break;
            }
          }
        } catch (const std::exception&) {
          // a query the parser rejects: a miss, timed like any other
        }
        double milliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        variant.best_milliseconds[q] = std::min(variant.best_milliseconds[q], milliseconds);
        if (round == 0 && rank > 0) {
          variant.reciprocal_rank_sum += 1.0 / rank;
          variant.first_place += rank == 1;
        }
      }
    }
  }
  bool judged = !queries.empty() && !queries.front().expected_id.empty();
  for (const Variant& variant : *variants) {
    double sum = 0;
    for (double ms : variant.best_milliseconds) sum += ms;
    double mean = queries.empty() ? 0 : sum / queries.size();
    if (judged) {
      std::printf("%-34s %7zu  %-22s %7.3f %6.3f %8.2f %7.2f %7.2f\n", set_name, queries.size(),
                  variant.name, variant.reciprocal_rank_sum / queries.size(),
                  static_cast<double>(variant.first_place) / queries.size(), mean,
                  vnsearch::bench::Percentile(variant.best_milliseconds, 0.5),
                  vnsearch::bench::Percentile(variant.best_milliseconds, 0.95));
    } else {
      std::printf("%-34s %7zu  %-22s %7s %6s %8.2f %7.2f %7.2f\n", set_name, queries.size(),
                  variant.name, "-", "-", mean,
                  vnsearch::bench::Percentile(variant.best_milliseconds, 0.5),
                  vnsearch::bench::Percentile(variant.best_milliseconds, 0.95));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return 2;
  std::vector<std::string> errors;
  std::vector<vnsearch::bench::BenchArticle> articles =
      vnsearch::bench::ReadBenchCorpus(options.corpus_folder, 0, &errors);
  if (articles.empty()) {
    std::cerr << "long_query_eval: no articles under " << options.corpus_folder << "\n";
    return 1;
  }
  vnsearch::RankingOptions before;  // issue #11's starting point
  before.ranked_from_words = 0;
  before.skip_question_words = false;
  before.rank_fallback_like_ranked = false;
  std::vector<Variant> variants(2);
  try {
    variants[0].name = "before #11 (filtered)";
    variants[0].searcher = std::make_unique<vnsearch::Searcher>(options.database, before);
    variants[1].name = "now";
    variants[1].searcher = std::make_unique<vnsearch::Searcher>(options.database);
  } catch (const Xapian::Error& error) {
    std::cerr << "long_query_eval: cannot open " << options.database << ": "
              << error.get_description() << "\n";
    return 1;
  }
  std::printf(
      "long queries: %zu articles in %s, index %s; top %d, with facets; time per query is "
      "the best of %d rounds (wall clock)\n",
      articles.size(), options.corpus_folder.c_str(), options.database.c_str(), kRanked, kRounds);
  std::printf("%-34s %7s  %-22s %7s %6s %8s %7s %7s\n", "queries", "count", "ranking", "MRR@10",
              "R@1", "mean ms", "p50 ms", "p95 ms");
  Evaluate("body sentences, 12 words", PickSentences(articles, options.sentence_count), &variants);
  std::vector<LongQuery> questions = PickQuestions(options.qa_folder, options.question_count);
  if (questions.empty()) {
    std::printf("(no question sets under %s: questions skipped)\n", options.qa_folder.c_str());
  } else {
    Evaluate("questions (../shared/qa, no answer)", questions, &variants);
  }
  return 0;
}
