// document_builder: the index side of the schema. Every token is posted twice at one position
// (exact and folded space) so phrases work whichever way the reader types; title tokens are
// posted with extra weight and again under the title-only prefixes.

#include "index/document_builder.h"

#include <nlohmann/json.hpp>

#include <vector>

#include "analysis/analyzer.h"
#include "index/schema.h"

namespace vnsearch {
namespace {

void PostTokens(const std::vector<Token>& tokens, Xapian::termcount wdf, bool title,
                Xapian::Document* document) {
  for (const Token& token : tokens) {
    document->add_posting(token.exact, token.position, wdf);
    document->add_posting(schema::kFolded + token.folded, token.position, wdf);
    if (title) {
      document->add_posting(schema::kTitleExact + token.exact, token.position);
      document->add_posting(schema::kTitleFolded + token.folded, token.position);
    }
  }
}

}  // namespace

std::string ArticleIdTerm(const std::string& article_id) {
  return schema::kArticleId + article_id;
}

Xapian::Document BuildDocument(const Article& article, const std::string& content_hash) {
  Xapian::Document document;
  std::vector<Token> tokens;
  uint32_t next_position = Analyze(article.title, &tokens, 1);
  PostTokens(tokens, schema::kTitleWdf, true, &document);
  tokens.clear();
  Analyze(article.body, &tokens, next_position + schema::kBodyPositionGap);
  PostTokens(tokens, 1, false, &document);

  document.add_boolean_term(ArticleIdTerm(article.id));
  std::string compact_date;
  for (char c : article.date) {
    if (c != '-') compact_date += c;
  }
  document.add_value(schema::kDateSlot, compact_date);
  document.add_value(schema::kContentHashSlot, content_hash);

  nlohmann::json stored = {{"id", article.id},         {"title", article.title},
                           {"date", article.date},     {"source", article.source},
                           {"author", article.author}, {"body", article.body}};
  document.set_data(stored.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return document;
}

}  // namespace vnsearch
