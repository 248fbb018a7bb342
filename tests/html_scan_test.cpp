#include "cio_gap/text/html_scan.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace cio_gap {
namespace {

std::string repeat(std::string_view piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

const std::string kTooDeep = "nested more than 256 levels deep";

TEST(HtmlScanTest, OrdinaryPagesAreWithinTheLimits) {
  EXPECT_EQ(html_limit_exceeded("<html><body><p>One<p>Two<ul><li>a<li>b</ul></body></html>"), "");
  EXPECT_EQ(html_limit_exceeded(repeat("<p>para", 5000) + repeat("<li>item", 5000) + repeat("<dt>a<dd>b", 5000)), "");
  EXPECT_EQ(html_limit_exceeded("<table>" + repeat("<tr><td>cell<td>cell", 5000) + "</table>"), "");
  EXPECT_EQ(html_limit_exceeded(repeat("<div>", kMaxHtmlDepth) + "x"), "");
}

TEST(HtmlScanTest, DepthCountsWhatNests) {
  EXPECT_EQ(html_limit_exceeded(repeat("<div>", kMaxHtmlDepth + 1)), kTooDeep);
  // Stray end tags do not hide the depth of the start tags around them.
  EXPECT_EQ(html_limit_exceeded(repeat("<div></span>", kMaxHtmlDepth + 1)), kTooDeep);
  // "/>" closes nothing on an HTML element: gumbo nests <div/>s.
  EXPECT_EQ(html_limit_exceeded(repeat("<div/>", kMaxHtmlDepth + 1)), kTooDeep);
  // ... but does inside SVG.
  EXPECT_EQ(html_limit_exceeded("<svg>" + repeat("<path d='M0'/>", 5000) + "</svg>"), "");
  // Lists inside list items nest.
  EXPECT_EQ(html_limit_exceeded(repeat("<ul><li>", kMaxHtmlDepth / 2 + 1)), kTooDeep);
  // Tables inside cells nest too.
  EXPECT_EQ(html_limit_exceeded(repeat("<table><tr><td>", kMaxHtmlDepth / 3 + 1)), kTooDeep);
}

// Comments end where HTML5 ends them, so none can hide the tags after it.
TEST(HtmlScanTest, CommentsEndWhereHtml5EndsThem) {
  const std::string deep = repeat("<div>", kMaxHtmlDepth + 1) + "-->";
  EXPECT_EQ(html_limit_exceeded("<!-->" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<!--->" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<!-- a --!>" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<!-- a --->" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<!DOCTYPE html>" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<!bogus>" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<?xml version='1.0'?>" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("</ bogus>" + deep), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<![CDATA[ x ]]>" + deep), kTooDeep);  // a bogus comment outside SVG
  // What a comment holds is not counted.
  EXPECT_EQ(html_limit_exceeded("<!-- " + repeat("<div>", 5000) + " -- > still a comment -->"), "");
  EXPECT_EQ(html_limit_exceeded("<svg><![CDATA[" + repeat("<div>", 5000) + "]]></svg>"), "");
}

TEST(HtmlScanTest, RawTextEndsAtItsEndTag) {
  for (const std::string name : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}) {
    EXPECT_EQ(html_limit_exceeded("<" + name + ">" + repeat("<div>", 5000) + "</" + name + ">"), "") << name;
    EXPECT_EQ(html_limit_exceeded("<" + name + "></" + name + " >" + repeat("<div>", kMaxHtmlDepth + 1)), kTooDeep)
        << name;
  }
  // A script's "<!--" does not hide its end tag, and a comment opened after it hides nothing.
  EXPECT_EQ(html_limit_exceeded("<script><!-- x </script><!-->" + repeat("<div>", kMaxHtmlDepth + 1)), kTooDeep);
  // Inside "<!--<script>" a "</script>" does not end the script; the next one does.
  EXPECT_EQ(html_limit_exceeded("<script><!--<script>" + repeat("<div>", 5000) + "</script>" +
                                repeat("<div>", 5000) + "</script>"),
            "");
  EXPECT_EQ(html_limit_exceeded("<script><!--<script></script><!-- </script>" + repeat("<div>", kMaxHtmlDepth + 1)),
            kTooDeep);
  // <noscript> is markup (gumbo runs no scripts).
  EXPECT_EQ(html_limit_exceeded("<noscript>" + repeat("<div>", kMaxHtmlDepth + 1)), kTooDeep);
}

TEST(HtmlScanTest, AttributeValuesFollowHtml5Quoting) {
  EXPECT_EQ(html_limit_exceeded("<a title=\"" + repeat("<div>", 5000) + "\">x</a>"), "");
  EXPECT_EQ(html_limit_exceeded("<a title='>'>" + repeat("<div>", kMaxHtmlDepth + 1)), kTooDeep);
  // A quote that does not follow '=' opens no value.
  EXPECT_EQ(html_limit_exceeded("<a x\"y>" + repeat("<div>", kMaxHtmlDepth + 1) + "\">"), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<a x=y\"z>" + repeat("<div>", kMaxHtmlDepth + 1) + "\">"), kTooDeep);
}

TEST(HtmlScanTest, AttributesPerElementAreBounded) {
  std::string attributes;
  for (int i = 0; i < kMaxHtmlAttributes; ++i) attributes += " a" + std::to_string(i) + "='v'";
  EXPECT_EQ(html_limit_exceeded("<div" + attributes + ">x</div>"), "");
  EXPECT_EQ(html_limit_exceeded("<div" + attributes + " one=more>x</div>"),
            "has an element with more than 256 attributes");
  EXPECT_EQ(html_limit_exceeded("<div></div" + attributes + " b c>"), "has an element with more than 256 attributes");
}

TEST(HtmlScanTest, ElementsTagsAndReopenedFormattingAreBounded) {
  EXPECT_EQ(html_limit_exceeded(repeat("<br>", kMaxHtmlElements + 1)), "has more than 100000 elements");
  EXPECT_EQ(html_limit_exceeded("<!-->" + repeat("<br>", kMaxHtmlElements + 1)), "has more than 100000 elements");
  EXPECT_EQ(html_limit_exceeded(repeat("<span>", 200) + repeat("</x>", kMaxHtmlTags)), "has more than 200000 tags");
  std::string open = "<p>";
  for (int i = 0; i < 100; ++i) open += "<i class=c" + std::to_string(i) + ">";
  EXPECT_EQ(html_limit_exceeded(open + "</p>" + repeat("<p>x</p>", 999)), "");
  EXPECT_EQ(html_limit_exceeded(open + "</p>" + repeat("<p>x</p>", 1001)),
            "reopens more than 100000 formatting elements (<b>, <i>, <font>, ... left open across paragraphs)");
  // Closed formatting elements are not reopened.
  EXPECT_EQ(html_limit_exceeded(repeat("<p><b>x</b></p>", 40000)), "");
  // Nor is one whose end tag comes after its paragraph closed.
  EXPECT_EQ(html_limit_exceeded(repeat("<p><b>x</p></b>", 40000)), "");
}

TEST(HtmlScanTest, HugeInputIsScannedQuickly) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(html_limit_exceeded(repeat("<div>", 1000000)), kTooDeep);
  EXPECT_EQ(html_limit_exceeded("<p>" + repeat("x<!-- -->", 1000000)), "");
  EXPECT_EQ(html_limit_exceeded(repeat("<a b='c' d=e f>", 99999)), "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace cio_gap
