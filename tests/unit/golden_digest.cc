// golden_digest: the inputs of the golden tests. The generated sample depends only on the code
// below (a fixed linear congruential sequence), never on the machine or the library versions.

#include "golden_digest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vnsearch::golden {
namespace {

void AddArticlesUnder(const std::string& root,
                      std::vector<std::pair<std::string, std::string>>* articles) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const std::filesystem::path& path : paths) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    articles->emplace_back(std::filesystem::relative(path, root).generic_string(), text.str());
  }
}

// Pieces of text, each a kind of input the analyzer has a rule or a path for.
const std::string_view kPieces[] = {
    // Vietnamese words, precomposed, in each case.
    "Đảng",
    "ủy",
    "uỷ",
    "Ủy",
    "ỦY",
    "hòa",
    "hoà",
    "HOÀ",
    "Hòa",
    "thủy",
    "thuỷ",
    "khỏe",
    "khoẻ",
    "kì",
    "kỳ",
    "Kì",
    "lí",
    "lý",
    "quí",
    "quý",
    "Quý",
    "người",
    "NGƯỜI",
    "nghiêng",
    "Nguyễn",
    "Trần",
    "Bình",
    "Trọng",
    "khuỷu",
    "ngoài",
    "thuyết",
    "hoàn",
    "mùa",
    "bài",
    "gì",
    "giữa",
    "quốc",
    "Quốc",
    "học",
    "hóc",
    "Việt",
    "Nam",
    "đ",
    "Đ",
    "ươ",
    "uyê",
    "ưu",
    "tiến",
    "sĩ",
    "thạc",
    "nhiệm",
    "kỳ",
    "Chi",
    "bộ",
    "Vụ",
    "trưởng",
    "và",
    "của",
    "thùy",
    "thuỳ",
    "ùy",
    "ĐẢNG",
    "ĐỒNG",
    "a",
    "I",
    "y",
    "ý",
    "ở",
    "ơi",
    // The same, decomposed (NFD) or with marks in another order.
    "Đa\xCC\x89ng",
    "u\xCC\x89y",
    "ho\xCC\x80"
    "a",
    "hoa\xCC\x80",
    "ngu\xCC\x9Bo\xCC\x9B\xCC\x80i",
    "Vie\xCC\x82\xCC\xA3t",
    "Vie\xCC\xA3\xCC\x82t",
    "thu\xCC\x9B\xCC\x81",
    "a\xCC\x86\xCC\x81",
    "\xCC\x80",
    "\xCC\x81"
    "a",
    // Two tones, impossible syllables, foreign words.
    "hoàà",
    "tiếngg",
    "Business",
    "Amsterdam",
    "COVID",
    "iPhone",
    "McDonald's",
    "xyz",
    "straße",
    "Ölçü",
    "naïve",
    "façade",
    "Señor",
    "ﬁnance",
    "Ⅻ",
    "Åland",
    "ǅemal",
    "Αθήνα",
    "Москва",
    "ĳssel",
    "İstanbul",
    "ﷺ",
    // Codes and the pieces they are made of.
    "KH&CN",
    "KH",
    "&",
    "CN",
    "05-CT/TW",
    "CT/TW",
    "2022-2025",
    "2022–2025",
    "2022—2025",
    "26/1/2024",
    "9001:2015",
    "ISO",
    "1.000",
    "2,5",
    "TP.HCM",
    "KH,CN&ĐMST",
    "R&D",
    "COVID-19",
    "UBND",
    "TP.",
    "Hồ",
    "Chí",
    "Minh",
    "A-B",
    "a-b",
    "ab/cd",
    "x:y",
    "3:",
    ":4",
    "-",
    "/",
    ".",
    ",",
    ":",
    "−",
    "‐",
    "‑",
    // Digits.
    "0",
    "7",
    "2024",
    "١٢٣",
    "४२",
    "12345678901234567890",
    // Scripts written without spaces.
    "中文",
    "日本語",
    "カタカナ",
    "ไทย",
    "ລາວ",
    "한국어",
    "ひらがな",
    // Separators, quotes, controls.
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "…",
    "!",
    "?",
    "'",
    "’",
    std::string_view("\0", 1),
    "\x01",
    "\x7F",
    "\xC2\xA0",
    "\xE2\x80\x8B",
    // Broken UTF-8.
    "\xC3",
    "\x28",
    "\xFF",
    "\xFE",
    "\xE2\x82",
    "\xED\xA0\x80",
    "\xF4\x90\x80\x80",
    "\xC0\xAF",
    // Marks that are not Vietnamese, and letters outside the fast table.
    "u\xCC\x88",
    "n\xCC\x83"
    "a",
    "e\xCC\x8A",
    "\xF0\x9D\x90\x80",
    "\xF0\x9F\x98\x80",
    "ꞵ",
};

}  // namespace

std::vector<std::pair<std::string, std::string>> TestArticles() {
  std::vector<std::pair<std::string, std::string>> articles;
  AddArticlesUnder(VNSEARCH_CORPUS, &articles);
  AddArticlesUnder(VNSEARCH_TEST_DATA, &articles);
  return articles;
}

std::string GeneratedSample(size_t bytes) {
  constexpr size_t kPieceCount = sizeof kPieces / sizeof kPieces[0];
  uint64_t state = 20240613;
  auto next = [&state](uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  std::string sample;
  while (sample.size() < bytes) {
    uint64_t roll = next(1000);
    if (roll < 3) {  // a word longer than a term may be, or than a syllable has letters
      size_t length = 60 + next(200);
      for (size_t i = 0; i < length; ++i) sample += static_cast<char>('a' + next(26));
    } else if (roll < 6) {
      size_t length = 30 + next(60);
      for (size_t i = 0; i < length; ++i) sample += "ệ";
    } else {
      sample += kPieces[next(kPieceCount)];
    }
    // Mostly a space between pieces; sometimes nothing, so pieces join into runs and codes.
    uint64_t gap = next(10);
    if (gap < 6) {
      sample += ' ';
    } else if (gap < 7) {
      sample += ", ";
    }
  }
  return sample;
}

}  // namespace vnsearch::golden
