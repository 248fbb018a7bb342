#include "cio_gap/match/qualifier_scope.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

struct Marker {
  Qualifier::Kind kind;
  std::string_view text;
};

// The qualifier vocabulary of rules/sections.yaml, in part.
constexpr Marker kMarkers[] = {
    {Qualifier::Kind::optional, "preferred"},        {Qualifier::Kind::optional, "desired"},
    {Qualifier::Kind::optional, "a plus"},           {Qualifier::Kind::optional_prefix, "ideally"},
    {Qualifier::Kind::optional_prefix, "preferably"}, {Qualifier::Kind::negation, "not required"},
    {Qualifier::Kind::required, "required"},         {Qualifier::Kind::required, "is required"},
    {Qualifier::Kind::required, "must"},
};

// Every whole-word occurrence of every marker in `lower`, by place.
std::vector<Qualifier> qualifiers_in(std::string_view lower) {
  std::vector<Qualifier> out;
  for (const Marker& marker : kMarkers) {
    for (std::size_t at = lower.find(marker.text); at != std::string_view::npos; at = lower.find(marker.text, at + 1)) {
      const std::size_t end = at + marker.text.size();
      if ((at > 0 && is_word_byte(lower[at - 1])) || (end < lower.size() && is_word_byte(lower[end]))) continue;
      out.push_back({marker.kind, at, end, marker.text});
    }
  }
  std::sort(out.begin(), out.end(), [](const Qualifier& a, const Qualifier& b) { return a.begin < b.begin; });
  return out;
}

// What governs the first occurrence of `mention` in `sentence` (lower case): "optional: marker",
// "negation: marker", or "required" when neither applies.
std::string decide(std::string_view sentence, std::string_view mention) {
  const std::size_t at = sentence.find(mention);
  EXPECT_NE(at, std::string_view::npos) << mention;
  const std::vector<Qualifier> qualifiers = qualifiers_in(sentence);
  const QualifierDecision decision = decide_qualifiers(sentence, qualifiers, at, at + mention.size());
  if (!decision.optional.empty()) return "optional: " + decision.optional;
  if (!decision.negation.empty()) return "negation: " + decision.negation;
  return "required";
}

TEST(QualifierScopeTest, NoQualifierLeavesAMentionRequired) {
  EXPECT_EQ(decide("experience with sap", "sap"), "required");
  EXPECT_EQ(decide("sap experience, which helps in the role", "sap"), "required");
}

TEST(QualifierScopeTest, AQualifierInTheMentionsOwnPartGovernsIt) {
  EXPECT_EQ(decide("mba preferred", "mba"), "optional: preferred");
  EXPECT_EQ(decide("an mba is a plus", "mba"), "optional: a plus");
  EXPECT_EQ(decide("preferred experience with sap", "sap"), "optional: preferred");
}

TEST(QualifierScopeTest, EachPartKeepsItsOwnTier) {
  const std::string_view sentence = "bachelors degree required, masters preferred";
  EXPECT_EQ(decide(sentence, "bachelors"), "required");
  EXPECT_EQ(decide(sentence, "masters"), "optional: preferred");
  const std::string_view reversed = "masters preferred, bachelors degree required";
  EXPECT_EQ(decide(reversed, "bachelors"), "required");
  EXPECT_EQ(decide(reversed, "masters"), "optional: preferred");
  EXPECT_EQ(decide("sap is required, and erp is a plus", "sap"), "required");
  EXPECT_EQ(decide("sap is required, and erp is a plus", "erp"), "optional: a plus");
}

TEST(QualifierScopeTest, TheFirstQualifierAfterTheMentionWinsInItsPart) {
  EXPECT_EQ(decide("sap required and erp preferred", "sap"), "required");
  EXPECT_EQ(decide("sap required and erp preferred", "erp"), "optional: preferred");
}

TEST(QualifierScopeTest, AClauseEndsAtSemicolonQuestionOrExclamationMark) {
  EXPECT_EQ(decide("mba preferred; sap experience", "sap"), "required");
  EXPECT_EQ(decide("sap experience; preferred", "sap"), "required");
  EXPECT_EQ(decide("sap experience! a plus", "sap"), "required");
  EXPECT_EQ(decide("sap experience? a plus", "sap"), "required");
}

TEST(QualifierScopeTest, APartOfNothingButAQualifierGovernsThePartsBeforeIt) {
  EXPECT_EQ(decide("sap experience, preferred", "sap"), "optional: preferred");
  EXPECT_EQ(decide("sap experience, erp, strongly preferred", "sap"), "optional: preferred");
  EXPECT_EQ(decide("sap experience, also highly desired", "sap"), "optional: desired");
  // A part that says more than the qualifier does not reach back.
  EXPECT_EQ(decide("sap experience, cloud preferred", "sap"), "required");
}

