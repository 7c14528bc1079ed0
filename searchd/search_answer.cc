// search_answer: the answer appended to one string, key by key in sorted order, a comma written
// wherever a value follows a value. Strings of valid UTF-8 are escaped here as nlohmann::json
// escapes them (with ensure_ascii off); a string with an ill-formed sequence, and every
// floating-point number, is written by nlohmann::json itself, so the bytes are its bytes
// whatever the input.

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

  // An object or array begun or ended: '{', '[', '}' or ']'. Commas are written as needed.
  void Open(char bracket) {
    Separate();
    text_ += bracket;
    after_value_ = false;
  }
  void Close(char bracket) {
    text_ += bracket;
    after_value_ = true;
  }

  // `"name":` for a key of ours (no character to escape); KeyOf for any text.
  void Key(std::string_view name) {
    Separate();
    text_ += '"';
    text_ += name;
    text_ += "\":";
    after_value_ = false;
  }
  void KeyOf(std::string_view text) {
    String(text);
    text_ += ':';
    after_value_ = false;
  }

  void Field(std::string_view name, std::string_view value) {
    Key(name);
    String(value);
  }
  void Field(std::string_view name, const std::vector<std::string>& values) {
    Key(name);
    Strings(values);
  }
  void Field(std::string_view name, bool value) {
    Key(name);
    text_ += value ? "true" : "false";
    after_value_ = true;
  }
  void Field(std::string_view name, int64_t value) {
    Key(name);
    Number(value);
  }
  void Field(std::string_view name, uint64_t value) {
    Key(name);
    Number(value);
  }
  // Shortest round-trip digits, "12.0" for a whole number, null for NaN: nlohmann's own.
  void Field(std::string_view name, double value) {
    Key(name);
    text_ += json(value).dump();
    after_value_ = true;
  }

  void String(std::string_view value) {
    Separate();
    after_value_ = true;
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
    Open('[');
    for (const std::string& value : values) String(value);
    Close(']');
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

  // A comma before the next value or key, unless an object or array was just begun.
  void Separate() {
    if (after_value_) text_ += ',';
  }

  template <typename Integer>
  void Number(Integer value) {
    char digits[24];
    auto written = std::to_chars(digits, digits + sizeof digits, value);
    text_.append(digits, written.ptr);
    after_value_ = true;
  }

  std::string text_;
  bool after_value_ = false;  // a value was the last thing written
};

void WriteHit(const SearchHit& hit, AnswerText* text) {
  text->Open('{');
  text->Field("author", hit.author);
  text->Field("date", hit.date);
  text->Field("id", hit.id);
  text->Field("persons", hit.persons);
  text->Field("score", hit.score);
  text->Field("snippet", hit.snippet);
  text->Field("source", hit.source);
  text->Field("terms", hit.terms);
  text->Field("title", hit.title);
  text->Field("units", hit.units);
  text->Close('}');
}

}  // namespace

std::string SearchAnswerText(const SearchResponse& response) {
  size_t expected_bytes = 1024;
  for (const SearchHit& hit : response.hits) {
    expected_bytes += 256 + hit.title.size() + hit.snippet.size();
  }
  AnswerText text(expected_bytes);
  text.Open('{');
  text.Key("facets");
  text.Open('{');
  for (const auto& [name, values] : response.facets) {  // std::map: by name, as nlohmann's
    text.KeyOf(name);
    text.Open('[');
    for (const FacetValue& value : values) {
      text.Open('{');
      text.Field("count", uint64_t{value.count});
      text.Field("selected", value.selected);
      text.Field("value", value.value);
      text.Close('}');
    }
    text.Close(']');
  }
  text.Close('}');
  text.Key("hits");
  text.Open('[');
  for (const SearchHit& hit : response.hits) WriteHit(hit, &text);
  text.Close(']');
  text.Field("page", int64_t{response.page});
  text.Field("partial_match", response.partial_match);
  text.Field("partial_shards", response.partial_shards);
  text.Field("query", response.query);
  text.Field("size", int64_t{response.size});
  text.Field("suggestion", response.suggestion);
  text.Field("timed_out", response.timed_out);
  text.Field("took_ms", response.took_ms);
  text.Field("total", uint64_t{response.total});
  text.Close('}');
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
