// The OpenAPI document vnsearchd serves (compiled in from searchd/openapi.json) against the
// daemon's own route table (api_routes.h): every route and method the daemon answers is in the
// document, the document names nothing the daemon does not answer, and the conventions an
// operator expects hold on every operation (the errors every request can meet, the token on the
// writes, Retry-After on every 503). The validator and the live contract test are in
// tests/contract/.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "searchd/api_routes.h"
#include "searchd/http_api.h"
#include "searchd/metrics.h"
#include "vnsearch/version.h"

namespace vnsearch {
namespace {

using nlohmann::json;

const json& Document() {
  static const json document = json::parse(OpenApiDocumentText());
  return document;
}

std::vector<std::string> Methods(const char* allow) {
  std::vector<std::string> methods;
  std::stringstream list(allow);
  for (std::string method; std::getline(list, method, ',');) {
    method.erase(0, method.find_first_not_of(' '));
    methods.push_back(method);
  }
  return methods;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// What a local $ref ("#/components/responses/Busy") points to; `value` itself when it is none.
const json& Resolve(const json& value) {
  if (!value.is_object() || !value.contains("$ref")) return value;
  std::string pointer = value["$ref"].get<std::string>();
  return Resolve(Document().at(json::json_pointer(pointer.substr(1))));
}

// Every operation of the document: (path, method in capitals, operation).
std::vector<std::tuple<std::string, std::string, json>> Operations() {
  static const std::set<std::string> kMethods = {"get",     "put",  "post",  "delete",
                                                 "options", "head", "patch", "trace"};
  std::vector<std::tuple<std::string, std::string, json>> operations;
  for (const auto& [path, item] : Document()["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      if (kMethods.count(method)) operations.emplace_back(path, Upper(method), operation);
    }
  }
  return operations;
}

// The path with each {variable} replaced by a plain value, as a client would send it.
std::string Instantiate(const std::string& path_template) {
  return std::regex_replace(path_template, std::regex(R"(\{[^}]*\})"), "x");
}

TEST(OpenApiDocumentTest, EveryRouteAndMethodOfTheDaemonIsDocumented) {
  const json& paths = Document()["paths"];
  ASSERT_FALSE(ApiRoutes().empty());
  for (const RouteSpec& spec : ApiRoutes()) {
    SCOPED_TRACE(spec.path_template);
    ASSERT_TRUE(paths.contains(spec.path_template))
        << spec.path_template << " is served but missing from searchd/openapi.json";
    for (const std::string& method : Methods(spec.methods)) {
      if (method == "HEAD") continue;  // answered wherever GET is, as the document says
      EXPECT_TRUE(paths[spec.path_template].contains(Lower(method)))
          << method << " " << spec.path_template << " is served but not documented";
    }
    // The 405 every other method gets names them (a path item has no place for it otherwise).
    EXPECT_NE(paths[spec.path_template]
                  .value("description", "")
                  .find(std::string("405 with `Allow: ") + spec.methods + "`"),
              std::string::npos);
  }
  const json& method_not_allowed = Document()["components"]["responses"]["MethodNotAllowed"];
  EXPECT_TRUE(method_not_allowed["headers"].contains("Allow"));
}

TEST(OpenApiDocumentTest, DocumentsNothingTheDaemonDoesNotServe) {
  for (const auto& [path, method, operation] : Operations()) {
    SCOPED_TRACE(method + " " + path);
    const RouteSpec* spec = nullptr;
    for (const RouteSpec& candidate : ApiRoutes()) {
      if (path == candidate.path_template) spec = &candidate;
    }
    ASSERT_NE(spec, nullptr) << "documented, but not in the daemon's route table";
    EXPECT_EQ(MatchRoute(Instantiate(path)).route, spec->route)
        << "the route table's template does not match what the daemon routes";
    EXPECT_TRUE(AllowsMethod(spec->route, method)) << "documented, but answered 405";
  }
}

TEST(OpenApiDocumentTest, VersionIsTheBuildsVersion) {
  EXPECT_EQ(Document()["info"]["version"], kVersion)
      << "bump info.version in searchd/openapi.json with project() in CMakeLists.txt";
}

TEST(OpenApiDocumentTest, EveryOperationDocumentsTheAnswersOfTheRequestHead) {
  for (const auto& [path, method, operation] : Operations()) {
    SCOPED_TRACE(method + " " + path);
    for (const char* status : {"408", "414", "431"}) {
      EXPECT_TRUE(operation["responses"].contains(status)) << status;
    }
  }
}

TEST(OpenApiDocumentTest, WritesNeedTheTokenAndDocumentTheirRefusals) {
  const json& scheme = Document()["components"]["securitySchemes"]["bearerAuth"];
  EXPECT_EQ(scheme["type"], "http");
  EXPECT_EQ(scheme["scheme"], "bearer");
  for (const auto& [path, method, operation] : Operations()) {
    SCOPED_TRACE(method + " " + path);
    bool write = method != "GET";
    bool secured = operation.contains("security") &&
                   operation["security"] == json::array({{{"bearerAuth", json::array()}}});
    EXPECT_EQ(secured, write);
    if (!write) continue;
    for (const char* status : {"401", "403", "503"}) {
      EXPECT_TRUE(operation["responses"].contains(status)) << status;
    }
    if (operation.contains("requestBody")) {
      const json& content = Resolve(operation["requestBody"])["content"];
      EXPECT_TRUE(content.contains("application/json"));
      EXPECT_TRUE(content.contains("text/plain"));
      for (const char* status : {"400", "411", "413", "415"}) {
        EXPECT_TRUE(operation["responses"].contains(status)) << status;
      }
    }
  }
}

TEST(OpenApiDocumentTest, ErrorsHaveTheErrorShapeAndEvery503SaysWhenToRetry) {
  for (const auto& [path, method, operation] : Operations()) {
    for (const auto& [status, reference] : operation["responses"].items()) {
      SCOPED_TRACE(method + " " + path + " " + status);
      const json& response = Resolve(reference);
      if (status[0] == '4' || status[0] == '5') {
        ASSERT_TRUE(response.contains("content"));
        EXPECT_EQ(response["content"]["application/json"]["schema"]["$ref"],
                  "#/components/schemas/Error");
      }
      if (status == "503") {
        ASSERT_TRUE(response.contains("headers") && response["headers"].contains("Retry-After"));
        EXPECT_EQ(Resolve(response["headers"]["Retry-After"])["required"], true);
      }
      if (status == "401") {
        EXPECT_TRUE(response["headers"].contains("WWW-Authenticate"));
      }
    }
  }
}

TEST(MetricsTest, LabelsRequestsWithTheRouteTemplates) {
  for (const RouteSpec& spec : ApiRoutes()) {
    EXPECT_EQ(RouteOf(Instantiate(spec.path_template)), spec.path_template);
  }
  EXPECT_EQ(RouteOf("/api/articles/a/b/similar"), "/api/articles/{id}/similar");
  EXPECT_EQ(RouteOf("/api/nothing"), "/api/other");
  EXPECT_EQ(RouteOf("/app.js"), "static");
}

TEST(MetricsTest, NameTheBuildsVersion) {
  Metrics metrics;
  std::string text = metrics.Render(3);
  EXPECT_NE(text.find("# TYPE vnsearch_build_info gauge\n"), std::string::npos);
  EXPECT_NE(text.find("\nvnsearch_build_info{version=\"" + std::string(kVersion) + "\"} 1\n"),
            std::string::npos);
}

}  // namespace
}  // namespace vnsearch
