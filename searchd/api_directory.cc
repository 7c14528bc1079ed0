// api_directory: the directory routes (issue #15) — /api/roles, and a page per person
// (/api/persons/{name}) and per unit (/api/units/{name}).

#include "searchd/api_internal.h"
#include "searchd/directory.h"

namespace vnsearch {
namespace api {

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

}  // namespace api
}  // namespace vnsearch