TEST(QualifierScopeTest, AQualifierOpeningTheClauseGovernsThePartsAfterIt) {
  EXPECT_EQ(decide("preferred: sap, erp", "sap"), "optional: preferred");
  EXPECT_EQ(decide("preferred: sap, erp", "erp"), "optional: preferred");
  EXPECT_EQ(decide("ideally, experience with sap", "sap"), "optional: ideally");
  // Standing further into its part, it does not open the clause.
  EXPECT_EQ(decide("an mba from a good school preferred, sap", "sap"), "required");
}

TEST(QualifierScopeTest, AQualifierClosingAListReachesItsShortItems) {
  const std::string_view sentence = "experience with aws, azure, or gcp preferred";
  EXPECT_EQ(decide(sentence, "aws"), "optional: preferred");
  EXPECT_EQ(decide(sentence, "azure"), "optional: preferred");
  EXPECT_EQ(decide(sentence, "gcp"), "optional: preferred");
  EXPECT_EQ(decide("sap, erp, and crm preferred", "sap"), "optional: preferred");
  EXPECT_EQ(decide("sap, erp, and crm preferred", "erp"), "optional: preferred");
  // An item between of more than four words ends the list.
  EXPECT_EQ(decide("sap, ten years of broad leadership in enterprise technology, or erp preferred", "sap"), "required");
  EXPECT_EQ(decide("sap, ten years of broad leadership in enterprise technology, or erp preferred", "erp"),
            "optional: preferred");
}

TEST(QualifierScopeTest, AListWithoutASerialCommaIsAListToo) {
  // The closing part must open with "or" or "and" to reach back over the list, so without the
  // serial comma ("azure or gcp preferred") the first item stays required.
  const std::string_view sentence = "experience with aws, azure or gcp preferred";
  EXPECT_EQ(decide(sentence, "azure"), "optional: preferred");
  EXPECT_EQ(decide(sentence, "gcp"), "optional: preferred");
  EXPECT_EQ(decide(sentence, "aws"), "optional: preferred");
}

TEST(QualifierScopeTest, APrefixQualifierOnlyReachesWhatFollowsIt) {
  const std::string_view sentence = "a bachelors degree, preferably in computer science";
  EXPECT_EQ(decide(sentence, "bachelors degree"), "required");
  EXPECT_EQ(decide(sentence, "computer science"), "optional: preferably");
  EXPECT_EQ(decide("experience with sap, ideally in a nonprofit", "sap"), "required");
  EXPECT_EQ(decide("experience with sap ideally", "sap"), "required");
}

TEST(QualifierScopeTest, NegationsDemandNothing) {
  EXPECT_EQ(decide("an mba is not required", "mba"), "negation: not required");
  EXPECT_EQ(decide("no mba required", "mba"), "negation: no ... required");
  EXPECT_EQ(decide("no prior budget experience needed", "budget"), "negation: no ... required");
  EXPECT_EQ(decide("without a pmp expected", "pmp"), "negation: no ... required");
  EXPECT_EQ(decide("no experience required with phd", "phd"), "negation: no ... required");
  EXPECT_EQ(decide("no experience required with a doctoral phd", "phd"), "negation: no ... required");
}

TEST(QualifierScopeTest, NegationsStayNearTheMention) {
  // "no" more than four words before the mention.
  EXPECT_EQ(decide("there is no doubt that five years of budget work is needed", "budget"), "required");
  // No word of need after the mention.
  EXPECT_EQ(decide("no travel, budget experience", "budget"), "required");
  // "required" more than three words before the mention.
  EXPECT_EQ(decide("no experience required but we want a phd", "phd"), "required");
}

TEST(QualifierScopeTest, AnOptionalMarkerBesideANegationKeepsThePreference) {
  EXPECT_EQ(decide("mba desired but not required", "mba"), "optional: desired");
  EXPECT_EQ(decide("mba not required but desired", "mba"), "optional: desired");
}

TEST(QualifierScopeTest, AQualifierInsideTheMentionIsIgnored) {
  const std::string_view sentence = "must have skills";
  const std::vector<Qualifier> qualifiers = qualifiers_in(sentence);
  const QualifierDecision decision = decide_qualifiers(sentence, qualifiers, 0, 4);
  EXPECT_EQ(decision.optional, "");
  EXPECT_EQ(decision.negation, "");
}

TEST(QualifierScopeTest, FillerWordsDoNotLengthenAClosingItem) {
  // "is highly" are filler: the closing item is "urban planning or engineering", short enough.
  const std::string_view sentence =
      "a masters degree in public administration, public policy, urban planning or engineering is highly desired";
  EXPECT_EQ(decide(sentence, "masters degree"), "optional: desired");
  EXPECT_EQ(decide("a masters degree in public administration, six more words of a closing item or two desired",
                   "masters degree"),
            "required");
}

}  // namespace
}  // namespace cio_gap
