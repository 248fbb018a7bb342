// End-to-end cases: each folder of tests/e2e holds `args` (one argument per line), and the
// expected `stdout`, `stderr` and `exit_code` of running cio-gap with them from the project
// root, in-process, and optionally `env` (NAME=VALUE lines, set for the run and unset after).
// CIO_GAP_UPDATE_GOLDEN=1 rewrites the expectations from the actual output.

#include <gtest/gtest.h>

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

const fs::path kCases = fs::path(CIO_GAP_SOURCE_DIR) / "tests" / "e2e";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    if (entry.is_directory() && fs::exists(entry.path() / "args")) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class EndToEnd : public ::testing::TestWithParam<std::string> {};

TEST_P(EndToEnd, MatchesGoldenOutput) {
  const fs::path dir = kCases / GetParam();
  std::vector<std::string> args;
  std::istringstream lines(slurp(dir / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) args.push_back(line);
  }
  std::vector<std::string> env_names;
  if (fs::exists(dir / "env")) {
    std::istringstream env(slurp(dir / "env"));
    for (std::string line; std::getline(env, line);) {
      const auto equals = line.find('=');
      if (line.empty() || equals == std::string::npos) continue;
      env_names.push_back(line.substr(0, equals));
      ::setenv(env_names.back().c_str(), line.substr(equals + 1).c_str(), 1);
    }
  }
  fs::current_path(CIO_GAP_SOURCE_DIR);
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_cli(args, in, out, err);
  for (const auto& name : env_names) ::unsetenv(name.c_str());
  if (std::getenv("CIO_GAP_UPDATE_GOLDEN")) {
    spit(dir / "stdout", out.str());
    spit(dir / "stderr", err.str());
    spit(dir / "exit_code", std::to_string(code) + "\n");
    return;
  }
  EXPECT_EQ(std::to_string(code) + "\n", slurp(dir / "exit_code"));
  EXPECT_EQ(err.str(), slurp(dir / "stderr"));
  EXPECT_EQ(out.str(), slurp(dir / "stdout"));
}

INSTANTIATE_TEST_SUITE_P(Cases, EndToEnd, ::testing::ValuesIn(case_names()),
                         [](const auto& test_info) {
                           std::string name = test_info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace cio_gap
