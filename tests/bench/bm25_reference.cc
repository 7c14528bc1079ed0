// bm25_reference: the scoring of rank_bm25's BM25Okapi.get_scores (a query token repeated adds its
// score again), with either idf.

#include "bm25_reference.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace vnsearch::bench {
namespace {

bool IsTokenCodePoint(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
         (c >= 0x00C0 && c <= 0x1EF9);
}

}  // namespace

std::vector<std::string> SyllableTokens(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString normalized = U_SUCCESS(status) ? nfc->normalize(unicode, status) : unicode;
  normalized.toLower(icu::Locale::getRoot());
  std::vector<std::string> tokens;
  icu::UnicodeString token;
  auto flush = [&] {
    if (token.isEmpty()) return;
    tokens.emplace_back();
    token.toUTF8String(tokens.back());
    token.remove();
  };
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = normalized.char32At(i);
    if (IsTokenCodePoint(c)) {
      token.append(c);
    } else {
      flush();
    }
    i += U16_LENGTH(c);
  }
  flush();
  return tokens;
}

double Bm25Reference::Idf(size_t documents_with_token) {
  double documents = static_cast<double>(lengths_.size());
  double with_token = static_cast<double>(documents_with_token);
  if (idf_kind_ == Bm25Idf::kLucene) {
    return std::log(1 + (documents - with_token + 0.5) / (with_token + 0.5));
  }
  double idf = std::log((documents - with_token + 0.5) / (with_token + 0.5));
  if (idf >= 0) return idf;
  if (!mean_okapi_idf_known_) {
    double sum = 0;
    for (const auto& [token, postings] : postings_) {
      sum += std::log((documents - postings.size() + 0.5) / (postings.size() + 0.5));
    }
    mean_okapi_idf_ = postings_.empty() ? 0 : sum / postings_.size();
    mean_okapi_idf_known_ = true;
  }
  return 0.25 * mean_okapi_idf_;
}

void Bm25Reference::Add(std::string_view text) {
  mean_okapi_idf_known_ = false;
  size_t document = lengths_.size();
  std::map<std::string, unsigned> frequencies;
  std::vector<std::string> tokens = SyllableTokens(text);
  for (const std::string& token : tokens) ++frequencies[token];
  for (const auto& [token, frequency] : frequencies) {
    postings_[token].push_back({document, frequency});
  }
  lengths_.push_back(static_cast<unsigned>(tokens.size()));
  total_length_ += tokens.size();
}

std::vector<size_t> Bm25Reference::Search(std::string_view query, size_t limit) {
  double documents = static_cast<double>(lengths_.size());
  double average_length = documents == 0 ? 1 : total_length_ / documents;
  std::unordered_map<size_t, double> scores;
  for (const std::string& token : SyllableTokens(query)) {
    auto found = postings_.find(token);
    if (found == postings_.end()) continue;
    double idf = Idf(found->second.size());
    for (const Posting& posting : found->second) {
      double length_ratio = lengths_[posting.document] / average_length;
      double tf = posting.frequency;
      scores[posting.document] += idf * tf * (k1_ + 1) / (tf + k1_ * (1 - b_ + b_ * length_ratio));
    }
  }
  std::vector<std::pair<double, size_t>> ranked;
  for (const auto& [document, score] : scores) ranked.emplace_back(-score, document);
  size_t kept = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + kept, ranked.end());
  std::vector<size_t> best;
  for (size_t i = 0; i < kept; ++i) best.push_back(ranked[i].second);
  return best;
}

}  // namespace vnsearch::bench
