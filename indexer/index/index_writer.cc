// index_writer: document building plus the bookkeeping that spans documents. Spelling data is
// gathered per batch and written once per distinct word at commit, which is far cheaper than one
// add_spelling() call per occurrence.

#include "index/index_writer.h"

#include <filesystem>

#include "analysis/analyzer.h"
#include "index/document_builder.h"

namespace vnsearch {
namespace {

Xapian::WritableDatabase OpenForWriting(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ignored;  // a failure shows up, with a better message, in the open below
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

// Words worth offering as spelling corrections: letters only, two or more.
bool IsSpellingWord(const Token& token) {
  if (token.kind != TokenKind::kWord || token.folded.size() < 2) return false;
  for (char c : token.folded) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path) : database_(OpenForWriting(path)) {}

void IndexWriter::Put(const Article& article, const std::string& content_hash) {
  Xapian::Document document = BuildDocument(article, content_hash);
  database_.replace_document(ArticleIdTerm(article.id), document);
  for (const auto& [key, name] : FacetNames(article)) {
    if (named_facet_values_.insert(key).second) database_.set_metadata(key, name);
  }
  std::vector<Token> tokens;
  Analyze(article.title, &tokens);
  Analyze(article.body, &tokens);
  for (const Token& token : tokens) {
    if (IsSpellingWord(token)) ++pending_spellings_[token.folded];
  }
}

void IndexWriter::Commit() {
  for (const auto& [word, frequency] : pending_spellings_) database_.add_spelling(word, frequency);
  pending_spellings_.clear();
  database_.commit();
}

}  // namespace vnsearch
