#include "cio_gap/text/segmenter.h"

#include "cio_gap/text/display_text.h"

#include <gtest/gtest.h>

#include <random>

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

TEST_F(SegmenterTest, AnOptionalListEndsAtTheFirstParagraphThatIsNotAnItem) {
  EXPECT_EQ(describe("Requirements:\n"
                     "In addition to the minimum requirements, the following qualifications are preferred:\n"
                     "1. Experience with SAP.\n"
                     "2. Experience with Workday.\n"
                     "\n"
                     "A bachelor's degree and five years of experience.\n"),
            (V{"2 required In addition to the minimum requirements, the following qualifications are preferred:",
               "3 preferred Experience with SAP.",
               "4 preferred Experience with Workday.", "6 required A bachelor's degree and five years of experience."}));
}

TEST_F(SegmenterTest, MarkdownHeadingClosesDeeperSections) {
  EXPECT_EQ(describe("## Benefits\nHealth plan.\n## Our Story\nWe build things.\n"),
            (V{"2 boilerplate Health plan.", "4 general We build things."}));
}

TEST_F(SegmenterTest, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(split_sentences("A B.S. in CS, e.g. Math. Next one.").size(), 2u);
}

using Pieces = std::vector<std::string>;

// split_items as the pieces' text.
Pieces items(std::string_view paragraph) {
  Pieces out;
  for (const auto& [offset, length] : split_items(paragraph)) out.emplace_back(paragraph.substr(offset, length));
  return out;
}

TEST(SplitItemsTest, SplitsLikeSplitSentences) {
  EXPECT_EQ(items("A B.S. in CS, e.g. Math. Next one. and more"), (Pieces{"A B.S. in CS, e.g. Math.", "Next one. and more"}));
}

TEST(SplitItemsTest, SplitsASentenceRunIntoTheNext) {
  EXPECT_EQ(items("Bachelor's degree in a related discipline.Preferred: Master's degree"),
            (Pieces{"Bachelor's degree in a related discipline.", "Preferred: Master's degree"}));
  EXPECT_EQ(items("Join a great team!Apply today"), (Pieces{"Join a great team!", "Apply today"}));
  EXPECT_EQ(items("Any questions?Email us"), (Pieces{"Any questions?", "Email us"}));
  EXPECT_EQ(items("A degree (required).Preferred: an MBA"), (Pieces{"A degree (required).", "Preferred: an MBA"}));
  EXPECT_EQ(items("Five years (2019).Preferred: an MBA"), (Pieces{"Five years (2019).", "Preferred: an MBA"}));
  EXPECT_EQ(items("A degree (required)Preferred: an MBA"), (Pieces{"A degree (required)", "Preferred: an MBA"}));
  EXPECT_EQ(items("We offer a 401k match.Benefits include Corp.Health plans"),
            (Pieces{"We offer a 401k match.", "Benefits include Corp.", "Health plans"}));
}

TEST(SplitItemsTest, KeepsDottedNamesWhole) {
  for (const std::string_view text :
       {"A U.S. citizen or U.S.Army veteran", "A B.S. or Ph.D. in CS", "A B.S.Computer Science degree",
        "Languages, e.g.Python, i.e.Java", "ASP.NET and .NET, ASP.Net and Microsoft.Net",
        "Node.js and Vue.js, Node.Js", "Python 3.5 or v2.0", "See example.com or www.Example.org",
        "Oracle vs.Microsoft, Acme Inc.Benefits, and so on etc.More", "in IT.Preferred", "Microsoft Office (R)Word",
        "Ready?!Go", "No. 5.Next"}) {
    EXPECT_EQ(items(text), Pieces{std::string(text)});
  }
}

TEST(SplitItemsTest, SplitsALowerCaseWordRunIntoACapitalisedOne) {
  EXPECT_EQ(items("Experience level:2 yearsSchedule:Full-time"),
            (Pieces{"Experience level:2 years", "Schedule:Full-time"}));
  EXPECT_EQ(items("Job type:Full-timeSalary: $90,000"), (Pieces{"Job type:Full-time", "Salary: $90,000"}));
  EXPECT_EQ(items("Location:(remoteWork from home)"), (Pieces{"Location:(remote", "Work from home)"}));
}

