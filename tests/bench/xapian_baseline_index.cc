// xapian_baseline_index: the floor for vnsearch-index, a bare Xapian index of the same articles
// as Omega would write it: the stock TermGenerator (no stemmer, no stopper), the title with prefix
// "S" and unprefixed, then the body, all with positions; the id as a boolean "Q" term and as the
// document data. One thread, one WritableDatabase, Xapian's default flush threshold, one commit at
// the end. The time covers reading the files, indexing and the commit, as vnsearch-index's does.
// Whatever vnsearch-index spends above this is the price of its analysis (folding, accents,
// abbreviations), article understanding (persons, units, dates) and facets.
//
// Usage: xapian_baseline_index --db DIR --corpus DIR   (DIR for --db must not exist yet)

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "build_summary.h"

namespace {

constexpr const char* kUsage = "Usage: xapian_baseline_index --db DIR --corpus DIR\n";

void IndexArticle(const vnsearch::bench::BenchArticle& article, Xapian::TermGenerator* generator,
                  Xapian::WritableDatabase* database) {
  Xapian::Document document;
  document.set_data(article.article_id);
  document.add_boolean_term("Q" + article.article_id);
  generator->set_document(document);
  std::string_view title = article.Title();
  std::string_view body = article.Body();
  generator->index_text(Xapian::Utf8Iterator(title.data(), title.size()), 1, "S");
  generator->index_text(Xapian::Utf8Iterator(title.data(), title.size()));
  generator->increase_termpos();  // no phrase spans the title and the body
  generator->index_text(Xapian::Utf8Iterator(body.data(), body.size()));
  database->add_document(document);
}

}  // namespace

int main(int argc, char** argv) {
  auto started = std::chrono::steady_clock::now();
  vnsearch::bench::BuildInput input;
  if (int status =
          vnsearch::bench::ReadBuildInput("xapian_baseline_index", kUsage, argc, argv, &input)) {
    return status;
  }
  const std::string& database_path = input.database_path;
  const std::vector<vnsearch::bench::BenchArticle>& articles = input.articles;
  size_t text_bytes = 0;
  try {
    Xapian::WritableDatabase database(database_path, Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    for (const vnsearch::bench::BenchArticle& article : articles) {
      IndexArticle(article, &generator, &database);
      text_bytes += article.text.size();
    }
    database.commit();
  } catch (const Xapian::Error& error) {
    std::cerr << "xapian_baseline_index: " << database_path << ": " << error.get_description()
              << "\n";
    return 1;
  }
  vnsearch::bench::BuildFigures figures;
  figures.program = "xapian_baseline_index";
  figures.articles = articles.size();
  figures.text_bytes = text_bytes;
  figures.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  figures.index_bytes = vnsearch::bench::DiskUsageBytes(database_path);
  figures.index_size_source = "du of " + database_path;
  vnsearch::bench::PrintBuildSummary(figures);
  return input.errors.empty() ? 0 : 1;
}
