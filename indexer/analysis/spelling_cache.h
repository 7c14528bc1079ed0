// spelling_cache: the exact and folded spellings of the runs (words, as written) a thread analysed
// lately, so that a word met again — most words of a news text — costs one look-up instead of
// tone placement and spelling. A spelling depends only on the run's bytes, so the cache changes
// no result, only speed. One cache per thread (ForThisThread); a cache itself is not thread-safe.
#ifndef VNSEARCH_ANALYSIS_SPELLING_CACHE_H_
#define VNSEARCH_ANALYSIS_SPELLING_CACHE_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace vnsearch {

// What a run is spelled as, with what the code joiner asks of it. One cache line.
struct CachedSpelling {
  static constexpr size_t kMaxRunBytes = 24;
  static constexpr size_t kMaxExactBytes = 20;
  static constexpr size_t kMaxFoldedBytes = 16;
  // Flags.
  static constexpr uint8_t kHasLetter = 1;
  static constexpr uint8_t kHasDigit = 2;
  static constexpr uint8_t kAllUpper = 4;

  uint64_t run[3];         // the run's bytes, zero-padded: the key
  uint8_t run_length = 0;  // 0: an empty slot
  uint8_t exact_length = 0;
  uint8_t folded_length = 0;
  uint8_t flags = 0;
  char exact[kMaxExactBytes];
  char folded[kMaxFoldedBytes];
};
static_assert(sizeof(CachedSpelling) == 64, "one cache line per entry");

class SpellingCache {
 public:
  // 8,192 entries (512 KiB): the words of Vietnamese news in use at one time fit.
  static constexpr size_t kEntries = 8192;

  SpellingCache() : entries_(new CachedSpelling[kEntries]()) {}
  SpellingCache(const SpellingCache&) = delete;
  SpellingCache& operator=(const SpellingCache&) = delete;

  // The calling thread's cache.
  static SpellingCache& ForThisThread();

  // The entry holding the spelling of `run` (at most kMaxRunBytes bytes), or nullptr.
  // `readable`: how many bytes from run.data() may be read (the run and what follows it).
  const CachedSpelling* Find(std::string_view run, size_t readable) const {
    uint64_t key[3];
    size_t slot = Slot(run, key, readable);
    const CachedSpelling& entry = entries_[slot];
    if (entry.run_length != run.size() || entry.run[0] != key[0] || entry.run[1] != key[1] ||
        entry.run[2] != key[2]) {
      return nullptr;
    }
    return &entry;
  }

  // Remembers the spelling of `run`, replacing what its slot held. Spellings longer than an
  // entry holds are not kept (Find then misses them).
  void Store(std::string_view run, std::string_view exact, std::string_view folded, uint8_t flags) {
    if (run.empty() || run.size() > CachedSpelling::kMaxRunBytes ||
        exact.size() > CachedSpelling::kMaxExactBytes ||
        folded.size() > CachedSpelling::kMaxFoldedBytes) {
      return;
    }
    uint64_t key[3];
    CachedSpelling& entry = entries_[Slot(run, key)];
    std::memcpy(entry.run, key, sizeof key);
    entry.run_length = static_cast<uint8_t>(run.size());
    entry.exact_length = static_cast<uint8_t>(exact.size());
    entry.folded_length = static_cast<uint8_t>(folded.size());
    entry.flags = flags;
    std::memcpy(entry.exact, exact.data(), exact.size());
    std::memcpy(entry.folded, folded.data(), folded.size());
  }

 private:
  // Copies `run` into key (zero-padded) and returns its slot. When the bytes after the run are
  // readable (`readable` bytes from run.data() are), the key is made by word loads and masks.
  static size_t Slot(std::string_view run, uint64_t key[3], size_t readable = 0) {
    if (readable >= sizeof(uint64_t) * 3) {
      for (size_t i = 0; i < 3; ++i) {
        std::memcpy(&key[i], run.data() + 8 * i, sizeof(uint64_t));
        size_t bytes_in_word = run.size() > 8 * i ? run.size() - 8 * i : 0;
        if (bytes_in_word < 8) key[i] &= (uint64_t{1} << (8 * bytes_in_word)) - 1;
      }
    } else {
      key[0] = key[1] = key[2] = 0;
      std::memcpy(key, run.data(), run.size());
    }
    uint64_t hash = (key[0] * 0x9E3779B97F4A7C15ULL) ^ (key[1] * 0xC2B2AE3D27D4EB4FULL) ^
                    (key[2] * 0x165667B19E3779F9ULL) ^ run.size();
    hash ^= hash >> 29;
    hash *= 0xBF58476D1CE4E5B9ULL;
    return static_cast<size_t>(hash >> (64 - kSlotBits));
  }

  static constexpr int kSlotBits = 13;
  static_assert(kEntries == size_t{1} << kSlotBits, "a slot is the hash's top kSlotBits bits");

  std::unique_ptr<CachedSpelling[]> entries_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_SPELLING_CACHE_H_
