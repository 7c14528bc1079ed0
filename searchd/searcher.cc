// searcher: parse → build → match → snippets. Totals are exact up to kExactTotalUpTo hits
// (check_at_least), beyond which Xapian's estimate is returned.

#include "searchd/searcher.h"

#include <chrono>

#include "analysis/analyzer.h"
#include "index/document_builder.h"
#include "searchd/accent_restorer.h"
#include "searchd/query_builder.h"
#include "searchd/query_parser.h"
#include "searchd/snippet.h"

namespace vnsearch {
namespace {

constexpr Xapian::doccount kExactTotalUpTo = 10000;
// How many of the best hits are read to restore accents in context.
constexpr size_t kHitsForAccentContext = 5;

nlohmann::json ParseStored(const std::string& data) {
  nlohmann::json stored = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  return stored.is_object() ? stored : nlohmann::json::object();
}

std::string StringField(const nlohmann::json& object, const char* name) {
  auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// The query as the reader most likely meant it: each word typed without accents given its most
// likely accents, each typo corrected. Empty when that is what was typed.
std::string SuggestQuery(const std::string& typed_query, const std::vector<RestoredWord>& words) {
  std::string suggestion = typed_query;
  bool changed = false;
  size_t search_from = 0;
  for (const RestoredWord& word : words) {
    size_t at = suggestion.find(word.typed, search_from);
    if (at == std::string::npos) continue;
    bool restores_accents = !HasDiacritics(word.typed) && HasDiacritics(word.spelled);
    if (word.corrected || restores_accents) {
      suggestion.replace(at, word.typed.size(), word.spelled);
      changed = true;
      search_from = at + word.spelled.size();
    } else {
      search_from = at + word.typed.size();
    }
  }
  return changed ? suggestion : "";
}

// Among folded matches, articles that use the most likely accented spelling rank first.
Xapian::Query PreferLikelySpelling(const Xapian::Query& query,
                                   const std::vector<RestoredWord>& words) {
  std::vector<Xapian::Query> likely;
  for (const RestoredWord& word : words) {
    if (!word.exact.empty() && !word.corrected) likely.emplace_back(word.exact);
  }
  if (likely.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, likely.begin(), likely.end()));
}

}  // namespace

Searcher::Searcher(const std::string& path) : database_(path) {}

void Searcher::Refresh() { database_.reopen(); }

SearchResponse Searcher::Search(const SearchRequest& request) {
  auto started = std::chrono::steady_clock::now();
  ParsedQuery parsed = ParseQuery(request.query);
  if (!parsed.ok) throw QueryError(parsed.error);
  BuiltQuery built = BuildQuery(parsed.root);

  SearchResponse response;
  response.query = request.query;
  response.page = request.page;
  response.size = request.size;
  std::vector<RestoredWord> restored = RestoreWords(built.plain_words, database_);
  if (built.space == MatchSpace::kFolded) {
    built.query = PreferLikelySpelling(built.query, restored);
    built.relaxed = PreferLikelySpelling(built.relaxed, restored);
  }
  Xapian::Enquire enquire(database_);
  enquire.set_query(built.query);
  Xapian::doccount offset = static_cast<Xapian::doccount>((request.page - 1) * request.size);
  Xapian::MSet matches = enquire.get_mset(offset, request.size, kExactTotalUpTo);
  if (matches.get_matches_estimated() == 0 && !built.plain_words.empty()) {
    enquire.set_query(built.relaxed);
    matches = enquire.get_mset(offset, request.size, kExactTotalUpTo);
    response.partial_match = matches.get_matches_estimated() > 0;
  }
  response.total = matches.get_matches_estimated();
  std::vector<nlohmann::json> stored_hits;
  for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
    stored_hits.push_back(ParseStored(it.get_document().get_data()));
  }
  if (built.space == MatchSpace::kFolded && !response.partial_match) {
    std::vector<std::string> texts;
    for (size_t i = 0; i < stored_hits.size() && i < kHitsForAccentContext; ++i) {
      texts.push_back(StringField(stored_hits[i], "title"));
      texts.push_back(StringField(stored_hits[i], "body"));
    }
    RestoreFromTexts(std::vector<std::string_view>(texts.begin(), texts.end()), &restored);
  }
  response.suggestion = SuggestQuery(request.query, restored);
  Xapian::MSetIterator it = matches.begin();
  for (const nlohmann::json& stored : stored_hits) {
    SearchHit hit;
    hit.id = StringField(stored, "id");
    hit.title = StringField(stored, "title");
    hit.date = StringField(stored, "date");
    hit.source = StringField(stored, "source");
    hit.author = StringField(stored, "author");
    hit.snippet = MakeSnippet(StringField(stored, "body"), built.highlighter);
    hit.score = it.get_weight();
    ++it;
    response.hits.push_back(std::move(hit));
  }
  response.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
          .count();
  return response;
}

std::optional<nlohmann::json> Searcher::GetArticle(const std::string& article_id) {
  Xapian::PostingIterator posting = database_.postlist_begin(ArticleIdTerm(article_id));
  if (posting == database_.postlist_end(ArticleIdTerm(article_id))) return std::nullopt;
  return ParseStored(database_.get_document(*posting).get_data());
}

}  // namespace vnsearch
