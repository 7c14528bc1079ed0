// api_routes: which route a request path names and which methods it takes — matched by hand
// (no regular expression over a path a client chose), so every path gets 404, 405 with Allow,
// or its handler. Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_API_ROUTES_H_
#define VNSEARCH_SEARCHD_API_ROUTES_H_

#include <string>
#include <vector>

namespace vnsearch {

enum class Route {
  kSearch,             // /api/search
  kSuggest,            // /api/suggest
  kFacet,              // /api/facets/{facet}
  kArticles,           // /api/articles (POST)
  kArticle,            // /api/articles/{id}
  kSimilar,            // /api/articles/{id}/similar
  kRoles,              // /api/roles
  kPersonPage,         // /api/persons/{name}
  kUnitPage,           // /api/units/{name}
  kOpenSearchSuggest,  // /api/opensearch/suggest
  kOpenSearchXml,      // /opensearch.xml
  kOpenApi,            // /api/openapi.json
  kHealth,             // /healthz
  kMetrics,            // /metrics
  kUnknownApi,         // anything else under /api/: 404
  kStatic,             // the page's files
};

struct RouteMatch {
  Route route = Route::kStatic;
  std::string article_id;  // kArticle, kSimilar (may be empty or invalid: the handler checks)
  std::string facet;       // kFacet
  std::string name;        // kPersonPage, kUnitPage
};

// One route the daemon serves: its path as the OpenAPI document writes it (a variable part in
// braces) and the methods it answers, as an Allow header value. HEAD is answered wherever GET is.
struct RouteSpec {
  Route route;
  const char* path_template;
  const char* methods;
};

// Every route of the API (not kUnknownApi, not the page's files), in the order the OpenAPI
// document lists them. The document is checked against this table
// (tests/unit/openapi_document_test.cc).
const std::vector<RouteSpec>& ApiRoutes();

// The route of `path` (percent-decoded, without the query string).
RouteMatch MatchRoute(const std::string& path);

// The path template of `route` ("/api/articles/{id}"); "/api/other" for kUnknownApi and
// "static" for the page's files. A metrics label: ids do not explode the label space.
const char* RouteTemplate(Route route);

// The methods `route` answers, as an Allow header value ("GET, HEAD"). OPTIONS is answered
// besides, as a CORS preflight, only when vnsearchd allows cross-origin calls.
const char* AllowedMethods(Route route);

// Whether `route` answers `method` (HEAD wherever GET).
bool AllowsMethod(Route route, const std::string& method);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_API_ROUTES_H_
