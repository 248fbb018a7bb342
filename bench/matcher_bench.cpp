// Micro-benchmarks of the matching stage: building the matcher from the built-in rules (the
// start-up cost), one multi-literal scan, and a whole posting's extraction.
#include <benchmark/benchmark.h>

#include "bench_input.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap::bench {
namespace {

const RuleSet& default_rules() {
  static const RuleSet rules = load_rules({true, {}});
  return rules;
}

std::size_t total_bytes(const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (const auto& text : texts) bytes += text.size();
  return bytes;
}

void BM_LoadRulesAndBuildExtractor(benchmark::State& state) {
  for (auto _ : state) {
    const RuleSet rules = load_rules({true, {}});
    const Extractor extractor(rules);
    benchmark::DoNotOptimize(extractor.matcher().size());
  }
}
BENCHMARK(BM_LoadRulesAndBuildExtractor)->Unit(benchmark::kMillisecond);

void BM_BuildExtractor(benchmark::State& state) {
  for (auto _ : state) {
    const Extractor extractor(default_rules());
    benchmark::DoNotOptimize(extractor.matcher().size());
  }
}
BENCHMARK(BM_BuildExtractor)->Unit(benchmark::kMillisecond);

// The literal scan alone, over each example posting's normalised text.
void BM_MatcherFindAll(benchmark::State& state) {
  const Extractor extractor(default_rules());
  KeywordMatcher::Scratch scratch(extractor.matcher());
  std::vector<std::string> texts;
  for (const auto& posting : example_postings()) texts.push_back(normalize_phrase(posting));
  std::size_t hits = 0;
  for (auto _ : state) {
    for (const auto& text : texts) hits += extractor.matcher().find_all(text, scratch).size();
  }
  benchmark::DoNotOptimize(hits);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(total_bytes(texts)));
}
BENCHMARK(BM_MatcherFindAll);

// Everything after decoding: sections, sentences, years, hits, evidence.
void BM_ExtractPosting(benchmark::State& state) {
  const Extractor extractor(default_rules());
  KeywordMatcher::Scratch scratch(extractor.matcher());
  std::vector<PostingText> postings;
  std::size_t bytes = 0;
  for (auto& text : example_postings()) {
    bytes += text.size();
    postings.push_back({"bench.txt", "", std::move(text), 0});
  }
  for (auto _ : state) {
    for (const auto& posting : postings) benchmark::DoNotOptimize(extractor.extract(posting, scratch));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ExtractPosting);

}  // namespace
}  // namespace cio_gap::bench
