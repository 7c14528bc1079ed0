// searcher: parse → build → filter → match → facets → snippets.
//
// Totals are exact: with facets, the counting pass visits every match anyway and gives it; without,
// the ranking pass checks up to kExactTotalUpTo matches. Facet counts are multi-select: each facet
// is counted over the matches of the query with every filter but its own, so a reader can widen a
// selection; the facets without a selection of their own share one counting pass.

#include "searchd/searcher.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "analysis/analyzer.h"
#include "article/article_json.h"
#include "article/canonical_name.h"
#include "index/generations.h"
#include "index/schema.h"
#include "index/stored_article.h"
#include "searchd/accent_restorer.h"
#include "searchd/bitmap_source.h"
#include "searchd/facet_columns.h"
#include "searchd/match_bitmap.h"
#include "searchd/query_builder.h"
#include "searchd/query_limits.h"
#include "searchd/query_parser.h"
#include "searchd/snippet.h"
#include "searchd/term_frequencies.h"
#include "searchd/wildcard_expansion.h"

namespace vnsearch {
namespace {

constexpr Xapian::doccount kExactTotalUpTo = 10000;
// A ranking pass of a local index with facets visits at least this many matches (recording them):
// when there are no more, they are counted without a counting pass. Checking that many costs
// the queries with more matches little (measured: README, "Where a search spends its time").
constexpr Xapian::doccount kCountFromRankingUpTo = 500;
// A ranking pass may visit every match anyway, past the first kCountFromRankingUpTo (a ranked
// question's often does: few of its matches can be ruled out by weight alone), so it records up
// to this many, and any such pass spares the counting pass. (4 bytes a match.)
constexpr size_t kRecordedMatchesUpTo = 100000;
// How many of the best hits are read to restore accents in context.
constexpr size_t kHitsForAccentContext = 5;
// Relevance feedback for "similar": terms taken from the article.
constexpr Xapian::termcount kSimilarTerms = 40;
// Title words a suggestion's last, partial word may stand for.
constexpr Xapian::termcount kSuggestWildcardTerms = 50;
// Expansion terms considered for each one kept (those only the article itself holds are not).
constexpr Xapian::termcount kSimilarCandidatesPerTerm = 3;

// The budget of one search, so that a stranger's query cannot hold a worker for long: the
// query's size is bounded first (query_limits.h: words, wildcards, postings to read); then
// Xapian stops counting beyond the page after kMatchSeconds (Enquire::set_time_limit), and any
// match still going at kSearchSeconds is stopped (DeadlineSpy). A ranking pass stopped so is a
// query too costly (400); counting passes stopped so are estimates, and passes not begun are
// skipped: the answer then says "timed_out".
constexpr double kMatchSeconds = 0.5;
constexpr double kSearchSeconds = 1.5;

using Clock = std::chrono::steady_clock;

// Adds the time since the last lap to the phase a lap names.
class PhaseTimer {
 public:
  PhaseTimer() : last_(Clock::now()) {}
  void Lap(double* phase_seconds) {
    Clock::time_point now = Clock::now();
    *phase_seconds += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  Clock::time_point last_;
};

struct DeadlinePassed {};

// Stops a match from inside it: Xapian calls a match spy for each matching document it weighs
// (every one when counting), and an exception thrown there ends get_mset(). Checks the clock
// every 128 documents. Not over remote shards: xapian-tcpsrv runs only the match spies it knows
// (Xapian's own), so there Xapian's time limit is the only bound.
class DeadlineSpy : public Xapian::MatchSpy {
 public:
  explicit DeadlineSpy(Clock::time_point deadline) : deadline_(deadline) {}
  void operator()(const Xapian::Document&, double) override {
    if ((++seen_ & 127) == 0 && Clock::now() > deadline_) throw DeadlinePassed();
  }

