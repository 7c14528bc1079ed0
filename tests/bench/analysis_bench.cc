// analysis_bench: the speed of vnsearch's analysis pipeline next to ICU NFC normalisation of the
// same bytes, the least any Unicode-correct analysis must do, so the ratio can be read off; and a
// digest of every token of the whole corpus, which two builds that analyse alike print alike.
// Usage: analysis_bench [--benchmark_* flags]   Env: VNSEARCH_BENCH_CORPUS (the corpus folder).

#include <benchmark/benchmark.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "article/article_parser.h"
#include "bench_corpus.h"

namespace {

// Enough text (about 6 MB of the 20k corpus) for stable numbers in a few seconds.
constexpr size_t kMaxArticles = 2000;

struct LoadedTexts {
  std::vector<std::string> texts;
  int64_t total_bytes = 0;
};

LoadedTexts& Corpus() {
  static LoadedTexts corpus;
  return corpus;
}

void SetThroughput(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * Corpus().total_bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Corpus().texts.size()));
}

// The whole pipeline, as the indexer runs it on each article's text: tokens with exact and
// folded terms and offsets, into one reused list.
void BM_Analyze(benchmark::State& state) {
  vnsearch::TokenList tokens;
  size_t token_count = 0;
  for (auto _ : state) {
    token_count = 0;
    for (const std::string& text : Corpus().texts) {
      tokens.clear();
      vnsearch::Analyze(text, &tokens);
      token_count += tokens.size();
      benchmark::DoNotOptimize(&tokens.back());
    }
  }
  SetThroughput(state);
  state.counters["tokens"] = static_cast<double>(token_count);
}

// The floor: NFC straight from UTF-8 to UTF-8 with normalizeUTF8 and a StringByteSink. ICU
// implements this for NFC without a detour through UTF-16, and on this corpus (95% already NFC)
// it is the fastest honest way to produce normalised text; BM_NfcNormalizeViaUtf16 below, the
// UnicodeString route, is kept to show the difference.
void BM_NfcNormalizeUtf8(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string normalized;
  for (auto _ : state) {
    for (const std::string& text : Corpus().texts) {
      normalized.clear();
      icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(text.size()));
      nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                         nullptr, status);
      benchmark::DoNotOptimize(normalized.data());
    }
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  SetThroughput(state);
}

// NFC by way of UTF-16: UnicodeString::fromUTF8, then normalize (output left in UTF-16).
void BM_NfcNormalizeViaUtf16(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString normalized;
  for (auto _ : state) {
    for (const std::string& text : Corpus().texts) {
      icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(
          icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
      nfc->normalize(utf16, normalized, status);
      benchmark::DoNotOptimize(normalized.getBuffer());
    }
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  SetThroughput(state);
}

// A 64-bit FNV-1a digest of every token (terms, offsets, position, kind) of every text, each
// analysed whole from position 1: equal digests from two builds mean identical analysis.
std::string TokenDigest(const std::vector<std::string>& texts, size_t* token_count) {
  uint64_t hash = 1469598103934665603ULL;
  auto mix = [&hash](uint64_t number) {
    for (int i = 0; i < 8; ++i) {
      hash ^= static_cast<unsigned char>(number >> (8 * i));
      hash *= 1099511628211ULL;
    }
  };
  auto mix_bytes = [&](const std::string& bytes) {
    mix(bytes.size());
    for (unsigned char byte : bytes) {
      hash ^= byte;
      hash *= 1099511628211ULL;
    }
  };
  *token_count = 0;
  std::vector<vnsearch::Token> tokens;
  for (const std::string& text : texts) {
    tokens.clear();
    mix(vnsearch::Analyze(text, &tokens, 1));
    *token_count += tokens.size();
    for (const vnsearch::Token& token : tokens) {
      mix_bytes(token.exact);
      mix_bytes(token.folded);
      mix(token.begin);
      mix(token.end);
      mix(token.position);
      mix(static_cast<uint64_t>(token.kind));
      mix(token.has_diacritics);
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

// Article understanding over shapes a hostile writer could send (tests/unit/article_parser_test.cc
// checks they parse to the end): `state.range(0)` picks the shape, `state.range(1)` how many
// times its piece repeats. Bytes per second that stay the same from 1,000 to 4,000 repetitions
// say the parse is linear in the input.
void BM_ParseHostileShape(benchmark::State& state) {
  static const char* const kPieces[] = {"Chi bộ Vụ Khoa học ", "Trần Văn An, Bí thư Chi bộ, ",
                                        "Ngày 1/2 1/1/1 12:", "(", "x"};
  std::string text = "Tiêu đề\n\n";
  for (int64_t i = 0; i < state.range(1); ++i) text += kPieces[state.range(0)];
  for (auto _ : state) {
    vnsearch::Article article = vnsearch::ParseArticle("hostile", text);
    benchmark::DoNotOptimize(article);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}

}  // namespace

BENCHMARK(BM_ParseHostileShape)
    ->ArgsProduct({{0, 1, 2, 3, 4}, {1000, 4000}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_NfcNormalizeUtf8)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_NfcNormalizeViaUtf16)->Unit(benchmark::kMillisecond)->MinTime(2.0);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  std::string folder = vnsearch::bench::DefaultCorpusFolder();
  std::vector<std::string> errors;
  std::vector<vnsearch::bench::BenchArticle> articles =
      vnsearch::bench::ReadBenchCorpus(folder, 0, &errors);
  if (articles.empty()) {
    std::printf(
        "analysis_bench: no benchmark corpus at %s; skipping. Put the corpus at "
        "../shared/bench/vnnews-20k beside the checkout, or set VNSEARCH_BENCH_CORPUS to a "
        "folder of .txt articles.\n",
        folder.c_str());
    return 0;
  }
  for (const std::string& error : errors)
    std::fprintf(stderr, "analysis_bench: %s\n", error.c_str());
  std::vector<std::string> texts;
  for (vnsearch::bench::BenchArticle& article : articles) texts.push_back(std::move(article.text));
  size_t token_count = 0;
  std::string digest = TokenDigest(texts, &token_count);
  std::printf(
      "analysis_bench: token digest of all %zu articles: %s (%zu tokens; two builds that "
      "analyse alike print the same)\n",
      texts.size(), digest.c_str(), token_count);
  if (texts.size() > kMaxArticles) texts.resize(kMaxArticles);
  for (std::string& text : texts) {
    Corpus().total_bytes += static_cast<int64_t>(text.size());
    Corpus().texts.push_back(std::move(text));
  }
  std::printf("analysis_bench: timing %zu articles, %.1f MB from %s\n", Corpus().texts.size(),
              Corpus().total_bytes / 1e6, folder.c_str());
  std::fflush(stdout);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
