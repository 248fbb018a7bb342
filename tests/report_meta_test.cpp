#include <gtest/gtest.h>

#include "cio_gap/analyze/report_meta.h"
#include "cio_gap/error.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

TEST(ReportMetaTest, DateIsTodayOrSourceDateEpochsDay) {
  EXPECT_EQ(report_date(nullptr, 1767225600), "2026-01-01");
  EXPECT_EQ(report_date("", 1767225600), "2026-01-01");
  EXPECT_EQ(report_date("1764633599", 1767225600), "2025-12-01");
  EXPECT_EQ(report_date("0", 1767225600), "1970-01-01");
}

TEST(ReportMetaTest, SourceDateEpochThatIsNotSecondsIsAnError) {
  for (const char* bad : {"yesterday", "-1", "12.5", "1767225600x", "99999999999999999999"}) {
    try {
      report_date(bad, 0);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), std::string("SOURCE_DATE_EPOCH: not a number of seconds since 1970: '") + bad + "'");
    }
  }
}

TEST(ReportMetaTest, FingerprintFollowsTheRulesContent) {
  const RuleSet rules = testing::test_rules();
  const std::string fingerprint = rules_fingerprint(rules);
  EXPECT_EQ(fingerprint.size(), 16u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(rules_fingerprint(testing::test_rules()), fingerprint);

  RuleSet advice = rules;
  advice.rules[0].advice += " Then ask again.";
  EXPECT_NE(rules_fingerprint(advice), fingerprint);
  RuleSet keywords = rules;
  keywords.rules[0].keywords.push_back("capex");
  EXPECT_NE(rules_fingerprint(keywords), fingerprint);
}

TEST(ReportMetaTest, MetaCountsWhatTheScanRead) {
  ScanResult scan;
  scan.total = 9;
  scan.duplicates = 2;
  scan.files_skipped = 1;
  const ReportMeta meta = report_meta(testing::test_rules(), {"jobs/", "more.csv"}, scan, "2026-01-01");
  EXPECT_EQ(meta.date, "2026-01-01");
  EXPECT_EQ(meta.tool_version, CIO_GAP_VERSION);
  EXPECT_EQ(meta.jobs, (std::vector<std::string>{"jobs/", "more.csv"}));
  EXPECT_EQ(meta.postings_read, 9);
  EXPECT_EQ(meta.duplicates, 2);
  EXPECT_EQ(meta.files_skipped, 1);
}

}  // namespace
}  // namespace cio_gap
