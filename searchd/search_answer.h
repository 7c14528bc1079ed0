// search_answer: a search answer's JSON text, written straight from the SearchResponse — the
// bytes nlohmann::json's dump writes for the same object, without building its tree first.
// Thread-safe.
#ifndef VNSEARCH_SEARCHD_SEARCH_ANSWER_H_
#define VNSEARCH_SEARCHD_SEARCH_ANSWER_H_

#include <string>

#include "searchd/searcher.h"

namespace vnsearch {
namespace api {

// The answer to /api/search: {"facets","hits","page","partial_match","partial_shards","query",
// "size","suggestion","timed_out","took_ms","total"}, keys in that (nlohmann's) order, each hit
// {"author","date","id","persons","score","snippet","source","terms","title","units"}, each
// facet value {"count","selected","value"}. Invalid UTF-8 in a string is replaced as Dump
// replaces it.
std::string SearchAnswerText(const SearchResponse& response);

// `answer`, a search answer as SearchAnswerText wrote it, with its "took_ms" set to `took_ms`: a
// cached answer is sent with the time it took to answer, without parsing and writing its JSON
// again.
std::string WithTookMs(const std::string& answer, double took_ms);

}  // namespace api
}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SEARCH_ANSWER_H_
