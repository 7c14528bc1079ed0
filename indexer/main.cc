// vnsearch-index: reads article files and writes them into a vnsearch Xapian index.
// Usage: vnsearch-index [--db DIR] PATH...   (see --help)

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "article/article_json.h"
#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/index_writer.h"

namespace {

constexpr const char* kUsage =
    "Usage: vnsearch-index [--db DIR] PATH...\n"
    "       vnsearch-index --print FILE...\n"
    "Indexes the .txt articles found in PATH (files or directories, recursively).\n"
    "\n"
    "  --db DIR   Xapian database to create or update (env VNSEARCH_DB, default var/db)\n"
    "  --print    parse the files and print what vnsearch understands of each, as JSON\n"
    "             (title, date, source, author, body, terms, persons, units); index nothing\n"
    "  --help     show this help\n";

struct Options {
  std::string database = "var/db";
  bool print_only = false;
  std::vector<std::string> paths;
};

bool ParseOptions(int argc, char** argv, Options* options) {
  if (const char* env = std::getenv("VNSEARCH_DB")) options->database = env;
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (argument == "--print") {
      options->print_only = true;
    } else if (argument == "--db" && i + 1 < argc) {
      options->database = argv[++i];
    } else if (argument.rfind("--db=", 0) == 0) {
      options->database = argument.substr(5);
    } else if (argument.rfind("--", 0) == 0) {
      std::cerr << "vnsearch-index: unknown option " << argument << "\n" << kUsage;
      return false;
    } else {
      options->paths.push_back(argument);
    }
  }
  if (options->paths.empty()) {
    std::cerr << "vnsearch-index: no PATH given: name the corpus files or folders to index\n"
              << kUsage;
    return false;
  }
  return true;
}

// --print: one JSON object per article, one per line.
int PrintArticles(const std::vector<vnsearch::CorpusFile>& files) {
  int failed = 0;
  for (const vnsearch::CorpusFile& file : files) {
    std::string text;
    std::string error;
    if (!vnsearch::ReadArticleFile(file.path, &text, &error)) {
      std::cerr << "vnsearch-index: " << error << "\n";
      ++failed;
      continue;
    }
    std::cout << vnsearch::ArticleToJson(vnsearch::ParseArticle(file.article_id, text)).dump(2)
              << "\n";
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return 2;
  std::vector<std::string> errors;
  std::vector<vnsearch::CorpusFile> files = vnsearch::ListCorpusFiles(options.paths, &errors);
  for (const std::string& error : errors) std::cerr << "vnsearch-index: " << error << "\n";
  if (options.print_only) return PrintArticles(files) == 0 && errors.empty() ? 0 : 1;

  auto started = std::chrono::steady_clock::now();
  size_t indexed = 0;
  size_t failed = errors.size();
  size_t bytes = 0;
  try {
    vnsearch::IndexWriter writer(options.database);
    for (const vnsearch::CorpusFile& file : files) {
      std::string text;
      std::string error;
      if (!vnsearch::ReadArticleFile(file.path, &text, &error)) {
        std::cerr << "vnsearch-index: skipped " << error << "\n";
        ++failed;
        continue;
      }
      vnsearch::Article article = vnsearch::ParseArticle(file.article_id, text);
      writer.Put(article, vnsearch::ContentHash(text));
      ++indexed;
      bytes += text.size();
      if (indexed % 1000 == 0) {
        std::cerr << "vnsearch-index: " << indexed << "/" << files.size() << " articles\n";
      }
    }
    writer.Commit();
  } catch (const Xapian::Error& error) {
    std::cerr << "vnsearch-index: " << options.database << ": " << error.get_description()
              << "\n";
    return 1;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("vnsearch-index: %zu articles indexed, %zu failed, %.1f MB in %.2f s into %s\n",
              indexed, failed, bytes / 1e6, seconds, options.database.c_str());
  return failed == 0 ? 0 : 1;
}
