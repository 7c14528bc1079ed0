// canonical_name: one spelling and one key for the name of a person or a unit, so that the same
// entity written two ways ("Đảng ủy"/"Đảng uỷ", "Bộ TN&MT"/"Bộ Tài nguyên và Môi trường") is one
// facet value. Pure; thread-safe.
#ifndef VNSEARCH_ARTICLE_CANONICAL_NAME_H_
#define VNSEARCH_ARTICLE_CANONICAL_NAME_H_

#include <string>
#include <string_view>

namespace vnsearch {

// The name with each syllable in canonical tone placement, its capitals kept, abbreviations
// ("KH&CN") as written and white space folded: "Bí thư Đảng ủy" → "Bí thư Đảng uỷ".
std::string CanonicalName(std::string_view name);

// The name with every abbreviation of the table spelled out: "Bộ TN&MT" → "Bộ Tài nguyên và
// Môi trường", "Liên minh HTX Việt Nam" → "Liên minh Hợp tác xã Việt Nam".
std::string ExpandAbbreviations(std::string_view name);

// `text` with its first letter a capital ("trường Đại học" → "Trường Đại học").
std::string CapitalizeFirst(std::string_view text);

// A key equal for every spelling of one name: folded words, "và" and punctuation left out:
// "Viện Khoa học, Công nghệ & Môi trường" → "vien khoa hoc cong nghe moi truong".
std::string NameKey(std::string_view name);

}  // namespace vnsearch

#endif  // VNSEARCH_ARTICLE_CANONICAL_NAME_H_
