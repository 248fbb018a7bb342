#include "cio_gap/match/pattern_pass.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cio_gap/error.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// Rule 0 has patterns, rule 1 senses for one keyword, rule 2 a sense for the whole rule, rule 3
// a rule-wide sense and one for a keyword, rule 4 an adjacent three-term pattern.
constexpr const char* kRules = R"(words:
  lead-verbs: [lead, mentor]
  team-nouns: [team, staff]
  security-context: [information, cyber]
rules:
  - id: team-leadership
    name: Team leadership
    category: leadership
    patterns:
      - [lead-verbs, {within: 4}, team-nouns]
      - [[plan, organize], {near: 2}, [work]]
    advice: a
  - id: cybersecurity
    name: Cybersecurity
    category: technology
    keywords: [security, cybersecurity]
    acronyms: [SOC]
    senses:
      - keyword: security
        requires_any: [security-context, [program]]
        forbids_any: [[family, benefits]]
    advice: a
  - id: budget-management
    name: Budget management
    category: business
    keywords: [budget]
    senses:
      - requires_any: [[annual]]
    advice: a
  - id: cloud
    name: Cloud
    category: technology
    keywords: [cloud, platform]
    senses:
      - forbids_any: [[word]]
      - keyword: platform
        requires_any: [[computing]]
    advice: a
  - id: staff-roles
    name: Staff roles
    category: role
    patterns:
      - [team-nouns, lead-verbs, [role]]
    advice: a
)";

RuleSet parse(std::string_view yaml) {
  RuleSet set;
  parse_rule_file("pack.yaml", yaml, set);
  return set;
}

