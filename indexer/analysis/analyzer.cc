// analyzer: splits text into runs of letters and digits, joins runs into codes where the writer
// joined them without spaces ("KH&CN", "05-CT/TW", "26/1/2024"), and spells each run twice —
// exact and folded — after syllable canonicalisation.
//
// Why not icu::BreakIterator: Vietnamese words are space-separated syllables, so the UAX #29 word
// rules add nothing but a UTF-16 copy and several times the time; and they split the codes
// above, which readers search for as written. The character data is still ICU's: letter_table
// reads it once into a table (class, case, decomposition) and the hot loop here is look-ups in
// that table and copies of pre-spelled letters, with ICU's own functions for anything outside it.

#include "analysis/analyzer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstring>

#include "analysis/characters.h"
#include "analysis/letter_table.h"
#include "analysis/spelling_cache.h"
#include "analysis/syllable.h"
#include "analysis/utf8.h"

namespace vnsearch {
namespace {

constexpr size_t kMaxLettersInRun = 64;
constexpr size_t kSpellingCapacity = kMaxTermBytes + 8;

// A run: letters, digits and their combining marks, with no separator inside.
struct Run {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool has_letter = false;
  bool has_digit = false;
  bool all_upper = true;  // every letter was written in capitals
  bool foreign = false;   // holds something the Vietnamese fast path does not model
  bool too_long = false;  // longer than a term may be: not indexed
  // The terms: in the buffers below when ReadRun spelled them, else in an entry of the thread's
  // spelling cache (packed_terms), which the next look-up may overwrite or move (KeepOwnTerms).
  // No view into the run itself is kept: runs are moved when the chain in Analyze grows.
  const char* packed_terms = nullptr;  // the cache entry's terms, packed as TokenList keeps them
  bool has_diacritics = false;         // exact != folded, when packed_terms is set
  char exact_buffer[kSpellingCapacity];
  char folded_buffer[kSpellingCapacity];
  size_t exact_length = 0;
  size_t folded_length = 0;

  std::string_view exact() const {
    return std::string_view(packed_terms != nullptr ? packed_terms : exact_buffer, exact_length);
  }
  std::string_view folded() const {
    if (packed_terms == nullptr) return std::string_view(folded_buffer, folded_length);
    return has_diacritics ? std::string_view(packed_terms + exact_length, folded_length) : exact();
  }

  // Readies the run for reuse. (Assigning Run() would zero both buffers: a cost per word.)
  void Reset() {
    begin = end = 0;
    has_letter = has_digit = foreign = too_long = false;
    all_upper = true;
    packed_terms = nullptr;
    exact_length = folded_length = 0;
  }

  // Takes the terms and the flags the code joiner asks for from a cache entry.
  template <size_t kTermBytes>
  void UseCached(const CachedSpelling<kTermBytes>& cached) {
    static_assert(kTermBytes >= TokenList::kPackedReadBytes, "EmitRun reads that many bytes");
    has_letter = (cached.flags & SpellingFlags::kHasLetter) != 0;
    has_digit = (cached.flags & SpellingFlags::kHasDigit) != 0;
    all_upper = (cached.flags & SpellingFlags::kAllUpper) != 0;
    has_diacritics = (cached.flags & SpellingFlags::kHasDiacritics) != 0;
    packed_terms = cached.terms;
    exact_length = cached.exact_length;
    folded_length = cached.folded_length;
  }

  // Copies terms held by the cache into the buffers, before a look-up that could replace them.
  void KeepOwnTerms() {
    if (packed_terms == nullptr) return;
    std::string_view cached_folded = folded();
    std::memcpy(exact_buffer, packed_terms, exact_length);
    std::memcpy(folded_buffer, cached_folded.data(), cached_folded.size());
    packed_terms = nullptr;
  }

