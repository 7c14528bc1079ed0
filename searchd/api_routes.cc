// api_routes: one table of routes and their methods; paths are matched exact paths first, then
// the families with a variable part.

#include "searchd/api_routes.h"

#include <cstring>
#include <string_view>

namespace vnsearch {
namespace {

bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const RouteSpec* FindSpec(Route route) {
  for (const RouteSpec& spec : ApiRoutes()) {
    if (spec.route == route) return &spec;
  }
  return nullptr;
}

}  // namespace

const std::vector<RouteSpec>& ApiRoutes() {
  static const std::vector<RouteSpec> kRoutes = {
      {Route::kSearch, "/api/search", "GET, HEAD"},
      {Route::kSuggest, "/api/suggest", "GET, HEAD"},
      {Route::kFacet, "/api/facets/{facet}", "GET, HEAD"},
      {Route::kArticles, "/api/articles", "POST"},
      {Route::kArticle, "/api/articles/{id}", "GET, HEAD, PUT, DELETE"},
      {Route::kSimilar, "/api/articles/{id}/similar", "GET, HEAD"},
      {Route::kRoles, "/api/roles", "GET, HEAD"},
      {Route::kPersonPage, "/api/persons/{name}", "GET, HEAD"},
      {Route::kUnitPage, "/api/units/{name}", "GET, HEAD"},
      {Route::kOpenSearchSuggest, "/api/opensearch/suggest", "GET, HEAD"},
      {Route::kOpenSearchXml, "/opensearch.xml", "GET, HEAD"},
      {Route::kOpenApi, "/api/openapi.json", "GET, HEAD"},
      {Route::kHealth, "/healthz", "GET, HEAD"},
      {Route::kMetrics, "/metrics", "GET, HEAD"},
  };
  return kRoutes;
}

RouteMatch MatchRoute(const std::string& path) {
  RouteMatch match;
  for (const RouteSpec& spec : ApiRoutes()) {
    if (std::strchr(spec.path_template, '{') == nullptr && path == spec.path_template) {
      match.route = spec.route;
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
  for (auto [prefix, route] : {std::pair{"/api/persons/", Route::kPersonPage},
                               std::pair{"/api/units/", Route::kUnitPage}}) {
    if (!StartsWith(path, prefix)) continue;
    std::string name = path.substr(std::char_traits<char>::length(prefix));
    if (!name.empty() && name.find('/') == std::string::npos) {
      match.route = route;
      match.name = name;
      return match;
    }
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

const char* RouteTemplate(Route route) {
  if (const RouteSpec* spec = FindSpec(route)) return spec->path_template;
  return route == Route::kUnknownApi ? "/api/other" : "static";
}

const char* AllowedMethods(Route route) {
  const RouteSpec* spec = FindSpec(route);
  return spec == nullptr ? "GET, HEAD" : spec->methods;  // the page's files
}

bool AllowsMethod(Route route, const std::string& method) {
  if (method.empty()) return false;
  std::string_view methods = AllowedMethods(route);
  for (size_t start = 0; start < methods.size();) {
    size_t end = methods.find(", ", start);
    if (end == std::string_view::npos) end = methods.size();
    if (methods.substr(start, end - start) == method) return true;
    start = end + 2;
  }
  return false;
}

}  // namespace vnsearch
