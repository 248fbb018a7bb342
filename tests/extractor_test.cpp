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
    for (const auto& finding : extractor.extract({"p.txt", "", text, 0, {}}, scratch).findings) {
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
      extractor.extract({"p.txt", "", "CIO\n\nResponsibilities\nYou will own the\nannual budget. Other text.\n", 0, {}},
                        scratch);
  ASSERT_EQ(findings.findings.size(), 1u);
  const Evidence& evidence = findings.findings[0].evidence.at(0);
  EXPECT_EQ(evidence.line, 5);
  EXPECT_EQ(evidence.text, "You will own the annual budget.");
  EXPECT_EQ(evidence.section, SectionKind::duties);
  EXPECT_EQ(findings.title, "CIO");
}

TEST_F(ExtractorTest, LineOffsetShiftsLines) {
  const auto findings = extractor.extract({"p.csv#row=2", "T", "x\nOwn the budget.\n", 10, {}}, scratch);
  ASSERT_EQ(findings.findings.size(), 1u);
  EXPECT_EQ(findings.findings[0].evidence[0].line, 12);
  EXPECT_EQ(findings.title, "T");
}

TEST_F(ExtractorTest, HitsExplainWhyAMentionDidNotCount) {
  const auto hits = extractor.hits({"p.txt", "", "No MBA required.\n\nBenefits\nTuition for an MBA.\n", 0, {}}, scratch);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].status, HitStatus::negated);
  EXPECT_EQ(hits[0].qualifier, "no ... required");
  EXPECT_EQ(hits[0].keyword, "MBA");
  EXPECT_EQ(hits[1].status, HitStatus::boilerplate);
  EXPECT_EQ(hits[1].heading, "Benefits");
  EXPECT_EQ(hits[1].line, 4);
}

// Rules that use word sets, patterns, senses and qualifier and paragraph vocabulary, loaded
// alone as with --no-default-rules.
constexpr const char* kLanguageRules = R"(words:
  lead-verbs: [lead, mentor, coach]
  team-nouns: [team, staff]
  security-context: [information, cyber, program]
  household-words: [family, benefits]
rules:
  - id: team-leadership
    name: Team leadership
    category: leadership
    patterns:
      - [lead-verbs, {within: 4}, team-nouns]
    senses:
      - forbids_any: [[sports]]
    advice: a
  - id: cybersecurity
    name: Cybersecurity
    category: technology
    keywords: [security, cybersecurity]
    senses:
      - keyword: security
        requires_any: [security-context]
        forbids_any: [household-words]
      - forbids_any: [[hackathon]]
    advice: a
  - id: cloud
    name: Cloud
    category: technology
    keywords: [cloud, azure]
    acronyms: [AWS, GCP]
    advice: a
  - id: bachelors-degree
    name: Bachelor's degree
    category: credential
    keywords: [bachelors degree]
    advice: a
  - id: advanced-degree
    name: Advanced degree
    category: credential
    keywords: [masters, masters degree]
    acronyms: [PhD]
    advice: a
  - id: computer-science
    name: Computer science
    category: technology
    keywords: [computer science]
    advice: a
  - id: budget-management
    name: Budget management
    category: business
    keywords: [budget]
    advice: a
  - id: it-leadership
    name: IT leadership
    category: leadership
    patterns:
      - [lead-verbs, {within: 2}, [IT]]
    advice: a
sections:
  duties: [responsibilities]
  required: [requirements]
  preferred: [preferred qualifications]
  boilerplate: [benefits]
qualifiers:
  optional: [preferred, a plus]
  optional_prefix: [ideally, preferably]
  negation: [not required]
  required: [required, is required, must]
paragraphs:
  role: [you will, experience, degree, required]
  employer: [is a leading]
  benefits: [medical, dental, stipend]
  legal: [equal opportunity]
  apply: [apply]
evidence:
  strong: [lead, own]
)";

// A second file that extends a rule of the first.
constexpr const char* kExtension = "rules:\n  - extends: cloud\n    keywords: [OpenShift]\n";

RuleSet language_rules(bool with_extension) {
  RuleSet set;
  parse_rule_file("language.yaml", kLanguageRules, set);
  if (with_extension) parse_rule_file("extension.yaml", kExtension, set);
  check_word_set_references(set);
  return set;
}

