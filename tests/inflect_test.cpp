#include "cio_gap/text/inflect.h"

#include <gtest/gtest.h>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

using V = std::vector<std::string>;

TEST(InflectTest, RegularForms) {
  EXPECT_EQ(inflections("budget"), (V{"budget", "budgets", "budgeted", "budgeting"}));
  EXPECT_EQ(inflections("manage"), (V{"manage", "manages", "managed", "managing"}));
  EXPECT_EQ(inflections("policy"), (V{"policy", "policies", "policied", "policying"}));
  EXPECT_EQ(inflections("process"), (V{"process", "processes", "processed", "processing"}));
  EXPECT_EQ(inflections("plan"), (V{"plan", "plans", "planed", "planing", "planned", "planning"}));
  EXPECT_EQ(inflections("it"), V{"it"});
  EXPECT_EQ(inflections("p&l"), V{"p&l"});
}

TEST(InflectTest, PhrasesInflectFirstAndLastWords) {
  const auto forms = phrase_inflections("manage vendor relationship");
  EXPECT_EQ(forms.size(), 16u);
  EXPECT_EQ(forms.front(), "manage vendor relationship");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "managing vendor relationships"), forms.end());
}

TEST(NormalizeTest, FoldsPunctuationAndWhitespace) {
  EXPECT_EQ(normalize_phrase("Bachelor\xE2\x80\x99s  degree"), "Bachelors degree");
  EXPECT_EQ(normalize_phrase("C\xE2\x80\x94suite\n\n leaders"), "C suite leaders");
  EXPECT_EQ(normalize_phrase("\xE2\x80\x9Cquoted\xE2\x80\x9D"), "\"quoted\"");
  EXPECT_EQ(normalize_phrase("a\xC2\xA0" "b"), "a b");
}

TEST(NormalizeTest, MapsOffsetsToLines) {
  const NormalizedText text = normalize_for_matching("one\ntwo\n\nthree", 5);
  EXPECT_EQ(text.text, "one two three");
  EXPECT_EQ(text.line_at(0), 5);
  EXPECT_EQ(text.line_at(4), 6);
  EXPECT_EQ(text.line_at(8), 8);
}

}  // namespace
}  // namespace cio_gap
