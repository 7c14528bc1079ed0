// golden_digest: what the golden tests hash, and the texts they hash it over — the tests' own
// articles and a generated sample of every kind of input the analyzer meets — so that a faster
// analyzer or indexer can be proven to give byte-identical output.
#ifndef VNSEARCH_TESTS_UNIT_GOLDEN_DIGEST_H_
#define VNSEARCH_TESTS_UNIT_GOLDEN_DIGEST_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnsearch::golden {

// A 64-bit FNV-1a hash over everything fed to it, with lengths, so that ("ab","c") and
// ("a","bc") differ.
class Digest {
 public:
  void Add(std::string_view bytes) {
    AddNumber(bytes.size());
    for (unsigned char byte : bytes) Mix(byte);
  }
  void AddNumber(uint64_t number) {
    for (int i = 0; i < 8; ++i) Mix(static_cast<unsigned char>(number >> (8 * i)));
  }
  std::string Hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
    return buffer;
  }

 private:
  void Mix(unsigned char byte) {
    hash_ ^= byte;
    hash_ *= 1099511628211ULL;
  }
  uint64_t hash_ = 1469598103934665603ULL;
};

// The .txt files under corpus/ and tests/data/ (sorted by path), as (path relative to its root,
// text).
std::vector<std::pair<std::string, std::string>> TestArticles();

// About `bytes` bytes of text drawn, by a fixed pseudo-random sequence, from pieces of every kind
// the analyzer treats apart: Vietnamese syllables in each case and tone placement, precomposed and
// NFD, codes and their connectors, digits, dashes, foreign letters and marks, scripts written
// without spaces, control characters, broken UTF-8, words longer than a term may be.
std::string GeneratedSample(size_t bytes);

}  // namespace vnsearch::golden

#endif  // VNSEARCH_TESTS_UNIT_GOLDEN_DIGEST_H_
