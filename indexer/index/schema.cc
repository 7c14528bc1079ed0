// schema: the terms and keys built from the schema's prefixes, for the indexer that writes them
// and searchd that reads them. Pure functions; the names themselves are in schema.h.

#include "index/schema.h"

#include <cstdint>
#include <string_view>

#include "article/canonical_name.h"

namespace vnsearch::schema {

std::string ArticleIdTerm(const std::string& article_id) { return kArticleId + article_id; }

std::string FacetFilterTerm(const char* prefix, const std::string& value) {
  std::string_view kind(prefix);
  if (kind != kTermFilter && kind != kRoleTermFilter) return prefix + NameKey(value);
  // A term of office in any spelling ("2022 – 2025") is keyed "2022-2025".
  std::string digits;
  for (char c : value) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return prefix + (digits.size() == 8 ? digits.substr(0, 4) + "-" + digits.substr(4) : value);
}

std::string FacetValueId(const char* prefix, const std::string& value) {
  std::string key = FacetFilterTerm(prefix, value);  // prefix + key: ids differ across facets
  uint64_t hash = 1469598103934665603ULL;            // 64-bit FNV-1a
  for (unsigned char byte : key) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  std::string id(kFacetIdBytes, '\0');
  for (size_t i = 0; i < kFacetIdBytes; ++i) {
    id[i] = static_cast<char>(hash >> (8 * (kFacetIdBytes - 1 - i)));
  }
  return id;
}

std::string FacetNameKey(const char* prefix, const std::string& id) {
  static const char kHex[] = "0123456789abcdef";
  std::string key = std::string(prefix) + kFacetNameSeparator;
  for (unsigned char byte : id) {
    key += kHex[byte >> 4];
    key += kHex[byte & 15];
  }
  return key;
}

std::string ExpansionTerm(const std::vector<std::string>& folded_words) {
  std::string term = kExpansion;
  for (size_t i = 0; i < folded_words.size(); ++i) {
    if (i > 0) term += ' ';
    term += folded_words[i];
  }
  return term;
}

std::string FoldedPairTerm(const std::string& first, const std::string& second) {
  return kFoldedPair + first + ' ' + second;
}

std::string DateSlotValue(const std::string& iso_date) {
  std::string compact;
  for (char c : iso_date) {
    if (c != '-') compact += c;
  }
  return compact;
}

// The date part is always 8 characters: undated articles sort before every date.
constexpr size_t kDatePartBytes = 8;

std::string DateThenIdSlotValue(const std::string& iso_date, const std::string& article_id) {
  std::string compact_date = DateSlotValue(iso_date);
  if (compact_date.size() != kDatePartBytes) compact_date.assign(kDatePartBytes, '0');
  return compact_date + article_id;
}

std::string ArticleIdOfDateThenId(const std::string& slot_value) {
  return slot_value.size() > kDatePartBytes ? slot_value.substr(kDatePartBytes) : std::string();
}

}  // namespace vnsearch::schema
