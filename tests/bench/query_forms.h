// query_forms: the queries of the known-item evaluation: a fragment of a headline, and the ways a
// reader may type the same words (no diacritics, the other tone placement, decomposed Unicode).
// Pure functions over UTF-8 strings; thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_QUERY_FORMS_H_
#define VNSEARCH_TESTS_BENCH_QUERY_FORMS_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace vnsearch::bench {

// The words of a headline as a reader would type them: split at white space, punctuation and
// symbols stripped from each word's edges ("(ảnh)" → "ảnh", "đỏ," → "đỏ", "2022-2025" stays),
// and words left with no letter or digit (a spaced dash) dropped. Stripping every word, not only
// the fragment's ends, keeps query syntax (a leading "-", quotes, parentheses) out of the query.
std::vector<std::string> HeadlineWords(std::string_view title);

// Every combining mark removed after NFD, and đ/Đ → d/D: "Đảng uỷ" → "Dang uy". Result in NFC.
std::string RemoveDiacritics(std::string_view text);

// The other tone placement of each open syllable ending in oa, oe or uy with the tone on one of
// the two: "hoà" ↔ "hòa", "khoẻ" ↔ "khỏe", "thuỷ" ↔ "thủy", "uỷ" ↔ "ủy". Only these syllables
// are written both ways in real text; a final consonant or third vowel fixes the tone's place
// ("hoàn", "ngoài", "khuya"), and in "qu" the u is part of the consonant ("quý"), so those are
// left alone, as is every other syllable. Result in NFC.
std::string SwapTonePlacement(std::string_view text);

// The canonical decomposition (NFD) of `text`.
std::string ToNfd(std::string_view text);

enum class QueryForm { kAsWritten, kNoDiacritics, kOtherTonePlacement, kNfd };
constexpr std::array<QueryForm, 4> kAllQueryForms = {
    QueryForm::kAsWritten, QueryForm::kNoDiacritics, QueryForm::kOtherTonePlacement,
    QueryForm::kNfd};

// "as written", "no diacritics", "other tone placement", "NFD".
const char* QueryFormName(QueryForm form);

// `fragment` in the given form.
std::string MakeQueryForm(QueryForm form, std::string_view fragment);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_QUERY_FORMS_H_
