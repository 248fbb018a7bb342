#include "cio_gap/analyze/posting_scan.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/cli/cli.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

// Postings are read and matched in parallel; the output must not depend on how many threads
// did it. The shared corpus (hundreds of real bulletins) when it is there, else the examples.
std::string corpus() {
  const std::string shared = std::string(CIO_GAP_SHARED_DIR) + "/corpus/cityofla";
  return std::filesystem::is_directory(shared) ? shared : std::string(CIO_GAP_SOURCE_DIR) + "/examples/jobs";
}

struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};

CliRun cli(std::vector<std::string> args) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  CliRun run;
  run.code = run_cli(args, in, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

TEST(PostingScanTest, ScanOutputIsTheSameWithOneAndTwoThreads) {
  const CliRun one = cli({"scan", corpus(), "--format", "json", "--threads", "1"});
  const CliRun two = cli({"scan", corpus(), "--format", "json", "--threads", "2"});
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_GT(one.out.size(), 1000u);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.err, two.err);
}

TEST(PostingScanTest, AssessOutputIsTheSameWithOneAndTwoThreads) {
  const std::string profile = std::string(CIO_GAP_SOURCE_DIR) + "/examples/me.yaml";
  const CliRun one = cli({"assess", profile, corpus(), "--format", "json", "--threads", "1"});
  const CliRun two = cli({"assess", profile, corpus(), "--format", "json", "--threads", "2"});
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.err, two.err);
}

TEST(PostingScanTest, FindingsAndDuplicatesAreInFileOrderWhateverTheThreadCount) {
  const RuleSet rules = load_rules({true, {}});
  const Extractor extractor(rules);
  std::vector<std::string> rendered;
  for (const unsigned threads : {1u, 2u, 7u}) {
    Diagnostics diagnostics;
    ScanOptions options;
    options.threads = threads;
    const ScanResult scan = scan_postings({corpus()}, extractor, options, diagnostics);
    ASSERT_FALSE(scan.postings.empty());
    EXPECT_TRUE(std::is_sorted(scan.postings.begin(), scan.postings.end(),
                               [](const PostingFindings& a, const PostingFindings& b) { return a.source < b.source; }));
    rendered.push_back(render_scan_json(scan, rules));
  }
  EXPECT_EQ(rendered[0], rendered[1]);
  EXPECT_EQ(rendered[0], rendered[2]);
}

TEST(PostingScanTest, CitationsOnlyScanGivesTheSameReport) {
  const RuleSet rules = load_rules({true, {}});
  const Extractor extractor(rules);
  const Profile profile = load_profile(std::string(CIO_GAP_SOURCE_DIR) + "/examples/me.yaml", rules);
  std::vector<std::string> reports;
  for (const std::size_t citations : {std::size_t{0}, kCitationsPerQualification}) {
    for (const unsigned threads : {1u, 2u}) {
      Diagnostics diagnostics;
      ScanOptions options;
      options.threads = threads;
      options.citations_per_rule = citations;
      const ScanResult scan = scan_postings({corpus(), std::string(CIO_GAP_SOURCE_DIR) + "/examples/jobs"}, extractor,
                                            options, diagnostics);
      const DemandTally tally = tally_scan(scan, rules.rules.size());
      reports.push_back(render_report_json(assess(profile, tally, extractor, {}), tally, rules));
      if (citations == 0) continue;
      // Only a few findings per qualification keep a sentence, and only one each.
      std::size_t with_evidence = 0;
      for (const auto& posting : scan.postings) {
        for (const auto& finding : posting.findings) {
          EXPECT_LE(finding.evidence.size(), 1u);
          with_evidence += finding.evidence.empty() ? 0u : 1u;
        }
      }
      // With one thread every file is handed on before the next is read, so the count is exact.
      if (threads == 1) {
        EXPECT_LE(with_evidence, kCitationsPerQualification * rules.rules.size());
      }
    }
  }
  for (const auto& report : reports) EXPECT_EQ(report, reports.front());
}

TEST(PostingScanTest, WarningsFollowTheOrderOfTheFilesWhateverTheThreads) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("cio-gap-warning-order-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "jobs");
  // Skipped while listing (a link, a FIFO) and while reading (no text), interleaved by name.
  std::ofstream(root / "jobs" / "e.txt") << " \n";
  ASSERT_EQ(::mkfifo((root / "jobs" / "d.txt").c_str(), 0600), 0);
  std::ofstream(root / "jobs" / "c.txt") << "";
  fs::create_symlink(root / "jobs" / "c.txt", root / "jobs" / "b.txt");
  std::ofstream(root / "jobs" / "a.txt") << "Chief Information Officer\n\nOwn the IT budget.\n";
  const std::string expected =
      "cio-gap: warning: b.txt: skipped: symbolic link inside a folder\n"
      "cio-gap: warning: c.txt: skipped: no text\n"
      "cio-gap: warning: d.txt: skipped: not a regular file\n"
      "cio-gap: warning: e.txt: skipped: no text\n"
      "cio-gap: 1 postings read, 4 files skipped\n";
  for (const char* threads : {"1", "2", "4"}) {
    const CliRun run = cli({"scan", (root / "jobs").string(), "--threads", threads});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, expected) << threads;
  }
  const CliRun explain = cli({"explain", "budget-management", (root / "jobs").string()});
  EXPECT_EQ(explain.err, expected.substr(0, expected.rfind("cio-gap: 1 postings")));
  fs::remove_all(root);
}

}  // namespace
}  // namespace cio_gap
