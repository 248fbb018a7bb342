// Output safety of the command line: write errors, --output, --output-dir, determinism.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cio_gap/cli/cli.h"
#include "test_files.h"

namespace cio_gap {
namespace {

using testing_support::slurp;

namespace fs = std::filesystem;

struct RunResult {
  int code;
  std::string out;
  std::string err;
};

RunResult run(const std::vector<std::string>& args) {
  fs::current_path(CIO_GAP_SOURCE_DIR);
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_cli(args, in, out, err);
  return {code, out.str(), err.str()};
}

class CliOutputTest : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("cio-gap-cli-" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(CliOutputTest, WriteErrorIsExitTwo) {
  fs::current_path(CIO_GAP_SOURCE_DIR);
  std::ofstream full("/dev/full");
  ASSERT_TRUE(full.is_open());
  std::istringstream in;
  std::ostringstream err;
  EXPECT_EQ(run_cli({"scan", "examples/jobs", "--quiet"}, in, full, err), 2);
  EXPECT_EQ(err.str(), "cio-gap: error: cannot write to standard output: No space left on device\n");
}

TEST_F(CliOutputTest, OutputFileIsWrittenWhole) {
  const fs::path report = dir / "report.json";
  const RunResult result = run({"assess", "examples/me.yaml", "examples/jobs", "-f", "json", "-q", "-o", report.string()});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out, "");
  const RunResult direct = run({"assess", "examples/me.yaml", "examples/jobs", "-f", "json", "-q"});
  EXPECT_EQ(slurp(report), direct.out);
  // No temporary file is left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST_F(CliOutputTest, OutputIntoMissingFolderFails) {
  const std::string target = (dir / "missing" / "report.txt").string();
  const RunResult result = run({"scan", "examples/jobs", "-q", "-o", target});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err, "cio-gap: error: " + target + ": No such file or directory\n");
}

TEST_F(CliOutputTest, OutputDirHoldsOneReportPerProfile) {
  const RunResult result = run({"assess", "examples/clients", "examples/jobs", "-f", "markdown", "-q", "--output-dir",
                          (dir / "reports").string()});
  EXPECT_EQ(result.code, 0);
  EXPECT_TRUE(fs::exists(dir / "reports" / "dana-rivera.md"));
  EXPECT_TRUE(fs::exists(dir / "reports" / "sam-okafor.md"));
  EXPECT_EQ(slurp(dir / "reports" / "sam-okafor.md"),
            run({"assess", "examples/mba.yaml", "examples/jobs", "-f", "markdown", "-q"}).out);
}

TEST_F(CliOutputTest, HtmlBatchWritesAnIndexLinkingEveryClient) {
  const RunResult result = run({"assess", "examples/clients", "examples/jobs", "-f", "html", "-q", "--output-dir",
                                (dir / "reports").string()});
  EXPECT_EQ(result.code, 0);
  // The page a single run makes, but for the profile's path in the footer.
  std::string single = run({"assess", "examples/mba.yaml", "examples/jobs", "-f", "html", "-q"}).out;
  const std::string path = "<code>examples/mba.yaml</code>";
  ASSERT_NE(single.find(path), std::string::npos);
  single.replace(single.find(path), path.size(), "<code>examples/clients/sam-okafor.yaml</code>");
  EXPECT_EQ(slurp(dir / "reports" / "sam-okafor.html"), single);
  const std::string index = slurp(dir / "reports" / "index.html");
  EXPECT_NE(index.find("<a href=\"dana-rivera.html\">Dana Rivera</a>"), std::string::npos);
  EXPECT_NE(index.find("<a href=\"sam-okafor.html\">"), std::string::npos);
}

TEST_F(CliOutputTest, BatchWithABrokenProfileWritesTheOthersAndExitsTwo) {
  const RunResult result = run({"assess", "tests/fixtures/batch", "examples/jobs", "-f", "markdown", "-q",
                                "--output-dir", (dir / "reports").string()});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err,
            "cio-gap: error: tests/fixtures/batch/kim-typo.yaml:3:3: unknown qualification id 'budget-managment' (did "
            "you mean 'budget-management'?)\n"
            "cio-gap: 1 of 3 profiles could not be loaded; the others were assessed\n");
  EXPECT_TRUE(fs::exists(dir / "reports" / "dana-rivera.md"));
  EXPECT_TRUE(fs::exists(dir / "reports" / "sam-okafor.md"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "reports"), fs::directory_iterator()), 2);
}

TEST_F(CliOutputTest, IdenticalInputsGiveIdenticalBytes) {
  for (const char* format : {"text", "json", "markdown", "csv", "html"}) {
    const std::vector<std::string> args = {"assess", "examples/me.yaml", "examples/jobs", "-f", format};
    EXPECT_EQ(run(args).out, run(args).out) << format;
  }
  const std::vector<std::string> one = {"scan", "examples/jobs", "-f", "json", "-j", "1"};
  const std::vector<std::string> two = {"scan", "examples/jobs", "-f", "json", "-j", "2"};
  EXPECT_EQ(run(one).out, run(two).out);
}

TEST_F(CliOutputTest, ExitCodesFollowThresholds) {
  EXPECT_EQ(run({"assess", "examples/me.yaml", "examples/jobs", "-q", "--fail-under", "10"}).code, 0);
  EXPECT_EQ(run({"assess", "examples/me.yaml", "examples/jobs", "-q", "--fail-under", "99"}).code, 1);
  EXPECT_EQ(run({"assess", "examples/me.yaml", "examples/jobs", "-q", "--fail-on-gap", "budget-management"}).code, 1);
  EXPECT_EQ(run({"assess", "examples/mba.yaml", "examples/jobs", "-q", "--fail-on-gap", "budget-management"}).code, 0);
  EXPECT_EQ(run({"assess", "examples/me.yaml", "examples/jobs", "--bogus"}).code, 2);
  EXPECT_EQ(run({"--version"}).out, std::string("cio-gap ") + CIO_GAP_VERSION + "\n");
}

}  // namespace
}  // namespace cio_gap
