// vnsearch-index: adds, updates and removes articles in a vnsearch index from article files.
// Usage: vnsearch-index [options] PATH...   (see --help)

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "article/article_json.h"
#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/indexing_run.h"
#include "index/shard_layout.h"
#include "vnsearch/version.h"

namespace {

constexpr const char* kUsage =
    "Usage: vnsearch-index [options] PATH...\n"
    "       vnsearch-index [options] --jsonl FILE [PATH...]\n"
    "       vnsearch-index --print FILE...\n"
    "Indexes the .txt articles found in PATH (files or folders, recursively). An article's id is\n"
    "its path relative to the folder given, without .txt. Runs are incremental: an article whose\n"
    "file is unchanged (same content hash) is skipped, a changed one replaced.\n"
    "\n"
    "  --db DIR       index to create or update (env VNSEARCH_DB, default var/db)\n"
    "  --jsonl FILE   also import FILE, JSON Lines: one {\"id\",\"title\",\"date\",\"source\",\n"
    "                 \"body\"} a line, the fields of POST /api/articles. Each article is kept as\n"
    "                 a file under --corpus, as an HTTP write is, so --rebuild and --prune over\n"
    "                 that folder keep it; a bad line is reported with its line number and\n"
    "                 skipped. May be repeated.\n"
    "  --corpus DIR   where --jsonl articles are kept as files (env VNSEARCH_CORPUS, default\n"
    "                 corpus, as for vnsearchd)\n"
    "  --prune        also delete articles whose files are no longer under PATH (nor imported)\n"
    "  --rebuild      build a fresh index beside the live one and swap it in atomically\n"
    "                 (vnsearchd keeps serving the old one until the swap)\n"
    "  --shards N     split the index into N shards (a stable hash of the article id picks an\n"
    "                 article's shard); a new index only, or with --rebuild to reshard\n"
    "                 (default: the index's own, 1 for a new one). Serve them with vnsearchd\n"
    "                 --db DIR, or each through xapian-tcpsrv (see README, Deployment)\n"
    "  --threads N    parsing threads (default: one per core)\n"
    "  --batch N      articles per commit (default 1000); a crash loses at most one batch\n"
    "  --wait SECONDS how long to wait for another writer, e.g. vnsearchd (default 30)\n"
    "  --print        parse the files and print what vnsearch understands of each, as JSON\n"
    "                 (title, date, source, author, body, terms, persons, units); index nothing\n"
    "  --version      print the version and exit\n"
    "  --help         show this help\n"
    "Exit status: 0 when every file and line was indexed or unchanged, 1 when some failed (each\n"
    "is reported with its path or line), 2 for bad usage, 75 when another writer kept the index\n"
    "locked.\n";

struct Options {
  vnsearch::IndexingOptions indexing;
  bool print_only = false;
};

bool ParseCount(const char* text, long min, long max, long* value) {
  char* end = nullptr;
  *value = std::strtol(text, &end, 10);
  return end != text && *end == '\0' && *value >= min && *value <= max;
}

bool ParseOptions(int argc, char** argv, Options* options) {
  vnsearch::IndexingOptions& indexing = options->indexing;
  indexing.database = "var/db";
  if (const char* env = std::getenv("VNSEARCH_DB")) indexing.database = env;
  if (const char* env = std::getenv("VNSEARCH_CORPUS")) indexing.corpus_folder = env;
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    bool has_value = i + 1 < argc;
    long number = 0;
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (argument == "--version") {
      std::cout << "vnsearch-index " << vnsearch::kVersion << "\n";
      std::exit(0);
    } else if (argument == "--print") {
      options->print_only = true;
    } else if (argument == "--prune") {
      indexing.prune = true;
    } else if (argument == "--rebuild") {
      indexing.rebuild = true;
    } else if (argument == "--db" && has_value) {
      indexing.database = argv[++i];
    } else if (argument.rfind("--db=", 0) == 0) {
      indexing.database = argument.substr(5);
    } else if (argument == "--jsonl" && has_value) {
      indexing.jsonl_files.push_back(argv[++i]);
    } else if (argument == "--corpus" && has_value) {
      indexing.corpus_folder = argv[++i];
    } else if (argument == "--threads" && has_value && ParseCount(argv[i + 1], 1, 64, &number)) {
      indexing.threads = static_cast<int>(number);
      ++i;
    } else if (argument == "--shards" && has_value &&
               ParseCount(argv[i + 1], 1, vnsearch::kMaxShards, &number)) {
      indexing.shards = static_cast<int>(number);
      ++i;
    } else if (argument == "--batch" && has_value && ParseCount(argv[i + 1], 1, 1000000, &number)) {
      indexing.batch_size = static_cast<size_t>(number);
      ++i;
    } else if (argument == "--wait" && has_value && ParseCount(argv[i + 1], 0, 86400, &number)) {
      indexing.lock_wait_seconds = static_cast<double>(number);
      ++i;
    } else if (argument.rfind("--", 0) == 0) {
      std::cerr << "vnsearch-index: unknown option or bad value: " << argument << "\n" << kUsage;
      return false;
    } else {
      indexing.paths.push_back(argument);
    }
  }
  if (indexing.paths.empty() && (indexing.jsonl_files.empty() || options->print_only)) {
    std::cerr << "vnsearch-index: no PATH given: name the corpus files or folders to index\n"
              << kUsage;
    return false;
  }
  return true;
}

