#include "cio_gap/text/page_layout.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cio_gap/model/posting.h"

namespace cio_gap {
namespace {

// Words of a line set at 10 points from `x`, 5 points a letter and a space between words.
std::vector<WordBox> line_at(double x, double y, const std::string& text) {
  std::vector<WordBox> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    const double width = 5.0 * static_cast<double>(word.size());
    words.push_back({word, x, y, x + width, y + 10});
    x += width + 3;
  }
  return words;
}

std::vector<WordBox> page_of(const std::vector<std::pair<double, std::string>>& lines, double x = 72) {
  std::vector<WordBox> words;
  for (const auto& [y, text] : lines) {
    for (WordBox& word : line_at(x, y, text)) words.push_back(std::move(word));
  }
  return words;
}

std::string text_of(const std::vector<std::vector<WordBox>>& pages) {
  std::vector<std::vector<LaidOutLine>> laid_out;
  for (const auto& page : pages) laid_out.push_back(lay_out_page(page));
  return join_pages(laid_out).text;
}

TEST(PageLayoutTest, WordsOfALineReadLeftToRightWhateverTheirOrder) {
  std::vector<WordBox> words = line_at(72, 100, "Lead the IT team");
  std::swap(words[0], words[3]);
  EXPECT_EQ(text_of({words}), "Lead the IT team\n");
}

TEST(PageLayoutTest, WrappedLinesJoinAndShortLinesStay) {
  // "budgets" (35 points) would not have fitted after the first line: it wraps. "Requirements"
  // is short and "Ten" would have fitted after it: a line of its own.
  EXPECT_EQ(text_of({page_of({{100, "You will manage the annual operating and capital"},
                              {112, "budgets of the department."},
                              {124, "Requirements"},
                              {136, "Ten years of IT leadership."}})}),
            "You will manage the annual operating and capital budgets of the department.\n"
            "Requirements\n"
            "Ten years of IT leadership.\n");
}

TEST(PageLayoutTest, HyphenatedWordAtALineEndIsJoined) {
  EXPECT_EQ(text_of({page_of({{100, "Lead the manage-"}, {112, "ment of vendors and of contracts."}})}),
            "Lead the management of vendors and of contracts.\n");
  // A hyphen before a capital or a digit stays: "IT-" then "Security" is two words joined.
  EXPECT_EQ(text_of({page_of({{100, "Experience with a wide range of IT-"}, {112, "Security tools and more."}})}),
            "Experience with a wide range of IT- Security tools and more.\n");
}

TEST(PageLayoutTest, ListItemsAndParagraphsKeepTheirLines) {
  EXPECT_EQ(text_of({page_of({{100, "What you will do in this role every day at work"},
                              {112, "- Own the budget"},
                              {124, "- Lead the team"},
                              {148, "About us: a food bank network across eleven states."}})}),
            "What you will do in this role every day at work\n"
            "- Own the budget\n"
            "- Lead the team\n"
            "\n"
            "About us: a food bank network across eleven states.\n");
}

// Each page: a header, the page's widest line (so the lines around it are not taken for
// wraps of it), a short paragraph, and a footer, each after a blank space but the first.
std::vector<WordBox> page_with(const std::string& header, const std::string& body, const std::string& last,
                               const std::string& footer) {
  return page_of({{86, header}, {100, body}, {124, last}, {148, footer}});
}

TEST(PageLayoutTest, RunningHeadersFootersAndPageNumbersAreDropped) {
  const std::vector<std::string> bodies = {"The first page is about the role and this is its widest line.",
                                           "The second page is about the team and this is its widest line.",
                                           "The third page is about the pay and this is its widest line."};
  const std::vector<std::string> lasts = {"Role one.", "Team two.", "Pay three."};
  std::vector<std::vector<WordBox>> pages;
  for (std::size_t i = 0; i < 3; ++i) {
    pages.push_back(page_with("Acme Corp Careers", bodies[i], lasts[i], "Page " + std::to_string(i + 1) + " of 3"));
  }
  EXPECT_EQ(text_of(pages), bodies[0] + "\n\nRole one.\n" + bodies[1] + "\n\nTeam two.\n" + bodies[2] + "\n\nPay three.\n");
  // One page: nothing is known to repeat, so nothing is dropped.
  EXPECT_EQ(text_of({pages[0]}), "Acme Corp Careers\n" + bodies[0] + "\n\nRole one.\n\nPage 1 of 3\n");
}

TEST(PageLayoutTest, AHeaderOnHalfThePagesOrFewerStays) {
  const std::string body = "A line of the body wider than any header or footer line, page ";
  const std::vector<std::string> names = {"one", "two", "three", "four"};
  const std::vector<std::string> headers = {"Director of IT", "Duties", "Director of IT", "Benefits"};
  std::vector<std::vector<WordBox>> pages;
  std::string expected;
  for (std::size_t i = 0; i < 4; ++i) {
    pages.push_back(page_with(headers[i], body + names[i] + ".", "Last " + names[i] + ".", "Footer " + names[i]));
    expected += headers[i] + "\n" + body + names[i] + ".\n\nLast " + names[i] + ".\n\nFooter " + names[i] + "\n";
  }
  EXPECT_EQ(text_of(pages), expected);
}

TEST(PageLayoutTest, TwoColumnsReadLeftColumnThenRight) {
  // A heading over both columns, then five paragraphs of one line in each column.
  std::vector<WordBox> words = page_of({{60, "Director of Information Technology at Acme"}});
  // The left column ends on a short line: the right one does not go on with its sentence.
  const std::vector<std::string> left = {"Left one.", "Left two.", "Left three.", "Left four.", "Five."};
  const std::vector<std::string> right = {"Right one.", "Right two.", "Right three.", "Right four.", "Right five."};
  for (std::size_t i = 0; i < left.size(); ++i) {
    for (WordBox& w : line_at(72, 100 + 24.0 * static_cast<double>(i), left[i])) words.push_back(w);
    for (WordBox& w : line_at(320, 100 + 24.0 * static_cast<double>(i), right[i])) words.push_back(w);
  }
  EXPECT_EQ(text_of({words}),
            "Director of Information Technology at Acme\n\n"
            "Left one.\n\nLeft two.\n\nLeft three.\n\nLeft four.\n\nFive.\n"
            "Right one.\n\nRight two.\n\nRight three.\n\nRight four.\n\nRight five.\n");
  // The same lines in one column are read line by line.
  std::vector<WordBox> one_column;
  for (std::size_t i = 0; i < left.size(); ++i) {
    for (WordBox& w : line_at(72, 100 + 24.0 * static_cast<double>(i), left[i] + " " + right[i])) one_column.push_back(w);
  }
  EXPECT_EQ(text_of({one_column}),
            "Left one. Right one.\n\nLeft two. Right two.\n\nLeft three. Right three.\n\n"
            "Left four. Right four.\n\nFive. Right five.\n");
}

TEST(PageLayoutTest, PageLinesGiveTheLineEachPageStartsOn) {
  // Page 2 is empty; page 3's first line ends a sentence wrapped from page 1.
  const PagedText text = join_pages({lay_out_page(page_of({{100, "One."}, {112, "Manage the annual budget of the"}})),
                                     lay_out_page({}),
                                     lay_out_page(page_of({{100, "department."}, {124, "Three."}}))});
  EXPECT_EQ(text.text, "One.\nManage the annual budget of the department.\n\nThree.\n");
  EXPECT_EQ(text.page_lines, (std::vector<int>{1, 4, 4}));
  EXPECT_EQ(page_of_line(text.page_lines, 1), 1);
  EXPECT_EQ(page_of_line(text.page_lines, 2), 1);
  EXPECT_EQ(page_of_line(text.page_lines, 4), 3);
  EXPECT_EQ(page_of_line({}, 3), 0);
}

}  // namespace
}  // namespace cio_gap
