#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <random>

#include "cio_gap/text/display_text.h"

namespace cio_gap {
namespace {

// display_text as first written, one byte at a time: the reference the faster one must equal.
std::string reference_display_text(std::string_view text, std::size_t max_bytes, std::size_t focus,
                                   std::size_t focus_end) {
  std::string out;
  std::size_t shown_focus = 0;
  std::size_t shown_focus_end = 0;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == focus) shown_focus = out.size() + (space && !out.empty() ? 1 : 0);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
    } else {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    if (i + 1 == focus_end) shown_focus_end = out.size();
  }
  if (out.size() <= max_bytes) return out;
  auto is_continuation = [&](std::size_t at) {
    return at < out.size() && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80;
  };
  std::size_t begin = 0;
  if (shown_focus_end > max_bytes) {
    begin = shown_focus > max_bytes / 3 ? shown_focus - max_bytes / 3 : 0;
    const auto space_at = out.find(' ', begin);
    if (space_at != std::string::npos && space_at < shown_focus) begin = space_at + 1;
    while (is_continuation(begin)) ++begin;
  }
  std::size_t end = std::min(out.size(), begin + max_bytes);
  if (end < out.size()) {
    const auto space_at = out.rfind(' ', end);
    if (space_at != std::string::npos && space_at > begin + max_bytes / 2) end = space_at;
    while (is_continuation(end)) --end;
  }
  std::string shown = begin > 0 ? "\xE2\x80\xA6" : "";
  shown += out.substr(begin, end - begin);
  if (end < out.size()) shown += "\xE2\x80\xA6";
  return shown;
}

TEST(DisplayTextTest, EqualsTheByteAtATimeReference) {
  static const std::vector<std::string> kPieces = {
      "Lead", "the", "IT budget", "of the company", " ", " ", "  ", "\n", "\n  ", "\t", "\r\n", ",", ".",
      "\xE2\x80\x99", "\xC3\xA9t\xC3\xA9", "0123456789 abcdefghij KLMNOPQRST uvwxyz."};
  std::mt19937 random(99);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t pieces = random() % (round % 2 == 0 ? 120 : 600);
    for (std::size_t i = 0; i < pieces; ++i) text += kPieces[random() % kPieces.size()];
    const std::size_t focus = random() % (text.size() + 3);
    const std::size_t focus_end = random() % 4 == 0 ? random() % (text.size() + 3) : focus + random() % 20;
    const std::size_t max_bytes = random() % 2 == 0 ? 240 : 4 + random() % 100;
    ASSERT_EQ(display_text(text, max_bytes, focus, focus_end), reference_display_text(text, max_bytes, focus, focus_end))
        << "text: " << text << " focus " << focus << "-" << focus_end << " max " << max_bytes;
  }
}

// Citing each of the mentions in one long sentence looks only near each: the time per citation
// does not grow with the sentence.
TEST(DisplayTextTest, CitingEveryMentionOfALongSentenceIsLinear) {
  auto seconds = [](std::size_t words) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) text += i % 3 == 0 ? "budget  \n " : "budget ";
    for (std::size_t i = 0; i < words; ++i) text += "budget.";  // one word of them all
    // This thread's CPU time: other work on a busy machine does not count.
    timespec start{};
    timespec end{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    std::size_t shown = 0;
    for (std::size_t at = 0; at < text.size(); at += 7) shown += display_text(text, 240, at, at + 6).size();
    EXPECT_GT(shown, 0u);
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    return static_cast<double>(end.tv_sec - start.tv_sec) + static_cast<double>(end.tv_nsec - start.tv_nsec) * 1e-9;
  };
  const double small = seconds(16000);
  const double large = seconds(64000);
  EXPECT_LT(large, 6 * std::max(small, 1e-3)) << "16,000 words: " << small << " s, 64,000 words: " << large << " s";
}

}  // namespace
}  // namespace cio_gap
