#include "cio_gap/load/scan_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cio_gap/error.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

constexpr const char* kHeader =
    R"({"schema_version":"2.0","tool_version":"0.1.0","rules_fingerprint":"ac3d7cc3b9e370d4","jobs":["jobs"],)"
    R"("target_roles":["CIO"],"exclude":["*.md"],"max_filesize":1024})";
constexpr const char* kPosting =
    R"({"source":"a.pdf","title":"CIO","company":"Acme","url":null,"years_required":10,)"
    R"("years_leadership_required":null,"diagnosis":null,"role_type":"growth","fingerprint":"0123456789abcdef",)"
    R"("qualifications":[{"id":"budget-management","tier":"required","evidence":[)"
    R"({"line":4,"page":2,"text":"Own the budget.","section":"duties"},)"
    R"({"line":9,"page":3,"text":"Cut costs.","section":"general"}]},)"
    R"({"id":"vendor-management","tier":"preferred","evidence":[]}]})";
constexpr const char* kSummary =
    R"({"postings_count":1,"duplicates":0,"postings_read":3,"postings_off_target":2,"files_skipped":1,"files_excluded":4})";

struct Read {
  std::vector<std::pair<ScanHeader, int>> headers;
  std::vector<PostingFindings> postings;
  std::vector<ScanResult> summaries;
};

Read read(const std::string& text) {
  const RuleSet rules = testing::test_rules();
  const ScanReader reader(rules, "2.0");
  Read out;
  std::istringstream in(text);
  reader.read(in, "s.jsonl",
              {[&](const ScanHeader& header, int line) { out.headers.emplace_back(header, line); },
               [&](PostingFindings&& posting) { out.postings.push_back(std::move(posting)); },
               [&](const ScanResult& counts) { out.summaries.push_back(counts); }});
  return out;
}

