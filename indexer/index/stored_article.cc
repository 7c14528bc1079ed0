// stored_article: the payload is the article's fields in a fixed order, each string as a varint
// length and its bytes, each list as a varint count and its items (the coding of LevelDB's
// records). zstd reads it back several times faster than Xapian's zlib, and is smaller.

#include "index/stored_article.h"

#include <zstd.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>

#include "article/article_json.h"

namespace vnsearch {
namespace {

// The first byte of the current format. JSON data (older indexes) starts with '{'.
constexpr char kBinaryFormat = '\x01';
// zstd's level: 3 is its default; higher levels shrink articles little and index more slowly.
constexpr int kCompressionLevel = 3;
// No article comes near this; a frame that claims more is damaged.
constexpr unsigned long long kMaxPayloadBytes = 256ull << 20;

// ---- Writing ----------------------------------------------------------------------------

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutString(const std::string& text, std::string* out) {
  PutVarint(text.size(), out);
  out->append(text);
}

void PutStrings(const std::vector<std::string>& texts, std::string* out) {
  PutVarint(texts.size(), out);
  for (const std::string& text : texts) PutString(text, out);
}

std::string Payload(const Article& article) {
  std::string out;
  out.reserve(article.body.size() + 1024);
  for (const std::string* field : {&article.id, &article.title, &article.date, &article.source,
                                   &article.author, &article.body, &article.main_unit}) {
    PutString(*field, &out);
  }
  PutStrings(article.terms, &out);
  PutVarint(article.persons.size(), &out);
  for (const Person& person : article.persons) {
    PutString(person.name, &out);
    PutStrings(person.roles, &out);
  }
  PutVarint(article.units.size(), &out);
  for (const Unit& unit : article.units) {
    PutString(unit.name, &out);
    PutString(unit.parent, &out);
  }
  PutVarint(article.role_facts.size(), &out);
  for (const RoleFact& fact : article.role_facts) {
    for (const std::string* field : {&fact.person, &fact.role, &fact.unit, &fact.term}) {
      PutString(*field, &out);
    }
    out.push_back(fact.elected ? 1 : 0);
  }
  return out;
}

// ---- Reading ----------------------------------------------------------------------------

// Reads a payload front to back; every read checks the bytes left, and a short or malformed
// payload makes ok() false.
class PayloadReader {
 public:
  explicit PayloadReader(std::string_view bytes) : rest_(bytes) {}

  bool ok() const { return ok_; }
  bool AtEnd() const { return rest_.empty(); }

  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) return Fail();
      uint8_t byte = static_cast<uint8_t>(rest_.front());
      rest_.remove_prefix(1);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return Fail();
  }

  void String(std::string* text) {
    uint64_t length = Varint();
    if (!ok_ || length > rest_.size()) {
      Fail();
      return;
    }
    text->assign(rest_.data(), length);
    rest_.remove_prefix(length);
  }

  // A count of items that take at least one byte each: never more than the bytes left.
  size_t Count() {
    uint64_t count = Varint();
    if (!ok_ || count > rest_.size()) return Fail();
    return static_cast<size_t>(count);
  }

  void Strings(std::vector<std::string>* texts) {
    size_t count = Count();
    texts->resize(count);
    for (size_t i = 0; i < count && ok_; ++i) String(&(*texts)[i]);
  }

  bool Flag() {
    if (rest_.empty()) return Fail();
    char byte = rest_.front();
    rest_.remove_prefix(1);
    return byte != 0;
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    rest_ = std::string_view();
    return 0;
  }

  std::string_view rest_;
  bool ok_ = true;
};

bool ReadPayload(std::string_view payload, Article* article) {
  PayloadReader reader(payload);
  for (std::string* field : {&article->id, &article->title, &article->date, &article->source,
                             &article->author, &article->body, &article->main_unit}) {
    reader.String(field);
  }
  reader.Strings(&article->terms);
  article->persons.resize(reader.Count());
  for (Person& person : article->persons) {
    reader.String(&person.name);
    reader.Strings(&person.roles);
  }
  article->units.resize(reader.Count());
  for (Unit& unit : article->units) {
    reader.String(&unit.name);
    reader.String(&unit.parent);
  }
  article->role_facts.resize(reader.Count());
  for (RoleFact& fact : article->role_facts) {
    for (std::string* field : {&fact.person, &fact.role, &fact.unit, &fact.term}) {
      reader.String(field);
    }
    fact.elected = reader.Flag();
  }
  return reader.ok() && reader.AtEnd();
}

// One zstd context per thread for each direction: making one costs more than a small article's
// (de)compression.
struct ZstdContexts {
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> compress{ZSTD_createCCtx(), ZSTD_freeCCtx};
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> decompress{ZSTD_createDCtx(), ZSTD_freeDCtx};
};

ZstdContexts& ThisThreadContexts() {
  thread_local ZstdContexts contexts;
  return contexts;
}

}  // namespace

std::string EncodeStoredArticle(const Article& article) {
  std::string payload = Payload(article);
  std::string data(1 + ZSTD_compressBound(payload.size()), '\0');
  data[0] = kBinaryFormat;
  size_t written =
      ZSTD_compressCCtx(ThisThreadContexts().compress.get(), data.data() + 1, data.size() - 1,
                        payload.data(), payload.size(), kCompressionLevel);
  if (ZSTD_isError(written)) {
    // Only a bug can get here (the buffer has zstd's own bound); fail loudly.
    throw std::runtime_error(std::string("compressing an article for the index failed: ") +
                             ZSTD_getErrorName(written));
  }
  data.resize(1 + written);
  return data;
}

bool DecodeStoredArticle(std::string_view data, Article* article) {
  *article = Article();
  if (!data.empty() && data.front() == '{') {
    nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return false;
    *article = ArticleFromJson(json);
    return true;
  }
  if (data.empty() || data.front() != kBinaryFormat) return false;
  data.remove_prefix(1);
  unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR ||
      size > kMaxPayloadBytes) {
    return false;
  }
  std::string payload(static_cast<size_t>(size), '\0');
  size_t read = ZSTD_decompressDCtx(ThisThreadContexts().decompress.get(), payload.data(),
                                    payload.size(), data.data(), data.size());
  if (ZSTD_isError(read) || read != payload.size() || !ReadPayload(payload, article)) {
    *article = Article();
    return false;
  }
  return true;
}

}  // namespace vnsearch
