// `cio-gap rules validate PACK`: the pack is read after the active rules, so it may extend them.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cio_gap/cli/cli.h"

namespace cio_gap {
namespace {

namespace fs = std::filesystem;

class RulesValidateTest : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("cio-gap-validate-" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }

  // Writes `content` as pack.yaml and validates it with `options` before the pack; returns the
  // exit code, then standard output and standard error.
  std::string validate(const std::string& content, std::vector<std::string> options = {}) {
    const fs::path pack = dir / "pack.yaml";
    std::ofstream(pack, std::ios::binary) << content;
    fs::current_path(CIO_GAP_SOURCE_DIR);
    options.insert(options.begin(), {"rules", "validate"});
    options.push_back(pack.string());
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_cli(options, in, out, err);
    std::string text = std::to_string(code) + "\n" + out.str() + err.str();
    // The folder differs from run to run.
    for (std::size_t at; (at = text.find(dir.string())) != std::string::npos;) text.replace(at, dir.string().size(), "DIR");
    return text;
  }
};

TEST_F(RulesValidateTest, CountsNewRulesTheirKeywordsAndExtendedRules) {
  EXPECT_EQ(validate("rules:\n  - extends: cloud\n    keywords: [OpenShift, Rancher]\n    acronyms: [EKS]\n"),
            "0\nDIR/pack.yaml: valid (0 rules, 3 keywords, 1 extended)\n");
  EXPECT_EQ(validate("rules:\n  - extends: cloud\n    senses:\n      - keyword: cloud\n        forbids_any: [[word]]\n"),
            "0\nDIR/pack.yaml: valid (0 rules, 0 keywords, 1 extended)\n");
  EXPECT_EQ(validate("rules:\n  - extends: cloud\n    exclude: [cloud nine]\n"),
            "0\nDIR/pack.yaml: valid (0 rules, 0 keywords, 1 extended)\n");
  EXPECT_EQ(validate("rules:\n  - {id: x, name: X, category: role, advice: a, keywords: [b, c]}\n"
                     "  - extends: x\n    keywords: [d]\n"),
            "0\nDIR/pack.yaml: valid (1 rules, 3 keywords)\n");
}

TEST_F(RulesValidateTest, APackMayUseTheWordSetsOfAnotherPackBeforeIt) {
  EXPECT_EQ(validate("rules:\n  - id: x\n    name: X\n    category: role\n    advice: a\n"
                     "    patterns:\n      - [run-verb, [team]]\n",
                     {"--rules", "tests/fixtures/rules/extends-pack"}),
            "2\ncio-gap: error: DIR/pack.yaml:7:10: unknown word set 'run-verb' in rule 'x' (did you mean "
            "'run-verbs'?)\n");
  EXPECT_EQ(validate("rules:\n  - id: x\n    name: X\n    category: role\n    advice: a\n"
                     "    patterns:\n      - [run-verbs, [team]]\n",
                     {"--rules", "tests/fixtures/rules/extends-pack"}),
            "0\nDIR/pack.yaml: valid (1 rules, 0 keywords)\n");
}

TEST_F(RulesValidateTest, WithoutTheBuiltInRulesThereIsNothingToExtend) {
  EXPECT_EQ(validate("rules:\n  - extends: cloud\n    keywords: [OpenShift]\n", {"--no-default-rules"}),
            "2\ncio-gap: error: DIR/pack.yaml:2:14: extends unknown rule 'cloud'\n");
}

TEST_F(RulesValidateTest, AnExtensionAddingOnlyCredentialsOrExamplesIsAnExtension) {
  // run_rules_validate counts a rule as extended only when its keywords, acronyms, patterns,
  // senses or excludes grew; credentials and tests an extension adds are not looked at.
  EXPECT_EQ(validate("rules:\n  - extends: cloud\n    credentials: [Certified OpenShift Administrator]\n"),
            "0\nDIR/pack.yaml: valid (0 rules, 0 keywords, 1 extended)\n");
  EXPECT_EQ(validate("rules:\n  - extends: cloud\n    tests:\n      match: [\"Runs AWS.\"]\n"),
            "0\nDIR/pack.yaml: valid (0 rules, 0 keywords, 1 extended)\n");
}

}  // namespace
}  // namespace cio_gap
