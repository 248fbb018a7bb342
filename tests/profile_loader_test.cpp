#include "cio_gap/load/profile_loader.h"

#include <gtest/gtest.h>

#include "cio_gap/error.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

class ProfileLoaderTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();

  std::string error_of(std::string_view yaml) {
    try {
      parse_profile("me.yaml", yaml, rules);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(ProfileLoaderTest, ParsesEveryField) {
  const Profile p = parse_profile("me.yaml", R"(name: Dana
current_role: Director
years_experience: 14
years_leadership: 6
skills:
  budget-management: none
  public speaking: 1
  vendor-management: strong
education: [{degree: mba, field: Finance}]
certifications: [PMP]
achievements:
  - {kind: saved, text: "Cut costs 22%"}
volunteered: ["Led the ERP selection"]
mentoring: ["Mentor three engineers"]
relocation: no
preferred_role_type: growth
)", rules);
  EXPECT_EQ(p.name, "Dana");
  EXPECT_EQ(p.years_experience, 14);
  ASSERT_EQ(p.skills.size(), 3u);
  EXPECT_TRUE(p.skills[0].is_rule_id);
  EXPECT_EQ(p.skills[0].level, Level::none);
  EXPECT_FALSE(p.skills[1].is_rule_id);
  EXPECT_EQ(p.skills[1].level, Level::exposure);
  EXPECT_EQ(p.skills[2].level, Level::strong);
  EXPECT_EQ(p.education.at(0).degree, "mba");
  EXPECT_EQ(p.achievements.at(0).kind, "saved");
  EXPECT_EQ(p.relocation, "no");
  EXPECT_EQ(p.preferred_role_type, "growth");
}

TEST_F(ProfileLoaderTest, ErrorsNameTheSpotAndSuggest) {
  EXPECT_EQ(error_of("name: A\nskils:\n  cloud: strong\n"),
            "me.yaml:2:1: unknown key 'skils' in the profile (did you mean 'skills'?); valid keys: name, current_role, years_experience, years_leadership, skills, education, certifications, achievements, volunteered, mentoring, relocation, preferred_role_type, resume, target_roles");
  EXPECT_EQ(error_of("skills:\n  budget-managment: strong\n"),
            "me.yaml:2:3: unknown qualification id 'budget-managment' (did you mean 'budget-management'?)");
  EXPECT_EQ(error_of("skills:\n  budget-management: strog\n"),
            "me.yaml:2:22: the level of 'budget-management' must be none|exposure|working|strong|expert or 0-4, "
            "not 'strog' (did you mean 'strong'?)");
  EXPECT_EQ(error_of("years_experience: -3\n"),
            "me.yaml:1:19: years_experience must be a whole number from 0 to 70, not '-3'");
  EXPECT_EQ(error_of("education: [{degree: phd}]\n"),
            "me.yaml:1:22: degree must be bachelor|master|mba|doctorate, not 'phd'");
  EXPECT_EQ(error_of("relocation: maybe\n"), "me.yaml:1:13: relocation must be open|no|remote-only, not 'maybe'");
  EXPECT_EQ(error_of("- a\n- b\n"), "me.yaml:1:1: the profile must be a mapping");
  EXPECT_EQ(error_of("# only a comment\n"), "me.yaml: empty document");
  EXPECT_EQ(error_of("name: [a\n"), "me.yaml:2:1: a list opened with '[' is not closed with ']'");
}

TEST_F(ProfileLoaderTest, AResumeIsAPathRelativeToTheProfile) {
  const Profile p = parse_profile("clients/dana.yaml", "name: Dana\nresume: cv/../cv.PDF\n", rules);
  EXPECT_EQ(p.resume, "cv/../cv.PDF");
  EXPECT_EQ(p.resume_path, "clients/cv.PDF");
  EXPECT_EQ(p.resume_line, 2);
  EXPECT_EQ(p.resume_column, 9);
  EXPECT_EQ(parse_profile("me.yaml", "resume: /home/dana/cv.docx\n", rules).resume_path, "/home/dana/cv.docx");
  EXPECT_EQ(parse_profile("me.yaml", "resume: cv.odt\n", rules).resume_path, "cv.odt");
  EXPECT_EQ(error_of("resume: cv.doc\n"),
            "me.yaml:1:9: resume must be a .pdf, .docx, .odt, .md or .txt file, not 'cv.doc'");
  EXPECT_EQ(error_of("resume: ''\n"), "me.yaml:1:9: resume must name a file (.pdf, .docx, .odt, .md or .txt)");
}

TEST_F(ProfileLoaderTest, MissingFileNamesIt) {
  try {
    load_profile("/nonexistent/me.yaml", rules);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/me.yaml: No such file or directory");
  }
}

}  // namespace
}  // namespace cio_gap
