#include "cio_gap/text/html_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace cio_gap {
namespace {

std::string paragraphs(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "<p>x</p>";
  return out;
}

TEST(HtmlParseTest, ParsesWithinTheBudget) {
  const HtmlParse parse("<p>Hello</p>", std::size_t{1} << 20);
  ASSERT_NE(parse.output(), nullptr);
  EXPECT_EQ(parse.output()->root->v.element.tag, GUMBO_TAG_HTML);
  EXPECT_EQ(parse.limit(), std::size_t{1} << 20);
}

TEST(HtmlParseTest, AbandonsTheParseWhenTheBudgetRunsOut) {
  const std::string html = paragraphs(20000);  // about 6 MB of tree
  EXPECT_EQ(HtmlParse(html, std::size_t{1} << 20).output(), nullptr);
  // Abandoned parses leave nothing behind: the next ones work as before.
  for (int i = 0; i < 50; ++i) EXPECT_EQ(HtmlParse(html, std::size_t{64} << 10).output(), nullptr);
  EXPECT_NE(HtmlParse(html, html_parse_budget(html.size())).output(), nullptr);
}

TEST(HtmlParseTest, BudgetGrowsWithThePage) {
  EXPECT_EQ(html_parse_budget(0), kHtmlParseBaseBytes);
  EXPECT_EQ(html_parse_budget(1000), kHtmlParseBaseBytes + 8000);
}

}  // namespace
}  // namespace cio_gap