  uint8_t CacheFlags() const {
    return static_cast<uint8_t>((has_letter ? SpellingFlags::kHasLetter : 0) |
                                (has_digit ? SpellingFlags::kHasDigit : 0) |
                                (all_upper ? SpellingFlags::kAllUpper : 0));
  }
};

// The code point at text[offset] and where the next one starts, as NextCodePoint reads it; ASCII,
// two-byte sequences (Latin letters with marks, combining marks) and the three-byte ones with no
// special case to check (U+1000..U+CFFF: ạ, ế, ộ…) without a function call.
inline int32_t Decode(std::string_view text, size_t offset, size_t* next) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data()) + offset;
  unsigned char lead = bytes[0];
  if (lead < 0x80) {
    *next = offset + 1;
    return lead;
  }
  size_t left = text.size() - offset;
  if (lead >= 0xC2 && lead <= 0xDF && left >= 2 && (bytes[1] & 0xC0) == 0x80) {
    *next = offset + 2;
    return ((lead & 0x1F) << 6) | (bytes[1] & 0x3F);
  }
  if (lead >= 0xE1 && lead <= 0xEC && left >= 3 && (bytes[1] & 0xC0) == 0x80 &&
      (bytes[2] & 0xC0) == 0x80) {
    *next = offset + 3;
    return ((lead & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
  }
  *next = offset;
  return NextCodePoint(text, next);
}

inline CharClass ClassOf(int32_t code_point, const CodePointInfo** info) {
  if (code_point < 0) {
    *info = nullptr;
    return CharClass::kSeparator;
  }
  static const CodePointInfo* const table = FastCodePointTable();
  if (static_cast<char32_t>(code_point) < kFastTableSize) {
    *info = &table[code_point];
    return (*info)->char_class;
  }
  *info = nullptr;
  return ClassifyWithIcu(static_cast<char32_t>(code_point));
}

void CopySpelling(const std::string& spelling, char* buffer, size_t* length, bool* too_long) {
  if (spelling.size() > kMaxTermBytes) {
    *too_long = true;
    return;
  }
  std::memcpy(buffer, spelling.data(), spelling.size());
  *length = spelling.size();
}

// Spells a run through ICU alone: NFKC with case folding for the exact form, then marks
// removed for the folded form. Used for scripts and marks that Vietnamese does not have.
void SpellForeignRun(std::string_view text, Run* run) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || run->end - run->begin > 4 * kMaxTermBytes) {
    run->too_long = true;
    return;
  }
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data() + run->begin, static_cast<int32_t>(run->end - run->begin)));
  icu::UnicodeString exact = casefold->normalize(source, status);
  icu::UnicodeString decomposed = nfd->normalize(exact, status);
  if (U_FAILURE(status)) {
    run->too_long = true;
    return;
  }
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    folded.append(FoldDBar(c));
  }
  std::string exact_utf8;
  std::string folded_utf8;
  exact.toUTF8String(exact_utf8);
  folded.toUTF8String(folded_utf8);
  CopySpelling(exact_utf8, run->exact_buffer, &run->exact_length, &run->too_long);
  CopySpelling(folded_utf8, run->folded_buffer, &run->folded_length, &run->too_long);
}