// --print: one JSON object per article.
int PrintArticles(const std::vector<std::string>& paths) {
  std::vector<std::string> errors;
  std::vector<vnsearch::CorpusFile> files = vnsearch::ListCorpusFiles(paths, &errors);
  for (const vnsearch::CorpusFile& file : files) {
    std::string text;
    std::string error;
    if (!vnsearch::ReadArticleFile(file.path, &text, &error)) {
      errors.push_back(error);
      continue;
    }
    std::cout << vnsearch::ArticleToJson(vnsearch::ParseArticle(file.article_id, text)).dump(2)
              << "\n";
  }
  for (const std::string& error : errors) std::cerr << "vnsearch-index: " << error << "\n";
  return errors.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return 2;
  if (options.print_only) return PrintArticles(options.indexing.paths);
  const vnsearch::IndexingOptions& indexing = options.indexing;
  vnsearch::IndexingSummary summary;
  try {
    summary = vnsearch::RunIndexing(indexing, stderr);
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << "vnsearch-index: " << indexing.database
              << " is locked by another writer (vnsearchd applying an HTTP write, or another "
                 "vnsearch-index): retry later, or wait longer with --wait SECONDS\n";
    return 75;
  } catch (const Xapian::Error& error) {
    std::cerr << "vnsearch-index: " << indexing.database << ": " << error.get_description()
              << "\n(the index keeps its last committed state; rerun to finish)\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "vnsearch-index: " << error.what() << "\n";
    return 1;
  }
  for (const std::string& error : summary.errors) {
    std::cerr << "vnsearch-index: skipped " << error << "\n";
  }
  size_t handled = summary.added + summary.updated + summary.unchanged + summary.failed;
  double seconds = summary.seconds > 0 ? summary.seconds : 1e-9;
  std::printf(
      "vnsearch-index: %zu articles: %zu added, %zu updated, %zu unchanged, %zu deleted, %zu "
      "failed; %.1f MB in %.2f s (%.0f articles/s, %.1f MB/s) into %s%s%s\n",
      handled, summary.added, summary.updated, summary.unchanged, summary.deleted, summary.failed,
      summary.bytes / 1e6, summary.seconds, handled / seconds, summary.bytes / 1e6 / seconds,
      indexing.database.c_str(),
      summary.shards > 1 ? (" (" + std::to_string(summary.shards) + " shards)").c_str() : "",
      indexing.rebuild ? " (rebuilt)" : "");
  return summary.failed == 0 ? 0 : 1;
}
