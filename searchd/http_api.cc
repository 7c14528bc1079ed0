// http_api: request in, JSON out. Every client mistake becomes a 4xx with
// {"error":{"code","message"}} naming what to fix; only a broken server answers 5xx.
//
// Every request is routed here, in the server's pre-routing hook (api_routes.h), before any body
// is read: a write is authorised, and its size checked, first. cpp-httplib itself only serves the
// page's files (GET and HEAD of paths outside the API, checked here first).
//
// The handlers live in the api_*.cc file of their concern (api_internal.h); this file builds the
// Api and dispatches each route to its handler.

#include "searchd/http_api.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "searchd/api_internal.h"

namespace vnsearch {
namespace api {

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
      Health(&response);
      break;
    case Route::kMetrics:
      MetricsPage(&response);
      break;
    case Route::kOpenApi:
      OpenApiDocument(&response);
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

}  // namespace api

using api::Api;

HttpLimits LimitsFor(const ServerOptions& options) {
  HttpLimits limits;
  limits.head_timeout_seconds = options.timeout_seconds;
  limits.io_timeout_seconds = options.timeout_seconds;
  return limits;
}

unsigned SearchSlots(const ServerOptions& options) {
  if (options.search_slots >= 0) return static_cast<unsigned>(options.search_slots);
  return std::max(1u, std::thread::hardware_concurrency());
}

bool InstallRoutes(const ServerOptions& options, HttpServer* server, std::string* error) {
  std::error_code fs_error;
  if (!std::filesystem::is_directory(options.web_root, fs_error)) {
    *error = "web root " + options.web_root + " is not a folder: pass --web DIR";
    return false;
  }
  try {
    Searcher probe(options.databases, options.shard_timeout_ms);
    probe.ReadFacetColumns();
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
