// The same posting saved by different tools must demand the same qualifications.

#include <gtest/gtest.h>

#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/load/rule_loader.h"

namespace cio_gap {
namespace {

std::vector<std::string> demands_of(const std::string& file, const Extractor& extractor, const RuleSet& rules) {
  Diagnostics diagnostics;
  const ScanResult scan = scan_postings({file}, extractor, {}, diagnostics);
  EXPECT_EQ(scan.postings.size(), 1u) << file;
  EXPECT_TRUE(diagnostics.warnings.empty()) << file;
  std::vector<std::string> out;
  if (scan.postings.empty()) return out;
  for (const auto& finding : scan.postings[0].findings) {
    out.push_back(rules.rules[finding.rule].id + ":" + to_string(finding.tier));
  }
  return out;
}

TEST(FormatEquivalenceTest, EveryContainerGivesTheSameFindings) {
  const RuleSet rules = load_rules({});
  const Extractor extractor(rules);
  const std::string dir = std::string(CIO_GAP_SOURCE_DIR) + "/tests/fixtures/formats/same/";
  const auto expected = demands_of(dir + "posting.txt", extractor, rules);
  EXPECT_GE(expected.size(), 8u);
  for (const char* name : {"posting.csv", "posting.jsonl", "greenhouse.json", "lever.json", "posting.html"}) {
    EXPECT_EQ(demands_of(dir + name, extractor, rules), expected) << name;
  }
}

}  // namespace
}  // namespace cio_gap
