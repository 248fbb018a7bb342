#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// Random text made of the pieces the folding treats specially, in long and short runs, so
// both the block-at-a-time path and the byte-at-a-time path are exercised.
std::string random_text(std::mt19937& random, std::size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "budget", "Vendor Management", "IT", "a", "B.S.", "c++", ".NET", "C#", "2024", " ", " ", " ",
      "  ", "\n", "\n\n", "\t", "\r\n", "\f", "\v", "-", "--", "_", "'", "`", ",", ".", ";", ":",
      "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xA0",
      "\xE2\x88\x92", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x89", "\xE2\x80\x8B", "\xE2\x80\xA8",
      "\xE2\x80\xB2", "\xC3\xA9", "\xE2\x82\xAC", "\xE2\x80", "\xE2", "\xC2", "\xE2\x88", "\x01",
      "\x7F", "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 (and) [or]"};
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) text += kPieces[random() % kPieces.size()];
  return text;
}

TEST(MatchTextTest, FoldsExactlyAsNormalizeForMatching) {
  std::mt19937 random(20240601);
  for (int round = 0; round < 3000; ++round) {
    const std::string input = random_text(random, random() % 60);
    const NormalizedText expected = normalize_for_matching(input, 1, true);
    MatchText folded;
    EXPECT_EQ(folded.append(input), 0u);
    ASSERT_EQ(folded.text, expected.text) << "input: " << input;
    EXPECT_EQ(folded.lower, ascii_lower(expected.text));
    EXPECT_EQ(folded.source_offsets, expected.source_offsets) << "input: " << input;
  }
}

TEST(MatchTextTest, JoinsTextsWithLineBreaks) {
  MatchText folded;
  EXPECT_EQ(folded.append("Manage  the\nBudget"), 0u);
  EXPECT_EQ(folded.append(""), 18u);
  EXPECT_EQ(folded.append("  IT-wide "), 19u);
  EXPECT_EQ(folded.text, "Manage the Budget\n\nIT wide");
  EXPECT_EQ(folded.lower, "manage the budget\n\nit wide");
  EXPECT_EQ(folded.source_offsets.size(), folded.text.size());
  EXPECT_EQ(folded.source_offsets[19], 2u);  // "I" of the third text
  folded.clear();
  EXPECT_EQ(folded.append("x"), 0u);
  EXPECT_EQ(folded.text, "x");
}

TEST(MatchTextTest, FingerprintIsTheHashOfTheFoldedLowerCaseText) {
  std::mt19937 random(7);
  for (int round = 0; round < 1000; ++round) {
    const std::string input = random_text(random, random() % 80);
    EXPECT_EQ(folded_fingerprint(input), std::hash<std::string>{}(ascii_lower(normalize_phrase(input))));
  }
  EXPECT_EQ(folded_fingerprint("Budget   Owner\n"), folded_fingerprint("budget owner"));
  EXPECT_NE(folded_fingerprint("budget owner"), folded_fingerprint("budget-owners"));
}

}  // namespace
}  // namespace cio_gap
