#pragma once

#include <string>
#include <vector>

#include "cio_gap/match/extractor.h"

namespace cio_gap {

/// One example sentence whose outcome differs from what its rule promises.
struct RuleTestFailure {
  std::string file;
  int line = 0;
  std::string rule_id;
  bool expected_match = true;
  std::string sentence;
};

/// Result of running every rule's examples.
struct RuleTestResult {
  int examples = 0;
  std::vector<RuleTestFailure> failures;
};

/// Runs the `tests.match` and `tests.no_match` sentences of every rule through the extractor
/// (with all active rules compiled, as in a real scan) and reports those that disagree.
RuleTestResult test_rules(const Extractor& extractor);

}  // namespace cio_gap
