// What reaches a terminal from input: C0 and C1 controls, bidi overrides and bytes that are
// not UTF-8 are shown as escapes, in reports and in messages on standard error alike.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cio_gap/cli/cli.h"
#include "cio_gap/render/render.h"

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

TEST(EscapeControlTest, EscapesC0AndDel) {
  EXPECT_EQ(escape_control("a\nb\tc\x1b[2J\x7f"), "a\\nb\\tc\\x1b[2J\\x7f");
}

TEST(EscapeControlTest, EscapesC1ControlsAsCodePoints) {
  // U+009B is CSI, U+009D OSC, U+009C ST: as UTF-8 they are two bytes each.
  EXPECT_EQ(escape_control("x\xC2\x9B" "2Jy\xC2\x9D" "0;t\xC2\x9C"), "x\\u009b2Jy\\u009d0;t\\u009c");
  EXPECT_EQ(escape_control("\xC2\x80\xC2\x85\xC2\x9F"), "\\u0080\\u0085\\u009f");
}

TEST(EscapeControlTest, EscapesBidiOverridesIsolatesAndLineSeparators) {
  EXPECT_EQ(escape_control("invoice\xE2\x80\xAEtxt.exe"), "invoice\\u202etxt.exe");
  EXPECT_EQ(escape_control("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD"), "\\u202a\\u202b\\u202c\\u202d");
  EXPECT_EQ(escape_control("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9"), "\\u2066\\u2067\\u2068\\u2069");
  EXPECT_EQ(escape_control("a\xE2\x80\xA8" "b"), "a\\u2028b");
}

TEST(EscapeControlTest, EscapesBytesThatAreNotUtf8) {
  // A raw 0x9B is CSI on terminals that read 8-bit controls.
  EXPECT_EQ(escape_control("caf\xE9 \x9B" "2J"), "caf\\xe9 \\x9b2J");
  EXPECT_EQ(escape_control("cut \xE2\x80"), "cut \\xe2\\x80");
}

TEST(EscapeControlTest, KeepsPrintableUnicode) {
  const std::string text = "Caf\xC3\xA9 \xE2\x80\x94 7\xE2\x80\x93" "10 years \xF0\x9F\x98\x80 \xC2\xA0\xC2\xA9";
  EXPECT_EQ(escape_control(text), text);
}

class TerminalEscapeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() / ("cio-gap-escape-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "jobs");
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  void write(const std::string& relative, const std::string& content) const {
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }
  fs::path root_;
};

TEST_F(TerminalEscapeTest, PostingTextWarningsAndFileNamesAreEscaped) {
  write("jobs/a\xC2\x9B" "31m.txt", "Chief Information Officer\n\nRequirements:\n- Own the IT budget \xC2\x9D" "0;x\xC2\x9C and vendor management.\n");
  write("jobs/b\xE2\x80\xAE" "txt.exe.txt", "");
  write("jobs/c.json", "{\"title\": \"CIO \\u009b31m\", \"description\": \"Own the IT budget \\u202e and vendor management.\"}");
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(run_cli({"scan", (root_ / "jobs").string()}, in, out, err), 0) << err.str();
  EXPECT_EQ(err.str(),
            "cio-gap: warning: b\\u202etxt.exe.txt: skipped: no text\n"
            "cio-gap: 2 postings read, 1 files skipped\n");
  for (const char* raw : {"\xC2\x9B", "\xC2\x9D", "\xC2\x9C", "\xE2\x80\xAE"}) {
    EXPECT_EQ(out.str().find(raw), std::string::npos) << out.str();
  }
  EXPECT_NE(out.str().find("a\\u009b31m.txt"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("Own the IT budget \\u009d0;x\\u009c and vendor management."), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("CIO \\u009b31m"), std::string::npos) << out.str();

  std::ostringstream markdown;
  std::ofstream(root_ / "me.yaml") << "name: Dana\nskills:\n  budget-management: strong\n";
  ASSERT_EQ(run_cli({"assess", (root_ / "me.yaml").string(), (root_ / "jobs").string(), "-f", "markdown", "-q"}, in,
                    markdown, err),
            0)
      << err.str();
  for (const char* raw : {"\xC2\x9B", "\xC2\x9D", "\xC2\x9C", "\xE2\x80\xAE"}) {
    EXPECT_EQ(markdown.str().find(raw), std::string::npos) << markdown.str();
  }
}

TEST_F(TerminalEscapeTest, ErrorsEscapeArgumentsAndFileNames) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(run_cli({"scan", (root_ / "missing\xC2\x9B" "2J").string()}, in, out, err), 2);
  EXPECT_EQ(err.str(), "cio-gap: error: " + (root_ / "missing").string() + "\\u009b2J: No such file or directory\n");
  std::ostringstream err2;
  EXPECT_EQ(run_cli({"assess", "x.yaml", "jobs", "--top", "\x1b[2J"}, in, out, err2), 2);
  EXPECT_EQ(err2.str(),
            "cio-gap: error: --top: must be a whole number from 0 to 1000000, not '\\x1b[2J'\n"
            "Run 'cio-gap assess --help' for usage.\n");
}

}  // namespace
}  // namespace cio_gap
