// The built binary under a memory limit (prlimit --as): a posting file costs a small multiple
// of its size whatever it holds, and threads that cannot start leave the scan to fewer.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

struct ShellRun {
  int code = -1;
  std::string err;
};

// Runs `command` through the shell, standard output discarded, standard error captured.
ShellRun run_shell(const std::string& command, const fs::path& err_file) {
  ShellRun run;
  const int status = std::system((command + " >/dev/null 2>" + err_file.string()).c_str());
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::ostringstream text;
  text << in.rdbuf();
  run.err = text.str();
  return run;
}

class ResourceLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (CIO_GAP_SANITIZED) GTEST_SKIP() << "a sanitized binary cannot start under an address-space limit";
    if (std::system("command -v prlimit >/dev/null 2>&1") != 0) GTEST_SKIP() << "prlimit (util-linux) is missing";
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() / ("cio-gap-limits-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  fs::path root_;
};

TEST_F(ResourceLimitsTest, SixteenMebibyteArrayOfZerosFitsInTenTimesItsSize) {
  // 8,388,607 zeros: a tree of them took 1.1 GB, and a warning each.
  const std::size_t zeros = (16u * 1024u * 1024u - 1u) / 2u;
  {
    std::ofstream out(root_ / "zeros.json", std::ios::binary);
    std::string text = "[0";
    text.reserve(zeros * 2 + 1);
    for (std::size_t i = 1; i < zeros; ++i) text += ",0";
    text += "]";
    out << text;
  }
  const std::string limit = std::to_string(160u * 1024u * 1024u);
  const ShellRun run = run_shell("prlimit --as=" + limit + " " + CIO_GAP_BINARY + " scan -j 1 --max-filesize 17000000 " +
                                (root_ / "zeros.json").string(),
                            root_ / "err.txt");
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "cio-gap: warning: " + (root_ / "zeros.json").string() +
                         ": 8,388,607 records skipped: not a JSON object (first at #0)\n"
                         "cio-gap: error: no postings found in " + (root_ / "zeros.json").string() + "\n");
}

TEST_F(ResourceLimitsTest, ThreadsThatCannotStartLeaveTheScanToFewer) {
  fs::create_directories(root_ / "jobs");
  for (int i = 0; i < 300; ++i) {
    std::ostringstream name;
    name << 'p' << i << ".txt";
    std::ofstream(root_ / "jobs" / name.str()) << "Chief Information Officer " << i << "\n\nOwn the IT budget.\n";
  }
  // 256 stacks of 8 MiB do not fit in 400 MiB of address space.
  const std::string limit = std::to_string(400u * 1024u * 1024u);
  const ShellRun run = run_shell("prlimit --as=" + limit + " " + CIO_GAP_BINARY + " scan -j 256 " + (root_ / "jobs").string(),
                            root_ / "err.txt");
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err.rfind("cio-gap: warning: could start only ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find(" of 256 threads (Resource temporarily unavailable); scanning with "), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("cio-gap: 300 postings read\n"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("bad_alloc"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace cio_gap
