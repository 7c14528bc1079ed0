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

}  // namespace api
}  // namespace vnsearch
