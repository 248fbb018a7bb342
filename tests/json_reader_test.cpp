#include "cio_gap/load/json_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace cio_gap {
namespace {

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(JsonReaderTest, ReadsOneJobPostingObjectWithHeadedSections) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("jobs/cio.json", R"({
    "@context": "https://schema.org", "@type": "JobPosting",
    "title": "Chief Information Officer",
    "description": "<p>Lead IT.</p>",
    "responsibilities": "Set the IT strategy.",
    "qualifications": ["MBA", "15 years in IT"],
    "skills": [{"@type": "DefinedTerm", "name": "Budgeting"}],
    "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 120},
    "educationRequirements": {"@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"},
    "hiringOrganization": {"@type": "Organization", "name": "Acme"}
  })", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "jobs/cio.json");
  EXPECT_EQ(postings[0].title, "Chief Information Officer");
  EXPECT_EQ(postings[0].text,
            "Lead IT.\n\nResponsibilities\nSet the IT strategy.\n\nQualifications\n- MBA\n- 15 years "
            "in IT\n\nExperience requirements\n120 months of experience\n\nEducation requirements\n"
            "bachelor degree\n\nSkills\nBudgeting");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(JsonReaderTest, ArrayRecordsAreNamedByZeroBasedIndex) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("a.json", R"([
    {"job_title": "IT Director", "job_description": "Run IT."},
    {"title": "No text"},
    "not an object",
    {"jobTitle": "CTO", "jobDescription": "Own technology."}
  ])", diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].source, "a.json#0");
  EXPECT_EQ(postings[0].title, "IT Director");
  EXPECT_EQ(postings[0].text, "Run IT.");
  EXPECT_EQ(postings[1].source, "a.json#3");
  EXPECT_EQ(postings[1].title, "CTO");
  EXPECT_EQ(diagnostics.warnings, (std::vector<std::string>{"a.json#1: skipped: no description",
                                                            "a.json#2: skipped: not a JSON object"}));
}

TEST(JsonReaderTest, RecordWithoutTitleIsNamedByItsFirstLine) {
  Diagnostics diagnostics;
  const auto postings =
      read_json_postings("a.json", R"({"description": "# VP of IT\nLead the team."})", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].title, "VP of IT");
}

TEST(JsonReaderTest, ReadsGreenhouseBoardWithEscapedHtml) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("gh.json", R"({"jobs": [
    {"id": 1, "title": "IT Manager", "absolute_url": "https://x/1", "location": {"name": "Remote"},
     "content": "&lt;p&gt;Run the &lt;strong&gt;help desk&lt;/strong&gt; &amp;amp; network.&lt;/p&gt;&lt;h2&gt;Requirements&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;&lt;p&gt;ITIL&lt;/p&gt;&lt;/li&gt;&lt;li&gt;5 years&lt;/li&gt;&lt;/ul&gt;"},
    {"id": 2, "title": "CIO", "content": "Plain text."}
  ], "meta": {"total": 2}})", diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].source, "gh.json#0");
  EXPECT_EQ(postings[0].title, "IT Manager");
  EXPECT_EQ(postings[0].text, "Run the help desk & network.\n\nRequirements\n- ITIL\n- 5 years");
  EXPECT_EQ(postings[1].source, "gh.json#1");
  EXPECT_EQ(postings[1].text, "Plain text.");
}

TEST(JsonReaderTest, ReadsLeverPostings) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("lever.json", R"([{
    "id": "abc", "text": "Director of IT",
    "descriptionPlain": "We build things.\n", "description": "<div>We build things.</div>",
    "lists": [{"text": "Requirements", "content": "<li>10 years</li><li>Budget ownership</li>"},
              {"text": "Nice to have", "content": "<li>CISSP</li>"},
              {"text": "Empty", "content": ""}],
    "additional": "<div>We are an equal opportunity employer.</div>"
  }])", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "lever.json#0");
  EXPECT_EQ(postings[0].title, "Director of IT");
  EXPECT_EQ(postings[0].text,
            "We build things.\n\nRequirements\n- 10 years\n- Budget ownership\n\nNice to have\n- CISSP"
            "\n\nWe are an equal opportunity employer.");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(JsonReaderTest, ReadsUsajobsSearchResults) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("usajobs.json", R"json({"SearchResult": {
    "SearchResultCount": 1,
    "SearchResultItems": [{"MatchedObjectId": "1", "MatchedObjectDescriptor": {
      "PositionTitle": "IT Specialist (INFOSEC)",
      "QualificationSummary": "One year of specialized experience.",
      "UserArea": {"Details": {
        "JobSummary": "Protect the network.",
        "MajorDuties": ["Lead audits.", "Advise the CIO."],
        "Education": "A degree may substitute.",
        "Requirements": "U.S. citizenship.",
        "KeyRequirements": ["Background check"]}}}}]}})json", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "usajobs.json#0");
  EXPECT_EQ(postings[0].title, "IT Specialist (INFOSEC)");
  EXPECT_EQ(postings[0].text,
            "Protect the network.\n\nMajor duties\n- Lead audits.\n- Advise the CIO.\n\n"
            "Qualifications\nOne year of specialized experience.\n\nEducation\nA degree may "
            "substitute.\n\nRequirements\nU.S. citizenship.\n\nKey requirements\nBackground check");
}

