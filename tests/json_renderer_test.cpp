#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cio_gap/render/render.h"
#include "test_report.h"

namespace cio_gap {
namespace {

using testing::kBudgetRule;
using testing::kVendorRule;

ScanResult sample_scan() {
  ScanResult scan;
  PostingFindings first;
  first.source = "jobs.csv#row=2";
  first.title = "VP of IT";
  first.years_required = 10;
  first.years_leadership_required = 5;
  first.role_signals = {0, 2, 1};
  first.fingerprint = 0x0123456789abcdefULL;
  first.findings.push_back({kBudgetRule, Tier::required, {{4, 0, "Own the budget.\nAll of it.", SectionKind::duties,
                                                           Tier::required, ""}}});
  first.findings.push_back({kVendorRule, Tier::preferred, {{9, 0, "Vendor management a plus", SectionKind::general,
                                                            Tier::preferred, "a plus"}}});
  PostingFindings second;
  second.source = "b.txt";
  second.title = "Copy";
  second.duplicate = true;
  second.diagnosis = Diagnosis::no_role_text;
  scan.postings = {first, second};
  scan.total = 2;
  scan.duplicates = 1;
  return scan;
}

TEST(JsonRendererTest, PostingJsonlIsOneCompactLine) {
  const RuleSet rules = testing::test_rules();
  const ScanResult scan = sample_scan();
  EXPECT_EQ(render_posting_jsonl(scan.postings[0], rules),
            R"({"source":"jobs.csv#row=2","title":"VP of IT","company":null,"url":null,"years_required":10,"years_leadership_required":5,)"
            R"("diagnosis":null,"role_type":"fixer","duplicate":false,"fingerprint":"0123456789abcdef","qualification_count":2,"qualifications":[)"
            R"({"id":"budget-management","tier":"required","evidence_total":1,"evidence":[{"line":4,"page":null,"text":"Own the budget.\nAll of it.","section":"duties"}]},)"
            R"({"id":"vendor-management","tier":"preferred","evidence_total":1,"evidence":[{"line":9,"page":null,"text":"Vendor management a plus","section":"general"}]}]})"
            "\n");
  EXPECT_EQ(render_posting_jsonl(scan.postings[1], rules),
            R"({"source":"b.txt","title":"Copy","company":null,"url":null,"years_required":null,"years_leadership_required":null,)"
            R"("diagnosis":"no-role-text","role_type":null,"duplicate":true,"fingerprint":"0000000000000000",)"
            R"("qualification_count":0,"qualifications":[]})"
            "\n");
}

TEST(JsonRendererTest, PostingJsonlLinesAreTheScanJsonPostings) {
  const RuleSet rules = testing::test_rules();
  const ScanResult scan = sample_scan();
  const auto document = nlohmann::json::parse(render_scan_json(scan, rules));
  ASSERT_EQ(document["postings"].size(), 2u);
  for (std::size_t i = 0; i < scan.postings.size(); ++i) {
    EXPECT_EQ(nlohmann::json::parse(render_posting_jsonl(scan.postings[i], rules)), document["postings"][i]);
  }
}

TEST(JsonRendererTest, InvalidUtf8IsReplacedNotThrown) {
  const RuleSet rules = testing::test_rules();
  PostingFindings posting;
  posting.source = "bad\xff.txt";
  EXPECT_EQ(render_posting_jsonl(posting, rules),
            "{\"source\":\"bad\xef\xbf\xbd.txt\",\"title\":\"\",\"company\":null,\"url\":null,\"years_required\":null,"
            "\"years_leadership_required\":null,\"diagnosis\":null,\"role_type\":null,\"duplicate\":false,"
            "\"fingerprint\":\"0000000000000000\",\"qualification_count\":0,\"qualifications\":[]}\n");
}

TEST(JsonRendererTest, ScanHeaderAndSummaryLines) {
  const ScanHeader header{"2.0", "0.1.0", "ac3d7cc3b9e370d4", {"jobs/"}, {"CIO"}, {"*.md"}, 1024};
  EXPECT_EQ(render_scan_header_jsonl(header),
            R"({"schema_version":"2.0","tool_version":"0.1.0","rules_fingerprint":"ac3d7cc3b9e370d4",)"
            R"("jobs":["jobs/"],"target_roles":["CIO"],"exclude":["*.md"],"max_filesize":1024})"
            "\n");
  ScanResult scan;
  scan.total = 9;
  scan.off_target = 2;
  scan.duplicates = 1;
  scan.files_skipped = 3;
  scan.files_excluded = 4;
  EXPECT_EQ(render_scan_summary_jsonl(scan),
            R"({"postings_count":6,"duplicates":1,"postings_read":9,"postings_off_target":2,"files_skipped":3,)"
            R"("files_excluded":4})"
            "\n");
}

}  // namespace
}  // namespace cio_gap
