#include "cio_gap/match/keyword_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

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

TEST(KeywordMatcherTest, RepeatedLiteralWithOnePayloadStillMatches) {
  // The same (text, payload) twice, sorted last among its spelling, must not lose the spelling.
  EXPECT_EQ(matches({{"masters degree", false, 4}, {"masters degree", false, 4}, {"masters in", false, 5}},
                    "a Masters degree"),
            std::vector<std::string>{"Masters degree#4"});
}

// Every whole-word occurrence of every literal, found the slow way.
std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> naive_hits(const std::vector<Literal>& literals,
                                                                            const std::string& text) {
  std::set<std::tuple<std::string, bool, std::uint32_t>> distinct;
  for (const auto& literal : literals) {
    if (!literal.text.empty()) distinct.insert({literal.text, literal.case_sensitive, literal.payload});
  }
  const std::string lower = ascii_lower(text);
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> hits;
  for (const auto& [literal, case_sensitive, payload] : distinct) {
    const std::string& haystack = case_sensitive ? text : lower;
    const std::string needle = case_sensitive ? literal : ascii_lower(literal);
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
      const std::size_t end = at + needle.size();
      if (is_word_byte(needle.front()) && at > 0 && is_word_byte(text[at - 1])) continue;
      if (is_word_byte(needle.back()) && end < text.size() && is_word_byte(text[end])) continue;
      hits.emplace_back(at, end, payload);
    }
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

std::string random_text(std::mt19937& random, const std::string& alphabet, std::size_t length) {
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[random() % alphabet.size()];
  return out;
}

// What the matcher finds, in naive_hits' form.
std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> matcher_hits(const std::vector<Literal>& literals,
                                                                              const std::string& text) {
  const KeywordMatcher matcher(literals);
  KeywordMatcher::Scratch scratch(matcher);
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> found;
  for (const auto& hit : matcher.find_all(text, scratch)) found.emplace_back(hit.begin, hit.end, hit.payload);
  return found;
}

TEST(KeywordMatcherTest, FindsWhatANaiveSearchFinds) {
  // Small alphabets make literals share prefixes and overlap, which stresses the packed trie.
  std::mt19937 random(12345);
  const std::string alphabet = "abAB .-#+\xC3";
  for (int round = 0; round < 300; ++round) {
    std::vector<Literal> literals;
    const std::size_t count = 1 + random() % 60;
    for (std::size_t i = 0; i < count; ++i) {
      literals.push_back({random_text(random, alphabet, 1 + random() % 6), random() % 4 == 0, static_cast<std::uint32_t>(random() % 20)});
    }
    const std::string text = random_text(random, alphabet, random() % 200);
    const auto found = matcher_hits(literals, text);
    ASSERT_EQ(found, naive_hits(literals, text)) << "text: " << text;
  }
}

TEST(KeywordMatcherTest, FindsWhatANaiveSearchFindsInALargeTrie) {
  // Thousands of literals over a whole alphabet: tens of thousands of states, so the packing
  // has to search for free cells rather than append.
  std::mt19937 random(67890);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyzEIOU -";
  for (int round = 0; round < 6; ++round) {
    std::vector<Literal> literals;
    for (std::size_t i = 0; i < 4000; ++i) {
      literals.push_back({random_text(random, alphabet, 1 + random() % 9), random() % 8 == 0, static_cast<std::uint32_t>(random() % 50)});
    }
    const std::string text = random_text(random, alphabet, 3000);
    const auto found = matcher_hits(literals, text);
    EXPECT_GT(found.size(), 10u);
    ASSERT_EQ(found, naive_hits(literals, text)) << "round " << round;
  }
}

}  // namespace
}  // namespace cio_gap
