#include "cio_gap/match/keyword_matcher.h"

#include <gtest/gtest.h>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

std::vector<std::string> matches(const std::vector<Literal>& literals, std::string_view text) {
  KeywordMatcher matcher(literals);
  KeywordMatcher::Scratch scratch(matcher);
  const std::string normalized = normalize_phrase(text);
  std::vector<std::string> out;
  for (const auto& hit : matcher.find_all(normalized, scratch)) {
    out.push_back(normalized.substr(hit.begin, hit.end - hit.begin) + "#" + std::to_string(hit.payload));
  }
  return out;
}

TEST(KeywordMatcherTest, MatchesWholeWordsOnly) {
  EXPECT_EQ(matches({{"terraform", false, 1}, {"tform", false, 2}}, "Our platform uses Terraform."),
            std::vector<std::string>{"Terraform#1"});
  EXPECT_TRUE(matches({{"budget", false, 1}}, "budgetary rules").empty());
}

TEST(KeywordMatcherTest, AcronymsAreCaseSensitive) {
  const std::vector<Literal> literals = {{"IT", true, 1}, {"SAP", true, 2}};
  EXPECT_TRUE(matches(literals, "Make it happen as soon as sap flows.").empty());
  EXPECT_EQ(matches(literals, "Lead IT and SAP."), (std::vector<std::string>{"IT#1", "SAP#2"}));
}

TEST(KeywordMatcherTest, SingleLetterNeedsWordBoundaries) {
  EXPECT_TRUE(matches({{"C", true, 1}}, "Crisp Communication in every Case.").empty());
  EXPECT_EQ(matches({{"C", true, 1}}, "Languages: C and Go"), std::vector<std::string>{"C#1"});
}

TEST(KeywordMatcherTest, CaseInsensitiveKeywordsFoldCase) {
  EXPECT_EQ(matches({{"vendor management", false, 7}}, "VENDOR MANAGEMENT and Vendor Management"),
            (std::vector<std::string>{"VENDOR MANAGEMENT#7", "Vendor Management#7"}));
}

TEST(KeywordMatcherTest, PhrasesTolerateLineBreaksSpacesAndHyphens) {
  const std::vector<Literal> literals = {{normalize_phrase("C-suite"), false, 1},
                                         {"vendor management", false, 2}};
  EXPECT_EQ(matches(literals, "Advises the C-suite"), std::vector<std::string>{"C suite#1"});
  EXPECT_EQ(matches(literals, "Advises the C suite"), std::vector<std::string>{"C suite#1"});
  EXPECT_EQ(matches(literals, "Advises the C\u2013suite"), std::vector<std::string>{"C suite#1"});
  EXPECT_EQ(matches(literals, "strong vendor\n   management"),
            std::vector<std::string>{"vendor management#2"});
}

TEST(KeywordMatcherTest, OverlappingLiteralsAreAllReported) {
  EXPECT_EQ(matches({{"budget", false, 1}, {"budget analyst", false, 2}}, "Budget analyst"),
            (std::vector<std::string>{"Budget#1", "Budget analyst#2"}));
}

TEST(KeywordMatcherTest, SharedLiteralCarriesEveryPayload) {
  EXPECT_EQ(matches({{"itil", false, 1}, {"itil", false, 2}}, "ITIL"),
            (std::vector<std::string>{"ITIL#1", "ITIL#2"}));
}

TEST(KeywordMatcherTest, EmptySetMatchesNothing) {
  EXPECT_TRUE(matches({}, "anything").empty());
}

}  // namespace
}  // namespace cio_gap