 private:
  const Clock::time_point deadline_;
  unsigned seen_ = 0;
};

// The stored article of a match (empty if its data cannot be read).
Article StoredArticle(const Xapian::Document& document) {
  Article article;
  DecodeStoredArticle(document.get_data(), &article);
  return article;
}

// The time preparing one hit spent on each step.
struct HitWorkTimes {
  Clock::duration decoding{};
  Clock::duration analysis{};
  Clock::duration snippets{};
};

// Shares `seconds`, the wall time of preparing the hits, among the stored, analysis and
// snippets phases as the time spent on the hits was shared among those steps.
void SplitHitPhases(double seconds, const std::vector<HitWorkTimes>& times, SearchPhases* phases) {
  Clock::duration decoding{}, analysis{}, snippets{};
  for (const HitWorkTimes& hit : times) {
    decoding += hit.decoding;
    analysis += hit.analysis;
    snippets += hit.snippets;
  }
  double total = std::chrono::duration<double>(decoding + analysis + snippets).count();
  if (total <= 0) {
    phases->analysis += seconds;
    return;
  }
  phases->stored += seconds * std::chrono::duration<double>(decoding).count() / total;
  phases->analysis += seconds * std::chrono::duration<double>(analysis).count() / total;
  phases->snippets += seconds * std::chrono::duration<double>(snippets).count() / total;
}

SearchHit HitFromArticle(const Article& article, double score) {
  SearchHit hit;
  hit.id = article.id;
  hit.title = article.title;
  hit.date = article.date;
  hit.source = article.source;
  hit.author = article.author;
  hit.score = score;
  for (const Unit& unit : article.units) hit.units.push_back(unit.name);
  hit.terms = article.terms;
  for (const Person& person : article.persons) hit.persons.push_back(person.name);
  return hit;
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

Xapian::Query DateRange(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return Xapian::Query();
  if (to.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                         schema::DateSlotValue(from));
  }
  // Undated articles have an empty slot value, which sorts before every date: start at "1".
  std::string lower = from.empty() ? "1" : schema::DateSlotValue(from);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lower,
                       schema::DateSlotValue(to));
}

// `query` restricted by `filter` (when there is one) without changing its weights.
Xapian::Query Filtered(const Xapian::Query& query, const Xapian::Query& filter) {
  if (filter.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

Xapian::Query Both(const Xapian::Query& first, const Xapian::Query& second) {
  if (first.empty()) return second;
  if (second.empty()) return first;
  return Xapian::Query(Xapian::Query::OP_AND, first, second);
}

// `matches` worked out from the revision's term bitmaps, as a posting source over them; `matches`
// itself when it is not made of terms alone, or when working it out would read more postings
// than a query may (the query's own cost check then refuses it).
Xapian::Query PrecomputedMatches(const Xapian::Query& matches,
                                 const std::vector<TermQuorum>& quorums,
                                 const Xapian::Database& database, TermBitmaps* bitmaps) {
  if (!MatchesByTermsAlone(matches, quorums)) return matches;
  uint64_t postings = 0;
  for (Xapian::TermIterator term = matches.get_unique_terms_begin();
       term != matches.get_unique_terms_end(); ++term) {
    postings += database.get_termfreq(*term);
  }
  for (const TermQuorum& quorum : quorums) {
    for (const std::string& term : quorum.terms) postings += database.get_termfreq(term);
  }
  if (postings > kMaxQueryPostings) return matches;
  std::optional<TermBitmap> bitmap = MatchBitmap(matches, database, bitmaps, quorums);
  return bitmap ? BitmapPostingSource::Make(std::move(*bitmap)) : matches;
}

// Adds the terms of `query` to `terms` when it matches exactly the articles holding all of them:
// a term, or an AND or FILTER (or a one-way OR) of such queries; false when it does not.
bool AddConjunctionTerms(const Xapian::Query& query, std::vector<std::string>* terms) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      std::string term = *query.get_terms_begin();
      if (term.empty()) return false;
      terms->push_back(std::move(term));
      return true;
    }
    case Xapian::Query::OP_OR:
      if (query.get_num_subqueries() != 1) return false;
      [[fallthrough]];
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (!AddConjunctionTerms(query.get_subquery(i), terms)) return false;
      }
      return query.get_num_subqueries() > 0;
    default:
      return false;
  }
}

// The terms of `query` when it matches exactly the articles holding all of them; else none.
std::vector<std::string> ConjunctionTerms(const Xapian::Query& query) {
  std::vector<std::string> terms;
  if (!AddConjunctionTerms(query, &terms)) terms.clear();
  return terms;
}

// A weight to 12 significant digits. Over several shards Xapian adds up a synonym's statistics
// in another order than over one index, so that equally relevant articles in two shards can
// differ in the last bits of their weights: those bits must not decide which comes first.
double RoundedWeight(double weight) {
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", weight);
  return std::strtod(text, nullptr);
}

// The `wanted` best matches of `enquire` (sorted by relevance), equally relevant ones newest
// first (kDateThenIdSlot) whatever the last bits of their weights: as many more are read as tie
// with the last one wanted.
std::vector<Xapian::Document> BestTitles(Xapian::Enquire* enquire, size_t wanted) {
  struct Ranked {
    Xapian::Document document;
    double weight;
    std::string sort_key;
  };
  if (wanted == 0) return {};
  std::vector<Ranked> ranked;
  constexpr Xapian::doccount kMostRead = 1000;
  Xapian::doccount read = static_cast<Xapian::doccount>(wanted) + 8;
  while (true) {
    Xapian::MSet matches = enquire->get_mset(0, read);
    ranked.clear();
    for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
      Xapian::Document document = it.get_document();
      ranked.push_back(
          {document, RoundedWeight(it.get_weight()), document.get_value(schema::kDateThenIdSlot)});
    }
    bool all_read = ranked.size() < read;
    if (all_read || ranked.size() <= wanted || read >= kMostRead ||
        ranked.back().weight < ranked[wanted - 1].weight) {
      break;
    }
    read = std::min(kMostRead, read * 4);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.sort_key > b.sort_key;
  });
  std::vector<Xapian::Document> best;
  for (size_t i = 0; i < ranked.size() && i < wanted; ++i) best.push_back(ranked[i].document);
  return best;
}

