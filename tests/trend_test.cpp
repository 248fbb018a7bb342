// `trend` end to end: three reports made here with `assess` (dated through SOURCE_DATE_EPOCH),
// from examples/me.yaml and a copy with two skills raised, against a folder of postings and
// the same folder with two more postings: the market changes between the first and second
// report, the person between the second and third. The expected outputs are in tests/trend/
// (CIO_GAP_UPDATE_GOLDEN=1 rewrites them).

#include <gtest/gtest.h>
#include <unistd.h>

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

const fs::path kSource = CIO_GAP_SOURCE_DIR;
const fs::path kExpected = kSource / "tests" / "trend";

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome cio_gap(const std::vector<std::string>& args, const char* epoch = nullptr) {
  if (epoch != nullptr) ::setenv("SOURCE_DATE_EPOCH", epoch, 1);
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_cli(args, in, out, err);
  ::unsetenv("SOURCE_DATE_EPOCH");
  return {code, out.str(), err.str()};
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

// The three reports, in a fresh folder that is the working directory while a test runs, so
// the paths in the outputs are the same on every machine.
class TrendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cio-gap-trend-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "reports");
    fs::create_directories(dir_ / "week1");
    fs::create_directories(dir_ / "week2");
    // Week 1 lacks two of the example postings; week 2 has them all.
    for (const auto& entry : fs::directory_iterator(kSource / "examples" / "jobs")) {
      const std::string name = entry.path().filename().string();
      fs::copy_file(entry.path(), dir_ / "week2" / name);
      if (name != "northwind-logistics-vp-it.md" && name != "lakeshore-health-cio.txt") {
        fs::copy_file(entry.path(), dir_ / "week1" / name);
      }
    }
    std::string profile = slurp(kSource / "examples" / "me.yaml");
    spit(dir_ / "me.yaml", profile);
    replace(profile, "  negotiation: exposure\n", "  negotiation: strong\n");
    replace(profile, "  budget-management: none\n", "  budget-management: working\n");
    spit(dir_ / "me-later.yaml", profile);
    previous_ = fs::current_path();
    fs::current_path(dir_);
    make("me.yaml", "week1", "reports/week1.json", "1767225600");       // 2026-01-01
    make("me.yaml", "week2", "reports/week2.json", "1767830400");       // 2026-01-08
    make("me-later.yaml", "week2", "reports/week3.json", "1768435200"); // 2026-01-15
  }

  void TearDown() override {
    fs::current_path(previous_);
    fs::remove_all(dir_);
  }

  void make(const std::string& profile, const std::string& jobs, const std::string& report, const char* epoch) {
    const Outcome run = cio_gap({"assess", profile, jobs, "--format", "json", "--quiet", "-o", report}, epoch);
    ASSERT_EQ(run.code, 0) << run.err;
  }

  // Compares with tests/trend/NAME, or rewrites it under CIO_GAP_UPDATE_GOLDEN.
  void expect_golden(const std::string& name, const std::string& actual) {
    if (std::getenv("CIO_GAP_UPDATE_GOLDEN")) {
      spit(kExpected / name, actual);
      return;
    }
    EXPECT_EQ(actual, slurp(kExpected / name)) << name;
  }

  fs::path dir_;
  fs::path previous_;
};

TEST_F(TrendTest, SplitsMarketAndPersonalChangesInText) {
  // Given out of order: the reports' dates put them in order.
  const Outcome run = cio_gap({"trend", "reports/week3.json", "reports/week1.json", "reports/week2.json"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "");
  expect_golden("three-reports.txt", run.out);
}

TEST_F(TrendTest, ReadsAFolderOfReportsAsJson) {
  const Outcome run = cio_gap({"trend", "reports", "--format", "json"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "");
  expect_golden("three-reports.json", run.out);
}

TEST_F(TrendTest, DrawsTheLineChartInHtml) {
  const Outcome run = cio_gap({"trend", "reports", "--format", "html"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out.find("<script"), std::string::npos);
  EXPECT_NE(run.out.find("<svg class=\"chart lines\""), std::string::npos);
  expect_golden("three-reports.html", run.out);
}

TEST_F(TrendTest, MarkdownHasTheSameTables) {
  const Outcome run = cio_gap({"trend", "reports", "--format", "markdown"});
  EXPECT_EQ(run.code, 0);
  expect_golden("three-reports.md", run.out);
}

TEST_F(TrendTest, DiffFailsOnDropOnlyForThePersonsPart) {
  // Week 1 -> week 2: the market moved, the person did not.
  const Outcome market = cio_gap({"diff", "reports/week1.json", "reports/week2.json", "--fail-on-drop"});
  expect_golden("diff-market.txt", market.out);
  EXPECT_EQ(market.err, "");
  EXPECT_EQ(market.code, 0);
  // =any keeps the old rule: any drop fails, the market's too.
  const Outcome any = cio_gap({"diff", "reports/week1.json", "reports/week2.json", "--fail-on-drop=any"});
  EXPECT_EQ(any.code, 1);
  EXPECT_EQ(any.err, "cio-gap: Dana Rivera: score dropped from 66.2 to 65.7 (--fail-on-drop=any)\n");
  // Week 3 -> week 2 is the person's statuses going down.
  const Outcome person = cio_gap({"diff", "reports/week3.json", "reports/week2.json", "--fail-on-drop"});
  EXPECT_EQ(person.code, 1);
  expect_golden("diff-person.stderr", person.err);
}

TEST_F(TrendTest, ErrorsNameTheFile) {
  spit("notes.json", "{\"hello\": 1}\n");
  Outcome run = cio_gap({"trend", "reports/week1.json", "notes.json"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "cio-gap: error: notes.json: no \"schema_version\" string: not a cio-gap assess report\n");

  run = cio_gap({"trend", "reports/week1.json"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "cio-gap: error: trend needs at least two reports; only reports/week1.json given\n");

  std::string report = slurp("reports/week1.json");
  replace(report, "\"schema_version\": \"2.0\"", "\"schema_version\": \"3.0\"");
  spit("future.json", report);
  run = cio_gap({"trend", "reports/week1.json", "future.json"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err,
            "cio-gap: error: future.json: /schema_version: schema_version \"3.0\" is not supported (this cio-gap reads "
            "1.x and 2.x)\n");

  fs::create_directories("empty");
  run = cio_gap({"trend", "empty", "reports/week1.json"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "cio-gap: error: empty: no *.json reports in this folder\n");
}

}  // namespace
}  // namespace cio_gap
