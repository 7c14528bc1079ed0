// bm25_reference: the plain syllable BM25 that published results on Vietnamese question sets use
// as their baseline, in memory: tokens [0-9A-Za-zÀ-ỹ_]+ after NFC and lower-casing (so accents
// count: "học" and "hóc" differ, "hoc" matches neither), title and text as one field, Okapi BM25
// with k1 1.5, b 0.75. The reference vnsearch's ranking of questions is held against.
// Not thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_BM25_REFERENCE_H_
#define VNSEARCH_TESTS_BENCH_BM25_REFERENCE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnsearch::bench {

// The tokens of `text` as the reference sees them.
std::vector<std::string> SyllableTokens(std::string_view text);

// How a token's rarity is weighed. kOkapi is rank_bm25's BM25Okapi, which the published
// figures were measured with: ln((N - n + 0.5) / (n + 0.5)), and a token in more than half the
// documents (a negative value) weighs a quarter of the mean instead. kLucene keeps every token
// positive and ordered, ln(1 + (N - n + 0.5) / (n + 0.5)), and ranks a little better.
enum class Bm25Idf { kOkapi, kLucene };

class Bm25Reference {
 public:
  explicit Bm25Reference(Bm25Idf idf, double k1 = 1.5, double b = 0.75)
      : idf_kind_(idf), k1_(k1), b_(b) {}

  // Adds a document (its index is the number of documents added before it).
  void Add(std::string_view text);

  // The indexes of the best `limit` documents for `query` (its tokens, repeats counted), best
  // first; documents sharing no token with the query are not listed.
  std::vector<size_t> Search(std::string_view query, size_t limit);

 private:
  struct Posting {
    size_t document;
    unsigned frequency;
  };
  double Idf(size_t documents_with_token);

  Bm25Idf idf_kind_;
  double k1_, b_;
  double mean_okapi_idf_ = 0;  // over the vocabulary; computed when first needed
  bool mean_okapi_idf_known_ = false;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<unsigned> lengths_;
  double total_length_ = 0;
};

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_BM25_REFERENCE_H_