// Reads one run starting at *offset (which holds a letter or digit) and spells it. `complete`:
// the run is a whole word (false for a prefix being typed).
void ReadRun(std::string_view text, size_t* offset, Run* run, bool complete = true) {
  SyllableLetter letters[kMaxLettersInRun];
  size_t letter_count = 0;
  run->begin = static_cast<uint32_t>(*offset);
  size_t cursor = *offset;
  while (cursor < text.size()) {
    size_t next;
    int32_t code_point = Decode(text, cursor, &next);
    const CodePointInfo* info;
    CharClass char_class = ClassOf(code_point, &info);
    if (char_class == CharClass::kMark) {
      if (info != nullptr && info->vietnamese_mark && letter_count > 0) {
        SyllableLetter& previous = letters[letter_count - 1];
        if (info->quality != Quality::kNone) previous.quality = info->quality;
        if (info->tone != Tone::kNone) previous.tone = info->tone;
      } else {
        run->foreign = true;
      }
      cursor = next;
      continue;
    }
    if (char_class != CharClass::kLetter && char_class != CharClass::kDigit) break;
    cursor = next;
    if (letter_count == kMaxLettersInRun) {
      run->too_long = true;  // longer than any word: keep reading to its end, index nothing
      continue;
    }
    SyllableLetter& letter = letters[letter_count++];
    letter = SyllableLetter{};
    if (char_class == CharClass::kDigit) {
      run->has_digit = true;
      if (code_point > '9') run->foreign = true;  // digits of other scripts
      letter.base = static_cast<char32_t>(code_point);
      continue;
    }
    run->has_letter = true;
    bool upper = info != nullptr ? info->upper : u_isupper(code_point);
    if (!upper) run->all_upper = false;
    if (info == nullptr || info->base_index == kNotVietnamese) {
      run->foreign = true;
      continue;
    }
    letter.base = BaseCodePoint(info->base_index);
    letter.quality = info->quality;
    letter.tone = info->tone;
  }
  run->end = static_cast<uint32_t>(cursor);
  *offset = cursor;
  if (!run->has_letter) run->all_upper = false;
  if (run->too_long) return;
  if (run->foreign) {
    SpellForeignRun(text, run);
    return;
  }
  if (!run->has_digit) CanonicalizeSyllable(letters, letter_count, complete);
  static const SpelledLetterTable& spelled_letters = SpelledLetters();
  for (size_t i = 0; i < letter_count; ++i) {
    const SyllableLetter& letter = letters[i];
    if (letter.base < 0x80 && (letter.base < 'a' || letter.base > 'z')) {  // a digit
      run->exact_buffer[run->exact_length++] = static_cast<char>(letter.base);
      run->folded_buffer[run->folded_length++] = static_cast<char>(letter.base);
      continue;
    }
    uint8_t base_index =
        letter.base == kSmallDBar ? kDBarIndex : static_cast<uint8_t>(letter.base - U'a');
    const SpelledLetter& spelled = spelled_letters[base_index][static_cast<int>(letter.quality)]
                                                  [static_cast<int>(letter.tone)];
    if (run->exact_length + spelled.length > kMaxTermBytes) {
      run->too_long = true;
      return;
    }
    std::memcpy(run->exact_buffer + run->exact_length, spelled.bytes, spelled.length);
    run->exact_length += spelled.length;
    run->folded_buffer[run->folded_length++] =
        base_index == kDBarIndex ? 'd' : static_cast<char>(letter.base);
  }
}

// Where the run starting at `offset` ends: past every letter, digit and mark, as ReadRun reads.
size_t RunEnd(std::string_view text, size_t offset, const CodePointInfo* table) {
  while (offset < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[offset]);
    CharClass char_class;
    size_t next;
    if (byte < 0x80) {
      char_class = table[byte].char_class;
      next = offset + 1;
    } else {
      const CodePointInfo* info;
      char_class = ClassOf(Decode(text, offset, &next), &info);
    }
    if (char_class != CharClass::kLetter && char_class != CharClass::kDigit &&
        char_class != CharClass::kMark) {
      break;
    }
    offset = next;
  }
  return offset;
}

// The bytes of `word` that are ASCII but not a letter or digit — spaces, punctuation, controls —
// as the top bit of each such byte; every other bit is 0. (Eight bytes tested at once, with no
// branch: a run never holds such a byte, and the bytes that UTF-8 sequences are made of are not
// ASCII.) The analyzer's table agrees: ASCII letters and digits are exactly [A-Za-z0-9].
inline uint64_t AsciiStopBytes(uint64_t word) {
  constexpr uint64_t kEach = 0x0101010101010101ULL;
  constexpr uint64_t kTopBits = 0x80 * kEach;
  uint64_t low7 = word & ~kTopBits;  // each byte below 0x80, so adding below carries no further
  // A byte's top bit after adding 0x80 - c is set when the byte is at least c.
  uint64_t at_least_0 = low7 + (0x80 - '0') * kEach;
  uint64_t above_9 = low7 + (0x80 - '9' - 1) * kEach;
  uint64_t lower = low7 | (0x20 * kEach);  // 'A'..'Z' to 'a'..'z'; nothing else becomes a letter
  uint64_t at_least_a = lower + (0x80 - 'a') * kEach;
  uint64_t above_z = lower + (0x80 - 'z' - 1) * kEach;
  uint64_t alphanumeric = (at_least_0 & ~above_9) | (at_least_a & ~above_z);
  return ~(word | alphanumeric) & kTopBits;
}

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "ShortKeyAt reads the first byte of a word as its lowest");

