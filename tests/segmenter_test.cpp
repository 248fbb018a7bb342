#include "cio_gap/text/segmenter.h"

#include <gtest/gtest.h>

#include "test_rules.h"

namespace cio_gap {
namespace {

class SegmenterTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();
  Segmenter segmenter{rules.vocabulary};

  std::vector<std::string> describe(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& s : segmenter.split(text)) {
      out.push_back(std::to_string(s.line) + " " + to_string(s.section) + " " + s.text);
    }
    return out;
  }
  using V = std::vector<std::string>;
};

TEST_F(SegmenterTest, RecognisesHeadingStyles) {
  EXPECT_EQ(segmenter.heading_text("## Responsibilities"), "Responsibilities");
  EXPECT_EQ(segmenter.heading_text("DUTIES"), "DUTIES");
  EXPECT_EQ(segmenter.heading_text("What you bring:"), "What you bring");
  EXPECT_EQ(segmenter.heading_text("**Benefits**"), "Benefits");
  EXPECT_EQ(segmenter.heading_text("Responsibilities"), "Responsibilities");
  EXPECT_EQ(segmenter.heading_text("- Responsibilities:"), "");
  EXPECT_EQ(segmenter.heading_text("Manage the budget."), "");
  EXPECT_EQ(segmenter.heading_text("Some positions will require one or more certifications in the following areas:"), "");
}

TEST_F(SegmenterTest, ClassifiesHeadingsLongestPhraseFirst) {
  EXPECT_EQ(segmenter.classify_heading("Preferred Qualifications"), SectionKind::preferred);
  EXPECT_EQ(segmenter.classify_heading("Minimum Qualifications"), SectionKind::required);
  EXPECT_EQ(segmenter.classify_heading("REQUIREMENTS/MINIMUM QUALIFICATIONS"), SectionKind::required);
  EXPECT_EQ(segmenter.classify_heading("Benefits"), SectionKind::boilerplate);
  EXPECT_EQ(segmenter.classify_heading("Duties and Responsibilities"), SectionKind::duties);
  EXPECT_EQ(segmenter.classify_heading("Our Story"), SectionKind::general);
}

TEST_F(SegmenterTest, SplitsSentencesAndListItems) {
  EXPECT_EQ(describe("Intro text. Second one.\n\nDUTIES\n- Own the budget\n- Lead staff\n"),
            (V{"1 general Intro text.", "1 general Second one.", "4 duties Own the budget", "5 duties Lead staff"}));
}

TEST_F(SegmenterTest, JoinsWrappedLines) {
  EXPECT_EQ(describe("Plans, organizes and directs the work of employees performing information systems\n"
                     "work; prepares budgets.\n"),
            V{"1 general Plans, organizes and directs the work of employees performing information systems\n"
              "work; prepares budgets."});
}

TEST_F(SegmenterTest, UnknownSubheadingKeepsSection) {
  EXPECT_EQ(describe("REQUIREMENTS\nTwo years of experience.\nNOTES:\n1. Degree may substitute.\n"),
            (V{"2 required Two years of experience.", "4 required Degree may substitute."}));
}

TEST_F(SegmenterTest, MarkdownHeadingClosesDeeperSections) {
  EXPECT_EQ(describe("## Benefits\nHealth plan.\n## Our Story\nWe build things.\n"),
            (V{"2 boilerplate Health plan.", "4 general We build things."}));
}

TEST_F(SegmenterTest, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(split_sentences("A B.S. in CS, e.g. Math. Next one.").size(), 2u);
}

TEST(DisplayTextTest, CollapsesAndTrims) {
  EXPECT_EQ(display_text("  one\n  two  "), "one two");
  EXPECT_EQ(display_text("aaaa bbbb cccc dddd", 10), "aaaa bbbb\xE2\x80\xA6");
  EXPECT_EQ(display_text("aaaa bbbb cccc dddd eeee ffff", 12, 20, 24), "\xE2\x80\xA6" "eeee ffff");
}

}  // namespace
}  // namespace cio_gap
