// api_search: the search routes — /api/search (with its answer cache), /api/suggest, the
// OpenSearch description and suggestions, and the listing of a facet's values.

#include <chrono>
#include <optional>

#include "searchd/api_internal.h"

namespace vnsearch {
namespace api {

void Api::Search(const httplib::Request& request, httplib::Response* response) {
  Guarded(response, [&] {
    auto started = std::chrono::steady_clock::now();
    SearchRequest search = ParseSearchRequest(request.params);
    // An answer from the cache is sent at once.
    std::optional<std::string> body =
        ReadIndex([&](Searcher& searcher) -> std::optional<std::string> {
          std::optional<std::string> cached = cache_.Find(request.target, searcher.RevisionKey());
          if (!cached) return std::nullopt;
          // The answer says how long it took to answer.
          return WithTookMs(*cached, std::chrono::duration<double, std::milli>(
                                         std::chrono::steady_clock::now() - started)
                                         .count());
        });
    bool from_cache = body.has_value();
    if (!from_cache) {
      // A search is computed by the search pool (search_pool.h) when its turn comes, and only
      // then reads a revision of the index, so that the searches in line hold back no write
      // (revision_readers.h). The answer's text is written once, for the reader and the cache.
      search_pool_.Run([&] {
        body = ReadIndex([&](Searcher& searcher) {
          // A search alone has the other cores: an idle pool thread shares its hits.
          searcher.PrepareHitsWith([this](size_t count, const std::function<void(size_t)>& item,
                                          const std::function<void()>& first) {
            search_pool_.ForEach(count, item, first);
          });
          std::string revision = searcher.RevisionKey();
          SearchResponse found = searcher.Search(search);
          auto json_started = std::chrono::steady_clock::now();
          std::string computed = SearchAnswerText(found);
          if (!found.timed_out && found.partial_shards.empty()) {
            cache_.Store(request.target, revision, computed);
          }
          metrics_.RecordSearch(found.phases, std::chrono::duration<double>(
                                                  std::chrono::steady_clock::now() - json_started)
                                                  .count());
          return computed;
        });
      });
    }
    // X-Vnsearch-Cache says whether the answer was searched or read from the cache.
    response->set_header("X-Vnsearch-Cache", from_cache ? "hit" : "miss");
    response->status = 200;
    response->set_content(std::move(*body), "application/json; charset=utf-8");
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

}  // namespace api
}  // namespace vnsearch