// Every order is total: equals are ordered by date, then id (schema::kDateThenIdSlot), never by
// document number, so one index and any set of shards give the same pages.
void ApplySort(SortOrder sort, Xapian::Enquire* enquire) {
  if (sort == SortOrder::kRelevance) {
    // Equally relevant: newest first.
    enquire->set_sort_by_relevance_then_value(schema::kDateThenIdSlot, /*reverse=*/true);
    return;
  }
  // Oldest or newest first; articles of the same day by id (in reverse for -date).
  enquire->set_sort_by_value_then_relevance(schema::kDateThenIdSlot,
                                            sort == SortOrder::kDateDescending);
}

}  // namespace

Searcher::Searcher(const std::string& path, const RankingOptions& ranking)
    : Searcher(std::vector<std::string>{path}, 10000, ranking) {}

Searcher::Searcher(const std::vector<std::string>& databases, unsigned remote_timeout_ms,
                   const RankingOptions& ranking)
    : ranking_(ranking), shards_(databases, remote_timeout_ms) {}

Searcher::RankedPage Searcher::PageOfMatches(const Xapian::Query& query,
                                             const Xapian::Query& pair_bonus,
                                             Xapian::doccount offset, Xapian::doccount size,
                                             Xapian::doccount check_at_least, bool by_relevance,
                                             Xapian::Enquire* enquire, MatchRecorder* recorder) {
  RankedPage ranked;
  // What the first pass counted; a recorder records that pass only.
  auto count = [&](const Xapian::MSet& counted) {
    if (recorder != nullptr) recorder->Stop();
    ranked.total = counted.get_matches_estimated();
    ranked.total_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    ranked.count_cut_short = check_at_least > 0 &&
                             counted.get_matches_lower_bound() < check_at_least &&
                             !ranked.total_exact;
  };
  auto hits_of = [](const Xapian::MSet& matches) {
    std::vector<RankedHit> hits;
    for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
      hits.push_back({it.get_document(), it.get_weight()});
    }
    return hits;
  };
  enquire->set_query(query);
  if (pair_bonus.empty() || !by_relevance) {
    Xapian::MSet page = enquire->get_mset(offset, size, check_at_least);
    count(page);
    ranked.page = hits_of(page);
    return ranked;
  }
  // The best matches by their words, then those again with the pair bonus. Only a match with
  // unusually many pairs could climb from below the depth into the page.
  Xapian::doccount depth = static_cast<Xapian::doccount>(ranking_.pair_rerank_depth);
  Xapian::MSet best = enquire->get_mset(0, std::max(depth, offset + size), check_at_least);
  count(best);
  if (best.size() <= offset) return ranked;  // past the last match
  // The bonus alone, for the best only: a match's weight is its weight by its words (as the
  // first pass computed it: the query is not evaluated again) plus its bonus, the sum Xapian's
  // AND_MAYBE of the two would make. The best are named by their id terms, not their document
  // numbers: over several shards a match's number is not the one its shard knows, and a remote
  // shard runs only Xapian's own operators. The id is read from the sort slot, which holds it
  // (a document's term list, the other place it is, is long and compressed).
  struct Reranked {
    RankedHit hit;
    // The match's number in the set of shards (Document::get_docid() would give its shard's).
    Xapian::docid docid;
    std::string sort_key;  // kDateThenIdSlot: equally relevant, newest first (ApplySort)
  };
  std::vector<Reranked> reranked;
  std::vector<Xapian::Query> best_ids;
  for (Xapian::MSetIterator it = best.begin(); it != best.end(); ++it) {
    Xapian::Document document = it.get_document();
    std::string sort_key = document.get_value(schema::kDateThenIdSlot);
    std::string id = schema::ArticleIdOfDateThenId(sort_key);
    if (!id.empty()) best_ids.emplace_back(schema::ArticleIdTerm(id));
    reranked.push_back({{document, it.get_weight()}, *it, std::move(sort_key)});
  }
  enquire->set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, pair_bonus,
                    Xapian::Query(Xapian::Query::OP_OR, best_ids.begin(), best_ids.end())));
  Xapian::MSet bonuses = enquire->get_mset(0, best.size());
  std::unordered_map<Xapian::docid, double> bonus_of;
  for (Xapian::MSetIterator it = bonuses.begin(); it != bonuses.end(); ++it) {
    bonus_of[*it] = it.get_weight();
  }
  for (Reranked& match : reranked) {
    auto bonus = bonus_of.find(match.docid);
    if (bonus != bonus_of.end()) match.hit.weight += bonus->second;
  }
  std::stable_sort(reranked.begin(), reranked.end(), [](const Reranked& a, const Reranked& b) {
    if (a.hit.weight != b.hit.weight) return a.hit.weight > b.hit.weight;
    return a.sort_key > b.sort_key;
  });
  for (size_t i = offset; i < reranked.size() && i < offset + size; ++i) {
    ranked.page.push_back(std::move(reranked[i].hit));
  }
  return ranked;
}