TEST(JsonReaderTest, FindsJobPostingsInsideGraph) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings("ld.json", R"({"@context": "https://schema.org",
    "@graph": [{"@type": "Organization", "name": "Acme", "description": "A company."},
               {"@type": ["JobPosting"], "title": "CTO", "description": "Build the platform."}]})",
                                           diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "ld.json");
  EXPECT_EQ(postings[0].title, "CTO");
  EXPECT_EQ(postings[0].text, "Build the platform.");
}

TEST(JsonReaderTest, FindJobPostingsLooksEverywhereButInsidePostings) {
  const nlohmann::json value = nlohmann::json::parse(R"([
    {"@type": "WebPage", "mainEntity": {"@type": "schema:JobPosting", "title": "A",
                                        "about": {"@type": "JobPosting", "title": "inner"}}},
    {"@type": "http://schema.org/JobPosting", "title": "B"},
    {"@type": "NotAJobPosting", "title": "C"}])");
  const auto found = find_job_postings(value);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ((*found[0])["title"], "A");
  EXPECT_EQ((*found[1])["title"], "B");
}

TEST(JsonReaderTest, WrappersAroundRecordsAreUnwrapped) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings(
      "w.json", R"({"count": 1, "results": [{"title": "CIO", "body": "Lead."}]})", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "w.json#0");
}

TEST(JsonReaderTest, UnrecognisedDocumentIsAWarning) {
  Diagnostics diagnostics;
  EXPECT_TRUE(read_json_postings("x.json", R"({"version": 3})", diagnostics).empty());
  EXPECT_TRUE(read_json_postings("y.json", "42", diagnostics).empty());
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{
                "x.json: skipped: no job postings found (expected records with a title and "
                "description field)",
                "y.json: skipped: expected a JSON object or array of job postings"}));
}

TEST(JsonReaderTest, SyntaxErrorIsAWarningWithLineAndColumn) {
  Diagnostics diagnostics;
  EXPECT_TRUE(read_json_postings("jobs/a.json", "{\n  \"title\": \"CIO\",\n  \"description\": oops\n}",
                                 diagnostics)
                  .empty());
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{
                "jobs/a.json:3:18: invalid JSON: syntax error while parsing value - invalid "
                "literal; last read: '\"description\": o'"});
}

TEST(JsonReaderTest, TruncatedDocumentIsAWarning) {
  Diagnostics diagnostics;
  EXPECT_TRUE(read_json_postings("t.json", "[{\"title\": \"CIO\"", diagnostics).empty());
  ASSERT_EQ(diagnostics.warnings.size(), 1u);
  EXPECT_EQ(diagnostics.warnings[0].rfind("t.json:1:17: invalid JSON: syntax error", 0), 0u)
      << diagnostics.warnings[0];
}

TEST(JsonReaderTest, RefusesDeepNestingWithoutRecursing) {
  Diagnostics diagnostics;
  const std::string deep = repeat("[", 100000) + repeat("]", 100000);
  EXPECT_TRUE(read_json_postings("deep.json", deep, diagnostics).empty());
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"deep.json:1:129: invalid JSON: nested deeper than 128 levels"});
  // Brackets inside strings do not count.
  const JsonDocument fine = parse_json("{\"description\": \"" + repeat("[{", 500) + "\\\"\"}");
  EXPECT_EQ(fine.error, "");
}

TEST(JsonReaderTest, JsonLinesNameRecordsByLineNumber) {
  Diagnostics diagnostics;
  const auto postings = read_jsonl_postings("jobs.jsonl",
                                            "{\"title\": \"CIO\", \"description\": \"Lead.\"}\n"
                                            "\n"
                                            "{\"title\": \"CTO\", \"description\": }\n"
                                            "{\"title\": \"VP IT\", \"description\": \"Run IT.\"}\n",
                                            diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].source, "jobs.jsonl#1");
  EXPECT_EQ(postings[0].title, "CIO");
  EXPECT_EQ(postings[1].source, "jobs.jsonl#4");
  EXPECT_EQ(postings[1].text, "Run IT.");
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{
                "jobs.jsonl:3:33: invalid JSON: syntax error while parsing value - unexpected "
                "'}'; expected '[', '{', or a literal"});
}

