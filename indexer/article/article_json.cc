// article_json: field names here are the API's; keep them in step with README.

#include "article/article_json.h"

namespace vnsearch {
namespace {

std::string StringAt(const nlohmann::json& json, const char* name) {
  auto found = json.find(name);
  return found != json.end() && found->is_string() ? found->get<std::string>() : "";
}

std::vector<std::string> StringsAt(const nlohmann::json& json, const char* name) {
  std::vector<std::string> strings;
  auto found = json.find(name);
  if (found == json.end() || !found->is_array()) return strings;
  for (const nlohmann::json& item : *found) {
    if (item.is_string()) strings.push_back(item.get<std::string>());
  }
  return strings;
}

}  // namespace

nlohmann::json ArticleToJson(const Article& article) {
  nlohmann::json persons = nlohmann::json::array();
  for (const Person& person : article.persons) {
    persons.push_back({{"name", person.name}, {"roles", person.roles}});
  }
  nlohmann::json units = nlohmann::json::array();
  for (const Unit& unit : article.units) {
    units.push_back({{"name", unit.name}, {"parent", unit.parent}});
  }
  nlohmann::json role_facts = nlohmann::json::array();
  for (const RoleFact& fact : article.role_facts) {
    role_facts.push_back({{"person", fact.person},
                          {"role", fact.role},
                          {"unit", fact.unit},
                          {"term", fact.term},
                          {"elected", fact.elected}});
  }
  return {{"id", article.id},         {"title", article.title},
          {"date", article.date},     {"source", article.source},
          {"author", article.author}, {"body", article.body},
          {"terms", article.terms},   {"persons", persons},
          {"units", units},           {"main_unit", article.main_unit},
          {"role_facts", role_facts}};
}

Article ArticleFromJson(const nlohmann::json& json) {
  Article article;
  if (!json.is_object()) return article;
  article.id = StringAt(json, "id");
  article.title = StringAt(json, "title");
  article.date = StringAt(json, "date");
  article.source = StringAt(json, "source");
  article.author = StringAt(json, "author");
  article.body = StringAt(json, "body");
  article.terms = StringsAt(json, "terms");
  article.main_unit = StringAt(json, "main_unit");
  if (auto persons = json.find("persons"); persons != json.end() && persons->is_array()) {
    for (const nlohmann::json& person : *persons) {
      article.persons.push_back({StringAt(person, "name"), StringsAt(person, "roles")});
    }
  }
  if (auto facts = json.find("role_facts"); facts != json.end() && facts->is_array()) {
    for (const nlohmann::json& fact : *facts) {
      if (!fact.is_object()) continue;
      article.role_facts.push_back({StringAt(fact, "person"), StringAt(fact, "role"),
                                    StringAt(fact, "unit"), StringAt(fact, "term"),
                                    fact.value("elected", false)});
    }
  }
  if (auto units = json.find("units"); units != json.end() && units->is_array()) {
    for (const nlohmann::json& unit : *units) {
      article.units.push_back({StringAt(unit, "name"), StringAt(unit, "parent")});
    }
  }
  return article;
}

}  // namespace vnsearch
