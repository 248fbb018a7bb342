#include "cio_gap/text/html_text.h"

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

TEST(HtmlTextTest, LaysOutParagraphsHeadingsAndLists) {
  const HtmlText html = html_to_text(
      "<p>We are hiring.</p>\n<h3>Responsibilities</h3>\n<ul>\n  <li>Own the\n budget.</li>\n"
      "  <li>Lead <b>the</b> team.</li>\n</ul>\n<h3>Requirements</h3><p>Ten years.</p>"
      "<div>One</div><div>Two</div>");
  EXPECT_EQ(html.text,
            "We are hiring.\n\nResponsibilities\n- Own the budget.\n- Lead the team.\n\n"
            "Requirements\nTen years.\n\nOne\nTwo");
  EXPECT_TRUE(html.refusal.empty());
}

TEST(HtmlTextTest, ListItemsStayTightAroundNestedBlocks) {
  EXPECT_EQ(html_to_text("<ol><li><p>First</p></li><li></li><li><div>Second</div></li></ol>").text,
            "- First\n- Second");
}

TEST(HtmlTextTest, LineBreaksCountOneByOne) {
  EXPECT_EQ(html_to_text("<p>one<br>two<br><br>three</p><br><br><br>four").text,
            "one\ntwo\n\nthree\n\nfour");
}

TEST(HtmlTextTest, DecodesEntities) {
  EXPECT_EQ(html_to_text("<p>R&amp;D&nbsp;team &#8211; it&rsquo;s &lt;great&gt;</p>").text,
            "R&D team \xE2\x80\x93 it\xE2\x80\x99s <great>");
}

TEST(HtmlTextTest, LeavesOutInvisibleElements) {
  const HtmlText html = html_to_text(
      "<html><head><title>Page title</title><style>p{color:red}</style>"
      "<script>var x = 'script';</script></head><body>"
      "<header><a href=/>Home</a></header>"
      "<nav><a>Jobs</a></nav>"
      "<noscript>Enable JavaScript</noscript>"
      "<template><p>template</p></template>"
      "<p>Visible</p>"
      "<div aria-hidden=\"true\">aria hidden</div>"
      "<div hidden>hidden attribute</div>"
      "<div style=\"display: none\">display none</div>"
      "<span class=\"sr-only\">screen reader</span>"
      "<form><label>Name</label><input value=x><select><option>Pick one</option></select>"
      "<textarea>typed</textarea><button>Send</button></form>"
      "<div role=\"navigation\">role nav</div>"
      "<footer>Copyright</footer>"
      "</body></html>");
  EXPECT_EQ(html.text, "Visible\n\nName");
}

TEST(HtmlTextTest, KeepsHeaderAndFooterInsideContent) {
  EXPECT_EQ(html_to_text("<section><header><h2>Role</h2></header><p>Text</p>"
                         "<footer>Posted today</footer></section>")
                .text,
            "Role\nText\n\nPosted today");
}

TEST(HtmlTextTest, JoinsTableCells) {
  EXPECT_EQ(html_to_text("<table><tr><th>Salary</th><td>$150k</td></tr>"
                         "<tr><td>Location</td><td></td><td>Remote</td></tr></table>")
                .text,
            "Salary | $150k\nLocation | Remote");
}

TEST(HtmlTextTest, PreformattedTextKeepsItsLines) {
  EXPECT_EQ(html_to_text("<pre>line one\n  indented\n\nafter blank</pre>").text,
            "line one\nindented\n\nafter blank");
}

TEST(HtmlTextTest, HeadingIsTheFirstVisibleH1) {
  const HtmlText html =
      html_to_text("<header><h1>Site name</h1></header><h1> </h1><h1>Chief\n <i>Information</i> "
                   "Officer</h1><h1>Second</h1>");
  EXPECT_EQ(html.heading, "Chief Information Officer");
}

TEST(HtmlTextTest, ReadsOnlyTheMainElementWhenThereIsOne) {
  const std::string filler = repeat("word ", 20);
  const HtmlText html = html_to_text("<div>Menu one</div><main><h1>CTO</h1><p>" + filler +
                                     "</p></main><div>Sidebar</div>");
  EXPECT_EQ(html.text.substr(0, 4), "CTO\n");
  EXPECT_EQ(html.text.find("Menu"), std::string::npos);
  EXPECT_EQ(html.text.find("Sidebar"), std::string::npos);
}

TEST(HtmlTextTest, ReadsTheOnlyArticleWhenItHoldsMostOfThePage) {
  const std::string filler = repeat("word ", 40);
  EXPECT_EQ(html_to_text("<div>Facebook</div><article><p>" + filler + "</p></article><div>Donate</div>")
                .text.find("Facebook"),
            std::string::npos);
  // A small teaser article is not the posting.
  EXPECT_NE(html_to_text("<p>" + filler + "</p><article><p>Related job</p></article>")
                .text.find("word"),
            std::string::npos);
}

