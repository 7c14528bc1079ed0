// searcher: answers one search request against a Xapian database.
// A Searcher is not thread-safe (Xapian::Database objects are not): give each thread its own.
#ifndef VNSEARCH_SEARCHD_SEARCHER_H_
#define VNSEARCH_SEARCHD_SEARCHER_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vnsearch {

struct SearchRequest {
  std::string query;
  int page = 1;   // 1-based
  int size = 10;  // hits per page, 1..100
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string author;
  std::string snippet;  // HTML: <mark> around matches, the rest escaped
  double score = 0;
};

struct SearchResponse {
  std::string query;
  Xapian::doccount total = 0;
  int page = 1;
  int size = 10;
  double took_ms = 0;
  std::string suggestion;      // a better query to offer, or empty
  bool partial_match = false;  // no article had every word: these have some of them
  std::vector<SearchHit> hits;
};

// Thrown for a query the reader must fix; what() says how.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  // Opens the database at `path`; throws Xapian::DatabaseOpeningError if it cannot.
  explicit Searcher(const std::string& path);

  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Picks up whatever the index writer has committed since the last call. Cheap when nothing
  // changed.
  void Refresh();

  // Runs `request`. Throws QueryError for a malformed query.
  SearchResponse Search(const SearchRequest& request);

  // The stored article with id `article_id`, or nullopt when there is none.
  std::optional<nlohmann::json> GetArticle(const std::string& article_id);

  Xapian::doccount DocumentCount() { return database_.get_doccount(); }

 private:
  Xapian::Database database_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SEARCHER_H_
