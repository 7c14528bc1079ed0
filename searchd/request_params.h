// request_params: the query-string parameters of the API, checked. Every value a client sends is
// refused with a message naming the parameter when it is not what the API takes: numbers out of
// range, dates that are not dates, text that is not UTF-8 or holds control characters, too long
// or too many values. Pure functions of the parameters; thread-safe.
#ifndef VNSEARCH_SEARCHD_REQUEST_PARAMS_H_
#define VNSEARCH_SEARCHD_REQUEST_PARAMS_H_

#include <httplib.h>

#include <stdexcept>
#include <string>

#include "searchd/searcher.h"

namespace vnsearch {

// Longer queries are not questions but pasted documents; they would only cost time.
constexpr size_t kMaxQueryBytes = 4096;
constexpr size_t kMaxFilterValueBytes = 512;
constexpr size_t kMaxFilterValues = 50;  // per facet
constexpr int kMaxPage = 1000;

// A parameter the client must fix; what() starts with its name.
class BadParameter : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole number `name`, or `fallback` when absent; BadParameter outside [min, max].
int IntParameter(const httplib::Params& params, const char* name, int fallback, int min, int max);

// The text `name` ("" when absent): BadParameter when longer than `max_bytes`, not UTF-8, or
// holding a control character (a tab or line break is allowed).
std::string TextParameter(const httplib::Params& params, const char* name,
                          size_t max_bytes = kMaxQueryBytes);

// The parameters of GET /api/search (q, page, size, facet_size, from, to, sort, and the facet
// filters unit, term, person).
SearchRequest ParseSearchRequest(const httplib::Params& params);

// Where `text` stops being usable text: the offset of its first ill-formed UTF-8 sequence or
// control character (other than tab, line feed, carriage return), or std::string::npos.
size_t FirstUnusableByte(const std::string& text);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_REQUEST_PARAMS_H_