// Most words: the bytes from `begin` up to the first ASCII space or punctuation, found among the
// next eight without reading the characters one by one, are the key of a short cache entry (see
// ShortRunSpelling). False when there is no such byte there, or when `begin` holds one (no run
// starts there).
inline bool ShortKeyAt(std::string_view text, size_t begin, uint64_t* key, size_t* key_length) {
  if (text.size() - begin < sizeof(uint64_t)) return false;
  uint64_t window;
  std::memcpy(&window, text.data() + begin, sizeof window);
  uint64_t stops = AsciiStopBytes(window);
  if (stops == 0 || (stops & 0xFF) != 0) return false;
  *key_length = static_cast<size_t>(__builtin_ctzll(stops)) / 8;  // 1..7
  *key = window & ((uint64_t{1} << (8 * *key_length)) - 1);
  return true;
}

// ReadRun, through the thread's cache of spellings: a word seen lately is looked up, not spelled.
// The run's terms are then the cache entry's (see Run::KeepOwnTerms).
void ReadRunCached(std::string_view text, size_t* offset, Run* run, const CodePointInfo* table,
                   SpellingCache* cache) {
  size_t begin = *offset;
  run->begin = static_cast<uint32_t>(begin);
  uint64_t key;
  size_t key_length;
  if (ShortKeyAt(text, begin, &key, &key_length)) {
    if (const CachedSpelling<20>* cached = cache->FindShort(key)) {
      run->end = static_cast<uint32_t>(begin + cached->run_length);
      run->UseCached(*cached);
      *offset = run->end;
      return;
    }
    ReadRun(text, offset, run);
    if (!run->too_long) {
      cache->StoreShort(key, run->end - run->begin, run->exact(), run->folded(), run->CacheFlags());
    }
    return;
  }
  size_t end = RunEnd(text, begin, table);
  std::string_view written = text.substr(begin, end - begin);
  if (written.size() <= LongRunSpelling::kMaxRunBytes) {
    if (const CachedSpelling<36>* cached = cache->FindLong(written, text.size() - begin)) {
      run->end = static_cast<uint32_t>(end);
      run->UseCached(*cached);
      *offset = end;
      return;
    }
  }
  ReadRun(text, offset, run);
  if (run->too_long) return;
  cache->StoreLong(written, run->exact(), run->folded(), run->CacheFlags());
}

// False when the run ending at `end` surely stands alone: what follows is the end of the text,
// an ASCII separator, or an ASCII connector before an ASCII separator (", " and ". ").
inline bool MayJoin(std::string_view text, size_t end, const CodePointInfo* ascii) {
  if (end == text.size()) return false;
  unsigned char after = static_cast<unsigned char>(text[end]);
  if (after >= 0x80) return true;
  if (ascii[after].char_class == CharClass::kSeparator) return false;
  if (end + 1 == text.size()) return false;
  unsigned char following = static_cast<unsigned char>(text[end + 1]);
  return following >= 0x80 || ascii[following].char_class != CharClass::kSeparator;
}

// The common case, in a loop of its own: skips ASCII separators and emits the words the cache
// spells that stand alone (no connector and letter after them), as the chain in Analyze would
// emit them but without a Run, from `offset` until the end of the text or a character that needs
// Analyze's general path; returns where it stopped. Only a run's start is ever stored as a key,
// so a key found here is one. A word's end comes from its key, checked against the entry by a
// branch rather than computed from it, so the next word can be read while this one's entry loads.
size_t EmitLoneCachedWords(std::string_view text, size_t offset, const CodePointInfo* ascii,
                           SpellingCache* cache, uint32_t* position, TokenList* tokens) {
  uint32_t next_position = *position;
  while (offset < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x80 && ascii[byte].char_class == CharClass::kSeparator) {
      ++offset;  // spaces and punctuation: one table look-up
      continue;
    }
    uint64_t key;
    size_t key_length;
    if (!ShortKeyAt(text, offset, &key, &key_length)) break;
    const CachedSpelling<20>* cached = cache->FindShort(key);
    if (cached == nullptr || cached->run_length != key_length) break;
    size_t end = offset + key_length;
    if (MayJoin(text, end, ascii)) break;
    if (cached->exact_length != 0) {
      tokens->AppendPacked(cached->terms, cached->exact_length, cached->folded_length,
                           (cached->flags & SpellingFlags::kHasDiacritics) != 0,
                           static_cast<uint32_t>(offset), static_cast<uint32_t>(end), next_position,
                           TokenKind::kWord);
    }
    ++next_position;
    offset = end;
  }
  *position = next_position;
  return offset;
}

