// A posting saved as PDF, DOCX or ODT demands what its text demands. Real postings of the
// shared corpus are converted at test time (tests/tools/convert_posting.py: groff for PDF, in
// one column and in two hyphenated ones, pandoc for DOCX and ODT) and scanned side by side
// with the text.

#include <gtest/gtest.h>

#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/load/rule_loader.h"
#include "document_test_support.h"

namespace cio_gap {
namespace {

using namespace testing_support;

std::vector<std::string> demands_of(const std::string& file, const Extractor& extractor, const RuleSet& rules) {
  Diagnostics diagnostics;
  const ScanResult scan = scan_postings({file}, extractor, {}, diagnostics);
  EXPECT_EQ(scan.postings.size(), 1u) << file;
  EXPECT_TRUE(diagnostics.warnings.empty()) << file << ": " << (diagnostics.warnings.empty() ? "" : diagnostics.warnings[0]);
  std::vector<std::string> out;
  if (scan.postings.empty()) return out;
  for (const auto& finding : scan.postings[0].findings) {
    out.push_back(rules.rules[finding.rule].id + ":" + to_string(finding.tier));
  }
  return out;
}

TEST(ContainerEquivalenceTest, RealPostingsDemandTheSameAsPdfDocxAndOdt) {
  if (!have_program("groff") || !have_program("pandoc")) {
    GTEST_SKIP() << "groff and pandoc are needed to make the PDF, DOCX and ODT copies (apt-get install groff pandoc)";
  }
  const RuleSet rules = load_rules({});
  const Extractor extractor(rules);
  const ScratchFolder folder;
  const std::filesystem::path corpus = std::filesystem::path(CIO_GAP_SHARED_DIR) / "corpus" / "postings";
  // Long and short, with lists, headings and two pages or more.
  for (const char* name : {"gitlab-vp-information-technology", "nasa-goddard-cio-2013", "autobell-it-manager-2024",
                           "familypromise-cto-2021", "sparkfun-director-of-it-2015", "usdot-cto-2013"}) {
    const std::string text = (corpus / (std::string(name) + ".txt")).string();
    ASSERT_EQ(run_tool("convert_posting.py", quoted(text) + " " + quoted(folder.path().string())), 0) << name;
    const auto expected = demands_of(text, extractor, rules);
    EXPECT_GE(expected.size(), 3u) << name;
    for (const char* extension : {".pdf", "-columns.pdf", ".docx", ".odt"}) {
      EXPECT_EQ(demands_of((folder / (name + std::string(extension))).string(), extractor, rules), expected)
          << name << extension;
    }
  }
}

}  // namespace
}  // namespace cio_gap