TEST(JsonReaderTest, JsonFileHoldingJsonLinesIsReadAsJsonLines) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings(
      "lines.json",
      "{\"title\": \"CIO\", \"description\": \"Lead.\"}\n{\"title\": \"CTO\", \"description\": \"Build.\"}\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[1].source, "lines.json#2");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(JsonReaderTest, ArrayOfNonObjectsGivesOneSummarisedWarning) {
  Diagnostics diagnostics;
  std::string zeros = "[0";
  for (int i = 1; i < 1048575; ++i) zeros += ",0";
  zeros += "]";
  EXPECT_TRUE(read_json_postings("zeros.json", zeros, diagnostics).empty());
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"zeros.json: 1,048,575 records skipped: not a JSON object (first at #0)"});
}

TEST(JsonReaderTest, RecordsWithoutTextAreSummarised) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings(
      "a.json", R"([{"title": "x"}, 5, {"title": "CIO", "description": "Lead IT."}, {"title": "y"}, {"title": "z"}])",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "a.json#2");
  EXPECT_EQ(diagnostics.warnings, (std::vector<std::string>{"a.json: 3 records skipped: no description (first at #0)",
                                                            "a.json#1: skipped: not a JSON object"}));
}

TEST(JsonReaderTest, NumberOverflowIsAWarningAtItsPlaceAndEveryRecordIsKept) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings(
      "o.json",
      R"([{"title": "CIO", "description": "Lead IT."}, {"title": "CTO", "salary": 1e999, "description": "Lead tech."}])",
      diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[1].source, "o.json#1");
  EXPECT_EQ(diagnostics.warnings, std::vector<std::string>{"o.json:1:74: number out of range '1e999' read as null"});
}

TEST(JsonReaderTest, LoneSurrogateLosesNoRecord) {
  Diagnostics diagnostics;
  std::string text = "[";
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) text += ",\n";
    text += "{\"title\": \"CIO " + std::to_string(i) + "\", \"description\": \"Lead IT \\ud83d\"}";
  }
  text += "]";
  const auto postings = read_json_postings("s.json", text, diagnostics);
  ASSERT_EQ(postings.size(), 1000u);
  EXPECT_EQ(postings[999].text, "Lead IT \xEF\xBF\xBD");
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"s.json:1:45: 1,000 lone surrogates read as U+FFFD (the first '\\ud83d')"});
}

TEST(JsonReaderTest, SyntaxErrorKeepsTheRecordsBeforeIt) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings(
      "t.json", "[{\"title\": \"CIO\", \"description\": \"Lead IT.\"},\n {\"title\": \"CTO\", \"description\": oops}]",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "t.json#0");
  ASSERT_EQ(diagnostics.warnings.size(), 1u);
  EXPECT_EQ(diagnostics.warnings[0].rfind("t.json:2:34: invalid JSON: syntax error", 0), 0u) << diagnostics.warnings[0];
  EXPECT_NE(diagnostics.warnings[0].find("; the records before it are read"), std::string::npos);
}

TEST(JsonReaderTest, ManyBadJsonLinesGiveOneWarning) {
  Diagnostics diagnostics;
  std::string text = "{\"title\": \"CIO\", \"description\": \"Lead IT.\"}\n";
  for (int i = 0; i < 5000; ++i) text += "oops\n";
  for (int i = 0; i < 3; ++i) text += "7\n";
  const auto postings = read_jsonl_postings("j.jsonl", text, diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{
                "j.jsonl: 5,000 lines skipped: invalid JSON (first at line 2, column 1: syntax error while parsing "
                "value - invalid literal; last read: 'o')",
                "j.jsonl: 3 records skipped: expected a JSON object or array of job postings (first at #5002)"}));
}

TEST(JsonReaderTest, WrapperArrayOfNonObjectsKeepsRecordNamesAndGivesOneWarning) {
  Diagnostics diagnostics;
  const auto postings = read_json_postings(
      "w.json", R"({"jobs": [0, 0, {"title": "CIO", "description": "Lead IT."}, 0], "tags": ["it", "cio"]})",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "w.json#2");
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"w.json: 3 records skipped: not a JSON object (first at #0)"});
  // A record's own arrays are kept whole.
  Diagnostics record_diagnostics;
  const auto record = read_json_postings(
      "r.json", R"({"title": "CIO", "description": "Lead IT.", "skills": ["SQL", "Go"]})", record_diagnostics);
  ASSERT_EQ(record.size(), 1u);
  EXPECT_NE(record[0].text.find("SQL"), std::string::npos) << record[0].text;
}

}  // namespace
}  // namespace cio_gap
