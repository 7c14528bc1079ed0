// analysis_bench: the speed of vnsearch's analysis pipeline next to ICU NFC normalisation of the
// same bytes, the least any Unicode-correct analysis must do, so the ratio can be read off.
// Usage: analysis_bench [--benchmark_* flags]   Env: VNSEARCH_BENCH_CORPUS (the corpus folder).

#include <benchmark/benchmark.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
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
// folded terms and offsets.
void BM_Analyze(benchmark::State& state) {
  std::vector<vnsearch::Token> tokens;
  size_t token_count = 0;
  for (auto _ : state) {
    token_count = 0;
    for (const std::string& text : Corpus().texts) {
      tokens.clear();
      vnsearch::Analyze(text, &tokens);
      token_count += tokens.size();
      benchmark::DoNotOptimize(tokens.data());
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

}  // namespace

BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_NfcNormalizeUtf8)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_NfcNormalizeViaUtf16)->Unit(benchmark::kMillisecond)->MinTime(2.0);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  std::string folder = vnsearch::bench::DefaultCorpusFolder();
  std::vector<std::string> errors;
  std::vector<vnsearch::bench::BenchArticle> articles =
      vnsearch::bench::ReadBenchCorpus(folder, kMaxArticles, &errors);
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
  for (vnsearch::bench::BenchArticle& article : articles) {
    Corpus().total_bytes += static_cast<int64_t>(article.text.size());
    Corpus().texts.push_back(std::move(article.text));
  }
  std::printf("analysis_bench: %zu articles, %.1f MB from %s\n", Corpus().texts.size(),
              Corpus().total_bytes / 1e6, folder.c_str());
  std::fflush(stdout);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