TEST(HtmlTextTest, CollectsJsonLdBlocks) {
  const HtmlText html = html_to_text(
      "<head><script type=\"application/ld+json\">{\"@type\": \"JobPosting\"}</script>"
      "<script type=\"text/javascript\">var a = 1;</script></head>"
      "<body><script type=\" Application/LD+JSON \">[1, 2]</script><p>Text</p></body>");
  EXPECT_EQ(html.json_ld, (std::vector<std::string>{"{\"@type\": \"JobPosting\"}", "[1, 2]"}));
  EXPECT_EQ(html.text, "Text");
}

TEST(HtmlTextTest, RefusesNestingDeeperThanTheLimit) {
  const HtmlText deep = html_to_text(repeat("<div>", kMaxHtmlDepth + 1) + "x");
  EXPECT_EQ(deep.refusal, "nested more than 256 levels deep");
  EXPECT_EQ(deep.text, "");
  EXPECT_TRUE(html_to_text(repeat("<div>", kMaxHtmlDepth) + "x").refusal.empty());
  // Stray end tags do not hide the depth of the start tags around them.
  EXPECT_EQ(html_to_text(repeat("<div></span>", kMaxHtmlDepth + 1)).refusal,
            "nested more than 256 levels deep");
}

TEST(HtmlTextTest, UnclosedParagraphsAndListItemsAreNotNesting) {
  const HtmlText html = html_to_text(repeat("<p>para", 5000) + repeat("<li>item", 5000));
  EXPECT_TRUE(html.refusal.empty());
  EXPECT_EQ(html.text.substr(0, 10), "para\n\npara");
}

TEST(HtmlTextTest, RefusesMoreElementsThanTheLimit) {
  EXPECT_EQ(html_to_text(repeat("<span>x</span>", kMaxHtmlElements + 1)).refusal,
            "has more than 100000 elements");
}

TEST(HtmlTextTest, ScriptContentDoesNotCountTowardsDepth) {
  EXPECT_TRUE(html_to_text("<script>" + repeat("<div>", 5000) + "</script><p>ok</p>").refusal.empty());
}

TEST(HtmlTextTest, HugeNestingIsRefusedQuickly) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(html_to_text(repeat("<div>", 1000000)).refusal, "nested more than 256 levels deep");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(HtmlTextTest, RecognisesHtmlFieldValues) {
  EXPECT_TRUE(looks_like_html("<p>Hello</p>"));
  EXPECT_TRUE(looks_like_html("Line<BR>line"));
  EXPECT_TRUE(looks_like_html("<ul><li>a</li></ul>"));
  EXPECT_FALSE(looks_like_html("Salary < 100k and > 50k"));
  EXPECT_FALSE(looks_like_html("**Job Profile**\n* Develop"));
  EXPECT_FALSE(looks_like_html("&lt;p&gt;escaped&lt;/p&gt;"));
}

TEST(HtmlTextTest, DecodesEntitiesOnly) {
  EXPECT_EQ(decode_html_entities("&lt;p&gt;R&amp;amp;D &amp;nbsp;x&lt;/p&gt;\n  <b>"),
            "<p>R&amp;D &nbsp;x</p>\n  <b>");
  EXPECT_EQ(decode_html_entities("no references"), "no references");
}

}  // namespace
}  // namespace cio_gap

namespace cio_gap {
namespace {

// 900 formatting elements left open in one paragraph are reopened in each of the 20,000 after
// it: gumbo would build 18 million elements (6.8 GB). The page is refused before parsing.
TEST(HtmlTextTest, FormattingReopenedInEveryParagraphIsRefused) {
  std::string html = "<p>";
  for (int i = 0; i < 900; ++i) html += "<b id=" + std::to_string(i) + ">";
  html += "</p>" + repeat("<p>x</p>", 20000);
  EXPECT_EQ(html_to_text(html).refusal, "nested more than 256 levels deep");
  // Fewer of them, each reopened in every paragraph, stop at the count of reopened ones.
  html = "<p>";
  for (int i = 0; i < 200; ++i) html += "<b id=" + std::to_string(i) + ">";
  html += "</p>" + repeat("<p>x</p>", 600);
  EXPECT_EQ(html_to_text(html).refusal,
            "reopens more than 100000 formatting elements (<b>, <i>, <font>, ... left open across paragraphs)");
  // One left open is reopened as the page goes on, as browsers do.
  EXPECT_EQ(html_to_text("<p><b>Bold</p><p>Still bold</p>").text, "Bold\n\nStill bold");
}

// A tree that passes the counts but would not fit in memory: the parse stops when its budget
// runs out, its memory is freed, and the page is refused.
TEST(HtmlTextTest, ParseStopsWhenItsMemoryBudgetRunsOut) {
  const std::string html = repeat("<p>x</p>", 20000);
  EXPECT_EQ(html_to_text(html, std::size_t{1} << 20).refusal, "needs more than 1 MiB of memory to parse");
  EXPECT_EQ(html_to_text(html, std::size_t{1} << 20).text, "");
  EXPECT_TRUE(html_to_text(html).refusal.empty());
  EXPECT_EQ(html_to_text("<p>ok</p>", std::size_t{1} << 20).text, "ok");
}

}  // namespace
}  // namespace cio_gap
