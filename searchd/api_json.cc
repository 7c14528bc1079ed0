// api_json: the JSON shapes of the API's answers — a hit, a facet's values, a search answer,
// an error — and how they are sent.

#include "searchd/api_internal.h"

namespace vnsearch {
namespace api {

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
  // Built by moves: an initializer list would copy every hit and facet once more.
  json hits = json::array();
  for (const SearchHit& hit : response.hits) {
    json object = HitJson(hit);
    object["snippet"] = hit.snippet;
    hits.push_back(std::move(object));
  }
  json facets = json::object();
  for (const auto& [name, values] : response.facets) facets[name] = FacetValuesJson(values);
  json answer = {{"query", response.query},
                 {"total", response.total},
                 {"page", response.page},
                 {"size", response.size},
                 {"took_ms", response.took_ms},
                 {"suggestion", response.suggestion},
                 {"partial_match", response.partial_match},
                 {"timed_out", response.timed_out},
                 {"partial_shards", response.partial_shards}};
  answer["hits"] = std::move(hits);
  answer["facets"] = std::move(facets);
  return answer;
}

std::string WithTookMs(const std::string& answer, double took_ms) {
  // The key is the answer's own: inside a JSON string a quote is escaped, so `"took_ms":` can
  // only be a key, and no object inside an answer has that key. Keys are written in order, so
  // it is near the end, after the hits and facets.
  static constexpr std::string_view kKey = "\"took_ms\":";
  size_t key = answer.rfind(kKey);
  if (key == std::string::npos) return answer;  // not an answer ResponseJson wrote
  size_t number = key + kKey.size();
  size_t number_end = answer.find_first_of(",}", number);
  std::string written;
  written.reserve(answer.size() + 8);
  written.append(answer, 0, number);
  written += json(took_ms).dump();
  written.append(answer, number_end);
  return written;
}

}  // namespace api
}  // namespace vnsearch
