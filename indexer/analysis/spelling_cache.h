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
#include <utility>

namespace vnsearch {

// The flags of a cached spelling: what the code joiner asks of a run, and whether its terms differ.
struct SpellingFlags {
  static constexpr uint8_t kHasLetter = 1;
  static constexpr uint8_t kHasDigit = 2;
  static constexpr uint8_t kAllUpper = 4;
  static constexpr uint8_t kHasDiacritics = 8;  // the exact and folded terms differ
};

// What a run is spelled as, with what the code joiner asks of it. The terms are packed as a
// TokenList stores them: the exact term, then the folded term only when the two differ.
template <size_t kTermBytes>
struct CachedSpelling {
  static constexpr size_t kMaxTermBytes = kTermBytes;

  uint8_t run_length = 0;  // bytes of text the run takes
  uint8_t exact_length = 0;
  uint8_t folded_length = 0;
  uint8_t flags = 0;  // SpellingFlags
  char terms[kTermBytes];

  std::string_view exact() const { return std::string_view(terms, exact_length); }
  std::string_view folded() const {
    return (flags & SpellingFlags::kHasDiacritics) != 0
               ? std::string_view(terms + exact_length, folded_length)
               : exact();
  }

  // Fills the entry; false when the terms do not fit (the entry is then left as it was).
  bool Set(size_t run_bytes, std::string_view exact_term, std::string_view folded_term,
           uint8_t run_flags) {
    bool differ = exact_term != folded_term;
    size_t packed_length = exact_term.size() + (differ ? folded_term.size() : 0);
    if (packed_length > kTermBytes || run_bytes > UINT8_MAX) return false;
    run_length = static_cast<uint8_t>(run_bytes);
    exact_length = static_cast<uint8_t>(exact_term.size());
    folded_length = static_cast<uint8_t>(folded_term.size());
    flags = static_cast<uint8_t>(run_flags | (differ ? SpellingFlags::kHasDiacritics : 0));
    std::memcpy(terms, exact_term.data(), exact_term.size());
    if (differ) std::memcpy(terms + exact_term.size(), folded_term.data(), folded_term.size());
    return true;
  }
};

// A short entry, half a cache line, keyed by the bytes as written from a run's start up to the
// first ASCII byte that is not a letter or digit (a space, most punctuation), when that byte is
// among the first eight: most words of Vietnamese text (over 90% of the benchmark corpus's).
// Such a key is all the analyzer needs to know the run: the run ends at that ASCII byte or at
// an earlier separator, so its length is stored with the spelling.
struct ShortRunSpelling {
  uint64_t key = 0;  // the bytes, zero-padded (a key never holds a zero byte); 0: an empty slot
  CachedSpelling<20> spelling;
};
static_assert(sizeof(ShortRunSpelling) == 32, "two entries per cache line");

// The two entries a short key may be in, in one cache line: the one used last first. Two places
// rather than one spare a common word most of its evictions by a rare word of the same slot.
struct alignas(64) ShortRunSet {
  ShortRunSpelling ways[2];
};

// A long entry, one cache line, keyed by the run's own bytes: the runs a short entry cannot key.
struct LongRunSpelling {
  static constexpr size_t kMaxRunBytes = 24;
  uint64_t run[3];              // the run's bytes, zero-padded
  CachedSpelling<36> spelling;  // run_length 0: an empty slot
};
static_assert(sizeof(LongRunSpelling) == 64, "one cache line per entry");

class SpellingCache {
 public:
  // 8,192 sets of two short entries (512 KiB) and 2,048 long ones (128 KiB): the words of news
  // in use at one time fit (13,000 short keys in the benchmark's 2,000 articles, where 8,192
  // entries alone missed 3% of look-ups), and the whole stays in a core's L2 cache.
  static constexpr size_t kShortSets = 8192;
  static constexpr size_t kLongEntries = 2048;

  SpellingCache()
      : short_sets_(new ShortRunSet[kShortSets]()),
        long_entries_(new LongRunSpelling[kLongEntries]()) {}
  SpellingCache(const SpellingCache&) = delete;
  SpellingCache& operator=(const SpellingCache&) = delete;

  // The calling thread's cache.
  static SpellingCache& ForThisThread();

  // The spelling stored under a short key (see ShortRunSpelling), or nullptr. A look-up may move
  // the entries of the key's set: what an earlier look-up returned is then stale.
  const CachedSpelling<20>* FindShort(uint64_t key) {
    ShortRunSet& set = short_sets_[ShortSet(key)];
    if (set.ways[0].key == key) return &set.ways[0].spelling;
    if (set.ways[1].key != key) return nullptr;
    std::swap(set.ways[0], set.ways[1]);  // now the one used last
    return &set.ways[0].spelling;
  }

  // Remembers a spelling under a short key, in place of the one of its set used least lately.
  // Spellings longer than an entry holds are not kept (FindShort then misses them).
  void StoreShort(uint64_t key, size_t run_bytes, std::string_view exact, std::string_view folded,
                  uint8_t flags) {
    ShortRunSpelling stored{};  // zeroed: AppendPacked copies the bytes past the terms too
    if (!stored.spelling.Set(run_bytes, exact, folded, flags)) return;
    stored.key = key;
    ShortRunSet& set = short_sets_[ShortSet(key)];
    set.ways[1] = set.ways[0];
    set.ways[0] = stored;
  }

  // The entry holding the spelling of `run` (at most kMaxRunBytes bytes), or nullptr.
  // `readable`: how many bytes from run.data() may be read (the run and what follows it).
  const CachedSpelling<36>* FindLong(std::string_view run, size_t readable) const {
    uint64_t key[3];
    const LongRunSpelling& entry = long_entries_[LongSlot(run, key, readable)];
    if (entry.spelling.run_length != run.size() || entry.run[0] != key[0] ||
        entry.run[1] != key[1] || entry.run[2] != key[2]) {
      return nullptr;
    }
    return &entry.spelling;
  }

  // Remembers the spelling of `run`, replacing what its slot held. Spellings longer than an
  // entry holds are not kept (FindLong then misses them).
  void StoreLong(std::string_view run, std::string_view exact, std::string_view folded,
                 uint8_t flags) {
    if (run.empty() || run.size() > LongRunSpelling::kMaxRunBytes) return;
    uint64_t key[3];
    LongRunSpelling& entry = long_entries_[LongSlot(run, key)];
    if (!entry.spelling.Set(run.size(), exact, folded, flags)) return;
    std::memcpy(entry.run, key, sizeof key);
  }

 private:
  static size_t ShortSet(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - kShortSetBits));
  }

  // Copies `run` into key (zero-padded) and returns its slot. When the bytes after the run are
  // readable (`readable` bytes from run.data() are), the key is made by word loads and masks.
  static size_t LongSlot(std::string_view run, uint64_t key[3], size_t readable = 0) {
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
    return static_cast<size_t>(hash >> (64 - kLongSlotBits));
  }

  static constexpr int kShortSetBits = 13;
  static constexpr int kLongSlotBits = 11;
  static_assert(kShortSets == size_t{1} << kShortSetBits, "a set is the hash's top bits");
  static_assert(kLongEntries == size_t{1} << kLongSlotBits, "a slot is the hash's top bits");

  std::unique_ptr<ShortRunSet[]> short_sets_;
  std::unique_ptr<LongRunSpelling[]> long_entries_;
};

}  // namespace vnsearch

#endif  // VNSEARCH_ANALYSIS_SPELLING_CACHE_H_
