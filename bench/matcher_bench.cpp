// Micro-benchmarks of the matching stage, and the measurement behind the choice of engine:
// the same literals (every rule keyword with its inflections, acronyms, exclusions) found
// whole-word in the same folded text by cio-gap's KeywordMatcher, with each of its engines (a
// walk of the packed trie from each word start; an automaton over byte classes for the shallow
// states, the trie beyond) and by a Hyperscan literal database, built and scanned. Also the
// start-up (the built-in rules image read back) and the extractor end to end.
//
// Posting text: examples/jobs, or the first 2,000 files of $CIO_GAP_BENCH_POSTINGS (a folder
// from gen_corpus.py, as bench/run makes) for figures on the benchmark corpus.
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "bench_input.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/match/rules_image.h"
#include "cio_gap/text/inflect.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap::bench {
namespace {

const RuleSet& default_rules() {
  static const RuleSet rules = load_rules({true, {}});
  return rules;
}

const std::vector<std::string>& postings() {
  static const std::vector<std::string> texts = [] {
    const char* folder = std::getenv("CIO_GAP_BENCH_POSTINGS");
    return folder ? folder_postings(folder, 2000) : example_postings();
  }();
  return texts;
}

std::size_t total_bytes(const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (const auto& text : texts) bytes += text.size();
  return bytes;
}

// The rule literals as the extractor folds them (section and qualifier markers left out).
std::vector<Literal> rule_literals(const RuleSet& rules, std::size_t copies = 1) {
  std::vector<Literal> literals;
  std::uint32_t payload = 0;
  for (std::size_t copy = 0; copy < copies; ++copy) {
    const std::string suffix = copy == 0 ? "" : " x" + std::to_string(copy);
    for (const Rule& rule : rules.rules) {
      for (const auto& phrase : rule.keywords) {
        for (auto& form : phrase_inflections(ascii_lower(normalize_phrase(phrase + suffix)))) {
          literals.push_back({std::move(form), false, payload});
        }
      }
      for (const auto& acronym : rule.acronyms) literals.push_back({normalize_phrase(acronym + suffix), true, payload});
      for (const auto& phrase : rule.excludes) {
        for (auto& form : phrase_inflections(ascii_lower(normalize_phrase(phrase + suffix)))) {
          literals.push_back({std::move(form), false, payload + 1});
        }
      }
      payload += 2;
    }
  }
  return literals;
}

// Each posting folded the way the extractor scans it.
struct FoldedPostings {
  std::vector<MatchText> texts;
  std::size_t bytes = 0;
};

const FoldedPostings& folded_postings() {
  static const FoldedPostings folded = [] {
    FoldedPostings out;
    for (const auto& posting : postings()) {
      out.texts.emplace_back();
      out.texts.back().append(posting);
      out.bytes += posting.size();
    }
    return out;
  }();
  return folded;
}

// Hyperscan, as cio-gap used it before: one literal database, whole words checked on each match.
class HyperscanMatcher {
 public:
  explicit HyperscanMatcher(const std::vector<Literal>& literals) : literals_(literals) {
    std::vector<const char*> expressions;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < literals_.size(); ++i) {
      expressions.push_back(literals_[i].text.data());
      lengths.push_back(literals_[i].text.size());
      flags.push_back(literals_[i].case_sensitive ? 0u : static_cast<unsigned>(HS_FLAG_CASELESS));
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &database_,
                             &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      throw std::runtime_error("hs_compile_lit_multi failed");
    }
    if (hs_alloc_scratch(database_, &scratch_) != HS_SUCCESS) throw std::runtime_error("hs_alloc_scratch failed");
  }
  ~HyperscanMatcher() {
    hs_free_scratch(scratch_);
    hs_free_database(database_);
  }
  HyperscanMatcher(const HyperscanMatcher&) = delete;
  HyperscanMatcher& operator=(const HyperscanMatcher&) = delete;