// Dash variants are one connector in terms; others are kept as written.
char NormalizeConnector(int32_t code_point) {
  if (IsDash(code_point)) return '-';
  return static_cast<char>(code_point);
}

// Whether the writer meant `left connector right` as one code.
bool JoinsIntoCode(const Run& left, char connector, const Run& right) {
  bool left_number = left.has_digit && !left.has_letter;
  bool right_number = right.has_digit && !right.has_letter;
  if (left_number && right_number) return true;  // 26/1/2024, 9001:2015, 1.000, 2,5, 2022-2025
  if ((connector == '-' || connector == '/') && (left.has_digit || right.has_digit)) {
    return true;  // 05-CT, COVID-19
  }
  if (connector == '&') return left.has_letter && right.has_letter;  // KH&CN, R&D
  if (connector == ':') return false;
  return left.all_upper && right.all_upper;  // CT/TW, TP.HCM, KH,CN
}

void EmitToken(const char* exact, size_t exact_length, const char* folded, size_t folded_length,
               uint32_t begin, uint32_t end, uint32_t position, TokenKind kind, TokenList* tokens) {
  if (exact_length == 0 || exact_length > kMaxTermBytes) return;
  tokens->Append(std::string_view(exact, exact_length), std::string_view(folded, folded_length),
                 begin, end, position, kind);
}

void EmitRun(const Run& run, uint32_t position, TokenKind kind, TokenList* tokens) {
  if (run.too_long || run.exact_length == 0) return;
  if (run.packed_terms != nullptr) {
    tokens->AppendPacked(run.packed_terms, run.exact_length, run.folded_length, run.has_diacritics,
                         run.begin, run.end, position, kind);
    return;
  }
  EmitToken(run.exact_buffer, run.exact_length, run.folded_buffer, run.folded_length, run.begin,
            run.end, position, kind, tokens);
}

}  // namespace

uint32_t Analyze(std::string_view text, TokenList* tokens, uint32_t first_position) {
  const CodePointInfo* ascii = FastCodePointTable();
  SpellingCache* cache = &SpellingCache::ForThisThread();
  uint32_t position = first_position;
  std::vector<Run> chain(1);
  std::string connectors;
  std::string compound_exact;
  std::string compound_folded;
  size_t offset = 0;
  while (true) {
    offset = EmitLoneCachedWords(text, offset, ascii, cache, &position, tokens);
    if (offset == text.size()) break;
    size_t next;
    int32_t code_point = Decode(text, offset, &next);
    const CodePointInfo* info;
    CharClass char_class = ClassOf(code_point, &info);
    if (char_class == CharClass::kIdeograph) {
      size_t length = next - offset;
      EmitToken(text.data() + offset, length, text.data() + offset, length,
                static_cast<uint32_t>(offset), static_cast<uint32_t>(next), position++,
                TokenKind::kWord, tokens);
      offset = next;
      continue;
    }
    if (char_class != CharClass::kLetter && char_class != CharClass::kDigit) {
      offset = next;
      continue;
    }
    // A chain of runs joined by single connectors with no space: "05-CT/TW".
    size_t runs = 1;
    connectors.clear();
    chain[0].Reset();
    ReadRunCached(text, &offset, &chain[0], ascii, cache);
    while (offset < text.size()) {
      size_t after_connector;
      int32_t connector = Decode(text, offset, &after_connector);
      if (ClassOf(connector, &info) != CharClass::kConnector || after_connector >= text.size()) {
        break;
      }
      size_t peek;
      CharClass following = ClassOf(Decode(text, after_connector, &peek), &info);
      if (following != CharClass::kLetter && following != CharClass::kDigit) break;
      if (chain.size() == runs) chain.emplace_back();
      chain[runs - 1].KeepOwnTerms();  // reading `right` may replace the cache entry it points to
      Run& right = chain[runs];
      right.Reset();
      size_t right_offset = after_connector;
      ReadRunCached(text, &right_offset, &right, ascii, cache);
      char normalized = NormalizeConnector(connector);
      if (!JoinsIntoCode(chain[runs - 1], normalized, right)) break;
      connectors.push_back(normalized);
      ++runs;
      offset = right_offset;
    }
    if (runs == 1) {
      EmitRun(chain[0], position++, TokenKind::kWord, tokens);
      continue;
    }
    compound_exact.assign(chain[0].exact());
    compound_folded.assign(chain[0].folded());
    bool any_too_long = chain[0].too_long;
    for (size_t i = 1; i < runs; ++i) {
      compound_exact += connectors[i - 1];
      compound_exact.append(chain[i].exact());
      compound_folded += connectors[i - 1];
      compound_folded.append(chain[i].folded());
      any_too_long = any_too_long || chain[i].too_long;
    }
    if (!any_too_long) {
      EmitToken(compound_exact.data(), compound_exact.size(), compound_folded.data(),
                compound_folded.size(), chain[0].begin, chain[runs - 1].end, position,
                TokenKind::kCompound, tokens);
    }
    for (size_t i = 0; i < runs; ++i) EmitRun(chain[i], position++, TokenKind::kPart, tokens);
  }
  return position;
}

