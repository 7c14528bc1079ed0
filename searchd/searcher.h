// searcher: answers one search request against the databases vnsearchd serves — one index, or
// shards local and remote, as one (shard_set.h). A shard that stops answering is left out and
// the answer names it (partial_shards). A Searcher is not thread-safe (Xapian::Database objects
// are not): give each thread its own.
#ifndef VNSEARCH_SEARCHD_SEARCHER_H_
#define VNSEARCH_SEARCHD_SEARCHER_H_

#include <xapian.h>

#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "searchd/facet_columns.h"
#include "searchd/facets.h"
#include "searchd/query_builder.h"
#include "searchd/shard_set.h"

namespace vnsearch {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

struct SearchRequest {
  std::string query;
  int page = 1;            // 1-based
  int size = 10;           // hits per page, 1..100
  FacetSelection filters;  // facet name → selected values: OR within, AND across facets
  std::string from;        // "YYYY-MM-DD" or empty: articles dated on or after it
  std::string to;          // "YYYY-MM-DD" or empty: on or before it
  SortOrder sort = SortOrder::kRelevance;
  size_t facet_limit = 10;  // values listed per facet (selected ones always added)
  bool with_facets = true;
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string author;
  std::string snippet;  // HTML: <mark> around matches, the rest escaped
  double score = 0;
  std::vector<std::string> units;
  std::vector<std::string> terms;
  std::vector<std::string> persons;
};

// Where a computed search spent its time, in seconds: what /metrics sums per phase
// (vnsearch_search_phase_seconds_total) and the README's profile table is read from.
struct SearchPhases {
  double query = 0;     // parsing, the query's limits, analysing its words, building it
  double spelling = 0;  // accents restored and typos corrected: lookups and the suggestion
  double ranking = 0;   // the page of matches (with the pair re-rank and the fallbacks)
  double facets = 0;    // the counting passes: the exact total and each facet's counts
  double stored = 0;    // the hits' stored articles read and parsed
  double analysis = 0;  // the hits' titles and bodies analysed, for snippets and accents
  double snippets = 0;  // the hits' snippets made and their fields filled
};

struct SearchResponse {
  std::string query;
  Xapian::doccount total = 0;
  int page = 1;
  int size = 10;
  double took_ms = 0;
  std::string suggestion;      // a better query to offer, or empty
  bool partial_match = false;  // no article had every word: these have some of them
  // The search ran out of its time budget: `total` and facet counts are estimates, and facets
  // not counted in time are missing.
  bool timed_out = false;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // facet name → values with counts
  // Shards that did not answer (path or tcp://host:port): hits, total and counts are of the
  // others only.
  std::vector<std::string> partial_shards;
  SearchPhases phases;  // not part of the answer: where computing it took time
};

// One value of a facet over the whole index, for a facet browser.
struct FacetListing {
  std::vector<FacetValue> values;
  size_t total_values = 0;  // before `limit`
};

// Thrown for a query the reader must fix; what() says how.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown for a query whose ranking could not finish within the search's time budget.
class QueryTooCostly : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  // Opens the database at `path`; throws Xapian::DatabaseOpeningError if it cannot. `ranking`:
  // how free text is matched and ranked (the defaults are what vnsearchd serves).
  explicit Searcher(const std::string& path, const RankingOptions& ranking = RankingOptions());

  // Opens every database the --db values `databases` name (index/shard_layout.h), each remote
  // exchange bounded by `remote_timeout_ms`; throws as ShardSet's constructor does.
  Searcher(const std::vector<std::string>& databases, unsigned remote_timeout_ms,
           const RankingOptions& ranking = RankingOptions());

  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // How the facets of one local database are counted; every way gives the same counts, and
  // the first (the default) is the fastest. For tests comparing them.
  enum class FacetCounting {
    kColumnsFromRanking,  // facet columns, over the ranking pass's matches when it saw them all
    kColumns,             // facet columns, always in a counting pass (facet_columns.h)
    kValueSpies,          // Xapian's ValueCountMatchSpy, as for shards
  };
  void CountFacetsWith(FacetCounting counting) { facet_counting_ = counting; }

  // How a search runs work on each of its hits, which touches no Xapian object: runs `first`
  // (the facets' counting) and calls `item(i)` once for each i below `count`, returning once
  // all have ended. vnsearchd hands it SearchPool::ForEach, whose idle thread takes items
  // while this one counts; by default, `first` and then the items in turn.
  using ForEachHit = std::function<void(size_t count, const std::function<void(size_t)>& item,
                                        const std::function<void()>& first)>;
  void PrepareHitsWith(ForEachHit for_each_hit) { for_each_hit_ = std::move(for_each_hit); }

  // Picks up whatever the index writer has committed since the last call. Cheap when nothing
  // changed.
  void Refresh();

  // Reads the facet columns of the index's revision now, where searches use them (one local
  // database), so that the first search does not wait for them.
  void ReadFacetColumns();

  // Runs `request` within a time budget (see timed_out). Throws QueryError for a malformed
  // query or one past the word and wildcard limits of query_limits.h, QueryTooCostly for one
  // that would read more postings than they allow, or whose page of hits could not be found in
  // time.
  SearchResponse Search(const SearchRequest& request);

  // The stored article with id `article_id`, or nullopt when there is none.
  std::optional<nlohmann::json> GetArticle(const std::string& article_id);

  // Up to `limit` articles most like `article_id` (Xapian relevance feedback on its terms), or
  // nullopt when there is no such article.
  std::optional<std::vector<SearchHit>> Similar(const std::string& article_id, size_t limit);

