// token_list: the analyzer's output — tokens whose terms are views into storage the list owns, so
// that analysing a text makes no heap string per token, and a list reused across texts allocates
// nothing once it has grown. Not thread-safe: one list per thread.
#ifndef VNSEARCH_ANALYSIS_TOKEN_LIST_H_
#define VNSEARCH_ANALYSIS_TOKEN_LIST_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace vnsearch {

enum class TokenKind : uint8_t {
  kWord,      // one syllable, word or number: "học", "2022"
  kCompound,  // a code kept whole: "kh&cn", "05-ct/tw", "2022-2025", "9001:2015"
  kPart,      // a piece of the compound just before it: "kh", "cn"
};

// One token. `exact` and `folded` point into the TokenList holding it: they stay valid until the
// list is cleared or destroyed (moving the list keeps them valid).
struct TokenView {
  // Exact term: NFC, case-folded, canonical tone placement and i/y ("Đảng uỷ" → "đảng", "uỷ").
  std::string_view exact;
  // Folded term: every diacritic removed, đ → d ("dang", "uy").
  std::string_view folded;
  uint32_t begin = 0;     // byte offset of the token in the analysed text
  uint32_t end = 0;       // one past its last byte
  uint32_t position = 0;  // word position; a compound shares the position of its first part
  TokenKind kind = TokenKind::kWord;
  bool has_diacritics = false;  // exact != folded: the writer typed an accent or đ
};

class TokenList {
 public:
  TokenList() = default;
  TokenList(const TokenList&) = delete;  // the copy's views would point into this list
  TokenList& operator=(const TokenList&) = delete;
  TokenList(TokenList&&) = default;
  TokenList& operator=(TokenList&&) = default;

  // Forgets every token, keeping the storage for the next text.
  void clear();

  size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const TokenView& operator[](size_t index) const { return tokens_[index]; }
  const TokenView& front() const { return tokens_.front(); }
  const TokenView& back() const { return tokens_.back(); }
  std::vector<TokenView>::const_iterator begin() const { return tokens_.begin(); }
  std::vector<TokenView>::const_iterator end() const { return tokens_.end(); }

  // Appends a token, copying its terms into the list's storage (once when they are equal).
  void Append(std::string_view exact, std::string_view folded, uint32_t begin, uint32_t end,
              uint32_t position, TokenKind kind) {
    TokenView& token = tokens_.emplace_back();
    token.has_diacritics = exact != folded;
    char* stored = Allocate(exact.size() + (token.has_diacritics ? folded.size() : 0));
    CopyTerm(stored, exact.data(), exact.size());
    token.exact = std::string_view(stored, exact.size());
    if (token.has_diacritics) {
      CopyTerm(stored + exact.size(), folded.data(), folded.size());
      token.folded = std::string_view(stored + exact.size(), folded.size());
    } else {
      token.folded = token.exact;
    }
    token.begin = begin;
    token.end = end;
    token.position = position;
    token.kind = kind;
  }

  // Appends a token whose terms come packed as the list stores them: the exact term, then the
  // folded one only when they differ (`has_diacritics`). kPackedReadBytes bytes are read from
  // `packed_terms` whatever the lengths: the terms of most words are then one fixed-size copy,
  // with no branch on their lengths.
  static constexpr size_t kPackedReadBytes = 16;
  void AppendPacked(const char* packed_terms, size_t exact_length, size_t folded_length,
                    bool has_diacritics, uint32_t begin, uint32_t end, uint32_t position,
                    TokenKind kind) {
    size_t length = exact_length + (has_diacritics ? folded_length : 0);
    char* stored = Allocate(length, kPackedReadBytes);
    std::memcpy(stored, packed_terms, kPackedReadBytes);
    if (length > kPackedReadBytes) {
      std::memcpy(stored + kPackedReadBytes, packed_terms + kPackedReadBytes,
                  length - kPackedReadBytes);
    }
    TokenView& token = tokens_.emplace_back();
    token.exact = std::string_view(stored, exact_length);
    token.folded =
        has_diacritics ? std::string_view(stored + exact_length, folded_length) : token.exact;
    token.has_diacritics = has_diacritics;
    token.begin = begin;
    token.end = end;
    token.position = position;
    token.kind = kind;
  }

 private:
  // memcpy, with the short lengths of most terms copied inline: two overlapping words.
  static void CopyTerm(char* to, const char* from, size_t length) {
    if (length >= 8 && length <= 16) {
      uint64_t head, tail;
      std::memcpy(&head, from, 8);
      std::memcpy(&tail, from + length - 8, 8);
      std::memcpy(to, &head, 8);
      std::memcpy(to + length - 8, &tail, 8);
    } else if (length >= 4 && length < 8) {
      uint32_t head, tail;
      std::memcpy(&head, from, 4);
      std::memcpy(&tail, from + length - 4, 4);
      std::memcpy(to, &head, 4);
      std::memcpy(to + length - 4, &tail, 4);
    } else if (length < 4) {
      for (size_t i = 0; i < length; ++i) to[i] = from[i];
    } else {
      std::memcpy(to, from, length);
    }
  }

  // `bytes` bytes of storage that stay put until clear(), after which at least `writable` bytes
  // may be written (those past `bytes` are scratch: the next allocation takes them).
  char* Allocate(size_t bytes, size_t writable = 0) {
    size_t needed = bytes > writable ? bytes : writable;
    if (chunk_in_use_ < chunks_.size() && chunks_[chunk_in_use_].capacity - used_ >= needed) {
      char* allocated = chunks_[chunk_in_use_].bytes.get() + used_;
      used_ += bytes;
      return allocated;
    }
    return AllocateInNextChunk(bytes, needed);
  }
  char* AllocateInNextChunk(size_t bytes, size_t needed);

  struct Chunk {
    std::unique_ptr<char[]> bytes;
    size_t capacity = 0;
  };
  std::vector<TokenView> tokens_;
  std::vector<Chunk> chunks_;
  size_t chunk_in_use_ = 0;  // index in chunks_ of the chunk being filled
  size_t used_ = 0;          // bytes used in that chunk
};

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_TOKEN_LIST_H_
