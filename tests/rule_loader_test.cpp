#include "cio_gap/load/rule_loader.h"

#include <gtest/gtest.h>

#include "cio_gap/error.h"
#include "cio_gap/load/embedded_rules.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

std::string error_of(std::string_view yaml) {
  RuleSet set;
  try {
    parse_rule_file("pack.yaml", yaml, set);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(RuleLoaderTest, ParsesRulesAndVocabulary) {
  const RuleSet set = testing::test_rules();
  ASSERT_EQ(set.rules.size(), 6u);
  EXPECT_EQ(set.rules[0].id, "budget-management");
  EXPECT_EQ(set.rules[0].keywords, (std::vector<std::string>{"budget", "cost control", "manage the budget"}));
  EXPECT_EQ(set.rules[0].acronyms, std::vector<std::string>{"P&L"});
  EXPECT_EQ(set.rules[0].line, 2);
  EXPECT_EQ(set.vocabulary.boilerplate.size(), 4u);
}

TEST(RuleLoaderTest, ReportsSyntaxErrorsWithLineAndColumn) {
  EXPECT_EQ(error_of("rules:\n  - id: [unclosed\n"), "pack.yaml:3:1: end of sequence flow not found");
}

TEST(RuleLoaderTest, UnknownKeysGetADidYouMean) {
  EXPECT_EQ(error_of("rules:\n  - id: x-y\n    name: X\n    category: business\n    advice: a\n    keywrds: [b]\n"),
            "pack.yaml:6:5: unknown key 'keywrds' in a rule (did you mean 'keywords'?)");
  EXPECT_EQ(error_of("rule:\n  - id: x\n"), "pack.yaml:1:1: unknown key 'rule' in a rule file (did you mean 'rules'?)");
}

TEST(RuleLoaderTest, RejectsBadFields) {
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: busines\n    advice: a\n    keywords: [b]\n"),
            "pack.yaml:4:15: unknown category 'busines' (did you mean 'business'?)");
  EXPECT_EQ(error_of("rules:\n  - id: Bad_Id\n    name: X\n    category: business\n    advice: a\n    keywords: [b]\n"),
            "pack.yaml:2:9: rule id 'Bad_Id' must be lower-case letters, digits and '-'");
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: business\n    keywords: [b]\n"),
            "pack.yaml:2:5: rule is missing 'advice'");
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: business\n    advice: a\n"),
            "pack.yaml:2:5: rule 'x' has no keywords, acronyms or patterns");
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: business\n    advice: a\n    keywords: b\n"
                     "    inflect: maybe\n"),
            "pack.yaml:7:14: inflect must be true or false, not 'maybe'");
  EXPECT_EQ(error_of(""), "pack.yaml: empty document");
}

TEST(RuleLoaderTest, RejectsDuplicateIds) {
  EXPECT_EQ(error_of("rules:\n  - {id: x, name: X, category: role, advice: a, keywords: [b]}\n"
                     "  - {id: x, name: X, category: role, advice: a, keywords: [b]}\n"),
            "pack.yaml:3:10: duplicate rule id 'x' (first defined at pack.yaml:2)");
}

TEST(RuleLoaderTest, DefaultRulesCoverTheTaxonomy) {
  const RuleSet set = load_rules({});
  std::vector<std::string> ids;
  for (const auto& rule : set.rules) ids.push_back(rule.id);
  for (const char* id :
       {"it-strategy", "business-acumen", "digital-transformation", "budget-management", "vendor-management",
        "stakeholder-management", "customer-focus", "change-management", "mergers-acquisitions", "team-leadership",
        "talent-development", "communication", "executive-presence", "negotiation", "project-management",
        "agile-delivery", "it-service-management", "infrastructure", "cloud", "enterprise-architecture",
        "software-development", "cybersecurity", "governance-risk-compliance", "business-continuity",
        "data-analytics", "ai-ml", "enterprise-applications", "bachelors-degree", "advanced-degree",
        "pmp-certification", "itil-certification", "security-certification", "travel-relocation"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

// Built-in files skip the hostile-input pass at start-up; here they go through all of it, and
// read one after another they give the same rules as the parallel start-up load.
TEST(RuleLoaderTest, BuiltInFilesPassEveryCheckAndLoadTheSameInOrder) {
  RuleSet checked;
  for (const auto& file : embedded_rule_files()) {
    EXPECT_NO_THROW(parse_rule_file(std::string(file.name), file.content, checked)) << file.name;
  }
  const RuleSet loaded = load_rules({});
  ASSERT_EQ(loaded.rules.size(), checked.rules.size());
  for (std::size_t r = 0; r < loaded.rules.size(); ++r) {
    EXPECT_EQ(loaded.rules[r].id, checked.rules[r].id);
    EXPECT_EQ(loaded.rules[r].file, checked.rules[r].file);
    EXPECT_EQ(loaded.rules[r].line, checked.rules[r].line);
    EXPECT_EQ(loaded.rules[r].keywords, checked.rules[r].keywords);
  }
  EXPECT_EQ(loaded.vocabulary.required, checked.vocabulary.required);
  EXPECT_EQ(loaded.vocabulary.negation_markers, checked.vocabulary.negation_markers);
  EXPECT_EQ(loaded.vocabulary.role_types, checked.vocabulary.role_types);
}

TEST(RuleLoaderTest, NoRulesIsAnError) {
  try {
    load_rules({false, {}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "no rules are active (--no-default-rules without --rules)");
  }
}

}  // namespace
}  // namespace cio_gap
