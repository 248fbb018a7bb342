#include "cio_gap/analyze/resume_evidence.h"

#include <gtest/gtest.h>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/render/profile_template.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

class ResumeEvidenceTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();
  Extractor extractor{rules, Extractor::Matcher::build};

  std::size_t rule(std::string_view id) const {
    for (std::size_t r = 0; r < rules.rules.size(); ++r) {
      if (rules.rules[r].id == id) return r;
    }
    ADD_FAILURE() << "no rule " << id;
    return 0;
  }

  static PostingText resume(std::string text) { return {"cv.md", "", std::move(text), 0}; }
};

constexpr const char* kResume =
    "Morgan Ellis\n"
    "\n"
    "EXPERIENCE\n"
    "\n"
    "- Managed the $4M operating budget of IT.\n"
    "- Chose the ERP for the group.\n"
    "\n"
    "SKILLS\n"
    "\n"
    "SAP, public speaking, budget\n";

TEST_F(ResumeEvidenceTest, WorkDoneIsHaveAndAListedSkillIsPartial) {
  const auto evidence = resume_evidence(resume(kResume), extractor);
  const auto& budget = evidence[rule("budget-management")];
  ASSERT_EQ(budget.size(), 2u);
  EXPECT_EQ(budget[0].field, "resume");
  EXPECT_EQ(budget[0].text, "Managed the $4M operating budget of IT.");
  EXPECT_EQ(budget[0].strength, Status::have);
  EXPECT_EQ(budget[0].location, "cv.md:5");
  EXPECT_EQ(budget[1].strength, Status::partial);
  EXPECT_EQ(budget[1].location, "cv.md:10");

  const auto& speaking = evidence[rule("executive-presence")];
  ASSERT_EQ(speaking.size(), 1u);
  EXPECT_EQ(speaking[0].strength, Status::partial);
  EXPECT_EQ(speaking[0].text, "SAP, public speaking, budget");

  EXPECT_EQ(evidence[rule("enterprise-applications")].front().strength, Status::have);
  EXPECT_TRUE(evidence[rule("vendor-management")].empty());
}

TEST_F(ResumeEvidenceTest, ASkillsLabelOnALineIsASkillsList) {
  const auto evidence = resume(
      "Morgan Ellis\n\nCore competencies: budget, SAP\n\nTechnical skills - none\n");
  const auto found = resume_evidence(evidence, extractor);
  ASSERT_EQ(found[rule("budget-management")].size(), 1u);
  EXPECT_EQ(found[rule("budget-management")][0].strength, Status::partial);
}

TEST_F(ResumeEvidenceTest, TheNameLineIsNotEvidence) {
  const auto found = resume_evidence(resume("SAP Budget\n\nPlanned holidays.\n"), extractor);
  EXPECT_TRUE(found[rule("enterprise-applications")].empty());
  EXPECT_TRUE(found[rule("budget-management")].empty());
}

TEST_F(ResumeEvidenceTest, SkillsHeadings) {
  EXPECT_TRUE(is_skills_heading("Technical Skills"));
  EXPECT_TRUE(is_skills_heading("CORE COMPETENCIES"));
  EXPECT_TRUE(is_skills_heading("Areas of expertise"));
  EXPECT_FALSE(is_skills_heading("Professional experience"));
  EXPECT_FALSE(is_skills_heading("Skillset"));  // whole words only
  EXPECT_FALSE(is_skills_heading(""));
}

TEST_F(ResumeEvidenceTest, TheProfileAddsResumeEvidenceButItsOwnLevelsWin) {
  Profile profile = parse_profile("me.yaml", "name: Morgan\nskills:\n  enterprise-applications: none\n", rules);
  profile.resume_text = resume(kResume);
  const auto evidence = profile_evidence(profile, extractor);
  EXPECT_EQ(status_from(evidence[rule("budget-management")]), Status::have);
  EXPECT_EQ(evidence[rule("budget-management")][0].location, "cv.md:5");
  // Rated none in the profile: the résumé's ERP line does not count.
  EXPECT_EQ(status_from(evidence[rule("enterprise-applications")]), Status::missing);
  EXPECT_EQ(status_from(evidence[rule("executive-presence")]), Status::partial);
}

TEST_F(ResumeEvidenceTest, TheDraftFromAResumeValidates) {
  const PostingText text = resume(kResume);
  ResumeFacts facts;
  facts.name = "Morgan \"Mo\" Ellis: CIO";
  facts.name_line = 1;
  const std::string draft = render_profile_draft(rules, facts, resume_evidence(text, extractor), "cv.md");
  const Profile profile = parse_profile("draft.yaml", draft, rules);
  EXPECT_EQ(profile.name, "Morgan \"Mo\" Ellis: CIO");
  EXPECT_EQ(profile.current_role, "Your current title");  // not in the résumé: the placeholder
  ASSERT_EQ(profile.skills.size(), rules.rules.size());
  EXPECT_EQ(profile.skills[0].name, "budget-management");
  EXPECT_EQ(profile.skills[0].level, Level::working);
  EXPECT_NE(draft.find("  budget-management: working   # cv.md:5: \"Managed the $4M operating budget of IT.\"\n"),
            std::string::npos);
  EXPECT_NE(draft.find("  executive-presence: exposure # cv.md:10: \"SAP, public speaking, budget\"\n"),
            std::string::npos);
  EXPECT_NE(draft.find("  vendor-management: none      # Vendor management\n"), std::string::npos);
}

}  // namespace
}  // namespace cio_gap
