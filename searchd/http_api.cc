// http_api: request in, JSON out. Every client mistake becomes a 4xx with
// {"error":{"code","message"}} naming what to fix; only a broken server answers 5xx.

#include "searchd/http_api.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <filesystem>
#include <memory>

#include "searchd/searcher.h"

namespace vnsearch {
namespace {

using nlohmann::json;

// Longer queries are not questions but pasted documents; they would only cost time.
constexpr size_t kMaxQueryBytes = 4096;

// One Searcher per worker thread, opened lazily and refreshed before each request so that
// articles committed by the indexer are found without a restart.
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

json HitJson(const SearchHit& hit) {
  return {{"id", hit.id},         {"title", hit.title},     {"date", hit.date},
          {"source", hit.source}, {"author", hit.author},   {"snippet", hit.snippet},
          {"score", hit.score}};
}

json ResponseJson(const SearchResponse& response) {
  json hits = json::array();
  for (const SearchHit& hit : response.hits) hits.push_back(HitJson(hit));
  return {{"query", response.query},
          {"total", response.total},
          {"page", response.page},
          {"size", response.size},
          {"took_ms", response.took_ms},
          {"suggestion", response.suggestion},
          {"partial_match", response.partial_match},
          {"hits", hits}};
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
  } catch (const Xapian::Error& error) {
    SendError(response, 500, "index_error", error.get_description());
  } catch (const std::exception& error) {
    SendError(response, 500, "internal_error", error.what());
  }
}

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
  const std::string database = options.database;

  server->Get("/healthz", [database](const httplib::Request&, httplib::Response& response) {
    Guarded(&response, [&] {
      SendJson(&response, 200,
               {{"status", "ok"}, {"documents", ThreadSearcher(database).DocumentCount()}});
    });
  });

  server->Get("/api/search", [database](const httplib::Request& request,
                                        httplib::Response& response) {
    Guarded(&response, [&] {
      SearchRequest search;
      search.query = request.get_param_value("q");
      if (search.query.size() > kMaxQueryBytes) {
        throw BadParameter("q: at most " + std::to_string(kMaxQueryBytes) +
                           " bytes; shorten the query");
      }
      search.page = IntParameter(request, "page", 1, 1, 1000);
      search.size = IntParameter(request, "size", 10, 1, 100);
      SendJson(&response, 200, ResponseJson(ThreadSearcher(database).Search(search)));
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
    if (response.status == 404 && !response.body.empty()) return;
    if (response.body.empty()) {
      SendError(&response, response.status, response.status == 404 ? "not_found" : "http_error",
                response.status == 404 ? "no such page: " + request.path
                                       : "the request could not be served");
    }
  });
  return true;
}

}  // namespace vnsearch
