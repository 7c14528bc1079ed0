// article_json_fuzzer: libFuzzer target over the body of a write — read as JSON (and, every
// other input, as text) by posted_article, then understood, prepared for the index and shown
// as JSON, as POST /api/articles does short of the disk; its stored form is read back, and the
// input itself is read as stored data too (index/stored_article.h). Any crash, hang, leak or
// sanitizer report is a bug; so is an accepted article that is not valid UTF-8, or a stored
// article that does not read back whole.

#include <cstddef>
#include <cstdint>
#include <string>

#include "article/article_json.h"
#include "article/article_parser.h"
#include "index/corpus_reader.h"
#include "index/json_article.h"
#include "index/prepared_article.h"
#include "index/stored_article.h"
#include "searchd/posted_article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  vnsearch::Article read;
  vnsearch::DecodeStoredArticle(body, &read);
  const char* content_type = size % 2 == 0 ? "Application/JSON; charset=utf-8" : "text/plain";
  vnsearch::PostedArticle posted = vnsearch::ReadPostedArticle(content_type, body);
  if (posted.status != 0) {
    if (posted.message.empty() || (posted.status != 400 && posted.status != 415)) {
      __builtin_trap();
    }
    return 0;
  }
  if (vnsearch::FirstInvalidUtf8(posted.text) != std::string::npos) __builtin_trap();
  vnsearch::Article article =
      posted.is_json ? vnsearch::ParseJsonArticle("fuzz/article", posted.fields, posted.text)
                     : vnsearch::ParseArticle("fuzz/article", posted.text);
  vnsearch::PreparedArticle prepared =
      vnsearch::PrepareParsedArticle(std::move(article), vnsearch::ContentHash(posted.text));
  std::string shown = vnsearch::ArticleToJson(prepared.article)
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  if (shown.empty()) __builtin_trap();
  if (!vnsearch::DecodeStoredArticle(vnsearch::EncodeStoredArticle(prepared.article), &read) ||
      vnsearch::ArticleToJson(read).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict) !=
          shown) {
    __builtin_trap();
  }
  return 0;
}
