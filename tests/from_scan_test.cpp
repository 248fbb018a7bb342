// assess --from-scan against assess: a jobs folder (the examples, a part of the shared corpus,
// scraped containers, a posting repeated in another share, a link and a file in another format
// that the walk skips) is split into three lists of files, each scanned apart with scan
// --files-from --format jsonl; the report made from the three scans must be byte for byte the
// report made from the folder, in every format.

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cio_gap/cli/cli.h"
#include "test_files.h"

namespace cio_gap {
namespace {

using testing_support::slurp;
using testing_support::spit;

namespace fs = std::filesystem;

struct Outcome {
  int code = 0;
  std::string out;
  std::string err;
};

Outcome run(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Outcome result;
  result.code = run_cli(args, in, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// The last line of standard error: the summary ("cio-gap: N postings read, ...").
std::string summary_line(const std::string& err) {
  const std::size_t end = err.size() > 0 && err.back() == '\n' ? err.size() - 1 : err.size();
  const std::size_t start = err.rfind('\n', end == 0 ? 0 : end - 1);
  return err.substr(start == std::string::npos ? 0 : start + 1);
}

class FromScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::current_path(CIO_GAP_SOURCE_DIR);
    root_ = fs::temp_directory_path() / ("cio-gap-from-scan-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    jobs_ = root_ / "jobs";
    scans_ = root_ / "scans";
    fs::create_directories(jobs_ / "corpus" / "cityofla");
    fs::create_directories(scans_);
    fs::copy("examples/jobs", jobs_);
    const fs::path shared(CIO_GAP_SHARED_DIR);
    fs::copy(shared / "corpus" / "postings", jobs_ / "corpus" / "postings");
    fs::copy(shared / "corpus" / "raw", jobs_ / "corpus" / "raw");
    std::vector<fs::path> city;
    for (const auto& entry : fs::directory_iterator(shared / "corpus" / "cityofla")) city.push_back(entry.path());
    std::sort(city.begin(), city.end());
    for (std::size_t i = 0; i < city.size() && i < 40; ++i) {
      fs::copy(city[i], jobs_ / "corpus" / "cityofla" / city[i].filename());
    }
    // Read again in the last share: a duplicate only the whole can see.
    fs::copy("examples/jobs/lakeshore-health-cio.txt", jobs_ / "zz-lakeshore-again.txt");
    fs::create_symlink("lakeshore-health-cio.txt", jobs_ / "link.txt");  // skipped: a link in a folder
    spit(jobs_ / "notes.doc", "not a posting format");                   // passed over

    // Every entry but folders, hidden ones aside, in byte order, in three consecutive lists.
    std::vector<std::string> names;
    for (auto it = fs::recursive_directory_iterator(jobs_); it != fs::recursive_directory_iterator(); ++it) {
      if (!it->is_directory() || it->is_symlink()) names.push_back(it->path().lexically_relative(jobs_).string());
    }
    std::sort(names.begin(), names.end());
    const std::size_t per_share = (names.size() + 2) / 3;
    for (std::size_t share = 0; share < 3; ++share) {
      std::string list;
      for (std::size_t i = share * per_share; i < std::min(names.size(), (share + 1) * per_share); ++i) {
        list += names[i] + "\n";
      }
      const fs::path list_path = scans_ / ("share-" + std::to_string(share) + ".txt");
      spit(list_path, list);
      const Outcome scan = run({"scan", jobs_.string(), "--files-from", list_path.string(), "--format", "jsonl", "-o",
                            (scans_ / ("share-" + std::to_string(share) + ".jsonl")).string(), "--quiet"});
      ASSERT_EQ(scan.code, 0) << scan.err;
    }
    ::setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
  }

  void TearDown() override {
    ::unsetenv("SOURCE_DATE_EPOCH");
    fs::remove_all(root_);
  }

  // Direct assess and assess --from-scan with `options`: equal output, code and summary.
  void expect_same_report(const std::vector<std::string>& options) {
    std::vector<std::string> direct = {"assess", "examples/me.yaml", jobs_.string()};
    std::vector<std::string> reduced = {"assess", "examples/me.yaml", "--from-scan", scans_.string()};
    direct.insert(direct.end(), options.begin(), options.end());
    reduced.insert(reduced.end(), options.begin(), options.end());
    const Outcome expected = run(direct);
    const Outcome actual = run(reduced);
    const std::string what = ::testing::PrintToString(options);
    ASSERT_EQ(expected.code, 0) << what << expected.err;
    EXPECT_EQ(actual.code, expected.code) << what << actual.err;
    EXPECT_EQ(actual.out, expected.out) << what;
    EXPECT_EQ(summary_line(actual.err), summary_line(expected.err)) << what;
  }

  fs::path root_;
  fs::path jobs_;
  fs::path scans_;
};

TEST_F(FromScanTest, SameReportInEveryFormat) {
  for (const char* format : {"json", "text", "markdown", "csv", "html"}) {
    expect_same_report({"--format", format, "--fit-rows", "0"});
  }
  expect_same_report({"--format", "csv", "--per-posting"});
}

TEST_F(FromScanTest, SameReportForEveryRoleOrTheTargetedOnes) {
  expect_same_report({"--format", "json", "--all-roles"});
  expect_same_report({"--format", "json", "--target-role", "Director"});
  const Outcome direct = run({"assess", "examples/me.yaml", jobs_.string(), "--format", "json", "--all-roles"});
  // The whole shows what no share could: the repeated posting is a duplicate, the link skipped.
  EXPECT_NE(direct.out.find("\"files_skipped\": 1,\n    \"duplicates\": 1\n"), std::string::npos) << direct.out;
}

TEST_F(FromScanTest, SharesScannedForTargetRolesNeedTheSameRoles) {
  const fs::path targeted = root_ / "targeted";
  fs::create_directories(targeted);
  const Outcome scan = run({"scan", jobs_.string(), "--files-from", (scans_ / "share-0.txt").string(), "--format", "jsonl",
                        "--target-role", "CIO", "-o", (targeted / "share-0.jsonl").string(), "--quiet"});
  ASSERT_EQ(scan.code, 0) << scan.err;
  const Outcome refused = run({"assess", "examples/me.yaml", "--from-scan", targeted.string(), "--all-roles"});
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.err, "cio-gap: error: " + (targeted / "share-0.jsonl").string() +
                             ":1:1: scanned for the target roles 'CIO', but the report counts every role: give "
                             "assess the same --target-role, or scan again with --all-roles\n");
  const Outcome same = run({"assess", "examples/me.yaml", "--from-scan", targeted.string(), "--target-role", "CIO"});
  EXPECT_EQ(same.code, 0) << same.err;
}

TEST_F(FromScanTest, SharesMadeOtherwiseAreRefused) {
  const fs::path mixed = root_ / "mixed";
  fs::create_directories(mixed);
  fs::copy(scans_ / "share-0.jsonl", mixed / "share-0.jsonl");
  std::string second = slurp(scans_ / "share-1.jsonl");
  const std::string version = "\"tool_version\":\"" CIO_GAP_VERSION "\"";
  second.replace(second.find(version), version.size(), "\"tool_version\":\"0.0.9\"");
  spit(mixed / "share-1.jsonl", second);
  const Outcome refused = run({"assess", "examples/me.yaml", "--from-scan", mixed.string()});
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.err, "cio-gap: error: " + (mixed / "share-1.jsonl").string() +
                             ":1:1: scanned by cio-gap 0.0.9, but " + (mixed / "share-0.jsonl").string() +
                             ":1 by cio-gap " CIO_GAP_VERSION ": scan every share with one version\n");

  // A share whose scan was cut short (a worker lost): its summary line is missing.
  std::string cut = slurp(scans_ / "share-2.jsonl");
  cut.erase(cut.rfind('{'));
  const int lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
  spit(mixed / "share-1.jsonl", slurp(scans_ / "share-1.jsonl"));
  spit(mixed / "share-2.jsonl", cut);
  const Outcome cut_short = run({"assess", "examples/me.yaml", "--from-scan", mixed.string()});
  EXPECT_EQ(cut_short.code, 2);
  EXPECT_EQ(cut_short.err, "cio-gap: error: " + (mixed / "share-2.jsonl").string() + ":" + std::to_string(lines) +
                               ": ends before the summary line of the scan of line 1: the scan did not finish, or "
                               "the file was cut short\n");

  const Outcome other_rules = run({"assess", "examples/me.yaml", "--from-scan", (scans_ / "share-0.jsonl").string(),
                               "--rules", "tests/fixtures/rules/good-pack"});
  EXPECT_EQ(other_rules.code, 2);
  EXPECT_NE(other_rules.err.find("share-0.jsonl:1:1: scanned with other rules (fingerprint "), std::string::npos)
      << other_rules.err;
}

}  // namespace
}  // namespace cio_gap
