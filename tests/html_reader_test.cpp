#include "cio_gap/load/html_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace cio_gap {
namespace {

std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Careers</title>" + head + "</head><body>" + body +
         "</body></html>";
}

std::string json_ld(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

TEST(HtmlReaderTest, JobPostingJsonLdMakesThePostingNotTheVisiblePage) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting(
      "jobs/cto.html",
      page(json_ld(R"({"@context": "https://schema.org", "@graph": [
                        {"@type": "Organization", "name": "Acme"},
                        {"@type": "JobPosting", "title": "Chief Technology Officer",
                         "description": "&lt;p&gt;Own the &lt;b&gt;platform&lt;/b&gt;.&lt;/p&gt;",
                         "responsibilities": "<ul><li>Hire engineers</li><li>Set the roadmap</li></ul>",
                         "skills": ["Cloud", "Security"],
                         "experienceRequirements": "10 years"}]})"),
           "<nav>Jobs</nav><h1>Chief Technology Officer</h1><p>Own the platform.</p>"),
      diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->source, "jobs/cto.html");
  EXPECT_EQ(posting->title, "Chief Technology Officer");
  EXPECT_EQ(posting->text,
            "Own the platform.\n\nResponsibilities\n- Hire engineers\n- Set the roadmap\n\n"
            "Experience requirements\n10 years\n\nSkills\n- Cloud\n- Security");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(HtmlReaderTest, JsonLdMayBeAnArray) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting(
      "a.html",
      page(json_ld(R"([{"@type": "BreadcrumbList"}, {"@type": "JobPosting", "title": "CIO",
                       "description": "Lead IT.", "qualifications": "MBA"}])"),
           "<p>Visible</p>"),
      diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->text, "Lead IT.\n\nQualifications\nMBA");
}

TEST(HtmlReaderTest, WithoutJobPostingTheVisibleTextIsThePosting) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting(
      "p.html",
      page(json_ld(R"({"@type": "WebSite", "name": "Acme"})"),
           "<header><a>Home</a></header><div>Facebook</div>"
           "<h1>IT Director</h1><h3>Requirements</h3><ul><li>10 years</li></ul>"
           "<footer>Privacy</footer>"),
      diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "IT Director");
  EXPECT_EQ(posting->text, "Facebook\n\nIT Director\nRequirements\n- 10 years");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(HtmlReaderTest, WithoutH1TheFirstLineIsTheTitle) {
  Diagnostics diagnostics;
  const auto posting =
      read_html_posting("f.html", "<p>Head of IT Operations</p><p>Run the service desk.</p>", diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "Head of IT Operations");
}

TEST(HtmlReaderTest, JobPostingWithoutDescriptionNamesTheVisiblePage) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting(
      "n.html", page(json_ld(R"({"@type": "JobPosting", "title": "VP of IT"})"), "<p>Lead IT.</p>"),
      diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "VP of IT");
  EXPECT_EQ(posting->text, "Lead IT.");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(HtmlReaderTest, SeveralJobPostingsReadTheFirstWithAWarning) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting(
      "list.html",
      page(json_ld(R"({"@type": "JobPosting", "title": "A", "description": "First."})") +
               json_ld(R"({"@type": "JobPosting", "title": "B", "description": "Second."})"),
           ""),
      diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "A");
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"list.html: the page holds 2 JobPosting entries; read the first"});
}

TEST(HtmlReaderTest, BrokenJobPostingJsonLdIsAWarning) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting(
      "b.html",
      page(json_ld(R"({"@type": "JobPosting", "title": "CIO",})") + json_ld("{broken but unrelated"),
           "<h1>CIO</h1><p>Lead.</p>"),
      diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->text, "CIO\nLead.");
  ASSERT_EQ(diagnostics.warnings.size(), 1u);
  EXPECT_EQ(diagnostics.warnings[0].rfind("b.html: JobPosting JSON-LD ignored: invalid JSON: ", 0), 0u)
      << diagnostics.warnings[0];
}

TEST(HtmlReaderTest, EmptyAndTooDeepPagesAreSkipped) {
  Diagnostics diagnostics;
  EXPECT_FALSE(read_html_posting("e.html", page("", "<script>only()</script>"), diagnostics));
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<div>";
  EXPECT_FALSE(read_html_posting("d.html", deep, diagnostics));
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"e.html: skipped: no visible text",
                                      "d.html: skipped: HTML nested more than 256 levels deep"}));
}

}  // namespace
}  // namespace cio_gap