bool Searcher::AnyArticleMatches(const Xapian::Query& query, const Xapian::Query& filters) {
  Xapian::Enquire enquire(database());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Filtered(query, filters), 0));
  return !enquire.get_mset(0, 1).empty();
}

void Searcher::Refresh() { shards_.Refresh(); }

void Searcher::ReadFacetColumns() { Columns(); }

std::shared_ptr<const FacetColumns> Searcher::Columns() {
  if (!Revision() || facet_counting_ == FacetCounting::kValueSpies) return nullptr;
  return FacetColumnsOf(database(), RevisionKey());
}

void Searcher::SetIndexTerms(RankingOptions* ranking) {
  std::string revision = RevisionKey();
  if (revision != index_terms_revision_) {
    pair_terms_ = expansion_terms_ = !shards_.live_shards().empty();
    for (const Xapian::Database& shard : shards_.live_shards()) {
      if (shard.get_metadata(schema::kPairTermsMetadataKey) != "1") pair_terms_ = false;
      if (shard.get_metadata(schema::kExpansionTermsMetadataKey) != "1") expansion_terms_ = false;
    }
    index_terms_revision_ = revision;
  }
  ranking->pair_terms = pair_terms_;
  ranking->expansion_terms = expansion_terms_;
}

const std::vector<FacetValue>& Searcher::AllFacetValues(const FacetDefinition& facet) {
  std::string revision = RevisionKey();
  if (revision != all_facet_values_revision_) {
    all_facet_values_.clear();
    all_facet_values_revision_ = revision;
  }
  auto found = all_facet_values_.find(facet.name);
  if (found != all_facet_values_.end()) return found->second;
  Xapian::Enquire enquire(database());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, MatchEverything(), 0));
  Xapian::ValueCountMatchSpy spy(facet.slot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, database().get_doccount());
  return all_facet_values_[facet.name] = CountsFromSpy(spy, facet, shards_.live_shards(), {},
                                                       std::numeric_limits<size_t>::max() / 2);
}

SearchResponse Searcher::Search(const SearchRequest& request) {
  SearchResponse response = WithShards([&] { return SearchOnce(request); });
  response.partial_shards = DownShards();
  return response;
}

