#include "cio_gap/text/years.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

TEST(YearsTest, ReadsExperienceStatements) {
  EXPECT_EQ(years_in_sentence("10+ years of progressive IT leadership experience"), 10);
  EXPECT_EQ(years_in_sentence("Ten years of experience in IT."), 10);
  EXPECT_EQ(years_in_sentence("A minimum of five years of management experience"), 5);
  EXPECT_EQ(years_in_sentence("5-7 years of experience"), 5);
  EXPECT_EQ(years_in_sentence("5 to 7 years experience"), 5);
  EXPECT_EQ(years_in_sentence("Two years of full-time paid experience as a Systems Analyst"), 2);
  EXPECT_EQ(years_in_sentence("Two (2) years of experience"), 2);
  EXPECT_EQ(years_in_sentence("10+ Experience in a leadership role"), 10);
  EXPECT_EQ(years_in_sentence("Experience: 8 years"), 8);
  EXPECT_EQ(years_in_sentence("Eight or more years of experience"), 8);
}

TEST(YearsTest, ReadsScrapedAndLooseStatements) {
  // Words run together where a scraper dropped the line break.
  EXPECT_EQ(years_in_sentence("Experience level:2 yearsSchedule: Full-time"), 2);
  EXPECT_EQ(years_in_sentence("Required:5 YearsExperience in IT"), 5);
  EXPECT_EQ(years_in_sentence("5yrs experience"), 5);
  EXPECT_EQ(years_in_sentence("5+yrs"), 5);
  EXPECT_EQ(years_in_sentence("8+ years in IT operations"), 8);
  // A long phrase between the number and "experience".
  EXPECT_EQ(years_in_sentence("3+ years of hands-on, production-grade software engineering experience"), 3);
  EXPECT_EQ(years_in_sentence("3 years of hands-on, production-grade software engineering experience"), 3);
  EXPECT_EQ(years_in_sentence("Minimum of 5 years' experience"), 5);
  EXPECT_EQ(years_in_sentence("Minimum of 5 years\u2019 experience"), 5);
  EXPECT_EQ(years_in_sentence("7 years of progressively responsible experience in information technology, "
                              "including 3 years in a supervisory capacity"),
            7);
}

TEST(YearsTest, ExperienceWindowEndsWithTheClauseOrSentence) {
  EXPECT_EQ(years_in_sentence("We have grown for 6 years; experience matters to us."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Our platform is 6 years in the making. Experience it yourself."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Serving 12 years of customers across the region with care and a proud, "
                              "long-standing tradition of service, quality, trust, craft and experience"),
            std::nullopt);
}

TEST(YearsTest, TakesTheSmallestAlternative) {
  EXPECT_EQ(years_in_sentence("Four years of experience with a degree, or six years of experience without"), 4);
  EXPECT_EQ(years_in_sentence("Six years of experience; or a degree and three years of experience"), 3);
  EXPECT_EQ(years_in_sentence("10+ years of IT experience, including at least five years leading teams"), 10);
}

