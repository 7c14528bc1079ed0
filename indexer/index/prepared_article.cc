// prepared_article: parsing, document building and spelling words — the expensive, pure part of
// indexing an article.

#include "index/prepared_article.h"

#include <unordered_map>

#include "analysis/analyzer.h"
#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/document_builder.h"

namespace vnsearch {
namespace {

// Words worth offering as spelling corrections: letters only, two or more.
bool IsSpellingWord(const Token& token) {
  if (token.kind != TokenKind::kWord || token.folded.size() < 2) return false;
  for (char c : token.folded) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

PreparedArticle PrepareParsedArticle(Article article, const std::string& content_hash) {
  PreparedArticle prepared;
  std::vector<Token> tokens;
  prepared.document = BuildDocument(article, content_hash, &tokens);
  std::unordered_map<std::string, Xapian::termcount> spellings;
  for (const Token& token : tokens) {
    if (IsSpellingWord(token)) ++spellings[token.folded];
  }
  prepared.spelling_words.assign(spellings.begin(), spellings.end());
  prepared.facet_names = FacetNames(article);
  prepared.content_hash = content_hash;
  prepared.article = std::move(article);
  return prepared;
}

PreparedArticle PrepareArticle(const std::string& article_id, const std::string& raw_text) {
  return PrepareParsedArticle(ParseArticle(article_id, raw_text), ContentHash(raw_text));
}

}  // namespace vnsearch