SearchResponse Searcher::SearchOnce(const SearchRequest& request) {
  auto started = Clock::now();
  auto deadline = started + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(kSearchSeconds));
  PhaseTimer timer;
  SearchPhases phases;
  ParsedQuery parsed = ParseQuery(request.query);
  if (!parsed.ok) throw QueryError(parsed.error);
  std::string problem;
  if (!CheckQueryLimits(parsed.root, &problem)) throw QueryError(problem);
  RankingOptions ranking = ranking_;
  ranking.xapian_operators_only = shards_.has_remote();
  SetIndexTerms(&ranking);
  // One local index has a ranked query's matches worked out from its term bitmaps before Xapian
  // ranks them: Xapian then reads one list where the quorum of words would merge their lists.
  std::shared_ptr<const FacetColumns> columns = Columns();
  MatchesPrecomputer precompute_matches = nullptr;
  if (columns) {
    precompute_matches = [&](const Xapian::Query& matches, const std::vector<TermQuorum>& quorums) {
      return PrecomputedMatches(matches, quorums, database(), &columns->term_bitmaps());
    };
  }
  BuiltQuery built = BuildQuery(
      parsed.root, ranking, &database(),
      [this](const std::string& stem, Xapian::termcount limit) {
        return ExpandWildcard(database(), stem, limit);
      },
      precompute_matches);
  uint64_t postings = EstimatePostings(database(), built);
  if (postings > kMaxQueryPostings) {
    throw QueryTooCostly("the query would read " + std::to_string(postings) +
                         " postings of the index, more than the " +
                         std::to_string(kMaxQueryPostings) +
                         " allowed: use fewer or longer wildcards (word*), or rarer words");
  }

  SearchResponse response;
  response.query = request.query;
  response.page = request.page;
  response.size = request.size;
  timer.Lap(&phases.query);
  std::vector<RestoredWord> restored =
      RestoreWords(built.plain_words, TermFrequencies(database(), shards_.has_remote()));
  if (built.space == MatchSpace::kFolded) {
    built.query = PreferLikelySpelling(built.query, restored);
    built.relaxed = PreferLikelySpelling(built.relaxed, restored);
  }
  timer.Lap(&phases.spelling);
  Xapian::Query date_range = DateRange(request.from, request.to);
  Xapian::Query all_filters = Both(FacetFilter(request.filters), date_range);

  // The page of hits. With facets, the counting passes below give the exact total, so the
  // ranking pass may stop as soon as it has the page. (Counting in the ranking pass instead
  // was measured: weighing every match costs as much as the unweighted pass it saves.) But a
  // local index, whose facets are counted from columns, has the ranking pass visit at least
  // kCountFromRankingUpTo matches, recording each one it visits: when that was all of them, they
  // are counted from the columns and the counting pass is not needed — unless which articles
  // match depends only on which terms they hold (words, codes, abbreviations, filters of one
  // value each): those are counted from the terms' bitmaps and posting lists (CountFacets),
  // cheaper than making the ranking pass weigh them.
  Xapian::Enquire enquire(database());
  enquire.set_time_limit(kMatchSeconds);
  DeadlineSpy deadline_spy(deadline);
  if (!shards_.has_remote()) enquire.add_matchspy(&deadline_spy);  // see DeadlineSpy
  const bool columns_from_ranking =
      request.with_facets && Revision() && facet_counting_ == FacetCounting::kColumnsFromRanking;
  auto worth_recording = [&](const Xapian::Query& matches) {
    return columns_from_ranking &&
           !MatchesByTermsAlone(Filtered(matches, all_filters), built.quorums);
  };
  bool record_matches = worth_recording(built.query_matches);
  MatchRecorder recorder(kRecordedMatchesUpTo);
  if (record_matches) enquire.add_matchspy(&recorder);
  ApplySort(request.sort, &enquire);
  Xapian::doccount offset = static_cast<Xapian::doccount>((request.page - 1) * request.size);
  Xapian::doccount check_at_least = !request.with_facets ? kExactTotalUpTo
                                    : record_matches     ? kCountFromRankingUpTo
                                                         : 0;
  Xapian::Query matcher = built.query_matches;
  Xapian::BM25Weight ranked_weight(ranking_.ranked_bm25_k1, 0, 1, ranking_.ranked_bm25_b, 0.5);
  if (built.ranked) enquire.set_weighting_scheme(ranked_weight);
  bool by_relevance = request.sort == SortOrder::kRelevance;
  RankedPage ranked;
  try {
    ranked = PageOfMatches(Filtered(built.query, all_filters), built.pair_bonus, offset,
                           request.size, check_at_least, by_relevance, &enquire, &recorder);
  } catch (const DeadlinePassed&) {
    throw QueryTooCostly("the query was not answered within " +
                         std::to_string(static_cast<int>(kSearchSeconds * 1000)) +
                         " ms: use fewer wildcards (word*) or more specific words");
  }
  if (built.ranked) {
    // Articles with some of the words are listed anyway; say when none has them all.
    response.partial_match = ranked.total > 0 && Clock::now() < deadline &&
                             !AnyArticleMatches(built.every_word, all_filters);
  } else if (ranked.total == 0 && !built.plain_words.empty() && all_filters.empty()) {
    // No article has every word: show those with some — unless filters are set, which must
    // only ever narrow what the words find.
    try {
      if (ranking_.rank_fallback_like_ranked) enquire.set_weighting_scheme(ranked_weight);
      const bool record_relaxed = worth_recording(built.relaxed_matches);
      if (record_relaxed) {
        if (!record_matches) enquire.add_matchspy(&recorder);
        recorder.Restart();
        check_at_least = kCountFromRankingUpTo;
      } else if (record_matches) {
        check_at_least = 0;  // the recorder stays stopped
      }
      record_matches = record_relaxed;
      ranked = PageOfMatches(Filtered(built.relaxed, all_filters), built.relaxed_pair_bonus, offset,
                             request.size, check_at_least, by_relevance, &enquire, &recorder);
      matcher = built.relaxed_matches;
      response.partial_match = ranked.total > 0;
    } catch (const DeadlinePassed&) {
      response.timed_out = true;  // the words found nothing, and there was no time for some
    }
  }
  const std::vector<RankedHit>& matches = ranked.page;
  response.total = ranked.total;
  // Without facets: the time limit stopped the count short of kExactTotalUpTo. (With facets,
  // the counting passes say.)
  if (ranked.count_cut_short && !request.with_facets) response.timed_out = true;
  timer.Lap(&phases.ranking);

  // Each hit's title and body are analysed once, for its snippet and for accent restoration,
  // into token lists this searcher keeps from one search to the next (no allocation per token).
  // The stored data is read here (a Xapian database serves one thread); decoding, analysing
  // and the snippet are the hit's alone, and an idle thread may take them (for_each_hit_)
  // while this one counts the facets.
  size_t hit_count = matches.size();
  if (hit_titles_.size() < hit_count) {
    hit_titles_.resize(hit_count);
    hit_bodies_.resize(hit_count);
  }
  std::vector<std::string> stored_data;
  for (const RankedHit& match : matches) stored_data.push_back(match.document.get_data());
  timer.Lap(&phases.stored);
  std::vector<Article> stored_hits(hit_count);
  std::vector<std::string> snippets(hit_count);
  std::vector<HitWorkTimes> times(hit_count);
  auto prepare_hit = [&](size_t i) {
    Clock::time_point started_hit = Clock::now();
    DecodeStoredArticle(stored_data[i], &stored_hits[i]);
    Clock::time_point decoded = Clock::now();
    hit_titles_[i].clear();
    hit_bodies_[i].clear();
    Analyze(stored_hits[i].title, &hit_titles_[i]);
    Analyze(stored_hits[i].body, &hit_bodies_[i]);
    Clock::time_point analysed = Clock::now();
    snippets[i] = MakeSnippet(stored_hits[i].body, hit_bodies_[i], built.highlighter);
    times[i] = {decoded - started_hit, analysed - decoded, Clock::now() - analysed};
  };
  Clock::duration counting{};
  auto count_facets = [&] {
    Clock::time_point started_counting = Clock::now();
    if (request.with_facets && !response.timed_out) {
      CountFacets(request, matcher, built.quorums, columns.get(), date_range, deadline,
                  record_matches ? recorder.AllMatches(ranked.total_exact, ranked.total) : nullptr,
                  &response);
    }
    counting = Clock::now() - started_counting;
  };
  if (for_each_hit_) {
    for_each_hit_(hit_count, prepare_hit, count_facets);
  } else {
    count_facets();
    for (size_t i = 0; i < hit_count; ++i) prepare_hit(i);
  }
  // The facets take their own time; the hits, what is left of the wall time.
  double facets_and_hits = 0;
  timer.Lap(&facets_and_hits);
  double facets_seconds = std::chrono::duration<double>(counting).count();
  phases.facets += facets_seconds;
  SplitHitPhases(std::max(0.0, facets_and_hits - facets_seconds), times, &phases);
  if (built.space == MatchSpace::kFolded && !response.partial_match) {
    std::vector<const TokenList*> analysed;
    for (size_t i = 0; i < stored_hits.size() && i < kHitsForAccentContext; ++i) {
      analysed.push_back(&hit_titles_[i]);
      analysed.push_back(&hit_bodies_[i]);
    }
    RestoreFromTexts(analysed, &restored);
  }
  response.suggestion = SuggestQuery(request.query, restored);
  timer.Lap(&phases.spelling);
  for (size_t i = 0; i < stored_hits.size(); ++i) {
    SearchHit hit = HitFromArticle(stored_hits[i], matches[i].weight);
    hit.snippet = std::move(snippets[i]);
    response.hits.push_back(std::move(hit));
  }
  timer.Lap(&phases.snippets);
  response.phases = phases;
  response.took_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return response;
}

