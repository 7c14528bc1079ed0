// search_answer: the answer appended to one string, key by key in sorted order. Strings of valid
// UTF-8 are escaped here as nlohmann::json escapes them (with ensure_ascii off); a string with an
// ill-formed sequence, and every floating-point number, is written by nlohmann::json itself, so
// the bytes are its bytes whatever the input.

#include "searchd/search_answer.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string_view>

#include "analysis/utf8.h"

namespace vnsearch {
namespace api {
namespace {

using nlohmann::json;

class AnswerText {
 public:
  explicit AnswerText(size_t expected_bytes) { text_.reserve(expected_bytes); }

  std::string Release() { return std::move(text_); }

  // `"name":`, after a comma unless it is the object's first key.
  void Key(std::string_view name, bool first = false) {
    if (!first) text_ += ',';
    text_ += '"';
    text_ += name;
    text_ += "\":";
  }
  void Raw(std::string_view text) { text_ += text; }
  void Bool(bool value) { text_ += value ? "true" : "false"; }
  void Unsigned(uint64_t value) {
    char digits[24];
    auto written = std::to_chars(digits, digits + sizeof digits, value);
    text_.append(digits, written.ptr);
  }
  void Signed(int64_t value) {
    char digits[24];
    auto written = std::to_chars(digits, digits + sizeof digits, value);
    text_.append(digits, written.ptr);
  }
  // Shortest round-trip digits, "12.0" for a whole number, null for NaN: nlohmann's own.
  void Double(double value) { text_ += json(value).dump(); }

  void String(std::string_view value) {
    if (!IsWellFormed(value)) {
      text_ += json(value).dump(-1, ' ', false, json::error_handler_t::replace);
      return;
    }
    text_ += '"';
    size_t plain_from = 0;
    for (size_t i = 0; i < value.size(); ++i) {
      unsigned char byte = static_cast<unsigned char>(value[i]);
      if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
      text_.append(value, plain_from, i - plain_from);
      plain_from = i + 1;
      switch (byte) {
        case '"':
          text_ += "\\\"";
          break;
        case '\\':
          text_ += "\\\\";
          break;
        case '\b':
          text_ += "\\b";
          break;
        case '\f':
          text_ += "\\f";
          break;
        case '\n':
          text_ += "\\n";
          break;
        case '\r':
          text_ += "\\r";
          break;
        case '\t':
          text_ += "\\t";
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          text_ += "\\u00";
          text_ += kHex[byte >> 4];
          text_ += kHex[byte & 0xF];
        }
      }
    }
    text_.append(value, plain_from, value.size() - plain_from);
    text_ += '"';
  }

  void Strings(const std::vector<std::string>& values) {
    text_ += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) text_ += ',';
      String(values[i]);
    }
    text_ += ']';
  }

 private:
  static bool IsWellFormed(std::string_view value) {
    for (size_t offset = 0; offset < value.size();) {
      if (static_cast<unsigned char>(value[offset]) < 0x80) {
        ++offset;
      } else if (NextCodePoint(value, &offset) < 0) {
        return false;
      }
    }
    return true;
  }

  std::string text_;
};

void WriteHit(const SearchHit& hit, AnswerText* text) {
  text->Raw("{");
  text->Key("author", true);
  text->String(hit.author);
  text->Key("date");
  text->String(hit.date);
  text->Key("id");
  text->String(hit.id);
  text->Key("persons");
  text->Strings(hit.persons);
  text->Key("score");
  text->Double(hit.score);
  text->Key("snippet");
  text->String(hit.snippet);
  text->Key("source");
  text->String(hit.source);
  text->Key("terms");
  text->Strings(hit.terms);
  text->Key("title");
  text->String(hit.title);
  text->Key("units");
  text->Strings(hit.units);
  text->Raw("}");
}

void WriteFacetValues(const std::vector<FacetValue>& values, AnswerText* text) {
  text->Raw("[");
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text->Raw(",");
    text->Raw("{");
    text->Key("count", true);
    text->Unsigned(values[i].count);
    text->Key("selected");
    text->Bool(values[i].selected);
    text->Key("value");
    text->String(values[i].value);
    text->Raw("}");
  }
  text->Raw("]");
}

}  // namespace

std::string SearchAnswerText(const SearchResponse& response) {
  size_t expected_bytes = 1024;
  for (const SearchHit& hit : response.hits) {
    expected_bytes += 256 + hit.title.size() + hit.snippet.size();
  }
  AnswerText text(expected_bytes);
  text.Raw("{");
  // std::map orders the facets by name, as nlohmann's object does.
  text.Key("facets", true);
  text.Raw("{");
  bool first_facet = true;
  for (const auto& [name, values] : response.facets) {
    if (!first_facet) text.Raw(",");
    first_facet = false;
    text.String(name);
    text.Raw(":");
    WriteFacetValues(values, &text);
  }
  text.Raw("}");
  text.Key("hits");
  text.Raw("[");
  for (size_t i = 0; i < response.hits.size(); ++i) {
    if (i > 0) text.Raw(",");
    WriteHit(response.hits[i], &text);
  }
  text.Raw("]");
  text.Key("page");
  text.Signed(response.page);
  text.Key("partial_match");
  text.Bool(response.partial_match);
  text.Key("partial_shards");
  text.Strings(response.partial_shards);
  text.Key("query");
  text.String(response.query);
  text.Key("size");
  text.Signed(response.size);
  text.Key("suggestion");
  text.String(response.suggestion);
  text.Key("timed_out");
  text.Bool(response.timed_out);
  text.Key("took_ms");
  text.Double(response.took_ms);
  text.Key("total");
  text.Unsigned(response.total);
  text.Raw("}");
  return text.Release();
}

std::string WithTookMs(const std::string& answer, double took_ms) {
  // The key is the answer's own: inside a JSON string a quote is escaped, so `"took_ms":` can
  // only be a key, and no object inside an answer has that key. Keys are written in order, so
  // it is near the end, after the hits and facets.
  static constexpr std::string_view kKey = "\"took_ms\":";
  size_t key = answer.rfind(kKey);
  if (key == std::string::npos) return answer;  // not an answer SearchAnswerText wrote
  size_t number = key + kKey.size();
  size_t number_end = answer.find_first_of(",}", number);
  std::string written;
  written.reserve(answer.size() + 8);
  written.append(answer, 0, number);
  written += json(took_ms).dump();
  written.append(answer, number_end);
  return written;
}

}  // namespace api
}  // namespace vnsearch
