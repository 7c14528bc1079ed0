// role_facts_bench: the directory at the scale of the benchmark corpus (issue #15) — how many
// role facts the articles give, how many persons have more than one, and what resolving the
// facts costs next to understanding the whole article (which indexing does for every article,
// besides analysing and writing it, so its share of indexing time is smaller still).
// Usage: role_facts_bench [--corpus DIR] [--articles N]   (default: the whole corpus)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "article/article_parser.h"
#include "article/canonical_name.h"
#include "article/person_extractor.h"
#include "article/role_facts.h"
#include "article/word_sequence.h"
#include "bench_corpus.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

int Run(int argc, char** argv) {
  std::string folder = vnsearch::bench::DefaultCorpusFolder();
  size_t max_articles = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--corpus") {
      folder = argv[i + 1];
    } else if (flag == "--articles") {
      max_articles = std::strtoul(argv[i + 1], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: role_facts_bench [--corpus DIR] [--articles N]\n");
      return 2;
    }
  }
  std::vector<std::string> errors;
  std::vector<vnsearch::bench::BenchArticle> articles =
      vnsearch::bench::ReadBenchCorpus(folder, max_articles, &errors);
  if (articles.empty()) {
    std::printf("role_facts_bench: no articles in %s; skipped\n", folder.c_str());
    return 0;
  }

  // The whole of article understanding, role facts included: what indexing runs per article.
  std::vector<vnsearch::Article> parsed;
  parsed.reserve(articles.size());
  Clock::time_point started = Clock::now();
  for (const auto& article : articles) {
    parsed.push_back(vnsearch::ParseArticle(article.article_id, article.text));
  }
  double parse_seconds = Seconds(Clock::now() - started);

  // The role facts alone: the same person extraction, then resolving its role phrases.
  std::vector<std::vector<vnsearch::Word>> words;
  std::vector<std::vector<vnsearch::RoleMention>> mentions(articles.size());
  words.reserve(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    words.push_back(vnsearch::SplitWords(parsed[i].title + "\n\n" + parsed[i].body));
    vnsearch::ExtractPersons(words[i], &mentions[i]);
  }
  started = Clock::now();
  size_t resolved = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    resolved += vnsearch::ResolveRoleFacts(words[i], mentions[i], parsed[i]).size();
  }
  double resolve_seconds = Seconds(Clock::now() - started);

  size_t facts = 0, elected = 0, with_term = 0, with_unit = 0, articles_with_facts = 0;
  std::map<std::string, size_t> facts_per_person;
  std::set<std::string> units;
  for (const vnsearch::Article& article : parsed) {
    articles_with_facts += !article.role_facts.empty();
    for (const vnsearch::RoleFact& fact : article.role_facts) {
      ++facts;
      elected += fact.elected;
      with_term += !fact.term.empty();
      with_unit += !fact.unit.empty();
      ++facts_per_person[vnsearch::NameKey(fact.person)];
      if (!fact.unit.empty()) units.insert(vnsearch::NameKey(fact.unit));
    }
  }
  size_t persons_with_several = 0;
  for (const auto& [person, count] : facts_per_person) persons_with_several += count > 1;

  std::printf("role_facts_bench: %zu articles from %s\n", articles.size(), folder.c_str());
  std::printf(
      "  role facts              %zu (in %zu articles; %zu elected, %zu with a term, "
      "%zu with a unit)\n",
      facts, articles_with_facts, elected, with_term, with_unit);
  std::printf("  persons with facts      %zu, of them with more than one fact: %zu\n",
              facts_per_person.size(), persons_with_several);
  std::printf("  units holding roles     %zu\n", units.size());
  std::printf("  understanding articles  %.2f s (%.0f articles/s)\n", parse_seconds,
              articles.size() / parse_seconds);
  std::printf("  resolving role facts    %.3f s = %.1f%% of understanding (%zu facts)\n",
              resolve_seconds, 100.0 * resolve_seconds / parse_seconds, resolved);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
