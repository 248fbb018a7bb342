#include "cio_gap/match/extractor.h"

#include <gtest/gtest.h>

#include "test_rules.h"

namespace cio_gap {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();
  Extractor extractor{rules};
  KeywordMatcher::Scratch scratch{extractor.matcher()};

  // "id:tier" for each qualification the text demands.
  std::vector<std::string> demands(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& finding : extractor.extract({"p.txt", "", text, 0}, scratch).findings) {
      out.push_back(rules.rules[finding.rule].id + ":" + to_string(finding.tier));
    }
    return out;
  }
  using V = std::vector<std::string>;
};

TEST_F(ExtractorTest, InflectedFormsMatch) {
  EXPECT_EQ(demands("Owns budgets.\n"), V{"budget-management:required"});
  EXPECT_EQ(demands("Experience budgeting.\n"), V{"budget-management:required"});
  EXPECT_EQ(demands("Managed the budget for IT.\n"), V{"budget-management:required"});
  EXPECT_EQ(demands("Managing vendor relationships.\n"), V{"vendor-management:required"});
  EXPECT_EQ(demands("Manages vendors.\n"), V{"vendor-management:required"});
}

TEST_F(ExtractorTest, AcronymsNeedTheirCase) {
  EXPECT_EQ(demands("Upgrade SAP.\n"), V{"enterprise-applications:required"});
  EXPECT_EQ(demands("Maple sap and erp-free text.\n"), V{});
}

TEST_F(ExtractorTest, BoilerplateSectionsDemandNothing) {
  EXPECT_EQ(demands("Benefits\n- A learning budget of $2,000\n\nResponsibilities\n- Speak to the C-suite\n"),
            V{"executive-presence:required"});
}

TEST_F(ExtractorTest, PreferredSectionAndQualifiersMakePreferred) {
  EXPECT_EQ(demands("Preferred Qualifications:\n- MBA\n"), V{"advanced-degree:preferred"});
  EXPECT_EQ(demands("MBA preferred.\n"), V{"advanced-degree:preferred"});
  EXPECT_EQ(demands("An MBA is a plus.\n"), V{"advanced-degree:preferred"});
  EXPECT_EQ(demands("Ideally, a master's degree.\n"), V{"advanced-degree:preferred"});
}

TEST_F(ExtractorTest, PrefixQualifiersOnlyQualifyWhatFollows) {
  EXPECT_EQ(demands("Experience with SAP, ideally in a nonprofit.\n"), V{"enterprise-applications:required"});
  EXPECT_EQ(demands("Ideally, experience with SAP.\n"), V{"enterprise-applications:preferred"});
}

TEST_F(ExtractorTest, OptionalListInsideBoilerplateIsPreferred) {
  EXPECT_EQ(demands("PROCESS NOTES\n1. Apply early.\n2. The following are highly preferred:\na. SAP experience\n"),
            V{"enterprise-applications:preferred"});
}

TEST_F(ExtractorTest, OneRequiredMentionMakesRequired) {
  EXPECT_EQ(demands("Requirements\n- MBA\n\nNice to have\n- MBA from a top school\n"),
            V{"advanced-degree:required"});
}

TEST_F(ExtractorTest, QualifierIsScopedToItsClause) {
  EXPECT_EQ(demands("Bachelor's degree required; MBA preferred.\n"),
            (V{"advanced-degree:preferred", "bachelors-degree:required"}));
}

TEST_F(ExtractorTest, NegationDemandsNothing) {
  EXPECT_EQ(demands("No MBA required.\n"), V{});
  EXPECT_EQ(demands("An MBA is not required.\n"), V{});
  EXPECT_EQ(demands("MBA desired but not required.\n"), V{"advanced-degree:preferred"});
}

TEST_F(ExtractorTest, ExclusionsCancelTheirKeyword) {
  EXPECT_EQ(demands("Supervises a budget analyst.\n"), V{});
  EXPECT_EQ(demands("Supervises a budget analyst and controls the budget.\n"), V{"budget-management:required"});
}

TEST_F(ExtractorTest, EvidenceCitesLineAndSentence) {
  const auto findings =
      extractor.extract({"p.txt", "", "CIO\n\nResponsibilities\nYou will own the\nannual budget. Other text.\n", 0},
                        scratch);
  ASSERT_EQ(findings.findings.size(), 1u);
  const Evidence& evidence = findings.findings[0].evidence.at(0);
  EXPECT_EQ(evidence.line, 5);
  EXPECT_EQ(evidence.text, "You will own the annual budget.");
  EXPECT_EQ(evidence.section, SectionKind::duties);
  EXPECT_EQ(findings.title, "CIO");
}

TEST_F(ExtractorTest, LineOffsetShiftsLines) {
  const auto findings = extractor.extract({"p.csv#row=2", "T", "x\nOwn the budget.\n", 10}, scratch);
  ASSERT_EQ(findings.findings.size(), 1u);
  EXPECT_EQ(findings.findings[0].evidence[0].line, 12);
  EXPECT_EQ(findings.title, "T");
}

TEST_F(ExtractorTest, HitsExplainWhyAMentionDidNotCount) {
  const auto hits = extractor.hits({"p.txt", "", "No MBA required.\n\nBenefits\nTuition for an MBA.\n", 0}, scratch);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].status, HitStatus::negated);
  EXPECT_EQ(hits[0].qualifier, "no ... required");
  EXPECT_EQ(hits[0].keyword, "MBA");
  EXPECT_EQ(hits[1].status, HitStatus::boilerplate);
  EXPECT_EQ(hits[1].heading, "Benefits");
  EXPECT_EQ(hits[1].line, 4);
}

}  // namespace
}  // namespace cio_gap
