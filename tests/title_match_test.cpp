#include "cio_gap/text/title_match.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

using Words = std::vector<std::string>;

TEST(TitleMatchTest, TitleWordsBringAbbreviationsToOneSpelling) {
  EXPECT_EQ(title_words("Chief Information Officer (CIO)"), (Words{"cio", "cio"}));
  EXPECT_EQ(title_words("Sr. Dir. of I.T."), (Words{"senior", "director", "it"}));
  EXPECT_EQ(title_words("Vice President, Information Technology & Security"), (Words{"vp", "it", "security"}));
  EXPECT_EQ(title_words("Head of IT Operations"), (Words{"director", "it", "operations"}));
  EXPECT_EQ(title_words("SVP and CTO"), (Words{"svp", "cto"}));
  EXPECT_EQ(title_words("Senior Vice President of Technology"), (Words{"svp", "technology"}));
  EXPECT_EQ(title_words(""), Words{});
}

TEST(TitleMatchTest, AbbreviationMatchesLongFormBothWays) {
  const TitleMatcher cio({"CIO"});
  EXPECT_TRUE(cio.matches("Chief Information Officer (CIO)"));
  EXPECT_TRUE(cio.matches("Chief Information Officer"));
  EXPECT_TRUE(cio.matches("Deputy CIO, City of Riverton"));
  EXPECT_FALSE(cio.matches("Chief Information Security Officer"));
  const TitleMatcher long_form({"Chief Information Officer"});
  EXPECT_TRUE(long_form.matches("CIO - Lakeshore Health"));
  EXPECT_TRUE(long_form.matches("chief information officer"));
  EXPECT_FALSE(long_form.matches("Chief Technology Officer"));
  EXPECT_TRUE(TitleMatcher({"CTO"}).matches("Chief Technology Officer"));
  EXPECT_TRUE(TitleMatcher({"CISO"}).matches("Chief Information Security Officer"));
  EXPECT_TRUE(TitleMatcher({"CDO"}).matches("Chief Data Officer"));
  EXPECT_TRUE(TitleMatcher({"CDO"}).matches("Chief Digital Officer"));
}

TEST(TitleMatchTest, VicePresidentAndDirectorForms) {
  const TitleMatcher vp({"VP of IT"});
  EXPECT_TRUE(vp.matches("Vice President of Information Technology"));
  EXPECT_TRUE(vp.matches("VP, Information Technology & Security"));
  EXPECT_TRUE(vp.matches("IT VP"));
  EXPECT_FALSE(vp.matches("SVP of IT"));
  EXPECT_FALSE(vp.matches("Senior Vice President, IT"));
  EXPECT_FALSE(vp.matches("VP of Sales"));
  EXPECT_TRUE(TitleMatcher({"SVP"}).matches("Senior Vice President, IT"));
  EXPECT_TRUE(TitleMatcher({"EVP"}).matches("Executive Vice President and CIO"));
  const TitleMatcher director({"Director of IT"});
  EXPECT_TRUE(director.matches("Dir. of Information Technology"));
  EXPECT_TRUE(director.matches("IT Director"));
  EXPECT_TRUE(director.matches("Head of IT"));
  EXPECT_TRUE(director.matches("Director, IT Infrastructure"));
  EXPECT_FALSE(director.matches("Director of Infrastructure"));
}

TEST(TitleMatchTest, WordsMatchWhole) {
  const TitleMatcher director({"Director of IT"});
  EXPECT_FALSE(director.matches("Director of ITSM Sales"));
  EXPECT_FALSE(director.matches("Director of Digital"));
  EXPECT_FALSE(TitleMatcher({"CIO"}).matches("Cionnaith Manager"));
  EXPECT_FALSE(TitleMatcher({"VP"}).matches("MVP Coordinator"));
}

TEST(TitleMatchTest, CaseAndPunctuationDoNotMatter) {
  const TitleMatcher matcher({"vice president of it"});
  EXPECT_TRUE(matcher.matches("VICE-PRESIDENT OF I.T."));
  EXPECT_TRUE(matcher.matches("Vice President -- IT"));
}

TEST(TitleMatchTest, AnyRoleMatchesAndNoRolesMatchEverything) {
  const TitleMatcher roles({"Chief Information Officer", "VP of IT", "Director of IT"});
  EXPECT_TRUE(roles.active());
  EXPECT_TRUE(roles.matches("IT Director"));
  EXPECT_TRUE(roles.matches("CIO"));
  EXPECT_FALSE(roles.matches("Accountant"));
  EXPECT_FALSE(roles.matches("Air Conditioning Mechanic"));
  const TitleMatcher none({});
  EXPECT_FALSE(none.active());
  EXPECT_TRUE(none.matches("Accountant"));
  // A role of nothing but punctuation or dropped words names no title.
  const TitleMatcher empty({"--", "of the"});
  EXPECT_FALSE(empty.active());
}

}  // namespace
}  // namespace cio_gap