  void find_all(std::string_view text, std::vector<LiteralHit>& out) {
    Context context{text, &literals_, &out};
    hs_scan(database_, text.data(), static_cast<unsigned>(text.size()), 0, scratch_, on_match, &context);
  }

 private:
  struct Context {
    std::string_view text;
    const std::vector<Literal>* literals;
    std::vector<LiteralHit>* out;
  };
  static int on_match(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
                      void* data) {
    auto* context = static_cast<Context*>(data);
    const std::string& literal = (*context->literals)[id].text;
    const auto end = static_cast<std::size_t>(to);
    const std::size_t begin = end - literal.size();
    const std::string_view text = context->text;
    if (is_word_byte(literal.front()) && begin > 0 && is_word_byte(text[begin - 1])) return 0;
    if (is_word_byte(literal.back()) && end < text.size() && is_word_byte(text[end])) return 0;
    context->out->push_back({begin, end, (*context->literals)[id].payload});
    return 0;
  }

  std::vector<Literal> literals_;
  hs_database_t* database_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
};

// Start-up, in its two parts: the built-in rules parsed from YAML, then the extractor built.
void BM_LoadRules(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_rules({true, {}}).rules.size());
}
BENCHMARK(BM_LoadRules)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BuildExtractor(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Extractor(default_rules()).matcher().size());
}
BENCHMARK(BM_BuildExtractor)->Unit(benchmark::kMillisecond);

void BM_LoadRulesAndBuildExtractor(benchmark::State& state) {
  for (auto _ : state) {
    const RuleSet rules = load_rules({true, {}});
    const Extractor extractor(rules);
    benchmark::DoNotOptimize(extractor.matcher().size());
  }
}
BENCHMARK(BM_LoadRulesAndBuildExtractor)->Unit(benchmark::kMillisecond)->UseRealTime();

// Start-up with the built-in rules: the extractor given the matcher of the linked-in image.
void BM_RestoreBuiltInImage(benchmark::State& state) {
  for (auto _ : state) {
    Extractor extractor(default_rules(), Extractor::Matcher::reuse_built_in);
    benchmark::DoNotOptimize(extractor.matcher().size());
  }
}
BENCHMARK(BM_RestoreBuiltInImage)->Unit(benchmark::kMillisecond)->UseRealTime();
// The same, then the automaton built over the image's trie (what start-up would cost with
// the automaton as the engine and its tables made at load time).
void BM_RestoreBuiltInImageAndBuildDfa(benchmark::State& state) {
  std::vector<LiteralHit> hits;
  for (auto _ : state) {
    Extractor extractor(default_rules(), Extractor::Matcher::reuse_built_in);
    extractor.matcher().find_all("x", "x", hits, KeywordMatcher::Engine::dfa);
    benchmark::DoNotOptimize(extractor.matcher().dfa_bytes());
  }
}
BENCHMARK(BM_RestoreBuiltInImageAndBuildDfa)->Unit(benchmark::kMillisecond)->UseRealTime();

// Build cost, with the built-in literals (1x) and ten times as many (10x): the trie alone, and
// the trie with the automaton (the automaton's size in bytes as a counter).
void build_with(benchmark::State& state, KeywordMatcher::Engine engine) {
  const auto literals = rule_literals(default_rules(), static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(KeywordMatcher(literals, engine).size());
  state.counters["literals"] = static_cast<double>(literals.size());
  state.counters["dfa_bytes"] = static_cast<double>(KeywordMatcher(literals, engine).dfa_bytes());
}
void BM_BuildTrie(benchmark::State& state) { build_with(state, KeywordMatcher::Engine::trie); }
BENCHMARK(BM_BuildTrie)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);
void BM_BuildDfa(benchmark::State& state) { build_with(state, KeywordMatcher::Engine::dfa); }
BENCHMARK(BM_BuildDfa)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_BuildHyperscan(benchmark::State& state) {
  const auto literals = rule_literals(default_rules(), static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) HyperscanMatcher matcher(literals);
  state.counters["literals"] = static_cast<double>(literals.size());
}
BENCHMARK(BM_BuildHyperscan)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Iterations(1);