namespace {

// A token list each thread reuses for the analyses whose tokens are copied out (the functions
// below): a fresh list would allocate its first chunk for every text, however short — and
// names, codes and titles are analysed thousands of times an article. Analyze() itself never
// calls them, so one list a thread is never in use twice.
TokenList& ScratchTokens() {
  thread_local TokenList tokens;
  tokens.clear();
  return tokens;
}

}  // namespace

uint32_t Analyze(std::string_view text, std::vector<Token>* tokens, uint32_t first_position) {
  TokenList& list = ScratchTokens();
  uint32_t next_position = Analyze(text, &list, first_position);
  tokens->reserve(tokens->size() + list.size());
  for (const TokenView& view : list) {
    Token& token = tokens->emplace_back();
    token.exact = view.exact;
    token.folded = view.folded;
    token.begin = view.begin;
    token.end = view.end;
    token.position = view.position;
    token.kind = view.kind;
    token.has_diacritics = view.has_diacritics;
  }
  return next_position;
}

namespace {

std::vector<std::string> Terms(std::string_view text, std::string_view TokenView::*spelling) {
  TokenList& tokens = ScratchTokens();
  Analyze(text, &tokens);
  std::vector<std::string> terms;
  terms.reserve(tokens.size());
  for (const TokenView& token : tokens) terms.emplace_back(token.*spelling);
  return terms;
}

}  // namespace

std::vector<std::string> ExactTerms(std::string_view text) {
  return Terms(text, &TokenView::exact);
}

std::vector<std::string> FoldedTerms(std::string_view text) {
  return Terms(text, &TokenView::folded);
}

void SpellPrefix(std::string_view prefix, std::string* exact, std::string* folded) {
  exact->clear();
  folded->clear();
  // The last run of letters or digits is the prefix being typed.
  size_t start = prefix.size();
  while (start > 0) {
    size_t back = start - 1;
    while (back > 0 && (static_cast<unsigned char>(prefix[back]) & 0xC0) == 0x80) --back;
    size_t next;
    const CodePointInfo* info;
    CharClass char_class = ClassOf(Decode(prefix, back, &next), &info);
    if (char_class != CharClass::kLetter && char_class != CharClass::kDigit &&
        char_class != CharClass::kMark) {
      break;
    }
    start = back;
  }
  if (start == prefix.size()) return;
  Run run;
  run.Reset();
  size_t offset = start;
  ReadRun(prefix, &offset, &run, /*complete=*/false);
  if (run.too_long) return;
  exact->assign(run.exact());
  folded->assign(run.folded());
}

bool HasDiacritics(std::string_view text) {
  TokenList tokens;
  Analyze(text, &tokens);
  for (const TokenView& token : tokens) {
    if (token.has_diacritics) return true;
  }
  return false;
}

}  // namespace vnsearch
