// api_internal: what the API's handlers share — the Api class (its handlers defined in the
// api_*.cc file of their concern), the error wrapper Guarded and the JSON shapes of answers.
// Private to http_api.cc and searchd/api_*.cc.
#ifndef VNSEARCH_SEARCHD_API_INTERNAL_H_
#define VNSEARCH_SEARCHD_API_INTERNAL_H_

#include <xapian.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "searchd/api_routes.h"
#include "searchd/article_store.h"
#include "searchd/http_api.h"
#include "searchd/http_server.h"
#include "searchd/metrics.h"
#include "searchd/request_params.h"
#include "searchd/result_cache.h"
#include "searchd/revision_readers.h"
#include "searchd/search_answer.h"
#include "searchd/search_pool.h"
#include "searchd/searcher.h"
#include "searchd/shard_set.h"

namespace vnsearch {
namespace api {

using nlohmann::json;
using HandlerResponse = httplib::Server::HandlerResponse;

// One Searcher per worker thread, opened lazily and refreshed before each request so that
// articles committed by the writer are found without a restart (and shards that were down are
// tried again).
Searcher& ThreadSearcher(const std::vector<std::string>& databases, unsigned shard_timeout_ms);

constexpr int kReadAttempts = 3;

// ---- The JSON shapes of answers (api_json.cc) ------------------------------------------------

// Adds "partial_shards" to an answer computed without some shards.
void FlagPartial(const Searcher& searcher, json* answer);

// `value` as compact JSON text, invalid UTF-8 replaced.
std::string Dump(const json& value);

void SendJson(httplib::Response* response, int status, const json& body);

// {"error":{"code","message"}} with `status`.
void SendError(httplib::Response* response, int status, const std::string& code,
               const std::string& message);

json HitJson(const SearchHit& hit);
json FacetValuesJson(const std::vector<FacetValue>& values);

// Runs `handler`, turning every exception into the right error response.
template <typename Handler>
void Guarded(httplib::Response* response, Handler handler) {
  try {
    handler();
  } catch (const BadParameter& error) {
    SendError(response, 400, "bad_parameter", error.what());
  } catch (const QueryError& error) {
    SendError(response, 400, "bad_query", error.what());
  } catch (const QueryTooCostly& error) {
    SendError(response, 400, "query_too_costly", error.what());
  } catch (const ShardsUnavailable& error) {
    response->set_header("Retry-After", "2");
    SendError(response, 503, "shards_unavailable",
              std::string(error.what()) + " (start the shard's xapian-tcpsrv, or check --db)");
  } catch (const Xapian::NetworkError& error) {
    response->set_header("Retry-After", "2");
    SendError(response, 503, "shards_unavailable",
              "a shard stopped answering: " + error.get_description() + " (retry)");
  } catch (const Xapian::DatabaseOpeningError& error) {
    // Every 503 says when to retry: an index being swapped in is back within seconds.
    response->set_header("Retry-After", "5");
    SendError(response, 503, "index_unavailable",
              "cannot open the index: " + error.get_description() +
                  " (build it with vnsearch-index --db DIR corpus/)");
  } catch (const Xapian::DatabaseModifiedError& error) {
    response->set_header("Retry-After", "1");
    SendError(response, 503, "index_changed", "the index changed under the request: retry");
  } catch (const Xapian::Error& error) {
    SendError(response, 500, "index_error", error.get_description());
  } catch (const std::exception& error) {
    SendError(response, 500, "internal_error", error.what());
  }
}

// The API's state and handlers. Thread-safe: what handlers share is immutable or locks itself
// (cache, store, metrics); each worker thread, and each thread of the search pool, has its own
// Searcher.
class Api {
 public:
  Api(const ServerOptions& options, std::shared_ptr<FILE> access_log)
      : databases_(options.databases),
        shard_timeout_ms_(options.shard_timeout_ms),
        cors_origin_(options.cors_origin),
        token_(options.token),
        max_body_bytes_(options.max_body_bytes),
        access_log_(std::move(access_log)),
        cache_(options.cache_entries),
        search_pool_(SearchSlots(options)),
        store_(options.databases, options.corpus, options.shard_timeout_ms,
               /*lock_wait_seconds=*/2, &readers_) {}

  // http_api.cc: every request, before its body is read; and the answer to one cpp-httplib
  // could not serve.
  HandlerResponse Route(const httplib::Request& request, httplib::Response& response);
  void Error(const httplib::Request& request, httplib::Response& response);

  // api_operations.cc: each answered request and each refused one, in the access log and
  // the metrics.
  void Log(const httplib::Request& request, const httplib::Response& response);
  void LogRefused(const RefusedRequest& refused);

 private:
  // api_search.cc
  void Search(const httplib::Request& request, httplib::Response* response);
  void Suggest(const httplib::Request& request, httplib::Response* response);
  void OpenSearchSuggest(const httplib::Request& request, httplib::Response* response);
  void OpenSearchDescription(const httplib::Request& request, httplib::Response* response);
  void Facet(const httplib::Request& request, const std::string& name, httplib::Response* response);

  // api_articles.cc
  void Article(const std::string& article_id, httplib::Response* response);
  void Similar(const httplib::Request& request, const std::string& article_id,
               httplib::Response* response);
  void Write(const httplib::Request& request, const RouteMatch& match, httplib::Response* response);
  bool AuthorizeWrite(const httplib::Request& request, httplib::Response* response) const;

  // api_directory.cc
  void Roles(const httplib::Request& request, httplib::Response* response);
  void DirectoryPage(const RouteMatch& match, httplib::Response* response);

  // api_operations.cc
  void Health(httplib::Response* response);
  void MetricsPage(httplib::Response* response);
  void OpenApiDocument(httplib::Response* response);
  void WriteLog(const std::string& line);

  // Runs `read` on this thread's Searcher, refreshed, as a read of its revision (HTTP writes
  // do not commit over it: revision_readers.h; one local index only, as shards have no one
  // revision). A read that outlasts two commits all the same
  // (of vnsearch-index, or of a write that waited long enough) finds its revision gone
  // (Xapian::DatabaseModifiedError): it is read again on the new one, up to kReadAttempts
  // times, before the client is told to retry.
  Searcher& ThisThreadSearcher() const { return ThreadSearcher(databases_, shard_timeout_ms_); }

  template <typename Read>
  auto ReadIndex(Read read) -> decltype(read(std::declval<Searcher&>())) {
    for (int attempt = 1;; ++attempt) {
      try {
        Searcher& searcher = ThisThreadSearcher();
        std::optional<Xapian::rev> revision = searcher.Revision();
        std::optional<RevisionReaders::Reading> reading;
        if (revision) reading.emplace(&readers_, *revision);
        return read(searcher);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kReadAttempts) throw;
      }
    }
  }

  const std::vector<std::string> databases_;
  const unsigned shard_timeout_ms_;
  const std::string cors_origin_;
  const std::string token_;
  const size_t max_body_bytes_;
  const std::shared_ptr<FILE> access_log_;
  Metrics metrics_;
  ResultCache cache_;
  SearchPool search_pool_;   // computes the searches not answered from the cache, in turn
  RevisionReaders readers_;  // before store_, which uses it
  ArticleStore store_;
};

}  // namespace api
}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_API_INTERNAL_H_
