#include <gtest/gtest.h>

#include "cio_gap/render/html_page.h"
#include "cio_gap/render/render.h"
#include "cio_gap/render/svg_chart.h"
#include "test_report.h"

namespace cio_gap {
namespace {

using testing::SampleReport;

std::size_t count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
  return n;
}

TEST(HtmlRendererTest, EscapesMarkupQuotesAndControlCharacters) {
  EXPECT_EQ(html_escape("<script>alert('x' & \"y\")</script>\x01\tok\n"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt; \tok\n");
}

TEST(HtmlRendererTest, ChartDrawsOneBarPerQualificationWithStatusInWords) {
  const std::string svg = render_demand_chart_svg(
      {{"Budget management", "budget <b>", 0.875, Status::missing}, {"Vendor management", "vendor", 0.5, Status::partial}},
      "c-");
  EXPECT_EQ(svg, R"svg(<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760.0 114.0" role="img" aria-labelledby="c-title">
<title id="c-title">Share of postings demanding each qualification, with your status</title>
<defs><pattern id="c-partial" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fbe3b0"/><rect width="3" height="6" fill="#c98200"/></pattern></defs>
<g class="legend"><rect x="272.0" y="8" width="22" height="12" fill="#1b6e3a" stroke="#1b6e3a" stroke-width="1"/><text x="300.0" y="18" class="legend">✓ have</text><rect x="372.0" y="8" width="22" height="12" fill="url(#c-partial)" stroke="#a86a00" stroke-width="1"/><text x="400.0" y="18" class="legend">◐ partial</text><rect x="484.0" y="8" width="22" height="12" fill="#fbe9e9" stroke="#b3261e" stroke-dasharray="3 2" stroke-width="1"/><text x="512.0" y="18" class="legend">✗ missing</text></g>
<g class="grid"><line x1="272.0" y1="52.0" x2="272.0" y2="108.0"/><text x="272.0" y="46.0">0%</text><line x1="354.5" y1="52.0" x2="354.5" y2="108.0"/><text x="354.5" y="46.0">25%</text><line x1="437.0" y1="52.0" x2="437.0" y2="108.0"/><text x="437.0" y="46.0">50%</text><line x1="519.5" y1="52.0" x2="519.5" y2="108.0"/><text x="519.5" y="46.0">75%</text><line x1="602.0" y1="52.0" x2="602.0" y2="108.0"/><text x="602.0" y="46.0">100%</text></g>
<g class="bar missing"><title>budget &lt;b&gt;</title><text class="label" x="262.0" y="70.5">Budget management</text><rect x="272.0" y="59.5" width="288.8" height="15.0" fill="#fbe9e9" stroke="#b3261e" stroke-dasharray="3 2" stroke-width="1"/><text class="value" x="566.8" y="70.5">88% <tspan class="status">✗ missing</tspan></text></g>
<g class="bar partial"><title>vendor</title><text class="label" x="262.0" y="94.5">Vendor management</text><rect x="272.0" y="83.5" width="165.0" height="15.0" fill="url(#c-partial)" stroke="#a86a00" stroke-width="1"/><text class="value" x="443.0" y="94.5">50% <tspan class="status">◐ partial</tspan></text></g>
</svg>
)svg");
}

TEST(HtmlRendererTest, ScoreRingFillsToTheScore) {
  EXPECT_EQ(render_score_ring_svg(50.0), R"svg(<svg class="ring" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 132 132" role="img" aria-label="Readiness score">
<circle cx="66" cy="66" r="52" fill="none" stroke="#e3e7ee" stroke-width="14"/>
<circle cx="66" cy="66" r="52" fill="none" stroke="#1f4e79" stroke-width="14" stroke-dasharray="163.4 326.7" transform="rotate(-90 66 66)"/>
<text x="66" y="70" class="score">50</text><text x="66" y="90" class="of">of 100</text>
</svg>
)svg");
  EXPECT_NE(render_score_ring_svg(std::nullopt).find(">none</text>"), std::string::npos);
}

TEST(HtmlRendererTest, ReportIsOneSelfContainedPageWithEveryPart) {
  SampleReport sample;
  sample.profile.name = "Dana <b>Rivera</b>";
  sample.report.meta = {"2026-01-01", "0.1.0", "0123456789abcdef", {"jobs/"}, 4, 1, 1};
  const std::string html = render_report_html(sample.report, sample.rules);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(html.ends_with("</main>\n</body>\n</html>\n"));
  // Input is text, never markup.
  EXPECT_NE(html.find("<h1>Dana &lt;b&gt;Rivera&lt;/b&gt;</h1>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  // Nothing runs, nothing is fetched.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(count(html, "https://"), 0u);
  EXPECT_EQ(count(html, "http://"), 2u);  // the two SVG namespaces
  EXPECT_EQ(count(html, "xmlns=\"http://www.w3.org/2000/svg\""), 2u);
  // A bar per demanded qualification; a collapsible block per gap, with its citations and advice.
  EXPECT_EQ(count(html, "<g class=\"bar "), 3u);
  EXPECT_EQ(count(html, "<details class=\"gap "), 2u);
  EXPECT_NE(html.find("<details class=\"gap missing\" open>\n<summary><h3>1. Budget management</h3> "
                      "<span class=\"badge missing\">\xE2\x9C\x97 missing</span><span class=\"demand\">3 of 3 postings "
                      "(100%; 2 required, 1 preferred)</span></summary>"),
            std::string::npos);
  EXPECT_NE(html.find("<blockquote>\xE2\x80\x9COwn the IT budget (about 3M).\xE2\x80\x9D<cite>a.txt:3</cite></blockquote>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"advice\"><strong>Next step:</strong> Help your manager prepare next year&#39;s "
                      "budget.</p>"),
            std::string::npos);
  // Readiness: each source listed once, then cited by number.
  EXPECT_NE(html.find("<ol class=\"sources\">\n<li>Gene Alvarez</li>\n<li>Seven steps</li>\n</ol>"), std::string::npos);
  EXPECT_NE(html.find("<td>[2]</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("<footer>\n<dl>\n<dt>Date</dt><dd>2026-01-01</dd>\n<dt>Tool</dt><dd>cio-gap 0.1.0</dd>\n"
                      "<dt>Rules</dt><dd>fingerprint <code>0123456789abcdef</code></dd>\n"
                      "<dt>Profile</dt><dd><code>clients/dana.yaml</code></dd>\n"
                      "<dt>Postings</dt><dd><code>jobs/</code>: 4 read, 1 file skipped, 1 duplicate</dd>\n"
                      "</dl>\n</footer>\n"),
            std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("@page"), std::string::npos);
}

TEST(HtmlRendererTest, BatchIndexLinksEveryClientWithScoreAndTopGaps) {
  const SampleReport dana;
  SampleReport sam;
  sam.profile.name = "Sam";
  sam.profile.path = "clients/sam.yaml";
  sam.report.score.reset();
  sam.report.gaps.clear();
  std::vector<Report> reports = {dana.report, sam.report};
  const std::string index = render_batch_index_html(reports, dana.rules, {"dana.html", "sam&co.html"});
  EXPECT_NE(index.find("<tbody>\n<tr><td><a href=\"dana.html\">Dana Rivera</a></td><td class=\"num\">33.3</td>"
                       "<td>Budget management (missing), Vendor management (partial)</td></tr>\n"
                       "<tr><td><a href=\"sam&amp;co.html\">Sam</a></td><td class=\"num\">none</td><td>none</td></tr>\n"
                       "</tbody>"),
            std::string::npos);
  const std::string page = render_batch_html(reports, dana.rules);
  EXPECT_NE(page.find("<a href=\"#client-2\">Sam</a>"), std::string::npos);
  EXPECT_NE(page.find("<article class=\"client\" id=\"client-2\">"), std::string::npos);
  EXPECT_NE(page.find("id=\"chart2-partial\""), std::string::npos);
}

}  // namespace
}  // namespace cio_gap
