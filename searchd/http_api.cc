// http_api: request in, JSON out. Every client mistake becomes a 4xx with
// {"error":{"code","message"}} naming what to fix; only a broken server answers 5xx.
//
// Every request is routed here, in the server's pre-routing hook (api_routes.h), before any body
// is read: a write is authorised, and its size checked, first. cpp-httplib itself only serves the
// page's files (GET and HEAD of paths outside the API, checked here first).

#include "searchd/http_api.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "index/corpus_writer.h"
#include "searchd/access_log.h"
#include "searchd/api_routes.h"
#include "searchd/article_store.h"
#include "searchd/metrics.h"
#include "searchd/directory.h"
#include "searchd/request_params.h"
#include "searchd/result_cache.h"
#include "searchd/revision_readers.h"
#include "searchd/searcher.h"
#include "vnsearch/version.h"

namespace vnsearch {
namespace {

using nlohmann::json;
using HandlerResponse = httplib::Server::HandlerResponse;

// One Searcher per worker thread, opened lazily and refreshed before each request so that
// articles committed by the writer are found without a restart (and shards that were down are
// tried again).
Searcher& ThreadSearcher(const std::vector<std::string>& databases, unsigned shard_timeout_ms) {
  thread_local std::unique_ptr<Searcher> searcher;
  thread_local std::vector<std::string> opened;
  if (!searcher || opened != databases) {
    searcher.reset();
    searcher = std::make_unique<Searcher>(databases, shard_timeout_ms);
    opened = databases;
  } else {
    searcher->Refresh();
  }
  return *searcher;
}

constexpr int kReadAttempts = 3;

// Adds "partial_shards" to an answer computed without some shards.
void FlagPartial(const Searcher& searcher, json* answer) {
  std::vector<std::string> down = searcher.DownShards();
  if (!down.empty()) (*answer)["partial_shards"] = down;
}

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void SendJson(httplib::Response* response, int status, const json& body) {
  response->status = status;
  response->set_content(Dump(body), "application/json; charset=utf-8");
}

void SendError(httplib::Response* response, int status, const std::string& code,
               const std::string& message) {
  SendJson(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

json HitJson(const SearchHit& hit) {
  json object = {{"id", hit.id},         {"title", hit.title},   {"date", hit.date},
                 {"source", hit.source}, {"author", hit.author}, {"score", hit.score},
                 {"units", hit.units},   {"terms", hit.terms},   {"persons", hit.persons}};
  if (!hit.snippet.empty()) object["snippet"] = hit.snippet;
  return object;
}

json FacetValuesJson(const std::vector<FacetValue>& values) {
  json array = json::array();
  for (const FacetValue& value : values) {
    array.push_back({{"value", value.value}, {"count", value.count}, {"selected", value.selected}});
  }
  return array;
}

json ResponseJson(const SearchResponse& response) {
  json hits = json::array();
  for (const SearchHit& hit : response.hits) {
    json object = HitJson(hit);
    object["snippet"] = hit.snippet;
    hits.push_back(object);
  }
  json facets = json::object();
  for (const auto& [name, values] : response.facets) facets[name] = FacetValuesJson(values);
  return {{"query", response.query},
          {"total", response.total},
          {"page", response.page},
          {"size", response.size},
          {"took_ms", response.took_ms},
          {"suggestion", response.suggestion},
          {"partial_match", response.partial_match},
          {"timed_out", response.timed_out},
          {"hits", hits},
          {"facets", facets},
          {"partial_shards", response.partial_shards}};
}

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

void SendStoreResult(const StoreResult& result, httplib::Response* response) {
  if (result.status >= 400) {
    if (result.status == 503) response->set_header("Retry-After", "2");
    SendError(response, result.status, result.error_code, result.message);
  } else if (result.status == 204) {
    response->status = 204;
  } else {
    response->set_header("Location", "/api/articles/" + result.article_id);
    SendJson(response, result.status, {{"id", result.article_id}});
  }
}

const char* BodyErrorCode(int status) {
  switch (status) {
    case 408:
      return "timeout";
    case 413:
      return "too_large";
    default:
      return "bad_body";
  }
}

// The API's state and handlers. Thread-safe: what handlers share is immutable or locks itself
// (cache, store, metrics); each worker thread has its own Searcher.
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
        store_(options.databases, options.corpus, options.shard_timeout_ms,
               /*lock_wait_seconds=*/2, &readers_) {}

  HandlerResponse Route(const httplib::Request& request, httplib::Response& response);
  void Log(const httplib::Request& request, const httplib::Response& response);
  void LogRefused(const RefusedRequest& refused);
  void Error(const httplib::Request& request, httplib::Response& response);

 private:
  void Search(const httplib::Request& request, httplib::Response* response);
  void Suggest(const httplib::Request& request, httplib::Response* response);
  void OpenSearchSuggest(const httplib::Request& request, httplib::Response* response);
  void OpenSearchDescription(const httplib::Request& request, httplib::Response* response);
  void Facet(const httplib::Request& request, const std::string& name, httplib::Response* response);
  void Article(const std::string& article_id, httplib::Response* response);
  void Similar(const httplib::Request& request, const std::string& article_id,
               httplib::Response* response);
  void Roles(const httplib::Request& request, httplib::Response* response);
  void DirectoryPage(const RouteMatch& match, httplib::Response* response);
  void Write(const httplib::Request& request, const RouteMatch& match,
             httplib::Response* response);
  bool AuthorizeWrite(const httplib::Request& request, httplib::Response* response) const;
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
  RevisionReaders readers_;  // before store_, which uses it
  ArticleStore store_;
};

HandlerResponse Api::Route(const httplib::Request& request, httplib::Response& response) {
  RouteMatch match = MatchRoute(request.path);
  bool cross_origin = !cors_origin_.empty() && request.path.rfind("/api/", 0) == 0;
  if (cross_origin) {
    response.set_header("Access-Control-Allow-Origin", cors_origin_);
    response.set_header("Vary", "Origin");
  }
  if (match.route == Route::kUnknownApi) {
    SendError(&response, 404, "not_found", "no such route: " + request.path);
    return HandlerResponse::Handled;
  }
  std::string allowed = AllowedMethods(match.route);
  if (cross_origin) allowed += ", OPTIONS";
  if (cross_origin && request.method == "OPTIONS") {  // a CORS preflight
    response.set_header("Allow", allowed);
    response.set_header("Access-Control-Allow-Methods", allowed);
    response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.set_header("Access-Control-Max-Age", "600");
    response.status = 204;
    return HandlerResponse::Handled;
  }
  if (!AllowsMethod(match.route, request.method)) {
    response.set_header("Allow", allowed);
    SendError(&response, 405, "method_not_allowed",
              request.method + " is not allowed here: use " + allowed);
    return HandlerResponse::Handled;
  }
  switch (match.route) {
    case Route::kStatic:
      // A decoded path holding a NUL or control byte names no file: cpp-httplib would look up
      // the file before a NUL but type the answer by what follows it (index.html%00.js).
      if (FirstUnusableByte(request.path) != std::string::npos ||
          request.path.find_first_of("\t\r\n") != std::string::npos) {
        SendError(&response, 400, "bad_path",
                  "the path holds a control character or is not UTF-8: percent-encode UTF-8 "
                  "text");
        return HandlerResponse::Handled;
      }
      return HandlerResponse::Unhandled;  // cpp-httplib serves the file (or 404)
    case Route::kHealth:
      Guarded(&response, [&] {
        Xapian::doccount documents =
            ReadIndex([](Searcher& searcher) { return searcher.DocumentCount(); });
        SendJson(&response, 200,
                 {{"status", "ok"}, {"version", kVersion}, {"documents", documents}});
      });
      break;
    case Route::kMetrics:
      Guarded(&response, [&] {
        Xapian::doccount documents =
            ReadIndex([](Searcher& searcher) { return searcher.DocumentCount(); });
        response.set_content(metrics_.Render(documents),
                             "text/plain; version=0.0.4; charset=utf-8");
      });
      break;
    case Route::kOpenApi:
      response.set_content(OpenApiDocumentText(), "application/json; charset=utf-8");
      break;
    case Route::kSearch:
      Search(request, &response);
      break;
    case Route::kSuggest:
      Suggest(request, &response);
      break;
    case Route::kOpenSearchSuggest:
      OpenSearchSuggest(request, &response);
      break;
    case Route::kOpenSearchXml:
      OpenSearchDescription(request, &response);
      break;
    case Route::kFacet:
      Facet(request, match.facet, &response);
      break;
    case Route::kSimilar:
      Similar(request, match.article_id, &response);
      break;
    case Route::kRoles:
      Roles(request, &response);
      break;
    case Route::kPersonPage:
    case Route::kUnitPage:
      DirectoryPage(match, &response);
      break;
    case Route::kArticle:
      if (request.method == "GET" || request.method == "HEAD") {
        Article(match.article_id, &response);
      } else {
        Write(request, match, &response);
      }
      break;
    case Route::kArticles:
      Write(request, match, &response);
      break;
    case Route::kUnknownApi:
      break;
  }
  return HandlerResponse::Handled;
}

void Api::Search(const httplib::Request& request, httplib::Response* response) {
  Guarded(response, [&] {
    auto started = std::chrono::steady_clock::now();
    SearchRequest search = ParseSearchRequest(request.params);
    bool from_cache = false;
    json answer = ReadIndex([&](Searcher& searcher) {
      std::string revision = searcher.RevisionKey();
      if (std::optional<std::string> cached = cache_.Find(request.target, revision)) {
        from_cache = true;
        return json::parse(*cached);
      }
      SearchResponse found = searcher.Search(search);
      json computed = ResponseJson(found);
      if (!found.timed_out && found.partial_shards.empty()) cache_.Store(request.target, revision, Dump(computed));
      return computed;
    });
    // The answer says how long it took to answer; X-Vnsearch-Cache says whether it was searched.
    if (from_cache) {
      answer["took_ms"] =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
    }
    response->set_header("X-Vnsearch-Cache", from_cache ? "hit" : "miss");
    SendJson(response, 200, answer);
  });
}

// The directory: role facts, and a page per person and per unit (issue #15).
void Api::Roles(const httplib::Request& request, httplib::Response* response) {
  Guarded(response, [&] {
    RoleQuery query;
    query.person = TextParameter(request.params, "person", kMaxFilterValueBytes);
    query.unit = TextParameter(request.params, "unit", kMaxFilterValueBytes);
    query.role = TextParameter(request.params, "role", kMaxFilterValueBytes);
    query.term = TextParameter(request.params, "term", kMaxFilterValueBytes);
    query.page = static_cast<size_t>(IntParameter(request.params, "page", 1, 1, kMaxPage));
    query.size = static_cast<size_t>(IntParameter(request.params, "size", 20, 1, 100));
    json answer = ReadIndex([&](Searcher& searcher) {
      json roles = searcher.WithShards([&] { return FindRoles(searcher.database(), query); });
      FlagPartial(searcher, &roles);
      return roles;
    });
    SendJson(response, 200, answer);
  });
}

// A page per person and per unit: 404 when no article names them.
void Api::DirectoryPage(const RouteMatch& match, httplib::Response* response) {
  Guarded(response, [&] {
    if (FirstUnusableByte(match.name) != std::string::npos) {
      throw BadParameter("name: not UTF-8 text; percent-encode the UTF-8 name");
    }
    bool person = match.route == Route::kPersonPage;
    std::optional<json> page = ReadIndex([&](Searcher& searcher) {
      std::optional<json> found = searcher.WithShards([&] {
        return person ? PersonPage(searcher.database(), match.name)
                      : UnitPage(searcher.database(), match.name);
      });
      if (found) FlagPartial(searcher, &*found);
      return found;
    });
    if (!page) {
      SendError(response, 404, "not_found",
                std::string("no article names ") + (person ? "a person" : "a unit") + " \"" +
                    match.name + "\"");
      return;
    }
    SendJson(response, 200, *page);
  });
}

void Api::Suggest(const httplib::Request& request, httplib::Response* response) {
  Guarded(response, [&] {
    std::string typed = TextParameter(request.params, "q");
    size_t limit = static_cast<size_t>(IntParameter(request.params, "limit", 10, 1, 10));
    json suggestions = json::array();
    std::vector<std::string> down;
    for (json& suggestion : ReadIndex([&](Searcher& searcher) {
           std::vector<json> found = searcher.Suggest(typed, limit);
           down = searcher.DownShards();
           return found;
         })) {
      suggestions.push_back(std::move(suggestion));
    }
    json answer = {{"query", typed}, {"suggestions", suggestions}};
    if (!down.empty()) answer["partial_shards"] = down;
    SendJson(response, 200, answer);
  });
}

// OpenSearch suggestions (application/x-suggestions+json): a browser's address bar asks here
// as the reader types once vnsearch is added as a search engine.
void Api::OpenSearchSuggest(const httplib::Request& request, httplib::Response* response) {
  Guarded(response, [&] {
    std::string typed = TextParameter(request.params, "q");
    json completions = json::array();
    for (const json& suggestion :
         ReadIndex([&](Searcher& searcher) { return searcher.Suggest(typed, 10); })) {
      completions.push_back(suggestion["text"]);
    }
    response->set_content(Dump(json::array({typed, completions})),
                          "application/x-suggestions+json; charset=utf-8");
  });
}

// The OpenSearch description, with this server's address as the browser reached it (a static
// file cannot know it, and browsers want absolute templates).
void Api::OpenSearchDescription(const httplib::Request& request, httplib::Response* response) {
  std::string host = request.get_header_value("Host");
  bool safe_host = !host.empty() && host.size() <= 255 &&
                   host.find_first_not_of(
                       "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "0123456789.-:[]") == std::string::npos;
  std::string base = "http://" + (safe_host ? host : std::string("127.0.0.1:8080"));
  response->set_content(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
      "  <ShortName>vnsearch</ShortName>\n"
      "  <Description>Tìm kiếm tin tức tiếng Việt: đại hội, nhân sự, đơn vị, nhiệm kỳ."
      "</Description>\n"
      "  <InputEncoding>UTF-8</InputEncoding>\n"
      "  <Language>vi</Language>\n"
      "  <Url type=\"text/html\" method=\"get\" template=\"" +
          base +
          "/?q={searchTerms}\"/>\n"
          "  <Url type=\"application/x-suggestions+json\" method=\"get\" template=\"" +
          base +
          "/api/opensearch/suggest?q={searchTerms}\"/>\n"
          "</OpenSearchDescription>\n",
      "application/opensearchdescription+xml; charset=utf-8");
}

void Api::Facet(const httplib::Request& request, const std::string& name,
                httplib::Response* response) {
  Guarded(response, [&] {
    const FacetDefinition* facet = FindFacet(name);
    if (facet == nullptr) {
      SendError(response, 404, "not_found",
                "no facet \"" + name + "\": the facets are unit, term and person");
      return;
    }
    std::string prefix = TextParameter(request.params, "prefix");
    size_t limit = static_cast<size_t>(IntParameter(request.params, "limit", 100, 1, 10000));
    json answer = ReadIndex([&](Searcher& searcher) {
      FacetListing listing = searcher.ListFacet(*facet, prefix, limit);
      json listed = {{"facet", name},
                     {"prefix", prefix},
                     {"total", listing.total_values},
                     {"values", FacetValuesJson(listing.values)}};
      FlagPartial(searcher, &listed);
      return listed;
    });
    SendJson(response, 200, answer);
  });
}

void Api::Article(const std::string& article_id, httplib::Response* response) {
  Guarded(response, [&] {
    std::optional<json> article =
        IsValidArticleId(article_id) ? ReadIndex([&](Searcher& searcher) {
          std::optional<json> found = searcher.GetArticle(article_id);
          if (!found && !searcher.DownShards().empty()) {
            // It may be on a shard that does not answer: "no such article" would be a guess.
            throw ShardsUnavailable("article \"" + article_id +
                                    "\" may be on a shard that does not answer: " +
                                    searcher.DownShards().front());
          }
          return found;
        })
                                     : std::nullopt;
    if (!article) {
      SendError(response, 404, "not_found", "no article with id \"" + article_id + "\"");
      return;
    }
    SendJson(response, 200, *article);
  });
}

void Api::Similar(const httplib::Request& request, const std::string& article_id,
                  httplib::Response* response) {
  Guarded(response, [&] {
    size_t limit = static_cast<size_t>(IntParameter(request.params, "limit", 5, 1, 50));
    std::vector<std::string> down;
    auto hits = IsValidArticleId(article_id) ? ReadIndex([&](Searcher& searcher) {
      auto found = searcher.Similar(article_id, limit);
      down = searcher.DownShards();
      if (!found && !searcher.DownShards().empty()) {
        throw ShardsUnavailable("article \"" + article_id +
                                "\" may be on a shard that does not answer: " +
                                searcher.DownShards().front());
      }
      return found;
    })
                                             : std::nullopt;
    if (!hits) {
      SendError(response, 404, "not_found", "no article with id \"" + article_id + "\"");
      return;
    }
    json array = json::array();
    for (const SearchHit& hit : *hits) array.push_back(HitJson(hit));
    json answer = {{"id", article_id}, {"hits", array}};
    if (!down.empty()) answer["partial_shards"] = down;
    SendJson(response, 200, answer);
  });
}

// POST /api/articles, PUT and DELETE /api/articles/{id}: authorised, then sized, then read.
void Api::Write(const httplib::Request& request, const RouteMatch& match,
                httplib::Response* response) {
  Guarded(response, [&] {
    if (!AuthorizeWrite(request, response)) return;
    if (request.method == "DELETE") {
      SendStoreResult(store_.Delete(match.article_id), response);
      return;
    }
    const RequestContext* context = CurrentRequest();
    if (context == nullptr || context->framing == BodyFraming::kNone) {
      SendError(response, 411, "length_required",
                "send the article as the body, with Content-Length (or chunked)");
      return;
    }
    std::string body, error;
    int status = ReadRequestBody(max_body_bytes_, &body, &error);
    if (status != 0) {
      SendError(response, status, BodyErrorCode(status), error);
      return;
    }
    std::optional<std::string> id;
    if (match.route == Route::kArticle) id = match.article_id;
    SendStoreResult(store_.Put(request.get_header_value("Content-Type"), body, id), response);
  });
}

// Writes need "Authorization: Bearer <token>". Returns false, with the response filled in,
// when the request may not write.
bool Api::AuthorizeWrite(const httplib::Request& request, httplib::Response* response) const {
  if (token_.empty()) {
    SendError(response, 403, "writes_disabled",
              "writes are disabled: start vnsearchd with --token-file (or VNSEARCH_TOKEN)");
    return false;
  }
  std::string expected = "Bearer " + token_;
  std::string given = request.get_header_value("Authorization");
  // Compare in time independent of where they differ.
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size() && i < expected.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  if (difference != 0) {
    response->set_header("WWW-Authenticate", "Bearer");
    SendError(response, 401, "unauthorized",
              given.empty() ? "send Authorization: Bearer <token>" : "wrong token");
    return false;
  }
  return true;
}

void Api::Error(const httplib::Request& request, httplib::Response& response) {
  if (!response.body.empty()) return;
  switch (response.status) {
    case 404:
      SendError(&response, 404, "not_found", "no such page: " + request.path);
      break;
    case 400:
      SendError(&response, 400, "bad_request", "the request could not be read");
      break;
    default:
      SendError(&response, response.status, "http_error", "the request could not be served");
  }
}

void Api::WriteLog(const std::string& line) {
  if (!access_log_) return;
  std::fwrite(line.data(), 1, line.size(), access_log_.get());
  std::fflush(access_log_.get());
}

void Api::Log(const httplib::Request& request, const httplib::Response& response) {
  const RequestContext* context = CurrentRequest();
  auto now = std::chrono::steady_clock::now();
  double seconds =
      context == nullptr ? 0 : std::chrono::duration<double>(now - context->started).count();
  std::string route = request.method.empty() ? "unparsed" : RouteOf(request.path);
  metrics_.Record(route, response.status, seconds);
  WriteLog(AccessLogLine(request.remote_addr, request.method, request.target,
                         context == nullptr ? "" : context->request_line, response.status,
                         response.body.size(), seconds, token_));
}

void Api::LogRefused(const RefusedRequest& refused) {
  std::string route = "unparsed";
  size_t first_space = refused.request_line.find(' ');
  size_t second_space = refused.request_line.find(' ', first_space + 1);
  if (second_space != std::string::npos) {
    std::string target =
        refused.request_line.substr(first_space + 1, second_space - first_space - 1);
    route = RouteOf(httplib::detail::decode_url(target.substr(0, target.find('?')), false));
  }
  metrics_.Record(route, refused.status, refused.seconds);
  WriteLog(AccessLogLine(refused.remote_addr, "", "", refused.request_line, refused.status,
                         refused.body_bytes, refused.seconds, token_));
}

}  // namespace

HttpLimits LimitsFor(const ServerOptions& options) {
  HttpLimits limits;
  limits.head_timeout_seconds = options.timeout_seconds;
  limits.io_timeout_seconds = options.timeout_seconds;
  return limits;
}

bool InstallRoutes(const ServerOptions& options, HttpServer* server, std::string* error) {
  std::error_code fs_error;
  if (!std::filesystem::is_directory(options.web_root, fs_error)) {
    *error = "web root " + options.web_root + " is not a folder: pass --web DIR";
    return false;
  }
  try {
    Searcher probe(options.databases, options.shard_timeout_ms);
  } catch (const ShardsUnavailable& down) {
    // Remote shards may start after the daemon: it answers 503 until one does.
    std::fprintf(stderr, "vnsearchd: %s; serving 503 until a shard answers\n", down.what());
  } catch (const std::invalid_argument& bad_databases) {
    *error = std::string("--db: ") + bad_databases.what();
    return false;
  } catch (const Xapian::Error& open_error) {
    std::string name = options.databases.front();
    *error = "cannot open the index at " + name + ": " + open_error.get_description() +
             "\nBuild it first: vnsearch-index --db " + name + " corpus/";
    return false;
  }
  std::shared_ptr<FILE> access_log;
  if (options.access_log == "-") {
    access_log.reset(stderr, [](FILE*) {});
  } else if (options.access_log != "off" && !options.access_log.empty()) {
    FILE* file = std::fopen(options.access_log.c_str(), "a");
    if (file == nullptr) {
      *error = "cannot open the access log " + options.access_log + " for appending";
      return false;
    }
    access_log.reset(file, std::fclose);
  }
  auto api = std::make_shared<Api>(options, access_log);
  server->set_pre_routing_handler(
      [api](const httplib::Request& request, httplib::Response& response) {
        return api->Route(request, response);
      });
  server->set_logger([api](const httplib::Request& request, const httplib::Response& response) {
    api->Log(request, response);
  });
  server->set_refusal_logger([api](const RefusedRequest& refused) { api->LogRefused(refused); });
  server->set_error_handler([api](const httplib::Request& request, httplib::Response& response) {
    api->Error(request, response);
  });
  if (!server->set_mount_point("/", options.web_root)) {
    *error = "cannot serve " + options.web_root;
    return false;
  }
  return true;
}

}  // namespace vnsearch