void Searcher::CountFacets(const SearchRequest& request, const Xapian::Query& matcher,
                           const std::vector<TermQuorum>& quorums, const FacetColumns* columns,
                           const Xapian::Query& date_range, Clock::time_point deadline,
                           const std::vector<Xapian::docid>* all_matches,
                           SearchResponse* response) {
  // Counting needs every match but no weights: scaled to zero, Xapian skips weighting.
  Xapian::Query unweighted(Xapian::Query::OP_SCALE_WEIGHT, matcher, 0);
  Xapian::doccount everything = database().get_doccount();
  // Counts into `counters` over the matches of `filters`; false when the pass was stopped (the
  // counts are then partial). Matches that depend only on which terms an article holds are
  // worked out from the terms' bitmaps and posting lists, without a pass (match_bitmap.h).
  auto count = [&](const Xapian::Query& filters, FacetCounters* counters, Xapian::doccount* total) {
    if (counters->has_columns()) {
      Xapian::Query matches = Filtered(matcher, filters);
      std::vector<std::string> conjunction = ConjunctionTerms(matches);
      if (!conjunction.empty()) {
        return counters->CountConjunction(database(), conjunction, deadline, total);
      }
      if (MatchesByTermsAlone(matches, quorums)) {
        return counters->CountMatchBitmap(database(), matches, quorums, deadline, total);
      }
    }
    Xapian::Enquire counter(database());
    counter.set_query(Filtered(unweighted, filters));
    counter.set_time_limit(kMatchSeconds);
    DeadlineSpy deadline_spy(deadline);
    if (!shards_.has_remote()) counter.add_matchspy(&deadline_spy);
    for (Xapian::MatchSpy* spy : counters->spies()) counter.add_matchspy(spy);
    try {
      Xapian::MSet all = counter.get_mset(0, 0, everything);
      *total = all.get_matches_estimated();
      return all.get_matches_lower_bound() == all.get_matches_upper_bound();
    } catch (const DeadlinePassed&) {
      return false;
    }
  };
  // Facets with a selection of their own: counted over the matches without their own filter.
  std::vector<size_t> unselected;
  for (size_t number = 0; number < Facets().size(); ++number) {
    const FacetDefinition& facet = Facets()[number];
    auto selected = request.filters.find(facet.name);
    if (selected == request.filters.end() || selected->second.empty()) {
      unselected.push_back(number);
      continue;
    }
    if (Clock::now() > deadline) {
      response->timed_out = true;
      return;
    }
    Xapian::doccount ignored_total = 0;
    FacetCounters counters(columns, {number});
    if (!count(Both(FacetFilter(request.filters, facet.name), date_range), &counters,
               &ignored_total)) {
      response->timed_out = true;
    }
    response->facets[facet.name] = ShownFacetValues(
        counters.Counted()[0], facet, shards_.live_shards(), selected->second, request.facet_limit);
  }
  // The rest, together, over the fully filtered matches — which also gives the exact total.
  if (Clock::now() > deadline) {
    response->timed_out = true;
    return;
  }
  Xapian::doccount total = 0;
  FacetCounters counters(columns, unselected);
  if (all_matches != nullptr && columns != nullptr) {  // the ranking pass recorded every match
    counters.CountDocuments(*all_matches);
    response->total = static_cast<Xapian::doccount>(all_matches->size());
  } else if (count(Both(FacetFilter(request.filters), date_range), &counters, &total)) {
    response->total = total;
  } else {
    response->timed_out = true;  // the ranking pass's estimate stays
  }
  // Only the values that can be shown are named and ranked; should some lack a name (none of an
  // index's values do), the list is made again from every value counted.
  bool cut = false;
  std::vector<CountedValues> counted = counters.MostFrequent(request.facet_limit, &cut);
  std::vector<CountedValues> every_value;
  for (size_t i = 0; i < unselected.size(); ++i) {
    const FacetDefinition& facet = Facets()[unselected[i]];
    std::vector<FacetValue> shown =
        ShownFacetValues(counted[i], facet, shards_.live_shards(), {}, request.facet_limit);
    if (cut && shown.size() < request.facet_limit) {
      if (every_value.empty()) every_value = counters.Counted();
      shown =
          ShownFacetValues(every_value[i], facet, shards_.live_shards(), {}, request.facet_limit);
    }
    response->facets[facet.name] = std::move(shown);
  }
}

