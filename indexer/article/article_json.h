// article_json: an Article as JSON — the stored document data, the API's article body, and what
// `vnsearch-index --print` shows. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_ARTICLE_JSON_H_
#define VNSEARCH_ARTICLE_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>

#include "article/article.h"

namespace vnsearch {

// {"id","title","date","source","author","body","terms":[…],"persons":[{"name","roles"}],
//  "units":[{"name","parent"}],"main_unit"}
nlohmann::json ArticleToJson(const Article& article);

// The inverse; missing or mistyped fields are left empty.
Article ArticleFromJson(const nlohmann::json& json);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_ARTICLE_JSON_H_