TEST(SplitItemsTest, KeepsCamelCaseNamesWhole) {
  const std::string names =
      "JavaScript PowerShell GitLab LinkedIn iPhone eBay macOS DevOps ServiceNow SharePoint PeopleSoft NetSuite "
      "McKinsey jQuery TypeScript QuickBooks WordPress YouTube iOS pfSense Node.jsExpert it'sFine 3rdParty x86Assembly";
  EXPECT_EQ(items(names), Pieces{names});
}

TEST(SplitItemsTest, SplitsFiveOrMoreCapitalsRunIntoACapitalisedWord) {
  EXPECT_EQ(items("Required REQUIREDHere is what we are offering"),
            (Pieces{"Required REQUIRED", "Here is what we are offering"}));
  EXPECT_EQ(items("A CISSPCertified lead"), (Pieces{"A CISSP", "Certified lead"}));
  for (const std::string_view text : {"SQLServer, HTTPServer and HTMLElement", "XMLHttpRequest", "A PMPs and KPIs", "4GLTEDevice"}) {
    EXPECT_EQ(items(text), Pieces{std::string(text)});
  }
}

TEST(SplitItemsTest, SplitsAtBulletsInsideALine) {
  EXPECT_EQ(items("Skills: \xE2\x80\xA2 Leadership \xE2\x80\xA2 Budgeting \xE2\x80\xA2 Vendor management"),
            (Pieces{"Skills:", "Leadership", "Budgeting", "Vendor management"}));
  EXPECT_EQ(items("One \xE2\x97\x8F Two \xE2\x96\xAA Three \xE2\x97\xA6 Four \xC2\xB7 Five"),
            (Pieces{"One", "Two", "Three", "Four", "Five"}));
  EXPECT_EQ(items("\xE2\x80\xA2 Leadership\n\xE2\x80\xA2\tBudgeting \xE2\x80\xA2"), (Pieces{"Leadership", "Budgeting"}));
  for (const std::string_view text : {"A bachelor\xE2\x80\x99s degree \xE2\x80\x93 or more", "Lead\xE2\x80\xA2" "Budget",
                                      "Lead \xE2\x80\xA2" "Budget", "Five\xC2\xB7six", "A \xE2\x80\x9Cplus\xE2\x80\x9D"}) {
    EXPECT_EQ(items(text), Pieces{std::string(text)});
  }
}

TEST(SplitItemsTest, SplitsAtDashesOnlyWhereTheyListItems) {
  EXPECT_EQ(items("Skills: - Leadership - Budgeting - Vendor management"),
            (Pieces{"Skills:", "Leadership", "Budgeting", "Vendor management"}));
  EXPECT_EQ(items("Tools: * SQL * Python"), (Pieces{"Tools:", "SQL", "Python"}));
  EXPECT_EQ(items("- Leadership - Budgeting"), (Pieces{"Leadership", "Budgeting"}));
  EXPECT_EQ(items("Pay: $90k - $120k. Skills: - SQL - Python"), (Pieces{"Pay: $90k - $120k.", "Skills:", "SQL", "Python"}));
  // A list ends with its line.
  EXPECT_EQ(items("Skills: - SQL - Python\nand more - here"), (Pieces{"Skills:", "SQL", "Python\nand more - here"}));
  for (const std::string_view text : {"Salary: $90k - $120k", "Note: - a single dash", "Leadership - Budgeting - Hiring",
                                      "Skills: - SQL * Python", "- a single item", "Skills: -SQL -Python", "Full-time - remote"}) {
    EXPECT_EQ(items(text), Pieces{std::string(text)});
  }
}

TEST(SplitItemsTest, SplitsAtThreeBlanksOrATab) {
  EXPECT_EQ(items("Lead the IT team   Manage the budget   Own vendor contracts"),
            (Pieces{"Lead the IT team", "Manage the budget", "Own vendor contracts"}));
  EXPECT_EQ(items("Salary:\t$90,000 \t Remote"), (Pieces{"Salary:", "$90,000", "Remote"}));
  EXPECT_EQ(items("end.   next"), (Pieces{"end.", "next"}));
  EXPECT_EQ(items("End.  Next one"), (Pieces{"End.", "Next one"}));
  for (const std::string_view text : {"Lead the  IT team", "end.  next", "Lead\n   the team"}) {
    EXPECT_EQ(items(text), Pieces{std::string(text)});
  }
}

