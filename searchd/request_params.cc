// request_params: each check throws BadParameter with the parameter's name first, so that the
// 400 answer tells a client exactly what to change.

#include "searchd/request_params.h"

#include <unicode/utf8.h>

#include <charconv>

#include "article/date_parser.h"

namespace vnsearch {
namespace {

const std::string* Find(const httplib::Params& params, const char* name) {
  auto found = params.find(name);
  return found == params.end() ? nullptr : &found->second;
}

// A value quoted for an error message: at most 60 bytes, and only if it is usable text.
std::string Quoted(const std::string& value) {
  if (FirstUnusableByte(value) != std::string::npos) return "(not shown: not text)";
  if (value.size() <= 60) return "\"" + value + "\"";
  size_t end = 60;  // not inside a UTF-8 sequence
  while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
  return "\"" + value.substr(0, end) + "…\"";
}

void CheckText(const char* name, const std::string& value, size_t max_bytes) {
  if (value.size() > max_bytes) {
    throw BadParameter(std::string(name) + ": at most " + std::to_string(max_bytes) +
                       " bytes; shorten it");
  }
  size_t unusable = FirstUnusableByte(value);
  if (unusable != std::string::npos) {
    unsigned char byte = static_cast<unsigned char>(value[unusable]);
    bool control = byte < 0x20 || byte == 0x7F;
    throw BadParameter(std::string(name) + ": " +
                       (control ? "holds a control character" : "is not valid UTF-8") +
                       " at byte " + std::to_string(unusable) +
                       "; send UTF-8 text, percent-encoded (%C3%A2 for â)");
  }
}

std::string DateParameter(const httplib::Params& params, const char* name) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return "";
  if (!IsIsoDate(*text)) {
    throw BadParameter(std::string(name) + ": must be a date YYYY-MM-DD, not " + Quoted(*text));
  }
  return *text;
}

SortOrder SortParameter(const httplib::Params& params) {
  const std::string* text = Find(params, "sort");
  if (text == nullptr || *text == "relevance") return SortOrder::kRelevance;
  if (*text == "date") return SortOrder::kDateAscending;
  if (*text == "-date") return SortOrder::kDateDescending;
  throw BadParameter("sort: must be relevance, date or -date, not " + Quoted(*text));
}

}  // namespace

size_t FirstUnusableByte(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 code_point;
    U8_NEXT(bytes, i, length, code_point);
    if (code_point < 0) return static_cast<size_t>(start);
    bool control =
        (code_point < 0x20 && code_point != '\t' && code_point != '\n' && code_point != '\r') ||
        code_point == 0x7F;
    if (control) return static_cast<size_t>(start);
  }
  return std::string::npos;
}

int IntParameter(const httplib::Params& params, const char* name, int fallback, int min, int max) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return fallback;
  int value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    throw BadParameter(std::string(name) + ": must be a whole number from " + std::to_string(min) +
                       " to " + std::to_string(max) + ", not " + Quoted(*text));
  }
  return value;
}

std::string TextParameter(const httplib::Params& params, const char* name, size_t max_bytes) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return "";
  CheckText(name, *text, max_bytes);
  return *text;
}

SearchRequest ParseSearchRequest(const httplib::Params& params) {
  SearchRequest search;
  search.query = TextParameter(params, "q");
  search.page = IntParameter(params, "page", 1, 1, kMaxPage);
  search.size = IntParameter(params, "size", 10, 1, 100);
  search.facet_limit = static_cast<size_t>(IntParameter(params, "facet_size", 10, 0, 100));
  search.from = DateParameter(params, "from");
  search.to = DateParameter(params, "to");
  if (!search.from.empty() && !search.to.empty() && search.from > search.to) {
    throw BadParameter("from: " + search.from + " is after to: " + search.to);
  }
  search.sort = SortParameter(params);
  for (const FacetDefinition& facet : Facets()) {
    auto [begin, end] = params.equal_range(facet.name);
    size_t count = 0;
    for (auto it = begin; it != end; ++it) {
      if (++count > kMaxFilterValues) {
        throw BadParameter(std::string(facet.name) + ": at most " +
                           std::to_string(kMaxFilterValues) + " values");
      }
      CheckText(facet.name, it->second, kMaxFilterValueBytes);
      if (!it->second.empty()) search.filters[facet.name].push_back(it->second);
    }
  }
  return search;
}

}  // namespace vnsearch