// Every whole-word occurrence of every word of every set, as written (no inflections), by begin.
std::vector<WordHit> words_in(const PatternPass& pass, std::string_view lower) {
  std::vector<WordHit> out;
  for (std::size_t id = 0; id < pass.set_count(); ++id) {
    for (const auto& word : pass.set_words(id)) {
      const std::string folded = ascii_lower(word);
      for (std::size_t at = lower.find(folded); at != std::string_view::npos; at = lower.find(folded, at + 1)) {
        const std::size_t end = at + folded.size();
        if ((at > 0 && is_word_byte(lower[at - 1])) || (end < lower.size() && is_word_byte(lower[end]))) continue;
        out.push_back({static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const WordHit& a, const WordHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.set < b.set;
  });
  return out;
}

class PatternPassTest : public ::testing::Test {
 protected:
  RuleSet rules = parse(kRules);
  PatternPass pass{rules};

  // Starts `text` as the sentence under test.
  const PatternPass::Sentence& start(std::string_view text) {
    lower_ = ascii_lower(text);
    words_ = words_in(pass, lower_);
    sentence_.start(pass, lower_, words_);
    return sentence_;
  }

  // "rule-id: matched text" for every pattern match of `text`, in the order find gives them.
  std::vector<std::string> matches(std::string_view text) {
    start(text);
    std::vector<PatternHit> hits;
    pass.find(sentence_, hits);
    std::vector<std::string> out;
    for (const auto& hit : hits) {
      out.push_back(rules.rules[hit.rule].id + ": " + lower_.substr(hit.begin, hit.end - hit.begin));
    }
    return out;
  }

  bool holds(std::uint32_t group, std::string_view text) { return pass.sense_holds(group, start(text), 0, 0); }

  using V = std::vector<std::string>;

 private:
  std::string lower_;
  std::vector<WordHit> words_;
  PatternPass::Sentence sentence_;
};

TEST_F(PatternPassTest, NamedSetsComeFirstThenWordsWrittenInPlace) {
  EXPECT_EQ(pass.set_words(0), (V{"lead", "mentor"}));
  EXPECT_EQ(pass.set_words(1), (V{"team", "staff"}));
  EXPECT_EQ(pass.set_words(2), (V{"information", "cyber"}));
  EXPECT_EQ(pass.set_words(3), (V{"plan", "organize"}));
  EXPECT_EQ(pass.set_words(4), V{"work"});
  EXPECT_EQ(pass.set_words(5), V{"program"});
  EXPECT_EQ(pass.set_words(6), (V{"family", "benefits"}));
  EXPECT_EQ(pass.set_words(7), V{"annual"});
  EXPECT_EQ(pass.set_words(8), V{"word"});
}

TEST_F(PatternPassTest, EachListWrittenInPlaceIsOneSet) {
  // The header promises one set per list written in place: 3 named sets and 8 lists here. The
  // constructor gives a rule-wide sense's lists a new set for every sense group they join
  // (add_group calls set_id for each), so cloud's [word] becomes sets 8 and 9.
  EXPECT_EQ(pass.set_words(9), V{"computing"});
  EXPECT_EQ(pass.set_words(10), V{"role"});
  EXPECT_EQ(pass.set_count(), 11u);
}

TEST_F(PatternPassTest, PatternsAreKnownPerRule) {
  EXPECT_TRUE(pass.has_patterns(0));
  EXPECT_FALSE(pass.has_patterns(1));
  EXPECT_FALSE(pass.has_patterns(2));
  EXPECT_TRUE(pass.has_patterns(4));
}

TEST_F(PatternPassTest, WithinAllowsAtMostThatManyWordsBetween) {
  EXPECT_EQ(matches("lead a team"), V{"team-leadership: lead a team"});
  EXPECT_EQ(matches("leads and mentor a small team"), V{"team-leadership: mentor a small team"});
  EXPECT_EQ(matches("lead one two three four staff"), V{"team-leadership: lead one two three four staff"});
  EXPECT_EQ(matches("lead one two three four five staff"), V{});
  EXPECT_EQ(matches("lead the way"), V{});
  EXPECT_EQ(matches("a team"), V{});
}

TEST_F(PatternPassTest, WithinKeepsTheOrderNearDoesNot) {
  EXPECT_EQ(matches("the team we lead"), V{});
  EXPECT_EQ(matches("plan the work"), V{"team-leadership: plan the work"});
  EXPECT_EQ(matches("work you organize"), V{"team-leadership: work you organize"});
  EXPECT_EQ(matches("work on the next plan"), V{});
  EXPECT_EQ(matches("plan on the next work"), V{});
}

TEST_F(PatternPassTest, WithoutAGapTermsAreNextToEachOther) {
  EXPECT_EQ(matches("a team lead role"), V{"staff-roles: team lead role"});
  EXPECT_EQ(matches("a team lead for the role"), V{});
  EXPECT_EQ(matches("a team, lead role"), V{"staff-roles: team, lead role"});
  EXPECT_EQ(matches("staff who lead role"), V{});
}

TEST_F(PatternPassTest, OneMatchPerStartingWordWithoutOverlaps) {
  EXPECT_EQ(matches("lead a team and mentor the staff"),
            (V{"team-leadership: lead a team", "team-leadership: mentor the staff"}));
  // The second verb lies inside the first match, so it starts no match of its own.
  EXPECT_EQ(matches("lead and mentor the team"), V{"team-leadership: lead and mentor the team"});
}

TEST_F(PatternPassTest, MatchesComeInTheOrderOfTheirFirstWords) {
  EXPECT_EQ(matches("team lead role to plan work"), (V{"staff-roles: team lead role", "team-leadership: plan work"}));
}

TEST_F(PatternPassTest, KeywordSensesAreGroupedPerKeyword) {
  EXPECT_EQ(pass.keyword_sense(1, "security"), 1u);
  EXPECT_EQ(pass.keyword_sense(1, "cybersecurity"), 0u);
  EXPECT_EQ(pass.keyword_sense(1, "SOC"), 0u);
  EXPECT_EQ(pass.pattern_sense(1), 0u);
  EXPECT_EQ(pass.keyword_sense(0, "anything"), 0u);
  EXPECT_EQ(pass.pattern_sense(0), 0u);
}

TEST_F(PatternPassTest, ASenseWithoutKeywordGovernsTheWholeRule) {
  EXPECT_EQ(pass.pattern_sense(2), 2u);
  EXPECT_EQ(pass.keyword_sense(2, "budget"), 2u);
  EXPECT_TRUE(holds(2, "the annual budget"));
  EXPECT_FALSE(holds(2, "the budget"));
}

TEST_F(PatternPassTest, RequiresAnyNeedsOneWordForbidsAnyNone) {
  EXPECT_TRUE(holds(1, "information security program"));
  EXPECT_TRUE(holds(1, "cyber security"));
  EXPECT_TRUE(holds(1, "a security program"));
  EXPECT_FALSE(holds(1, "the security to help"));
  EXPECT_FALSE(holds(1, "benefits which provide the security to help your family"));
  EXPECT_FALSE(holds(1, "information security for your family"));
  EXPECT_TRUE(holds(0, ""));
  EXPECT_TRUE(holds(0, "family"));
}

TEST_F(PatternPassTest, AKeywordSenseAndARuleWideSenseMustBothHold) {
  const std::uint32_t rule_wide = pass.pattern_sense(3);
  const std::uint32_t platform = pass.keyword_sense(3, "platform");
  EXPECT_EQ(rule_wide, 3u);
  EXPECT_EQ(pass.keyword_sense(3, "cloud"), rule_wide);
  EXPECT_EQ(platform, 4u);
  EXPECT_TRUE(holds(platform, "a computing platform"));
  EXPECT_FALSE(holds(platform, "a platform"));
  EXPECT_FALSE(holds(platform, "a computing platform word"));
  EXPECT_TRUE(holds(rule_wide, "a cloud"));
  EXPECT_FALSE(holds(rule_wide, "a word cloud"));
}

TEST_F(PatternPassTest, ASentenceForgetsTheWordsOfTheOneBefore) {
  EXPECT_TRUE(start("lead a team").has(0));
  EXPECT_FALSE(start("nothing here").has(0));
  EXPECT_FALSE(start("").has(1));
}

TEST_F(PatternPassTest, CountsTheWordsStartingBetweenTwoPlaces) {
  EXPECT_EQ(PatternPass::words_between("lead a small team", 4, 13, 12), 2);
  EXPECT_EQ(PatternPass::words_between("lead, then-the team", 4, 15, 12), 2);
  EXPECT_EQ(PatternPass::words_between("lead team", 4, 5, 12), 0);
  EXPECT_EQ(PatternPass::words_between("a b c d e f", 0, 11, 12), 6);
  // Counting stops once past the limit.
  EXPECT_EQ(PatternPass::words_between("a b c d e f", 0, 11, 2), 3);
}

TEST(PatternPassErrorTest, AnUnknownWordSetIsLocated) {
  const RuleSet rules = parse(
      "words:\n"
      "  team-nouns: [team]\n"
      "rules:\n"
      "  - id: x\n"
      "    name: X\n"
      "    category: leadership\n"
      "    advice: a\n"
      "    patterns:\n"
      "      - [[lead], {within: 2}, team-noun]\n");
  try {
    const PatternPass pass(rules);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "pack.yaml:9:31: unknown word set 'team-noun' in rule 'x' (did you mean 'team-nouns'?)");
  }
}

}  // namespace
}  // namespace cio_gap
