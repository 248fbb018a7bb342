#include "cio_gap/analyze/resume_facts.h"

#include <gtest/gtest.h>

#include "test_rules.h"

namespace cio_gap {
namespace {

class ResumeFactsTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();
  Segmenter segmenter{rules.vocabulary};

  ResumeFacts facts(std::string text) const {
    return resume_facts({"cv.txt", "", std::move(text), 0}, segmenter, 2026);
  }
};

TEST_F(ResumeFactsTest, NameRoleAndYearsFromAPlainResume) {
  const ResumeFacts f = facts(
      "# Dana M. Rivera-Cole\n"
      "Director of IT Operations\n"
      "dana@example.com | 555-0100\n"
      "\n"
      "EXPERIENCE\n"
      "Director of IT Operations | Cascade Power | 2019 – Present\n"
      "IT Manager, Northwind Logistics, Jan 2011 - Mar. 2019\n"
      "\n"
      "EDUCATION\n"
      "B.S. Computer Science, 2003 – 2007\n");
  EXPECT_EQ(f.name, "Dana M. Rivera-Cole");
  EXPECT_EQ(f.name_line, 1);
  EXPECT_EQ(f.current_role, "Director of IT Operations");
  EXPECT_EQ(f.role_line, 2);
  EXPECT_EQ(f.years_experience, 15);
  EXPECT_EQ(f.years_basis, "2011-2026");
}

TEST_F(ResumeFactsTest, TheRoleComesFromExperienceWhenTheTopHasNone) {
  const ResumeFacts f = facts(
      "Curriculum Vitae\n"
      "\n"
      "PROFESSIONAL EXPERIENCE\n"
      "Vice President, Technology (2016 to 2024)\n"
      "Senior Manager, Infrastructure — Acme, 2009–2016\n");
  EXPECT_EQ(f.name, "");  // "Curriculum Vitae" is not a name
  EXPECT_EQ(f.current_role, "Vice President, Technology");
  EXPECT_EQ(f.role_line, 4);
  EXPECT_EQ(f.years_experience, 15);
  EXPECT_EQ(f.years_basis, "2009-2024");
}

TEST_F(ResumeFactsTest, ATitleBesideContactDetailsIsTheRole) {
  const ResumeFacts f = facts("Dana Rivera\nDirector of IT Operations · dana@example.com · Portland, OR\n");
  EXPECT_EQ(f.current_role, "Director of IT Operations");
  EXPECT_EQ(f.role_line, 2);
  EXPECT_EQ(facts("Dana Rivera\ndana@example.com · Portland\n").current_role, "");
}

TEST_F(ResumeFactsTest, NothingStatedGivesNothing) {
  const ResumeFacts f = facts("hello world 1999\nbudget 12345 - 2020 and 2030 - 2031\n");
  EXPECT_EQ(f.name, "");
  EXPECT_EQ(f.current_role, "");
  EXPECT_FALSE(f.years_experience.has_value());
  EXPECT_FALSE(facts("").years_experience.has_value());
}

TEST_F(ResumeFactsTest, NamesAreWordsOfLetters) {
  EXPECT_EQ(facts("Élodie Martin\n").name, "Élodie Martin");
  EXPECT_EQ(facts("Dana\n").name, "");                       // one word
  EXPECT_EQ(facts("Dana Rivera, MBA 2019\n").name, "");      // digits and commas
  EXPECT_EQ(facts("dana rivera\n").name, "");                // not capitalised
  EXPECT_EQ(facts("Resume Of Dana Rivera\n").name, "");
}

}  // namespace
}  // namespace cio_gap
