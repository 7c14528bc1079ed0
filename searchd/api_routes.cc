// api_routes: exact paths first, then the two families with a variable part.

#include "searchd/api_routes.h"

namespace vnsearch {
namespace {

bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

RouteMatch MatchRoute(const std::string& path) {
  static const struct {
    const char* path;
    Route route;
  } kExact[] = {{"/api/search", Route::kSearch},
                {"/api/suggest", Route::kSuggest},
                {"/api/articles", Route::kArticles},
                {"/api/opensearch/suggest", Route::kOpenSearchSuggest},
                {"/opensearch.xml", Route::kOpenSearchXml},
                {"/api/openapi.json", Route::kOpenApi},
                {"/healthz", Route::kHealth},
                {"/metrics", Route::kMetrics}};
  RouteMatch match;
  for (const auto& exact : kExact) {
    if (path == exact.path) {
      match.route = exact.route;
      return match;
    }
  }
  constexpr const char* kArticlePrefix = "/api/articles/";
  constexpr const char* kFacetPrefix = "/api/facets/";
  const std::string similar = "/similar";
  if (StartsWith(path, kArticlePrefix)) {
    std::string rest = path.substr(std::char_traits<char>::length(kArticlePrefix));
    if (EndsWith(rest, similar) && rest.size() > similar.size()) {
      match.route = Route::kSimilar;
      match.article_id = rest.substr(0, rest.size() - similar.size());
    } else {
      match.route = Route::kArticle;
      match.article_id = rest;
    }
    return match;
  }
  if (StartsWith(path, kFacetPrefix)) {
    std::string name = path.substr(std::char_traits<char>::length(kFacetPrefix));
    if (!name.empty() && name.find('/') == std::string::npos) {
      match.route = Route::kFacet;
      match.facet = name;
      return match;
    }
  }
  match.route = path == "/api" || StartsWith(path, "/api/") ? Route::kUnknownApi : Route::kStatic;
  return match;
}

const char* AllowedMethods(Route route) {
  switch (route) {
    case Route::kArticles:
      return "POST";
    case Route::kArticle:
      return "GET, HEAD, PUT, DELETE";
    default:
      return "GET, HEAD";
  }
}

bool AllowsMethod(Route route, const std::string& method) {
  switch (route) {
    case Route::kArticles:
      return method == "POST";
    case Route::kArticle:
      return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE";
    default:
      return method == "GET" || method == "HEAD";
  }
}

}  // namespace vnsearch
