// Company and link of a posting, from every container that names them.
#include <gtest/gtest.h>

#include <string>

#include "cio_gap/load/csv_reader.h"
#include "cio_gap/load/html_reader.h"
#include "cio_gap/load/json_reader.h"
#include "cio_gap/load/posting_builder.h"

namespace cio_gap {
namespace {

TEST(CompanyAndLinkTest, JobSpyCsvTakesCompanyAndJobUrlNotTheCompanysUrl) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "jobspy.csv",
      "id,site,job_url,job_url_direct,title,company,description,company_url\n"
      "li-1,linkedin,https://www.linkedin.com/jobs/view/1,,Director of IT,Acme Corp,Lead IT.,"
      "https://www.linkedin.com/company/acme\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "Acme Corp");
  EXPECT_EQ(postings[0].url, "https://www.linkedin.com/jobs/view/1");
}

TEST(CompanyAndLinkTest, JobSpyForkColumnsAreNamedInWords) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "fork.csv",
      "Job ID|~|Job Title (Primary)|~|Company Name|~|Job URL|~|Job Description\n"
      "1|~|VP of IT|~|Abbott Laboratories|~|https://www.jobs.abbott/us/en/job/1?utm=x|~|Run IT.\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "Abbott Laboratories");
  EXPECT_EQ(postings[0].url, "https://www.jobs.abbott/us/en/job/1?utm=x");
}

TEST(CompanyAndLinkTest, LinkedInExportHasALinkButOnlyACompanyId) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "linkedin.csv",
      "job_id,company_id,title,description,job_posting_url,application_url\n"
      "38,4458.0,CIO,Lead IT.,https://www.linkedin.com/jobs/view/38/,https://apply.example.com/38\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "");
  EXPECT_EQ(postings[0].url, "https://www.linkedin.com/jobs/view/38/");
}

TEST(CompanyAndLinkTest, SerpApiCsvTakesTheFirstOfItsApplyLinks) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "serpapi.csv",
      "query,title,company,via,description,apply_links\n"
      "cio,CIO,MD Anderson,Indeed,Lead IT.,\"[{'title': 'MD Anderson', 'link': "
      "'https://jobs.mdanderson.org/1?a=b'}, {'title': 'Indeed', 'link': 'https://www.indeed.com/2'}]\"\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "MD Anderson");
  EXPECT_EQ(postings[0].url, "https://jobs.mdanderson.org/1?a=b");
}

TEST(CompanyAndLinkTest, NycOpenDataAgencyIsTheCompany) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings("nyc.csv",
                                          "Job ID,Agency,Business Title,Job Description\n"
                                          "1,DEPT OF IT & TELECOMM,IT Director,Lead IT.\n",
                                          diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "DEPT OF IT & TELECOMM");
  EXPECT_EQ(postings[0].url, "");
}

TEST(CompanyAndLinkTest, SerpApiJsonTakesCompanyNameAndApplyOptions) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("serpapi.json", R"({"jobs_results": [], "jobs": [{
    "title": "CTO", "company_name": "Initech", "description": "Lead IT.",
    "apply_options": [{"title": "Initech", "link": "https://initech.example/jobs/7"}],
    "share_link": "https://www.google.com/search?q=cto"}]})", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "Initech");
  EXPECT_EQ(postings[0].url, "https://initech.example/jobs/7");
}

TEST(CompanyAndLinkTest, GreenhouseTakesAbsoluteUrlAndCompanyNameWhenPresent) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("gh.json", R"({"jobs": [
    {"id": 1, "title": "Head of IT", "company_name": "Globex", "content": "&lt;p&gt;Lead IT.&lt;/p&gt;",
     "absolute_url": "https://boards.greenhouse.io/globex/jobs/1"},
    {"id": 2, "title": "IT Manager", "content": "Run IT.", "absolute_url": "https://boards.greenhouse.io/globex/jobs/2"}]})",
                                          diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].company, "Globex");
  EXPECT_EQ(postings[0].url, "https://boards.greenhouse.io/globex/jobs/1");
  EXPECT_EQ(postings[1].company, "");
  EXPECT_EQ(postings[1].url, "https://boards.greenhouse.io/globex/jobs/2");
}

TEST(CompanyAndLinkTest, LeverTakesHostedUrl) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("lever.json", R"([{
    "text": "VP of IT", "descriptionPlain": "Lead IT.", "lists": [],
    "hostedUrl": "https://jobs.lever.co/acme/abc", "applyUrl": "https://jobs.lever.co/acme/abc/apply"}])",
                                          diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "");
  EXPECT_EQ(postings[0].url, "https://jobs.lever.co/acme/abc");
}

TEST(CompanyAndLinkTest, UsajobsTakesOrganizationNameAndPositionUri) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("usajobs.json", R"({"SearchResult": {"SearchResultItems": [
    {"MatchedObjectDescriptor": {"PositionTitle": "Chief Information Officer",
      "PositionURI": "https://www.usajobs.gov:443/GetJob/ViewDetails/441132200",
      "OrganizationName": "Consumer Financial Protection Bureau", "DepartmentName": "Other Agencies",
      "QualificationSummary": "Lead IT.", "UserArea": {"Details": {"JobSummary": "Run IT."}}}}]}})",
                                          diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "Consumer Financial Protection Bureau");
  EXPECT_EQ(postings[0].url, "https://www.usajobs.gov:443/GetJob/ViewDetails/441132200");
}

TEST(CompanyAndLinkTest, JsonLdTakesHiringOrganizationAndTheJobsOwnUrl) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("ld.json", R"({"@context": "https://schema.org", "@type": "JobPosting",
    "title": "CIO", "description": "Lead IT.", "url": "https://acme.example/jobs/cio",
    "hiringOrganization": {"@type": "Organization", "name": "Acme", "url": "https://acme.example"}})",
                                          diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "Acme");
  EXPECT_EQ(postings[0].url, "https://acme.example/jobs/cio");
}

TEST(CompanyAndLinkTest, JsonLdWithoutItsOwnUrlFallsBackToTheHiringOrganizations) {
  Diagnostics diagnostics;
  const auto posting = read_html_posting("cio.html", R"(<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "JobPosting", "title": "CIO", "description": "Lead IT.",
     "hiringOrganization": {"@type": "Organization", "name": "Acme &amp; Sons", "url": "https://acme.example"}}
    </script></head><body><p>Lead IT.</p></body></html>)",
                                         diagnostics);
  ASSERT_TRUE(posting.has_value());
  EXPECT_EQ(posting->company, "Acme & Sons");
  EXPECT_EQ(posting->url, "https://acme.example");
}

TEST(CompanyAndLinkTest, PlainTextHasNeither) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("a.json", R"({"title": "CIO", "description": "Lead IT."})", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "");
  EXPECT_EQ(postings[0].url, "");
}

TEST(CompanyAndLinkTest, LinkFromFindsTheFirstAddressAndDropsOverlongOnes) {
  EXPECT_EQ(link_from("  https://a.example/x  "), "https://a.example/x");
  EXPECT_EQ(link_from("see http://b.example/y, or https://c.example"), "http://b.example/y");
  EXPECT_EQ(link_from("[{'link': 'https://d.example/z'}]"), "https://d.example/z");
  EXPECT_EQ(link_from("not a link"), "");
  EXPECT_EQ(link_from("https://e.example/" + std::string(kMaxLinkBytes, 'a')), "");
}

}  // namespace
}  // namespace cio_gap