  // Every value of `facet` over the index whose name, or a word of it, starts with `prefix`
  // (diacritics ignored), most frequent first, at most `limit`.
  FacetListing ListFacet(const FacetDefinition& facet, const std::string& prefix, size_t limit);

  // Up to `limit` completions of what the reader has typed so far: persons, units and titles
  // whose words start with the typed words (diacritics ignored; the last word may be partial).
  std::vector<nlohmann::json> Suggest(const std::string& typed, size_t limit);

  Xapian::doccount DocumentCount() {
    return WithShards([&] { return database().get_doccount(); });
  }

  // Every shard that answers as one database (refreshed like this searcher), for the directory
  // pages: call it inside WithShards.
  const Xapian::Database& database() const { return shards_.combined(); }

  // The shards left out of the last answer because they did not answer.
  std::vector<std::string> DownShards() const { return shards_.DownShards(); }

  // Runs `operation` (which reads database()); when a shard stops answering during it, leaves
  // that shard out and runs it once more over the others. Throws ShardsUnavailable when none is
  // left, and what `operation` throws.
  template <typename Operation>
  auto WithShards(Operation operation) -> decltype(operation()) {
    try {
      return operation();
    } catch (const Xapian::NetworkError&) {
      if (!shards_.RecoverFromNetworkError()) {
        throw ShardsUnavailable("no shard answers: " + shards_.DownErrors());
      }
      return operation();
    }
  }

  // The revision of the index this searcher reads, when it reads one local database (the
  // revision of several shards is not one number): what revision_readers.h tracks.
  std::optional<Xapian::rev> Revision() const {
    if (shards_.live_shards().size() != 1 || shards_.has_remote()) return std::nullopt;
    return shards_.combined().get_revision();
  }

  // Names the state of what this searcher reads (generations, revisions, shards down): answers
  // computed on one state are valid exactly while it lasts.
  std::string RevisionKey() const { return shards_.RevisionKey(); }

 private:
  // Every value of `facet` over the whole index with its count, most frequent first; computed
  // once per index revision.
  const std::vector<FacetValue>& AllFacetValues(const FacetDefinition& facet);

  // Which terms derived from the text every live shard's articles have (pair terms,
  // schema::kPairTermsMetadataKey; expansion terms, kExpansionTermsMetadataKey): sets them in
  // `ranking`. Read once per revision.
  void SetIndexTerms(RankingOptions* ranking);

  SearchResponse SearchOnce(const SearchRequest& request);
  std::optional<std::vector<SearchHit>> SimilarOnce(const std::string& article_id, size_t limit);
  std::vector<nlohmann::json> SuggestOnce(const std::string& typed, size_t limit);

  // The facet columns (and term bitmaps) of the revision searched: one local database is counted
  // from them; shards with Xapian's own spy, which xapian-tcpsrv runs for remote ones (the
  // columns are read by document number, which a set of shards interleaves). Null for shards
  // and when counting with value spies (CountFacetsWith).
  std::shared_ptr<const FacetColumns> Columns();

  // Fills response->facets (multi-select counts) and response->total (exact) for `matcher`, the
  // query's matches without ranking boosts, whose quorums of terms are among `quorums`
  // (BuiltQuery::quorums), from `columns` (Columns(); null: with Xapian's value spies). Stops
  // (setting response->timed_out) at `deadline`.
  // `all_matches` (may be null): every match of the fully filtered query, as the ranking pass
  // recorded them; they are then counted without a pass of their own.
  void CountFacets(const SearchRequest& request, const Xapian::Query& matcher,
                   const std::vector<TermQuorum>& quorums, const FacetColumns* columns,
                   const Xapian::Query& date_range, std::chrono::steady_clock::time_point deadline,
                   const std::vector<Xapian::docid>* all_matches, SearchResponse* response);

  // One hit of a page: its document and its weight in the order of the page.
  struct RankedHit {
    Xapian::Document document;
    double weight = 0;
  };
  // What a ranking pass found: the page, and how many matches there are.
  struct RankedPage {
    std::vector<RankedHit> page;
    Xapian::doccount total = 0;    // estimated; exact up to check_at_least
    bool total_exact = false;      // every match was counted
    bool count_cut_short = false;  // the time limit stopped the count short of check_at_least
  };

  // The page [offset, offset + size) of the matches of `query` in `enquire`'s order, and their
  // number (exact up to `check_at_least`). A `pair_bonus` (BuiltQuery) is added to the best
  // matches when the order is by relevance. A `recorder` (may be null) among `enquire`'s spies
  // is stopped after the first pass, which visits the matches counted.
  RankedPage PageOfMatches(const Xapian::Query& query, const Xapian::Query& pair_bonus,
                           Xapian::doccount offset, Xapian::doccount size,
                           Xapian::doccount check_at_least, bool by_relevance,
                           Xapian::Enquire* enquire, MatchRecorder* recorder);

  // Whether any article matching `filters` matches `query`.
  bool AnyArticleMatches(const Xapian::Query& query, const Xapian::Query& filters);

  const RankingOptions ranking_;
  ShardSet shards_;
  std::map<std::string, std::vector<FacetValue>> all_facet_values_;  // by facet name
  std::string all_facet_values_revision_;
  FacetCounting facet_counting_ = FacetCounting::kColumnsFromRanking;
  bool pair_terms_ = false;
  bool expansion_terms_ = false;
  std::string index_terms_revision_;  // the revision pair_terms_ and expansion_terms_ were read at
  // The analysed titles and bodies of the page's hits, kept between searches so that their
  // storage is reused.
  std::vector<TokenList> hit_titles_;
  std::vector<TokenList> hit_bodies_;
  ForEachHit for_each_hit_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SEARCHER_H_