TEST(YearsTest, IgnoresOtherDurations) {
  EXPECT_EQ(years_in_sentence("Founded 50 years ago, we serve customers."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Deliver a 5-year roadmap."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Grown 30% in the past 3 years."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Certification within two years of appointment."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Six months of experience"), std::nullopt);
  EXPECT_EQ(years_in_sentence("Over the next 3 years you will build the team."), std::nullopt);
  EXPECT_EQ(years_in_sentence("We offer a 401(k) with 4 years vesting."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Founded 50 years ago, we bring experience to every client."), std::nullopt);
  EXPECT_EQ(years_in_sentence("Deliver a 5-year roadmap drawing on your experience."), std::nullopt);
}

TEST(YearsTest, ReadsLeadershipYears) {
  EXPECT_EQ(leadership_years_in_sentence("10+ years leading teams"), 10);
  EXPECT_EQ(leadership_years_in_sentence("Five years of supervisory experience"), 5);
  EXPECT_EQ(leadership_years_in_sentence("3 years in a supervisory capacity"), 3);
  EXPECT_EQ(leadership_years_in_sentence("At least 5 years of management experience"), 5);
  EXPECT_EQ(leadership_years_in_sentence("Two years as a supervisor"), 2);
  EXPECT_EQ(leadership_years_in_sentence("5+ years of people management"), 5);
  EXPECT_EQ(leadership_years_in_sentence("Supervisory experience: 3 years"), 3);
  EXPECT_EQ(leadership_years_in_sentence("Leadership experience of at least four years"), 4);
  EXPECT_EQ(leadership_years_in_sentence("10+ years of progressive IT leadership experience"), 10);
  EXPECT_EQ(leadership_years_in_sentence("Six years managing a team of engineers"), 6);
  EXPECT_EQ(leadership_years_in_sentence("4 years with direct reports"), 4);
  EXPECT_EQ(leadership_years_in_sentence("Eight or more years of experience in enterprise infrastructure, with at "
                                         "least four years managing managers."),
            4);
}

TEST(YearsTest, LeadershipYearsArePartOfTheTotal) {
  const std::string_view sentence = "7 years of experience, including 3 years managing staff";
  EXPECT_EQ(years_in_sentence(sentence), 7);
  EXPECT_EQ(leadership_years_in_sentence(sentence), 3);
  const std::string_view teams = "10+ years of IT experience, including at least five years leading teams";
  EXPECT_EQ(years_in_sentence(teams), 10);
  EXPECT_EQ(leadership_years_in_sentence(teams), 5);
  const std::string_view capacity =
      "7 years of progressively responsible experience in information technology, including 3 years in a "
      "supervisory capacity";
  EXPECT_EQ(years_in_sentence(capacity), 7);
  EXPECT_EQ(leadership_years_in_sentence(capacity), 3);
  EXPECT_EQ(years_in_sentence("Two years as a supervisor"), 2);
  EXPECT_EQ(leadership_years_in_sentence("Eight years of leadership experience, or six years with an MBA leading "
                                         "people"),
            6);
}

TEST(YearsTest, OtherYearsAreNotLeadership) {
  EXPECT_EQ(leadership_years_in_sentence("5 years of experience"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("5 years of project management experience"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("3 years as a product manager"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("5 years managing projects"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("Lead our team with 3 years of cloud experience"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("Experience: 8 years"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("Within two years you will lead the team"), std::nullopt);
  EXPECT_EQ(leadership_years_in_sentence("5 years of experience in finance; supervisory skills"), std::nullopt);
}

TEST(YearsTest, FirstStatementOutsideBoilerplateWithListedAlternatives) {
  const std::vector<Sentence> sentences = {
      {1, SectionKind::boilerplate, "About", "We have 20 years of experience serving clients."},
      {3, SectionKind::required, "REQUIREMENTS", "Four years of experience as an analyst; or"},
      {4, SectionKind::required, "REQUIREMENTS", "Two years of experience as a supervisor."},
      {6, SectionKind::preferred, "Preferred", "One year of experience with SAP."},
  };
  EXPECT_EQ(years_required(sentences), 2);
  EXPECT_EQ(years_required({}), std::nullopt);
}

TEST(YearsTest, LeadershipRequirementOfAPosting) {
  const std::vector<Sentence> sentences = {
      {1, SectionKind::boilerplate, "About", "Our managers have led teams here for 20 years of growth."},
      {3, SectionKind::required, "REQUIREMENTS", "Eight years of IT experience."},
      {4, SectionKind::required, "REQUIREMENTS", "Four years of supervisory experience; or"},
      {5, SectionKind::required, "REQUIREMENTS", "Three years as a supervisor with a master's degree."},
  };
  EXPECT_EQ(years_required(sentences), 8);
  EXPECT_EQ(years_leadership_required(sentences), 3);
  EXPECT_EQ(years_leadership_required(std::span(sentences).first(2)), std::nullopt);
  EXPECT_EQ(years_leadership_required({}), std::nullopt);
  const YearsRequired both = years_requirements(sentences);
  EXPECT_EQ(both.experience, 8);
  EXPECT_EQ(both.leadership, 3);
}

}  // namespace
}  // namespace cio_gap