class RuleLanguageTest : public ::testing::Test {
 protected:
  RuleSet rules = language_rules(true);
  Extractor extractor{rules, Extractor::Matcher::build};
  KeywordMatcher::Scratch scratch{extractor.matcher()};

  std::vector<std::string> demands(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& finding : extractor.extract({"p.txt", "", text, 0, {}}, scratch).findings) {
      out.push_back(rules.rules[finding.rule].id + ":" + to_string(finding.tier));
    }
    return out;
  }

  // "id keyword status tier qualifier" for every mention, counted or not.
  std::vector<std::string> mentions(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& hit : extractor.hits({"p.txt", "", text, 0, {}}, scratch)) {
      out.push_back(rules.rules[hit.rule].id + " '" + hit.keyword + "' " + to_string(hit.status) + " " +
                    to_string(hit.tier) + (hit.qualifier.empty() ? "" : " (" + hit.qualifier + ")"));
    }
    return out;
  }
  using V = std::vector<std::string>;
};

TEST_F(RuleLanguageTest, APatternMatchesWithinItsGap) {
  EXPECT_EQ(demands("Leads and mentors a small team.\n"), V{"team-leadership:required"});
  EXPECT_EQ(mentions("Leads and mentors a small team.\n"),
            V{"team-leadership 'Leads and mentors a small team' counted required"});
  EXPECT_EQ(demands("Coaches staff.\n"), V{"team-leadership:required"});
}

TEST_F(RuleLanguageTest, APatternDoesNotMatchWordsTooFarApartOrInAnotherSentence) {
  EXPECT_EQ(demands("Leads the annual planning process and later builds a strong team.\n"), V{});
  EXPECT_EQ(demands("Leads the planning process. The team is small.\n"), V{});
  EXPECT_EQ(demands("Leads the planning process.\nThe team is small.\n"), V{});
  // "within" keeps the order of the terms.
  EXPECT_EQ(demands("The team you will lead is small.\n"), V{});
}

TEST_F(RuleLanguageTest, ASenseWithoutKeywordGovernsTheRulesPatterns) {
  EXPECT_EQ(demands("Coaches the sports team.\n"), V{});
  EXPECT_EQ(demands("Coaches the support team.\n"), V{"team-leadership:required"});
}

TEST_F(RuleLanguageTest, AWordInCapitalsIsMatchedAsWritten) {
  EXPECT_EQ(demands("Leads IT.\n"), V{"it-leadership:required"});
  EXPECT_EQ(demands("Leads it well.\n"), V{});
}

TEST_F(RuleLanguageTest, ASenseDecidesWhatAKeywordMeans) {
  EXPECT_EQ(demands("Builds our information security program.\n"), V{"cybersecurity:required"});
  EXPECT_EQ(mentions("Builds our information security program.\n"), V{"cybersecurity 'security' counted required"});
  EXPECT_EQ(demands("Benefits which provide the security to help your family.\n"), V{});
  EXPECT_EQ(mentions("Benefits which provide the security to help your family.\n"),
            V{"cybersecurity 'security' other-sense required"});
  // A word the sense forbids outweighs one it requires.
  EXPECT_EQ(demands("Information security for your family.\n"), V{});
  EXPECT_EQ(mentions("Information security for your family.\n"), V{"cybersecurity 'security' other-sense required"});
  // The sense governs only the keyword it names.
  EXPECT_EQ(demands("Cybersecurity for your family.\n"), V{"cybersecurity:required"});
}

TEST_F(RuleLanguageTest, ASenseWithoutKeywordAlsoGovernsKeywordsWithASenseOfTheirOwn) {
  EXPECT_EQ(demands("Runs the cyber security hackathon.\n"), V{});
  EXPECT_EQ(demands("Runs the cybersecurity hackathon.\n"), V{});
  EXPECT_EQ(demands("Runs the cyber security team.\n"), V{"cybersecurity:required"});
}

