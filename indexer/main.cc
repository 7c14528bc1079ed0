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
#include "index/command_line.h"
#include "index/corpus_reader.h"
#include "index/indexing_run.h"
#include "index/shard_layout.h"
#include "vnsearch/version.h"

namespace vnsearch {
// The --help text, made from vnsearch-index.usage (the source of the man page too).
const char* UsageText();
}  // namespace vnsearch

namespace {

struct Options {
  vnsearch::IndexingOptions indexing;
  bool print_only = false;
};

// The numeric flags: name, range, where the value goes.
struct NumberFlag {
  const char* name;
  long min;
  long max;
  long* value;
};

const NumberFlag* FindNumberFlag(const std::vector<NumberFlag>& flags,
                                 const std::string& argument) {
  for (const NumberFlag& flag : flags) {
    if (argument == flag.name) return &flag;
  }
  return nullptr;
}

bool ParseOptions(int argc, char** argv, Options* options) {
  vnsearch::IndexingOptions& indexing = options->indexing;
  indexing.database = "var/db";
  if (const char* env = std::getenv("VNSEARCH_DB")) indexing.database = env;
  if (const char* env = std::getenv("VNSEARCH_CORPUS")) indexing.corpus_folder = env;
  long threads = indexing.threads;
  long shards = indexing.shards;
  long batch_size = static_cast<long>(indexing.batch_size);
  long wait_seconds = static_cast<long>(indexing.lock_wait_seconds);
  const std::vector<NumberFlag> number_flags = {
      {"--threads", 1, 64, &threads},
      {"--shards", 1, vnsearch::kMaxShards, &shards},
      {"--batch", 1, 1000000, &batch_size},
      {"--wait", 0, 86400, &wait_seconds},
  };
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    bool has_value = i + 1 < argc;
    if (argument == "--help" || argument == "-h") {
      std::cout << vnsearch::UsageText();
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
    } else if (const NumberFlag* flag = FindNumberFlag(number_flags, argument);
               flag != nullptr && has_value) {
      const std::string text = argv[++i];
      if (!vnsearch::ParseFlagNumber(text, flag->min, flag->max, flag->value)) {
        std::cerr << vnsearch::BadFlagNumberMessage("vnsearch-index", flag->name, flag->min,
                                                    flag->max, text)
                  << "\n";
        return false;
      }
    } else if (argument.rfind("--", 0) == 0) {
      std::cerr << "vnsearch-index: unknown option, or an option without its value: " << argument
                << "\n"
                << vnsearch::UsageText();
      return false;
    } else {
      indexing.paths.push_back(argument);
    }
  }
  indexing.threads = static_cast<int>(threads);
  indexing.shards = static_cast<int>(shards);
  indexing.batch_size = static_cast<size_t>(batch_size);
  // Whole seconds, as is the default.
  indexing.lock_wait_seconds = static_cast<double>(wait_seconds);
  if (indexing.paths.empty() && (indexing.jsonl_files.empty() || options->print_only)) {
    std::cerr << "vnsearch-index: no PATH given: name the corpus files or folders to index\n"
              << vnsearch::UsageText();
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
  } catch (const Xapian::DatabaseCreateError& error) {
    std::cerr << "vnsearch-index: " << indexing.database << ": " << error.get_description()
              << "\n";  // nothing was written: there is no committed state to speak of
    return 1;
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
