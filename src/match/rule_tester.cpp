#include "cio_gap/match/rule_tester.h"

namespace cio_gap {

RuleTestResult test_rules(const Extractor& extractor) {
  RuleTestResult result;
  KeywordMatcher::Scratch scratch(extractor.matcher());
  const auto& rules = extractor.rules().rules;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    auto check = [&](const RuleExample& example, bool expected) {
      ++result.examples;
      bool fired = false;
      for (const auto& hit : extractor.hits_in_text(example.text, scratch)) {
        if (hit.rule == r && hit.status == HitStatus::counted) fired = true;
      }
      if (fired != expected) result.failures.push_back({rule.file, example.line, rule.id, expected, example.text});
    };
    for (const auto& example : rule.must_match) check(example, true);
    for (const auto& example : rule.must_not_match) check(example, false);
  }
  return result;
}

}  // namespace cio_gap