std::optional<nlohmann::json> Searcher::GetArticle(const std::string& article_id) {
  return WithShards([&]() -> std::optional<nlohmann::json> {
    const Xapian::Database& database = this->database();
    Xapian::PostingIterator posting = database.postlist_begin(schema::ArticleIdTerm(article_id));
    if (posting == database.postlist_end(schema::ArticleIdTerm(article_id))) return std::nullopt;
    Article article;
    if (!DecodeStoredArticle(database.get_document(*posting).get_data(), &article)) {
      return nlohmann::json::object();
    }
    return ArticleToJson(article);
  });
}

std::optional<std::vector<SearchHit>> Searcher::Similar(const std::string& article_id,
                                                        size_t limit) {
  return WithShards([&] { return SimilarOnce(article_id, limit); });
}

std::optional<std::vector<SearchHit>> Searcher::SimilarOnce(const std::string& article_id,
                                                            size_t limit) {
  const Xapian::Database& database = this->database();
  std::string id_term = schema::ArticleIdTerm(article_id);
  Xapian::PostingIterator posting = database.postlist_begin(id_term);
  if (posting == database.postlist_end(id_term)) return std::nullopt;
  Xapian::docid source = *posting;
  Xapian::RSet relevant;
  relevant.add_document(source);
  Xapian::Enquire enquire(database);
  ApplySort(SortOrder::kRelevance, &enquire);
  enquire.set_query(Xapian::Query(id_term));
  // Exact terms only (the folded space repeats them, prefixed terms are copies or filters), and
  // only terms some other article has: a word only this article uses finds nothing like it.
  // The second test needs term statistics, asked for all candidates at once (remote shards).
  struct ExactTerms : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override {
      unsigned char first = static_cast<unsigned char>(term[0]);
      return !(first >= 'A' && first <= 'Z') && term.size() > 2;
    }
  } exact_terms_only;
  // Exact term frequencies: over several shards Xapian otherwise estimates them from the shard
  // of the article, and "similar" would depend on how the articles are sharded.
  Xapian::ESet expanded = enquire.get_eset(kSimilarTerms * kSimilarCandidatesPerTerm, relevant,
                                           Xapian::Enquire::USE_EXACT_TERMFREQ, &exact_terms_only);
  std::vector<std::string> candidates;
  for (Xapian::ESetIterator term = expanded.begin(); term != expanded.end(); ++term) {
    candidates.push_back(*term);
  }
  std::vector<Xapian::doccount> frequencies =
      TermFrequencies(database, shards_.has_remote()).Of(candidates);
  std::vector<Xapian::Query> terms;
  for (size_t i = 0; i < candidates.size() && terms.size() < kSimilarTerms; ++i) {
    if (frequencies[i] > 1) terms.emplace_back(candidates[i]);
  }
  std::vector<SearchHit> hits;
  if (terms.empty()) return hits;
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                  Xapian::Query(id_term)));
  Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  for (Xapian::MSetIterator it = matches.begin(); it != matches.end(); ++it) {
    hits.push_back(HitFromArticle(StoredArticle(it.get_document()), it.get_weight()));
  }
  return hits;
}

