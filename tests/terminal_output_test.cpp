// How text output meets a terminal: width from COLUMNS (at most 100), --width, no wrapping in
// a pipe or file, TERM=dumb, did-you-mean for commands and options, `help`.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <filesystem>
#include <sstream>

#include "cio_gap/cli/cli.h"

namespace cio_gap {
namespace {

struct RunResult {
  int code;
  std::string out;
  std::string err;
};

RunResult run(const std::vector<std::string>& args, bool terminal = false) {
  std::filesystem::current_path(CIO_GAP_SOURCE_DIR);
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_cli(args, in, out, err, terminal);
  return {code, out.str(), err.str()};
}

// A variable set for one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::size_t longest_line(const std::string& text) {
  std::size_t longest = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::size_t columns = 0;
    for (const char c : line) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    longest = std::max(longest, columns);
  }
  return longest;
}

// The words of a report, but for its table of postings by fit, whose columns give way to the
// width rather than wrap.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  bool in_table = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == "Postings by fit") in_table = true;
    if (line.empty()) in_table = false;
    if (in_table) continue;
    std::istringstream in(line);
    for (std::string word; in >> word;) out.push_back(word);
  }
  return out;
}

const std::vector<std::string> kAssess = {"assess", "examples/me.yaml", "examples/jobs/", "-q", "--color", "never"};

TEST(TerminalOutputTest, ATerminalOfEightyColumnsGetsLinesOfEightyWithNoBrokenWord) {
  const ScopedEnv columns("COLUMNS", "80");
  const RunResult wrapped = run(kAssess, true);
  ASSERT_EQ(wrapped.code, 0) << wrapped.err;
  EXPECT_EQ(longest_line(wrapped.out), 80u);
  // The same words in the same order as the unwrapped report: wrapping only moved line breaks.
  const RunResult piped = run(kAssess);
  EXPECT_EQ(words(wrapped.out), words(piped.out));
  EXPECT_GT(longest_line(piped.out), 200u);  // a pipe gets one line per paragraph
}

TEST(TerminalOutputTest, AWideTerminalIsReadAtOneHundredColumns) {
  const ScopedEnv columns("COLUMNS", "250");
  EXPECT_EQ(longest_line(run(kAssess, true).out), 100u);
}

TEST(TerminalOutputTest, WidthOptionWinsEverywhere) {
  const ScopedEnv columns("COLUMNS", "80");
  auto args = kAssess;
  args.insert(args.end(), {"--width", "72"});
  EXPECT_EQ(longest_line(run(args).out), 72u);
  EXPECT_EQ(longest_line(run(args, true).out), 72u);
  args.back() = "0";
  EXPECT_GT(longest_line(run(args, true).out), 200u);
  args.back() = "-3";
  const RunResult bad = run(args);
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "cio-gap: error: --width: Value -3 not in range 0 to 1000\nRun 'cio-gap assess --help' for usage.\n");
}

TEST(TerminalOutputTest, DumbTerminalHasNoColour) {
  const std::vector<std::string> args = {"assess", "examples/me.yaml", "examples/jobs/", "-q"};
  {
    const ScopedEnv term("TERM", "xterm-256color");
    EXPECT_NE(run(args, true).out.find("\x1b["), std::string::npos);
  }
  const ScopedEnv term("TERM", "dumb");
  EXPECT_EQ(run(args, true).out.find("\x1b["), std::string::npos);
}

TEST(TerminalOutputTest, AMisspeltCommandGetsASuggestion) {
  RunResult result = run({"asses", "examples/me.yaml", "examples/jobs/"});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err, "cio-gap: error: unknown command 'asses' (did you mean 'assess'?)\n"
                        "Run 'cio-gap --help' for the commands.\n");
  result = run({"rules", "tes"});
  EXPECT_EQ(result.err, "cio-gap: error: unknown command 'tes' (did you mean 'test'?)\n"
                        "Run 'cio-gap rules --help' for the commands.\n");
  result = run({"frobnicate"});
  EXPECT_EQ(result.err, "cio-gap: error: unknown command 'frobnicate'\nRun 'cio-gap --help' for the commands.\n");
}

TEST(TerminalOutputTest, AMisspeltOptionGetsASuggestionAndTheCommandsHelp) {
  RunResult result = run({"scan", "--frmat", "json", "examples/jobs"});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err, "cio-gap: error: unknown option '--frmat' (did you mean '--format'?)\n"
                        "Run 'cio-gap scan --help' for usage.\n");
  result = run({"rules", "test", "--quite"});
  EXPECT_EQ(result.err, "cio-gap: error: unknown option '--quite' (did you mean '--quiet'?)\n"
                        "Run 'cio-gap rules test --help' for usage.\n");
  result = run({"assess", "examples/me.yaml"});
  EXPECT_EQ(result.err, "cio-gap: error: JOBS is required\nRun 'cio-gap assess --help' for usage.\n");
}

TEST(TerminalOutputTest, AShareMayBeAPercentage) {
  const std::vector<std::string> base = {"assess", "examples/me.yaml", "examples/jobs/", "-q", "--min-share"};
  auto with = [&](const char* share) {
    auto args = base;
    args.push_back(share);
    return run(args);
  };
  const RunResult fraction = with("0.5");
  EXPECT_EQ(fraction.code, 0);
  EXPECT_EQ(with("50%").out, fraction.out);
  EXPECT_NE(with("25%").out, fraction.out);
  const RunResult bad = with("150%");
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "cio-gap: error: --min-share: must be a share from 0 to 1, or a percentage from 0% to 100%, "
                     "not '150%'\nRun 'cio-gap assess --help' for usage.\n");
  EXPECT_EQ(with("25").err, "cio-gap: error: --min-share: must be a share from 0 to 1, or a percentage from 0% to "
                            "100%, not '25'\nRun 'cio-gap assess --help' for usage.\n");
}

TEST(TerminalOutputTest, HelpCommandPrintsTheHelpOfACommand) {
  EXPECT_EQ(run({"help"}).out, run({"--help"}).out);
  EXPECT_EQ(run({"help", "assess"}).out, run({"assess", "--help"}).out);
  EXPECT_EQ(run({"help", "rules", "test"}).out, run({"rules", "test", "--help"}).out);
  EXPECT_EQ(run({"help"}).code, 0);
  const RunResult unknown = run({"help", "asess"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err, "cio-gap: error: unknown command 'asess' (did you mean 'assess'?)\n"
                         "Run 'cio-gap --help' for the commands.\n");
}

}  // namespace
}  // namespace cio_gap
