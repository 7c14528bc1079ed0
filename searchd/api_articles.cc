// api_articles: one article and the articles like it (GET), and the writes (POST, PUT,
// DELETE), authorised by the bearer token before their body is read.

#include "index/corpus_writer.h"
#include "searchd/api_internal.h"

namespace vnsearch {
namespace api {

namespace {

void SendStoreResult(const StoreResult& result, httplib::Response* response) {
  if (result.status >= 400) {
    if (result.status == 503) response->set_header("Retry-After", "2");
    SendError(response, result.status, result.error_code, result.message);
  } else if (result.status == 204) {
    response->status = 204;
  } else {
    response->set_header("Location", "/api/articles/" + result.article_id);
    SendJson(response, result.status, {{"id", result.article_id}});
  }
}

const char* BodyErrorCode(int status) {
  switch (status) {
    case 408:
      return "timeout";
    case 413:
      return "too_large";
    default:
      return "bad_body";
  }
}

// An article not found while a shard does not answer may be on that shard: "no such article"
// would be a guess, so the answer is 503 shards_unavailable.
void ThrowIfMaybeOnDownShard(const Searcher& searcher, const std::string& article_id) {
  std::vector<std::string> down = searcher.DownShards();
  if (down.empty()) return;
  throw ShardsUnavailable("article \"" + article_id +
                          "\" may be on a shard that does not answer: " + down.front());
}

}  // namespace

void Api::Article(const std::string& article_id, httplib::Response* response) {
  Guarded(response, [&] {
    std::optional<json> article;
    if (IsValidArticleId(article_id)) {
      article = ReadIndex([&](Searcher& searcher) {
        std::optional<json> found = searcher.GetArticle(article_id);
        if (!found) ThrowIfMaybeOnDownShard(searcher, article_id);
        return found;
      });
    }
    if (!article) {
      SendError(response, 404, "not_found", "no article with id \"" + article_id + "\"");
      return;
    }
    SendJson(response, 200, *article);
  });
}

void Api::Similar(const httplib::Request& request, const std::string& article_id,
                  httplib::Response* response) {
  Guarded(response, [&] {
    size_t limit = static_cast<size_t>(IntParameter(request.params, "limit", 5, 1, 50));
    std::vector<std::string> down;
    std::optional<std::vector<SearchHit>> hits;
    if (IsValidArticleId(article_id)) {
      hits = ReadIndex([&](Searcher& searcher) {
        auto found = searcher.Similar(article_id, limit);
        down = searcher.DownShards();
        if (!found) ThrowIfMaybeOnDownShard(searcher, article_id);
        return found;
      });
    }
    if (!hits) {
      SendError(response, 404, "not_found", "no article with id \"" + article_id + "\"");
      return;
    }
    json array = json::array();
    for (const SearchHit& hit : *hits) array.push_back(HitJson(hit));
    json answer = {{"id", article_id}, {"hits", array}};
    if (!down.empty()) answer["partial_shards"] = down;
    SendJson(response, 200, answer);
  });
}

// POST /api/articles, PUT and DELETE /api/articles/{id}: authorised, then sized, then read.
void Api::Write(const httplib::Request& request, const RouteMatch& match,
                httplib::Response* response) {
  Guarded(response, [&] {
    if (!AuthorizeWrite(request, response)) return;
    if (request.method == "DELETE") {
      SendStoreResult(store_.Delete(match.article_id), response);
      return;
    }
    const RequestContext* context = CurrentRequest();
    if (context == nullptr || context->framing == BodyFraming::kNone) {
      SendError(response, 411, "length_required",
                "send the article as the body, with Content-Length (or chunked)");
      return;
    }
    std::string body, error;
    int status = ReadRequestBody(max_body_bytes_, &body, &error);
    if (status != 0) {
      SendError(response, status, BodyErrorCode(status), error);
      return;
    }
    std::optional<std::string> id;
    if (match.route == Route::kArticle) id = match.article_id;
    SendStoreResult(store_.Put(request.get_header_value("Content-Type"), body, id), response);
  });
}

// Writes need "Authorization: Bearer <token>". Returns false, with the response filled in,
// when the request may not write.
bool Api::AuthorizeWrite(const httplib::Request& request, httplib::Response* response) const {
  if (token_.empty()) {
    SendError(response, 403, "writes_disabled",
              "writes are disabled: start vnsearchd with --token-file (or VNSEARCH_TOKEN)");
    return false;
  }
  std::string expected = "Bearer " + token_;
  std::string given = request.get_header_value("Authorization");
  // Compare in time independent of where they differ.
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size() && i < expected.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  if (difference != 0) {
    response->set_header("WWW-Authenticate", "Bearer");
    SendError(response, 401, "unauthorized",
              given.empty() ? "send Authorization: Bearer <token>" : "wrong token");
    return false;
  }
  return true;
}

}  // namespace api
}  // namespace vnsearch
