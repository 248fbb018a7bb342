#include <algorithm>
#include <chrono>
#include <ctime>
#include <malloc.h>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/extractor.h"

namespace cio_gap {
namespace {

// A scraped posting can be one line of megabytes with a keyword, a pattern word or a qualifier
// every few words. Reading it must take time in proportion to its length: every decision about
// a mention (longer mentions, exclusions, qualifiers, patterns) looks only near the mention.
std::string dense_line(std::size_t words) {
  static const char* kWords[] = {"lead", "the", "team", "and", "manage", "staff", "budget", "vendor", "security",
                                 "preferred", ",", "experience", "with", "AWS", "or", "Azure", "required", "data",
                                 "no", "projects", "present", "board", "(", ")", "ideally"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::string text = "Title\n\n";
  for (std::size_t i = 0; i < words; ++i) {
    text += kWords[pick(random)];
    text += ' ';
  }
  text += '\n';
  return text;
}

double seconds_to_extract(const Extractor& extractor, const std::string& text) {
  KeywordMatcher::Scratch scratch(extractor.matcher());
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const PostingFindings findings = extractor.extract({"dense.txt", "", text, 0, {}}, scratch);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(findings.findings.empty());
    best = std::min(best, took.count());
  }
  return best;
}

TEST(ExtractorGrowthTest, ALongDenseLineTakesLinearTime) {
  const RuleSet rules = load_rules({});
  const Extractor extractor(rules);
  const double small = seconds_to_extract(extractor, dense_line(20000));
  const double large = seconds_to_extract(extractor, dense_line(80000));
  // Four times the text: about four times the time when linear, sixteen when quadratic. The
  // margin is wide because machines are noisy; the two sizes are timed side by side.
  EXPECT_LT(large, 10 * std::max(small, 1e-3)) << "20,000 words: " << small << " s, 80,000 words: " << large << " s";
}

double thread_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Seconds of this thread's CPU time (other work on a busy machine does not count) for `work`
// on inputs of n and 4n, the best of three runs each. The sizes are past the processor's caches
// at 1x too, and freed memory stays with the process while timing (no page faults to map it
// again): a 1x input that fits in cache, or reuses pages a 4x one must fault in, runs faster
// per byte, which reads as growth that is not there.
template <typename Work>
std::pair<double, double> timed_at(std::size_t n, Work work) {
  if (CIO_GAP_SANITIZED) {  // the inputs are read once under the sanitizers, and not timed
    work(n);
    return {0, 0};
  }
  auto best_of = [&](std::size_t size) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
      const double start = thread_seconds();
      work(size);
      best = std::min(best, thread_seconds() - start);
    }
    return best;
  };
  // glibc: keep freed memory in the heap, large blocks too, for the runs timed here.
  ::mallopt(M_MMAP_THRESHOLD, 1 << 30);
  ::mallopt(M_TRIM_THRESHOLD, 1 << 30);
  const std::pair<double, double> out{best_of(n), best_of(4 * n)};
  ::mallopt(M_TRIM_THRESHOLD, 128 * 1024);  // glibc's default
  ::malloc_trim(0);
  return out;
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// One sentence of tens of thousands of mentions, one word of them, a long paragraph of wrapped
// lines: reading each, and citing every mention (as explain does), takes linear time.
TEST(ExtractorGrowthTest, SentencesFullOfMentionsTakeLinearTime) {
  const RuleSet rules = load_rules({});
  const Extractor extractor(rules);
  KeywordMatcher::Scratch scratch(extractor.matcher());
  struct Shape {
    std::string name;
    std::string piece;
    std::size_t times;
  };
  const std::vector<Shape> shapes = {{"mentions", "budget ", 32000},
                                     {"one word", "budget.", 32000},
                                     {"wrapped lines", "ab. Cd\n", 240000},
                                     {"wrapped mentions", "lead the budget and\n", 32000}};
  for (const Shape& shape : shapes) {
    const auto [small, large] = timed_at(shape.times, [&](std::size_t n) {
      const std::string text = "Title\n\n" + repeated(shape.piece, n) + "\n";
      const PostingFindings findings = extractor.extract({"dense.txt", "", text, 0}, scratch);
      const std::vector<Hit> hits = extractor.hits_in_text(text, scratch);
      EXPECT_EQ(findings.source, "dense.txt");
      EXPECT_LE(hits.size(), 4 * n);
    });
    if (CIO_GAP_SANITIZED) continue;  // the sanitizers' own bookkeeping is what would be timed
    EXPECT_LT(large, 6 * std::max(small, 5e-3)) << shape.name << ": 1x " << small << " s, 4x " << large << " s";
  }
}

// A profile entry stuffed with one keyword is evidence once, in time linear in its length.
TEST(ExtractorGrowthTest, AKeywordStuffedProfileEntryTakesLinearTime) {
  const RuleSet rules = load_rules({});
  const Extractor extractor(rules);
  const auto [small, large] = timed_at(48000, [&](std::size_t n) {
    Profile profile;
    profile.volunteered.push_back(repeated("budget ", n));
    const auto evidence = profile_evidence(profile, extractor);
    const auto budget = std::find_if(rules.rules.begin(), rules.rules.end(),
                                     [](const Rule& rule) { return rule.id == "budget-management"; });
    ASSERT_NE(budget, rules.rules.end());
    EXPECT_EQ(evidence[static_cast<std::size_t>(budget - rules.rules.begin())].size(), 1u);
  });
  RecordProperty("ratio", std::to_string(large / small));
  if (CIO_GAP_SANITIZED) return;  // the sanitizers' own bookkeeping is what would be timed
  EXPECT_LT(large, 6 * std::max(small, 5e-3)) << "1x " << small << " s, 4x " << large << " s";
}

}  // namespace
}  // namespace cio_gap