TEST_F(RuleLanguageTest, AnExtensionAddsAKeywordToARule) {
  EXPECT_EQ(demands("Experience with OpenShift.\n"), V{"cloud:required"});
  const RuleSet plain = language_rules(false);
  const Extractor without(plain, Extractor::Matcher::build);
  KeywordMatcher::Scratch plain_scratch{without.matcher()};
  EXPECT_TRUE(without.extract({"p.txt", "", "Experience with OpenShift.\n", 0, {}}, plain_scratch).findings.empty());
  EXPECT_EQ(without.extract({"p.txt", "", "Experience with Azure.\n", 0, {}}, plain_scratch).findings.size(), 1u);
}

TEST_F(RuleLanguageTest, EachPartOfASentenceKeepsItsQualifier) {
  EXPECT_EQ(demands("Bachelor's degree required, Master's preferred.\n"),
            (V{"bachelors-degree:required", "advanced-degree:preferred"}));
}

TEST_F(RuleLanguageTest, ANegationEarlierInThePartReachesWhatRequiredIsWith) {
  EXPECT_EQ(demands("No experience required with PhD.\n"), V{});
  EXPECT_EQ(mentions("No experience required with PhD.\n"),
            V{"advanced-degree 'PhD' negated required (no ... required)"});
}

TEST_F(RuleLanguageTest, AQualifierClosingAListReachesEveryItem) {
  EXPECT_EQ(demands("Experience with AWS, Azure, or GCP preferred.\n"), V{"cloud:preferred"});
  EXPECT_EQ(mentions("Experience with AWS, Azure, or GCP preferred.\n"),
            (V{"cloud 'AWS' counted preferred (preferred)", "cloud 'Azure' counted preferred (preferred)",
               "cloud 'GCP' counted preferred (preferred)"}));
}

TEST_F(RuleLanguageTest, APrefixQualifierLeavesWhatComesBeforeItRequired) {
  EXPECT_EQ(demands("A bachelor's degree, preferably in computer science.\n"),
            (V{"bachelors-degree:required", "computer-science:preferred"}));
}

TEST_F(RuleLanguageTest, OnlyParagraphsAboutTheRoleDemand) {
  const std::string posting =
      "Chief Information Officer\n"
      "\n"
      "Acme is a leading nonprofit that runs on a budget of $40M.\n"
      "\n"
      "Requirements\n"
      "- Leads and mentors a small team\n"
      "- Experience with AWS\n"
      "\n"
      "Acme is an equal opportunity employer and gives every hire a learning budget.\n";
  EXPECT_EQ(demands(posting), (V{"team-leadership:required", "cloud:required"}));
  EXPECT_EQ(mentions(posting), (V{"budget-management 'budget' boilerplate required",
                                  "team-leadership 'Leads and mentors a small team' counted required",
                                  "cloud 'AWS' counted required",
                                  "budget-management 'budget' boilerplate required"}));
}

TEST_F(RuleLanguageTest, TheSameSentencesDemandInTheRequirements) {
  const std::string posting =
      "Chief Information Officer\n"
      "\n"
      "Requirements\n"
      "- Leads and mentors a small team\n"
      "- Runs on a budget of $40M\n";
  EXPECT_EQ(demands(posting), (V{"team-leadership:required", "budget-management:required"}));
}

TEST_F(RuleLanguageTest, ALongScrapedParagraphIsDecidedSentenceBySentence) {
  // A scraper's description on one line: the role, then the benefits, run together. As one
  // paragraph it has role cues, so the benefits sentence would demand a budget; sentence by
  // sentence, it is set aside, and the sentence after it with no cue of its own goes with it.
  const std::string posting =
      "Chief Information Officer\n"
      "\n"
      "You will own the roadmap for every system we run across our four regional offices and two plants. "
      "You will lead and mentor a small team of engineers and analysts in two countries. "
      "Experience with AWS and with the migration of older systems to it is required. "
      "Medical and dental cover start on day one, with a stipend and a learning budget. "
      "Flexible hours and a budget for your home office are included too.\n";
  EXPECT_EQ(demands(posting), (V{"team-leadership:required", "cloud:required"}));
  // The same sentences as short paragraphs are decided one paragraph at a time anyway.
  const std::string short_posting =
      "Chief Information Officer\n\nYou will lead and mentor a small team.\n\n"
      "Medical and dental cover, with a stipend and a learning budget.\n";
  EXPECT_EQ(demands(short_posting), V{"team-leadership:required"});
}

}  // namespace
}  // namespace cio_gap
