#include <algorithm>
#include <chrono>
#include <random>
#include <string>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace cio_gap
