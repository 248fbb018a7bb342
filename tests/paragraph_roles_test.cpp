#include "cio_gap/text/paragraph_roles.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

// Cue counts, in ParagraphCue order: role, employer, benefits, legal, apply.
using Cues = std::array<int, 5>;

ParagraphFacts prose(Cues cues, SectionKind section = SectionKind::general, bool headed = false) {
  ParagraphFacts facts;
  facts.section = section;
  facts.headed = headed;
  facts.cues = cues;
  return facts;
}

ParagraphFacts item(Cues cues, SectionKind section = SectionKind::general, bool headed = false) {
  ParagraphFacts facts = prose(cues, section, headed);
  facts.item = true;
  return facts;
}

ParagraphFacts title(Cues cues = {}) {
  ParagraphFacts facts = prose(cues);
  facts.title = true;
  return facts;
}

// The role of each paragraph, by name.
std::vector<std::string> roles(const std::vector<ParagraphFacts>& paragraphs) {
  std::vector<std::string> out;
  for (const ParagraphCue cue : classify_paragraphs(paragraphs)) out.emplace_back(to_string(cue));
  return out;
}

using V = std::vector<std::string>;
constexpr SectionKind kDuties = SectionKind::duties;
constexpr SectionKind kRequired = SectionKind::required;

TEST(ParagraphRolesTest, NamesEveryCue) {
  EXPECT_STREQ(to_string(ParagraphCue::role), "role");
  EXPECT_STREQ(to_string(ParagraphCue::employer), "employer");
  EXPECT_STREQ(to_string(ParagraphCue::benefits), "benefits");
  EXPECT_STREQ(to_string(ParagraphCue::legal), "legal");
  EXPECT_STREQ(to_string(ParagraphCue::apply), "apply");
}

TEST(ParagraphRolesTest, NothingToClassify) {
  EXPECT_EQ(roles({}), V{});
}

TEST(ParagraphRolesTest, ParagraphsWithoutCuesAreRoleText) {
  EXPECT_EQ(roles({prose({}), item({}), prose({})}), (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, TwoOtherCuesAndNoRoleCueOutweigh) {
  // Between role paragraphs, so neither the opening nor the trailing rule applies.
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 2}), prose({1})}), (V{"role", "benefits", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 0, 2}), prose({1})}), (V{"role", "legal", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 0, 0, 2}), prose({1})}), (V{"role", "apply", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 1}), prose({1})}), (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, ThreeOtherCuesOutweighHalfAsManyRoleCues) {
  EXPECT_EQ(roles({prose({1}), prose({1, 0, 3}), prose({1})}), (V{"role", "benefits", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({2, 0, 4}), prose({1})}), (V{"role", "benefits", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({2, 0, 3}), prose({1})}), (V{"role", "role", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({1, 0, 2}), prose({1})}), (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, TheStrongestOtherCueNamesTheParagraph) {
  EXPECT_EQ(roles({prose({1}), prose({0, 1, 3, 2}), prose({1})}), (V{"role", "benefits", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 1, 0, 2}), prose({1})}), (V{"role", "apply", "role"}));
  // On a tie, the cue that comes first.
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 2, 2}), prose({1})}), (V{"role", "benefits", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 1, 1}), prose({1})}), (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, AnUnheadedOpeningBeforeAnyRoleCueIsAboutTheEmployer) {
  EXPECT_EQ(roles({title(), prose({0, 1}), prose({1})}), (V{"role", "employer", "role"}));
  EXPECT_EQ(roles({prose({0, 1}), prose({0, 1}), prose({2})}), (V{"employer", "employer", "role"}));
  // Under a heading, or once a role cue has come, it is role text.
  EXPECT_EQ(roles({title(), prose({0, 1}, SectionKind::general, true), prose({1})}), (V{"role", "role", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 1}), prose({1})}), (V{"role", "role", "role"}));
  // With a role cue of its own it is role text.
  EXPECT_EQ(roles({title(), prose({1, 1}), prose({1})}), (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, AParagraphAfterTheLastRoleCueWithOneOtherCueTrails) {
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 0, 1})}), (V{"role", "legal"}));
  EXPECT_EQ(roles({prose({1}), prose({}), prose({0, 0, 1})}), (V{"role", "role", "benefits"}));
  // Before the last role cue it does not trail.
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 0, 1}), prose({1})}), (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, AListItemTrailsOnlyInARunOfTextNotAboutTheRole) {
  EXPECT_EQ(roles({prose({1}), item({0, 0, 1})}), (V{"role", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 1}), item({0, 0, 1}), item({0, 0, 0, 1})}),
            (V{"role", "benefits", "benefits", "legal"}));
}

TEST(ParagraphRolesTest, DutiesAndRequirementsHeadingsMakeRoleText) {
  // The headed items carry no cue, yet they are the role: the paragraph after them trails.
  EXPECT_EQ(roles({title(), item({}, kDuties, true), item({}, kRequired, true), prose({0, 0, 0, 1}, kRequired, true)}),
            (V{"role", "role", "role", "legal"}));
  // The same under a heading that names neither: no role text, so nothing trails.
  EXPECT_EQ(roles({title(), item({}, SectionKind::general, true), prose({0, 0, 0, 1}, SectionKind::general, true)}),
            (V{"role", "role", "role"}));
}

TEST(ParagraphRolesTest, TitleAndBoilerplateSectionsKeepTheirMeaning) {
  EXPECT_EQ(roles({title({0, 0, 5}), prose({1})}), (V{"role", "role"}));
  // An EEO or benefits paragraph under a preferred list is not a preferred qualification.
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 3}, SectionKind::preferred, true), prose({1})}), (V{"role", "benefits", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({2, 0, 3}, SectionKind::preferred, true), prose({1})}), (V{"role", "role", "role"}));
  EXPECT_EQ(roles({prose({1}), prose({0, 0, 3}, SectionKind::boilerplate, true)}), (V{"role", "role"}));
}

TEST(ParagraphRolesTest, TheTitleIsNotTheFirstRoleParagraph) {
  // A role cue in the title does not end the opening: the employer paragraph after it opens.
  EXPECT_EQ(roles({title({1}), prose({0, 1}), prose({1})}), (V{"role", "employer", "role"}));
}

TEST(ParagraphRolesTest, ASentenceOfALongParagraphWithNoCueGoesWithTheOneBefore) {
  ParagraphFacts benefits = prose({0, 0, 3});
  ParagraphFacts plain = prose({});
  plain.continues = true;
  ParagraphFacts duty = prose({1});
  duty.continues = true;
  EXPECT_EQ(roles({prose({1}), benefits, plain, duty, plain}), (V{"role", "benefits", "benefits", "role", "role"}));
  // Without `continues`, a paragraph with no cue is role text.
  EXPECT_EQ(roles({prose({1}), benefits, prose({}), prose({1})}), (V{"role", "benefits", "role", "role"}));
}

}  // namespace
}  // namespace cio_gap
