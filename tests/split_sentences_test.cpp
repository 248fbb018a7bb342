#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>

#include "cio_gap/text/segmenter.h"

namespace cio_gap {
namespace {

// split_sentences as first written, one byte at a time: the reference the faster one must equal.
std::vector<std::pair<std::size_t, std::size_t>> reference_split(std::string_view paragraph) {
  auto is_abbreviation = [](std::string_view before) {
    static const std::array<std::string_view, 16> kAbbreviations = {
        "e.g", "i.e", "etc", "inc", "incl", "approx", "dept", "no", "vs", "mr", "ms", "mrs", "dr", "st", "jr", "sr"};
    if (before.size() <= 1) return true;
    if (before.find('.') != std::string_view::npos) return true;
    std::string lower(before);
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
  };
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < paragraph.size(); ++i) {
    const char c = paragraph[i];
    if (c != '.' && c != '!' && c != '?') continue;
    const char next = paragraph[i + 1];
    if (next != ' ' && next != '\n') continue;
    std::size_t j = i + 1;
    while (j < paragraph.size() && (paragraph[j] == ' ' || paragraph[j] == '\n')) ++j;
    if (j >= paragraph.size()) break;
    const char after = paragraph[j];
    const bool starts = (after >= 'A' && after <= 'Z') || (after >= '0' && after <= '9') || after == '"' ||
                        after == '(' || static_cast<unsigned char>(after) >= 0x80;
    if (!starts) continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > start && paragraph[w - 1] != ' ' && paragraph[w - 1] != '\n' && paragraph[w - 1] != '(') --w;
      if (is_abbreviation(paragraph.substr(w, i - w))) continue;
    }
    out.emplace_back(start, i + 1 - start);
    start = j;
  }
  if (start < paragraph.size()) out.emplace_back(start, paragraph.size() - start);
  return out;
}

TEST(SplitSentencesTest, EqualsTheByteAtATimeReference) {
  static const std::vector<std::string> kPieces = {
      "Lead the team", ".", ". ", "! ", "? ", ".\n", " ", "\n", "e.g. ", "Inc. ", "U.S. ", "B.S. ", "No. ",
      "APPROX. ", "Dr. ", "a", "B", "7", "\"Quote\"", "(see)", "\xC3\xA9t\xC3\xA9", "budget owner", "..."};
  std::mt19937 random(5);
  for (int round = 0; round < 5000; ++round) {
    std::string paragraph;
    const std::size_t pieces = random() % 40;
    for (std::size_t i = 0; i < pieces; ++i) paragraph += kPieces[random() % kPieces.size()];
    ASSERT_EQ(split_sentences(paragraph), reference_split(paragraph)) << "paragraph: " << paragraph;
  }
}

}  // namespace
}  // namespace cio_gap
