// http_api: request in, JSON out. Every client mistake becomes a 4xx with
// {"error":{"code","message"}} naming what to fix; only a broken server answers 5xx.

#include "searchd/http_api.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "article/date_parser.h"
#include "searchd/article_store.h"
#include "searchd/directory.h"
#include "searchd/metrics.h"
#include "searchd/result_cache.h"
#include "searchd/searcher.h"

namespace vnsearch {

const char* OpenApiDocumentText();

namespace {

using nlohmann::json;

// Longer queries are not questions but pasted documents; they would only cost time.
constexpr size_t kMaxQueryBytes = 4096;
constexpr int kMaxPage = 1000;

// One Searcher per worker thread, opened lazily and refreshed before each request so that
// articles committed by the writer are found without a restart.
Searcher& ThreadSearcher(const std::string& database) {
  thread_local std::unique_ptr<Searcher> searcher;
  thread_local std::string opened_path;
  if (!searcher || opened_path != database) {
    searcher = std::make_unique<Searcher>(database);
    opened_path = database;
  } else {
    searcher->Refresh();
  }
  return *searcher;
}

void SendJson(httplib::Response* response, int status, const json& body) {
  response->status = status;
  response->set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                        "application/json; charset=utf-8");
}

void SendError(httplib::Response* response, int status, const std::string& code,
               const std::string& message) {
  SendJson(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

class BadParameter : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

int IntParameter(const httplib::Request& request, const char* name, int fallback, int min,
                 int max) {
  if (!request.has_param(name)) return fallback;
  std::string text = request.get_param_value(name);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw BadParameter(std::string(name) + ": must be a whole number from " +
                       std::to_string(min) + " to " + std::to_string(max) + ", not \"" + text +
                       "\"");
  }
  return value;
}

std::string DateParameter(const httplib::Request& request, const char* name) {
  if (!request.has_param(name)) return "";
  std::string text = request.get_param_value(name);
  int year = 0, month = 0, day = 0;
  char extra = 0;
  bool shaped = text.size() == 10 &&
                std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &extra) == 3;
  if (!shaped || IsoDate(year, month, day) != text) {
    throw BadParameter(std::string(name) + ": must be a date YYYY-MM-DD, not \"" + text + "\"");
  }
  return text;
}

SortOrder SortParameter(const httplib::Request& request) {
  std::string text = request.has_param("sort") ? request.get_param_value("sort") : "relevance";
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDateAscending;
  if (text == "-date") return SortOrder::kDateDescending;
  throw BadParameter("sort: must be relevance, date or -date, not \"" + text + "\"");
}

std::string QueryParameter(const httplib::Request& request, const char* name) {
  std::string query = request.get_param_value(name);
  if (query.size() > kMaxQueryBytes) {
    throw BadParameter(std::string(name) + ": at most " + std::to_string(kMaxQueryBytes) +
                       " bytes; shorten it");
  }
  return query;
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
          {"hits", hits},
          {"facets", facets}};
}

SearchRequest ParseSearchRequest(const httplib::Request& request) {
  SearchRequest search;
  search.query = QueryParameter(request, "q");
  search.page = IntParameter(request, "page", 1, 1, kMaxPage);
  search.size = IntParameter(request, "size", 10, 1, 100);
  search.facet_limit = static_cast<size_t>(IntParameter(request, "facet_size", 10, 0, 100));
  search.from = DateParameter(request, "from");
  search.to = DateParameter(request, "to");
  if (!search.from.empty() && !search.to.empty() && search.from > search.to) {
    throw BadParameter("from: " + search.from + " is after to: " + search.to);
  }
  search.sort = SortParameter(request);
  for (const FacetDefinition& facet : Facets()) {
    size_t count = request.get_param_value_count(facet.name);
    for (size_t i = 0; i < count; ++i) {
      std::string value = request.get_param_value(facet.name, i);
      if (!value.empty()) search.filters[facet.name].push_back(value);
    }
  }
  return search;
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
  } catch (const Xapian::DatabaseOpeningError& error) {
    SendError(response, 503, "index_unavailable",
              "cannot open the index: " + error.get_description() +
                  " (build it with vnsearch-index --db DIR corpus/)");
  } catch (const Xapian::DatabaseModifiedError& error) {
    SendError(response, 503, "index_changed", "the index changed under the request: retry");
  } catch (const Xapian::Error& error) {
    SendError(response, 500, "index_error", error.get_description());
  } catch (const std::exception& error) {
    SendError(response, 500, "internal_error", error.what());
  }
}

