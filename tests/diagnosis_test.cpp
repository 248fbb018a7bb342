#include "cio_gap/match/diagnosis.h"

#include <gtest/gtest.h>

#include "cio_gap/match/extractor.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

TEST(DiagnosisTest, NamesAndWords) {
  EXPECT_STREQ(to_string(Diagnosis::none), "");
  EXPECT_STREQ(to_string(Diagnosis::no_role_text), "no-role-text");
  EXPECT_STREQ(to_string(Diagnosis::no_qualifications), "no-qualifications");
  EXPECT_STREQ(describe(Diagnosis::none), "");
  EXPECT_STREQ(describe(Diagnosis::no_role_text), "no role text found: nothing in it describes the role");
  EXPECT_STREQ(describe(Diagnosis::no_qualifications), "no qualification found in the role text");
}

TEST(DiagnosisTest, FromSentencesAndFindings) {
  const std::vector<Sentence> boilerplate = {
      {2, SectionKind::boilerplate, "Benefits", "A learning budget."},
      {5, SectionKind::boilerplate, "Equal opportunity", "We are an equal opportunity employer."},
  };
  std::vector<Sentence> with_role = boilerplate;
  with_role.push_back({8, SectionKind::duties, "Duties", "Load the trucks."});
  const std::vector<Finding> none;
  const std::vector<Finding> one = {{0, Tier::required, {}}};
  EXPECT_EQ(diagnose({}, none), Diagnosis::no_role_text);
  EXPECT_EQ(diagnose(boilerplate, none), Diagnosis::no_role_text);
  EXPECT_EQ(diagnose(with_role, none), Diagnosis::no_qualifications);
  EXPECT_EQ(diagnose(with_role, one), Diagnosis::none);
}

class ExtractorDiagnosisTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();
  Extractor extractor{rules};
  KeywordMatcher::Scratch scratch{extractor.matcher()};

  Diagnosis diagnosis(const std::string& text) { return extractor.extract({"p.txt", "", text, 0, {}}, scratch).diagnosis; }
};

TEST_F(ExtractorDiagnosisTest, EveryPostingThatDemandsNothingSaysWhy) {
  EXPECT_EQ(diagnosis(""), Diagnosis::no_role_text);
  EXPECT_EQ(diagnosis("\n\n  \n"), Diagnosis::no_role_text);
  // A keyword under a benefits heading demands nothing, and there is no other text.
  EXPECT_EQ(diagnosis("# Benefits\n\n- A yearly learning budget\n- Medical and dental cover\n"),
            Diagnosis::no_role_text);
  EXPECT_EQ(diagnosis("Responsibilities\n- Load and unload trailers on the night shift.\n"),
            Diagnosis::no_qualifications);
  EXPECT_EQ(diagnosis("Responsibilities\n- Own the IT budget.\n\nBenefits\n- Dental cover\n"), Diagnosis::none);
}

}  // namespace
}  // namespace cio_gap