std::string error_of(const std::string& text) {
  try {
    read(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ScanReaderTest, ReadsHeaderPostingsAndSummary) {
  const Read out = read(std::string(kHeader) + "\n" + kPosting + "\n" + kSummary + "\n");
  ASSERT_EQ(out.headers.size(), 1u);
  const ScanHeader& header = out.headers[0].first;
  EXPECT_EQ(out.headers[0].second, 1);
  EXPECT_EQ(header.schema_version, "2.0");
  EXPECT_EQ(header.tool_version, "0.1.0");
  EXPECT_EQ(header.rules_fingerprint, "ac3d7cc3b9e370d4");
  EXPECT_EQ(header.jobs, std::vector<std::string>{"jobs"});
  EXPECT_EQ(header.target_roles, std::vector<std::string>{"CIO"});
  EXPECT_EQ(header.exclude, std::vector<std::string>{"*.md"});
  EXPECT_EQ(header.max_filesize, 1024u);

  ASSERT_EQ(out.postings.size(), 1u);
  const PostingFindings& posting = out.postings[0];
  EXPECT_EQ(posting.source, "a.pdf");
  EXPECT_EQ(posting.title, "CIO");
  EXPECT_EQ(posting.company, "Acme");
  EXPECT_EQ(posting.url, "");
  EXPECT_EQ(posting.years_required, 10);
  EXPECT_EQ(posting.years_leadership_required, std::nullopt);
  EXPECT_EQ(posting.diagnosis, Diagnosis::none);
  EXPECT_FALSE(posting.duplicate);
  EXPECT_EQ(posting.fingerprint, 0x0123456789abcdefULL);
  EXPECT_EQ(posting.role_signals, (std::array<int, 3>{0, 0, 1}));
  ASSERT_EQ(posting.findings.size(), 2u);
  EXPECT_EQ(posting.findings[0].rule, 0u);
  EXPECT_EQ(posting.findings[0].tier, Tier::required);
  // Only the first sentence: the one a report cites.
  ASSERT_EQ(posting.findings[0].evidence.size(), 1u);
  EXPECT_EQ(posting.findings[0].evidence[0].line, 4);
  EXPECT_EQ(posting.findings[0].evidence[0].page, 2);
  EXPECT_EQ(posting.findings[0].evidence[0].text, "Own the budget.");
  EXPECT_EQ(posting.findings[0].evidence[0].section, SectionKind::duties);
  EXPECT_EQ(posting.findings[1].rule, 5u);
  EXPECT_EQ(posting.findings[1].tier, Tier::preferred);
  EXPECT_TRUE(posting.findings[1].evidence.empty());

  ASSERT_EQ(out.summaries.size(), 1u);
  EXPECT_EQ(out.summaries[0].total, 3);
  EXPECT_EQ(out.summaries[0].off_target, 2);
  EXPECT_EQ(out.summaries[0].duplicates, 0);
  EXPECT_EQ(out.summaries[0].files_skipped, 1);
  EXPECT_EQ(out.summaries[0].files_excluded, 4);
}

TEST(ScanReaderTest, ReadsScansOneAfterAnotherAndBlankLines) {
  const std::string scan = std::string(kHeader) + "\n" + kPosting + "\r\n\n" + kSummary + "\n";
  const Read out = read(scan + scan);
  EXPECT_EQ(out.headers.size(), 2u);
  EXPECT_EQ(out.headers[1].second, 5);
  EXPECT_EQ(out.postings.size(), 2u);
  EXPECT_EQ(out.summaries.size(), 2u);
}

TEST(ScanReaderTest, MalformedLineNamesItsPlace) {
  EXPECT_EQ(error_of(std::string(kHeader) + "\n{\"source\": \"a.txt\",, }\n"),
            "s.jsonl:2:20: syntax error while parsing object key - unexpected ','; expected string literal");
  EXPECT_EQ(error_of(std::string(kHeader) + "\n[1, 2]\n"), "s.jsonl:2:1: not a line of scan output: not a JSON object");
}

TEST(ScanReaderTest, RefusesAnotherSchemaMajorVersion) {
  EXPECT_EQ(error_of(R"({"schema_version":"3.0","tool_version":"3.0.0"})"
                     "\n"),
            "s.jsonl:1:1: scan output of schema_version 3.0, which this cio-gap (schema_version 2.0) cannot read: "
            "scan again with this version");
}

TEST(ScanReaderTest, RefusesPostingsWithoutHeader) {
  EXPECT_EQ(error_of(std::string(kPosting) + "\n"),
            "s.jsonl:1:1: no header line before this one: not the output of `cio-gap scan --format jsonl` "
            "(schema_version 2.0), or of an older version: scan again");
}

TEST(ScanReaderTest, RefusesAScanCutShort) {
  EXPECT_EQ(error_of(std::string(kHeader) + "\n" + kPosting + "\n"),
            "s.jsonl:2: ends before the summary line of the scan of line 1: the scan did not finish, or the file was "
            "cut short");
  EXPECT_EQ(error_of(std::string(kHeader) + "\n" + kHeader + "\n"),
            "s.jsonl:2:1: a scan begins before the one of line 1 has its summary line: that scan did not finish");
  EXPECT_EQ(error_of(""), "s.jsonl: no scan output in it (empty)");
}

TEST(ScanReaderTest, RefusesASummaryThatDoesNotCountThePostings) {
  EXPECT_EQ(error_of(std::string(kHeader) + "\n" + kSummary + "\n"),
            "s.jsonl:2:1: the summary counts 1 postings, but the scan of line 1 has 0 posting lines");
}

TEST(ScanReaderTest, RefusesWhatScanDoesNotWrite) {
  const std::string header = std::string(kHeader) + "\n";
  std::string posting = kPosting;
  EXPECT_EQ(error_of(header + std::string(kPosting).replace(posting.find("budget-management"), 17, "budget-mgmt") + "\n"),
            "s.jsonl:2:1: unknown qualification id 'budget-mgmt' for these rules");
  EXPECT_EQ(error_of(header + std::string(kPosting).replace(posting.find("0123456789abcdef"), 16, "xyz") + "\n"),
            "s.jsonl:2:1: \"fingerprint\" is not 16 hexadecimal digits");
  EXPECT_EQ(error_of(header + std::string(kPosting).replace(posting.find("\"growth\""), 8, "\"boss\"") + "\n"),
            "s.jsonl:2:1: \"role_type\": unknown value 'boss'");
  EXPECT_EQ(error_of(header + std::string(kPosting).replace(posting.find("10"), 2, "-1") + "\n"),
            "s.jsonl:2:1: \"years_required\" is not a whole number from 0 to 2147483647");
  EXPECT_EQ(error_of(header + R"({"source":"a.txt"})" + "\n"), "s.jsonl:2:1: no \"title\" in this line of scan output");
}

}  // namespace
}  // namespace cio_gap