// Writes need "Authorization: Bearer <token>". Returns false, with the response filled in,
// when the request may not write.
bool AuthorizeWrite(const std::string& token, const httplib::Request& request,
                    httplib::Response* response) {
  if (token.empty()) {
    SendError(response, 403, "writes_disabled",
              "writes are disabled: start vnsearchd with --token (or VNSEARCH_TOKEN)");
    return false;
  }
  std::string expected = "Bearer " + token;
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

// Per-request bookkeeping for the access log and metrics: set before routing, read after.
thread_local std::chrono::steady_clock::time_point request_started;

}  // namespace

bool InstallRoutes(const ServerOptions& options, httplib::Server* server, std::string* error) {
  std::error_code fs_error;
  if (!std::filesystem::is_directory(options.web_root, fs_error)) {
    *error = "web root " + options.web_root + " is not a folder: pass --web DIR";
    return false;
  }
  try {
    Searcher probe(options.database);
  } catch (const Xapian::Error& open_error) {
    *error = "cannot open the index at " + options.database + ": " +
             open_error.get_description() + "\nBuild it first: vnsearch-index --db " +
             options.database + " corpus/";
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
  const std::string database = options.database;
  auto metrics = std::make_shared<Metrics>();
  const std::string cors_origin = options.cors_origin;

  server->set_read_timeout(options.timeout_seconds, 0);
  server->set_write_timeout(options.timeout_seconds, 0);
  server->set_payload_max_length(options.max_body_bytes);
  server->set_keep_alive_max_count(1000);
  // Responses go out as two writes (headers, body): without TCP_NODELAY, Nagle's algorithm and
  // the client's delayed ACK hold the body back ~40 ms on every keep-alive request.
  server->set_tcp_nodelay(true);

  server->set_pre_routing_handler([cors_origin](const httplib::Request& request,
                                                httplib::Response& response) {
    request_started = std::chrono::steady_clock::now();
    if (!cors_origin.empty() && request.path.rfind("/api/", 0) == 0) {
      response.set_header("Access-Control-Allow-Origin", cors_origin);
      response.set_header("Vary", "Origin");
      if (request.method == "OPTIONS") {
        response.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        response.set_header("Access-Control-Max-Age", "600");
        response.status = 204;
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  server->set_logger([metrics, access_log](const httplib::Request& request,
                                           const httplib::Response& response) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
    metrics->Record(RouteOf(request.path), response.status, seconds);
    if (access_log) {
      std::fprintf(access_log.get(), "%s \"%s %s\" %d %zu %.2fms\n", request.remote_addr.c_str(),
                   request.method.c_str(), request.target.c_str(), response.status,
                   response.body.size(), seconds * 1000);
      std::fflush(access_log.get());
    }
  });

  server->Get("/healthz", [database](const httplib::Request&, httplib::Response& response) {
    Guarded(&response, [&] {
      SendJson(&response, 200,
               {{"status", "ok"}, {"documents", ThreadSearcher(database).DocumentCount()}});
    });
  });

  server->Get("/metrics", [database, metrics](const httplib::Request&,
                                              httplib::Response& response) {
    Guarded(&response, [&] {
      response.set_content(metrics->Render(ThreadSearcher(database).DocumentCount()),
                           "text/plain; version=0.0.4; charset=utf-8");
    });
  });

  server->Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(OpenApiDocumentText(), "application/json; charset=utf-8");
  });

  auto cache = std::make_shared<ResultCache>(options.cache_entries);
  server->Get("/api/search", [database, cache](const httplib::Request& request,
                                               httplib::Response& response) {
    Guarded(&response, [&] {
      auto started = std::chrono::steady_clock::now();
      SearchRequest search = ParseSearchRequest(request);
      Searcher& searcher = ThreadSearcher(database);
      std::string revision = searcher.RevisionKey();
      // The answer says how long it took to answer; X-Vnsearch-Cache says whether it was searched.
      if (std::optional<std::string> cached = cache->Find(request.target, revision)) {
        json answer = json::parse(*cached);
        answer["took_ms"] = std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - started)
                                .count();
        response.set_header("X-Vnsearch-Cache", "hit");
        SendJson(&response, 200, answer);
        return;
      }
      json answer = ResponseJson(searcher.Search(search));
      cache->Store(request.target, revision,
                   answer.dump(-1, ' ', false, json::error_handler_t::replace));
      response.set_header("X-Vnsearch-Cache", "miss");
      SendJson(&response, 200, answer);
    });
  });

  server->Get("/api/suggest", [database](const httplib::Request& request,
                                         httplib::Response& response) {
    Guarded(&response, [&] {
      std::string typed = QueryParameter(request, "q");
      size_t limit = static_cast<size_t>(IntParameter(request, "limit", 10, 1, 10));
      json suggestions = json::array();
      for (json& suggestion : ThreadSearcher(database).Suggest(typed, limit)) {
        suggestions.push_back(std::move(suggestion));
      }
      SendJson(&response, 200, {{"query", typed}, {"suggestions", suggestions}});
    });
  });

  // The OpenSearch description, with this server's address as the browser reached it (a static
  // file cannot know it, and browsers want absolute templates).
  server->Get("/opensearch.xml", [](const httplib::Request& request, httplib::Response& response) {
    std::string host = request.get_header_value("Host");
    bool safe_host = !host.empty() && host.find_first_of("<>\"'& ") == std::string::npos;
    std::string base = "http://" + (safe_host ? host : std::string("127.0.0.1:8080"));
    response.set_content(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
        "  <ShortName>vnsearch</ShortName>\n"
        "  <Description>Tìm kiếm tin tức tiếng Việt: đại hội, nhân sự, đơn vị, nhiệm kỳ."
        "</Description>\n"
        "  <InputEncoding>UTF-8</InputEncoding>\n"
        "  <Language>vi</Language>\n"
        "  <Url type=\"text/html\" method=\"get\" template=\"" + base + "/?q={searchTerms}\"/>\n"
        "  <Url type=\"application/x-suggestions+json\" method=\"get\" template=\"" + base +
            "/api/opensearch/suggest?q={searchTerms}\"/>\n"
        "</OpenSearchDescription>\n",
        "application/opensearchdescription+xml; charset=utf-8");
  });

  // OpenSearch suggestions (application/x-suggestions+json): a browser's address bar asks here
  // as the reader types once vnsearch is added as a search engine.
  server->Get("/api/opensearch/suggest", [database](const httplib::Request& request,
                                                   httplib::Response& response) {
    Guarded(&response, [&] {
      std::string typed = QueryParameter(request, "q");
      json completions = json::array();
      for (const json& suggestion : ThreadSearcher(database).Suggest(typed, 10)) {
        completions.push_back(suggestion["text"]);
      }
      response.set_content(json::array({typed, completions}).dump(),
                           "application/x-suggestions+json; charset=utf-8");
    });
  });

  server->Get(R"(/api/facets/([^/]+))", [database](const httplib::Request& request,
                                                  httplib::Response& response) {
    Guarded(&response, [&] {
      std::string name = request.matches[1];
      const FacetDefinition* facet = FindFacet(name);
      if (facet == nullptr) {
        SendError(&response, 404, "not_found",
                  "no facet \"" + name + "\": the facets are unit, term and person");
        return;
      }
      std::string prefix = QueryParameter(request, "prefix");
      size_t limit = static_cast<size_t>(IntParameter(request, "limit", 100, 1, 10000));
      FacetListing listing = ThreadSearcher(database).ListFacet(*facet, prefix, limit);
      SendJson(&response, 200,
               {{"facet", name},
                {"prefix", prefix},
                {"total", listing.total_values},
                {"values", FacetValuesJson(listing.values)}});
    });
  });

  // The directory: role facts, and a page per person and per unit (issue #15).
  server->Get("/api/roles", [database](const httplib::Request& request,
                                       httplib::Response& response) {
    Guarded(&response, [&] {
      RoleQuery query;
      query.person = QueryParameter(request, "person");
      query.unit = QueryParameter(request, "unit");
      query.role = QueryParameter(request, "role");
      query.term = QueryParameter(request, "term");
      query.page = static_cast<size_t>(IntParameter(request, "page", 1, 1, kMaxPage));
      query.size = static_cast<size_t>(IntParameter(request, "size", 20, 1, 100));
      SendJson(&response, 200, FindRoles(ThreadSearcher(database).database(), query));
    });
  });
  // A page per person and per unit: 404 when no article names them.
  using DirectoryPage = std::optional<json> (*)(const Xapian::Database&, const std::string&);
  for (auto [pattern, page_of, what] :
       {std::tuple<const char*, DirectoryPage, const char*>{R"(/api/persons/([^/]+))", PersonPage,
                                                            "a person"},
        std::tuple<const char*, DirectoryPage, const char*>{R"(/api/units/([^/]+))", UnitPage,
                                                            "a unit"}}) {
    server->Get(pattern, [database, page_of = page_of, what = std::string(what)](
                             const httplib::Request& request, httplib::Response& response) {
      Guarded(&response, [&] {
        std::string name = request.matches[1];
        std::optional<json> page = page_of(ThreadSearcher(database).database(), name);
        if (!page) {
          SendError(&response, 404, "not_found", "no article names " + what + " \"" + name + "\"");
          return;
        }
        SendJson(&response, 200, *page);
      });
    });
  }

  auto store = std::make_shared<ArticleStore>(database, options.corpus);
  const std::string token = options.token;
  server->Post("/api/articles", [store, token](const httplib::Request& request,
                                               httplib::Response& response) {
    Guarded(&response, [&] {
      if (!AuthorizeWrite(token, request, &response)) return;
      SendStoreResult(store->Put(request.get_header_value("Content-Type"), request.body,
                                 std::nullopt),
                      &response);
    });
  });
  server->Put(R"(/api/articles/(.+))", [store, token](const httplib::Request& request,
                                                      httplib::Response& response) {
    Guarded(&response, [&] {
      if (!AuthorizeWrite(token, request, &response)) return;
      SendStoreResult(store->Put(request.get_header_value("Content-Type"), request.body,
                                 std::string(request.matches[1])),
                      &response);
    });
  });
  server->Delete(R"(/api/articles/(.+))", [store, token](const httplib::Request& request,
                                                         httplib::Response& response) {
    Guarded(&response, [&] {
      if (!AuthorizeWrite(token, request, &response)) return;
      SendStoreResult(store->Delete(request.matches[1]), &response);
    });
  });

  server->Get(R"(/api/articles/(.+)/similar)", [database](const httplib::Request& request,
                                                         httplib::Response& response) {
    Guarded(&response, [&] {
      std::string article_id = request.matches[1];
      size_t limit = static_cast<size_t>(IntParameter(request, "limit", 5, 1, 50));
      auto hits = ThreadSearcher(database).Similar(article_id, limit);
      if (!hits) {
        SendError(&response, 404, "not_found", "no article with id \"" + article_id + "\"");
        return;
      }
      json array = json::array();
      for (const SearchHit& hit : *hits) array.push_back(HitJson(hit));
      SendJson(&response, 200, {{"id", article_id}, {"hits", array}});
    });
  });

  server->Get(R"(/api/articles/(.+))", [database](const httplib::Request& request,
                                                  httplib::Response& response) {
    Guarded(&response, [&] {
      std::string article_id = request.matches[1];
      std::optional<json> article = ThreadSearcher(database).GetArticle(article_id);
      if (!article) {
        SendError(&response, 404, "not_found", "no article with id \"" + article_id + "\"");
        return;
      }
      SendJson(&response, 200, *article);
    });
  });

  if (!server->set_mount_point("/", options.web_root)) {
    *error = "cannot serve " + options.web_root;
    return false;
  }
  server->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    switch (response.status) {
      case 404:
        SendError(&response, 404, "not_found", "no such page: " + request.path);
        break;
      case 413:
        SendError(&response, 413, "too_large", "the request body is too large");
        break;
      case 414:
        SendError(&response, 414, "too_long", "the request line is too long: shorten the query");
        break;
      default:
        SendError(&response, response.status, "http_error", "the request could not be served");
    }
  });
  return true;
}

}  // namespace vnsearch