// Scan cost over the folded postings, with each engine of one matcher. Arg(0): the matcher of
// the built-in rules image (every literal the extractor uses: word sets, cue words, markers
// too); 1 and 10: rule_literals.
void scan_with(benchmark::State& state, KeywordMatcher::Engine engine) {
  static const Extractor extractor(default_rules(), Extractor::Matcher::reuse_built_in);
  std::unique_ptr<KeywordMatcher> own;
  if (state.range(0) > 0) own = std::make_unique<KeywordMatcher>(rule_literals(default_rules(), static_cast<std::size_t>(state.range(0))));
  const KeywordMatcher& matcher = own ? *own : extractor.matcher();
  std::vector<LiteralHit> hits;
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& text : folded_postings().texts) {
      hits.clear();
      matcher.find_all(text.text, text.lower, hits, engine);
      found += hits.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.counters["dfa_bytes"] = static_cast<double>(matcher.dfa_bytes());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(folded_postings().bytes));
}
void BM_ScanTrie(benchmark::State& state) { scan_with(state, KeywordMatcher::Engine::trie); }
void BM_ScanDfa(benchmark::State& state) { scan_with(state, KeywordMatcher::Engine::dfa); }
// Side by side at each size, so a busy machine slows both alike.
BENCHMARK(BM_ScanTrie)->Arg(0);
BENCHMARK(BM_ScanDfa)->Arg(0);
BENCHMARK(BM_ScanTrie)->Arg(1);
BENCHMARK(BM_ScanDfa)->Arg(1);
BENCHMARK(BM_ScanTrie)->Arg(10);
BENCHMARK(BM_ScanDfa)->Arg(10);

void BM_ScanHyperscan(benchmark::State& state) {
  HyperscanMatcher matcher(rule_literals(default_rules(), static_cast<std::size_t>(state.range(0))));
  std::vector<LiteralHit> hits;
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& text : folded_postings().texts) {
      hits.clear();
      matcher.find_all(text.text, hits);
      found += hits.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(folded_postings().bytes));
}
BENCHMARK(BM_ScanHyperscan)->Arg(1)->Arg(10);

// Everything after decoding: sections, sentences, years, hits, evidence, with `rules` and a
// matcher made as `matcher` says.
void extract_with(benchmark::State& state, const RuleSet& rules, Extractor::Matcher matcher) {
  const Extractor extractor(rules, matcher);
  KeywordMatcher::Scratch scratch(extractor.matcher());
  std::vector<PostingText> texts;
  for (const auto& text : postings()) texts.push_back({"bench.txt", "", text, 0});
  for (auto _ : state) {
    for (const auto& posting : texts) benchmark::DoNotOptimize(extractor.extract(posting, scratch));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(total_bytes(postings())));
}
void BM_ExtractPosting(benchmark::State& state) {
  extract_with(state, default_rules(), Extractor::Matcher::reuse_built_in);
}
BENCHMARK(BM_ExtractPosting);

// The same with the matcher built rather than read from the image, and without the rules'
// patterns, senses and word sets: the difference between the two is what the pattern pass costs.
void BM_ExtractPostingBuilt(benchmark::State& state) {
  extract_with(state, default_rules(), Extractor::Matcher::build);
}
BENCHMARK(BM_ExtractPostingBuilt);
void BM_ExtractPostingWithoutPatterns(benchmark::State& state) {
  static const RuleSet rules = [] {
    RuleSet stripped = default_rules();
    stripped.word_sets.clear();
    for (Rule& rule : stripped.rules) {
      rule.patterns.clear();
      rule.senses.clear();
    }
    return stripped;
  }();
  extract_with(state, rules, Extractor::Matcher::build);
}
BENCHMARK(BM_ExtractPostingWithoutPatterns);

}  // namespace
}  // namespace cio_gap::bench