TEST(SplitItemsTest, GivesOffsetsIntoTheParagraph) {
  using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
  EXPECT_EQ(split_items("Skills: \xE2\x80\xA2 SQL   Python.Go"), (Spans{{0, 7}, {12, 3}, {18, 7}, {25, 2}}));
  EXPECT_EQ(split_items("yearsSchedule"), (Spans{{0, 5}, {5, 8}}));
  EXPECT_EQ(split_items(""), Spans{});
  EXPECT_EQ(split_items(" \xE2\x80\xA2 "), Spans{});
}

// The sixteen-byte search must find what the byte-at-a-time one does, so a paragraph gives
// the same pieces wherever it sits in the text handed over.
TEST(SplitItemsTest, PiecesDoNotDependOnWhereTheParagraphSits) {
  static const std::vector<std::string> kPieces = {
      "Lead the team", "years", "Schedule", ".", ". ", "!", "? ", ".\n", " ", "   ", "\t", "\n", "e.g.", "U.S.",
      "www.Example.org", " \xE2\x80\xA2 ", " \xC2\xB7 ", "\xE2\x80\x99", " - ", ": - ", " * ", "-", "REQUIRED",
      "Here", "JavaScript", "(required)", "a", "B", "7"};
  std::mt19937 random(11);
  for (int round = 0; round < 2000; ++round) {
    std::string paragraph = "Start";
    const std::size_t pieces = random() % 30;
    for (std::size_t i = 0; i < pieces; ++i) paragraph += kPieces[random() % kPieces.size()];
    paragraph += " end.";
    const auto alone = split_items(paragraph);
    for (std::size_t pad = 0; pad < 17; ++pad) {
      // "Ab…c." and "Ab…" are pieces of their own, whatever the paragraph holds.
      const std::string before = "Ab" + std::string(pad, 'x') + "c.\n";
      const std::string after = "\nAb" + std::string(pad, 'x');
      std::vector<std::pair<std::size_t, std::size_t>> expected{{0, before.size() - 1}};
      for (const auto& [offset, length] : alone) expected.emplace_back(before.size() + offset, length);
      expected.emplace_back(before.size() + paragraph.size() + 1, after.size() - 1);
      ASSERT_EQ(split_items(before + paragraph + after), expected) << "paragraph: " << paragraph << ", pad " << pad;
    }
  }
}

TEST(SplitItemsTest, LongRunsTakeLinearTime) {
  for (const std::string_view unit : {"aa.Bb", " - ", "\t", " ", "aB", "ABCDEFa", "x \xE2\x80\xA2 "}) {
    std::string paragraph = "Skills: ";
    while (paragraph.size() < 2'000'000) paragraph += unit;
    EXPECT_FALSE(split_items(paragraph).empty()) << unit;
  }
}

TEST_F(SegmenterTest, NumbersTheLinesOfRunTogetherPieces) {
  EXPECT_EQ(describe("REQUIREMENTS\nA degree in a related discipline.Preferred: an MBA\n"
                     "Skills: \xE2\x80\xA2 Budgeting \xE2\x80\xA2 Hiring\n\n"
                     "Plans, organizes and directs the work of employees performing information systems\n"
                     "work and budgetsSchedule: Full-time\n"),
            (V{"2 required A degree in a related discipline.", "2 required Preferred: an MBA", "3 required Skills:",
               "3 required Budgeting", "3 required Hiring",
               "5 required Plans, organizes and directs the work of employees performing information systems\n"
               "work and budgets",
               "6 required Schedule: Full-time"}));
}

TEST(DisplayTextTest, CollapsesAndTrims) {
  EXPECT_EQ(display_text("  one\n  two  "), "one two");
  EXPECT_EQ(display_text("aaaa bbbb cccc dddd", 10), "aaaa bbbb\xE2\x80\xA6");
  EXPECT_EQ(display_text("aaaa bbbb cccc dddd eeee ffff", 12, 20, 24), "\xE2\x80\xA6" "eeee ffff");
}

}  // namespace
}  // namespace cio_gap