FacetListing Searcher::ListFacet(const FacetDefinition& facet, const std::string& prefix,
                                 size_t limit) {
  const std::vector<FacetValue>& all =
      WithShards([&]() -> const std::vector<FacetValue>& { return AllFacetValues(facet); });
  std::string wanted = NameKey(prefix);
  FacetListing listing;
  for (const FacetValue& value : all) {
    if (!wanted.empty()) {
      const std::string& key = FacetKey(value.value);
      bool matches =
          key.compare(0, wanted.size(), wanted) == 0 || key.find(" " + wanted) != std::string::npos;
      if (!matches) continue;
    }
    ++listing.total_values;
    if (listing.values.size() < limit) listing.values.push_back(value);
  }
  return listing;
}

std::vector<nlohmann::json> Searcher::Suggest(const std::string& typed, size_t limit) {
  return WithShards([&] { return SuggestOnce(typed, limit); });
}

std::vector<nlohmann::json> Searcher::SuggestOnce(const std::string& typed, size_t limit) {
  std::vector<std::string> words = FoldedTerms(typed);
  std::vector<nlohmann::json> suggestions;
  if (words.empty()) return suggestions;
  std::string typed_key;
  for (const std::string& word : words) typed_key += (typed_key.empty() ? "" : " ") + word;
  // Persons and units whose name, or a word of it, starts with what was typed — or, when
  // nothing does, with its last words ("dai hoi tran b" → Trần Bình Trọng).
  for (const char* facet_name : {"person", "unit"}) {
    constexpr size_t kMaxTrailingWords = 4;
    size_t first_tried = words.size() > kMaxTrailingWords ? words.size() - kMaxTrailingWords : 0;
    for (size_t first_word = first_tried; first_word < words.size(); ++first_word) {
      std::string tail;
      for (size_t i = first_word; i < words.size(); ++i)
        tail += (tail.empty() ? "" : " ") + words[i];
      FacetListing listing = ListFacet(*FindFacet(facet_name), tail, limit);
      for (const FacetValue& value : listing.values) {
        if (suggestions.size() >= limit / 2 + 1) break;
        suggestions.push_back(
            {{"type", facet_name}, {"text", value.value}, {"count", value.count}});
      }
      if (!listing.values.empty()) break;
    }
  }
  // Titles with every typed word, the last one as a prefix.
  std::vector<Xapian::Query> parts;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string term = schema::kTitleFolded + words[i];
    if (i + 1 < words.size()) {
      parts.emplace_back(term);
    } else {
      parts.push_back(ExpandWildcard(database(), term, kSuggestWildcardTerms));
    }
  }
  Xapian::Enquire enquire(database());
  ApplySort(SortOrder::kRelevance, &enquire);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  size_t wanted_titles = limit > suggestions.size() ? limit - suggestions.size() : 0;
  for (const Xapian::Document& document : BestTitles(&enquire, wanted_titles)) {
    Article article = StoredArticle(document);
    suggestions.push_back({{"type", "title"}, {"text", article.title}, {"id", article.id}});
  }
  return suggestions;
}

}  // namespace vnsearch
