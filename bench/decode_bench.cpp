// Micro-benchmarks of text preparation: decoding bytes to UTF-8 in each encoding the readers
// meet, and folding text for matching.
#include <benchmark/benchmark.h>

#include "bench_input.h"
#include "cio_gap/text/decode.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap::bench {
namespace {

std::string joined_examples() {
  std::string text;
  for (const auto& posting : example_postings()) text += posting;
  return text;
}

// Plain UTF-8 with typographic punctuation, the common case of scraped text.
std::string utf8_text() {
  std::string text = joined_examples();
  std::string out;
  for (const char c : text) {
    if (c == '\'') {
      out += "\xE2\x80\x99";  // ’
    } else {
      out += c;
    }
  }
  return out;
}

// The same text as Windows-1252 (’ is 0x92), which fails UTF-8 validation and is transcoded.
std::string windows1252_text() {
  std::string out;
  for (const char c : joined_examples()) out += c == '\'' ? '\x92' : c;
  return out;
}

std::string utf16le_text() {
  std::string out = "\xFF\xFE";
  for (const char c : joined_examples()) {
    out += c;
    out += '\0';
  }
  return out;
}

void run_decode(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) benchmark::DoNotOptimize(decode_to_utf8(bytes));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}

void BM_DecodeAscii(benchmark::State& state) { run_decode(state, joined_examples()); }
BENCHMARK(BM_DecodeAscii);

void BM_DecodeUtf8(benchmark::State& state) { run_decode(state, utf8_text()); }
BENCHMARK(BM_DecodeUtf8);

void BM_DecodeWindows1252(benchmark::State& state) { run_decode(state, windows1252_text()); }
BENCHMARK(BM_DecodeWindows1252);

void BM_DecodeUtf16(benchmark::State& state) { run_decode(state, utf16le_text()); }
BENCHMARK(BM_DecodeUtf16);

void BM_NormalizeForMatching(benchmark::State& state) {
  const std::string text = utf8_text();
  for (auto _ : state) benchmark::DoNotOptimize(normalize_for_matching(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_NormalizeForMatching);

void BM_NormalizeForMatchingWithOffsets(benchmark::State& state) {
  const std::string text = utf8_text();
  for (auto _ : state) benchmark::DoNotOptimize(normalize_for_matching(text, 1, true));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_NormalizeForMatchingWithOffsets);

}  // namespace
}  // namespace cio_gap::bench
