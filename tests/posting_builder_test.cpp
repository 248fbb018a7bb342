#include "cio_gap/load/posting_builder.h"

#include <gtest/gtest.h>

#include "cio_gap/text/html_text.h"

namespace cio_gap {
namespace {

using Role = FieldMeaning::Role;

TEST(PostingBuilderTest, FieldNamesMatchIgnoringCaseSpacesAndUnderscores) {
  for (const char* name : {"description", "Job Description", "job_description", "jobDescription",
                           "descriptionPlain", "content", "body", "text"}) {
    EXPECT_EQ(field_meaning(name).role, Role::description) << name;
  }
  for (const char* name : {"title", "Title", "job_title", "jobTitle", "Job Title (Primary)",
                           "PositionTitle", "Business Title", "position", "name"}) {
    EXPECT_EQ(field_meaning(name).role, Role::title) << name;
  }
  EXPECT_EQ(field_meaning("Civil Service Title").role, Role::ignored);
  EXPECT_EQ(field_meaning("company").role, Role::company);
  EXPECT_EQ(field_meaning("Company Name").role, Role::company);
  EXPECT_EQ(field_meaning("job_url").role, Role::url);
  EXPECT_EQ(field_meaning("company_description").role, Role::ignored);
  EXPECT_EQ(field_meaning("company_url").role, Role::ignored);
}

TEST(PostingBuilderTest, SectionFieldsCarryTheirHeadings) {
  EXPECT_EQ(field_meaning("Minimum Qual Requirements").heading, "Minimum Qualification Requirements");
  EXPECT_EQ(field_meaning("Preferred Skills").heading, "Preferred Skills");
  EXPECT_EQ(field_meaning("skills_desc").heading, "Skills");
  EXPECT_EQ(field_meaning("experienceRequirements").heading, "Experience requirements");
  EXPECT_EQ(field_meaning("educationRequirements").heading, "Education requirements");
  EXPECT_EQ(field_meaning("responsibilities").heading, "Responsibilities");
  EXPECT_EQ(field_meaning("qualifications").heading, "Qualifications");
}

TEST(PostingBuilderTest, TitleIsTheFirstNonEmptyLineWithoutHashes) {
  EXPECT_EQ(title_from_text("\n  \n## Chief   Information Officer  \nBody"), "Chief Information Officer");
  EXPECT_EQ(title_from_text("#\n\tDirector of IT\n"), "Director of IT");
  EXPECT_EQ(title_from_text("  \n\n"), "");
}

TEST(PostingBuilderTest, LongTitlesAreCutAtACharacterBoundary) {
  std::string line(kMaxTitleBytes - 1, 'a');
  line += "\xC3\xA9 and more";  // the two-byte 'é' straddles the limit
  EXPECT_EQ(title_from_text(line), std::string(kMaxTitleBytes - 1, 'a'));
  EXPECT_EQ(clean_title(" VP,\n IT "), "VP, IT");
}

TEST(PostingBuilderTest, FieldTextTurnsHtmlIntoLines) {
  Diagnostics diagnostics;
  EXPECT_EQ(field_text("  plain\ntext  \n", "a.json", diagnostics), "plain\ntext");
  EXPECT_EQ(field_text("<p>Intro</p><ul><li>One</li><li>Two</li></ul>", "a.json", diagnostics),
            "Intro\n\n- One\n- Two");
  EXPECT_EQ(field_text("&lt;p&gt;R&amp;amp;D&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;&lt;/ul&gt;",
                       "a.json", diagnostics),
            "R&D\n\n- One");
  // Entities in plain text are decoded; a bare ampersand is kept.
  EXPECT_EQ(field_text("Salary &lt; $100k at R&amp;D, AT&T", "a.json", diagnostics),
            "Salary < $100k at R&D, AT&T");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingBuilderTest, FieldTextDropsHtmlNestedTooDeeply) {
  Diagnostics diagnostics;
  std::string deep;
  for (int i = 0; i <= kMaxHtmlDepth; ++i) deep += "<div>";
  EXPECT_EQ(field_text(deep, "a.csv#row=2", diagnostics), "");
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"a.csv#row=2: HTML nested more than 256 levels deep; field ignored"});
}

TEST(PostingBuilderTest, BuildsDescriptionThenSectionsInFixedOrder) {
  PostingBuilder builder;
  builder.add(field_meaning("skills"), "Python");
  builder.add(field_meaning("name"), "Fallback title");
  builder.add(field_meaning("content"), "Lower-ranked description");
  builder.add(field_meaning("description"), "Intro line");
  builder.add(field_meaning("title"), "  Head of   IT ");
  builder.add(field_meaning("responsibilities"), "- Run IT");
  builder.add(field_meaning("qualifications"), "Intro line");  // repeats the description
  builder.add(field_meaning("company"), "Ignored Inc.");
  builder.add(field_meaning("educationRequirements"), "  ");
  const std::optional<PostingText> posting = builder.build("jobs.json#4");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->source, "jobs.json#4");
  EXPECT_EQ(posting->title, "Head of IT");
  EXPECT_EQ(posting->text, "Intro line\n\nResponsibilities\n- Run IT\n\nSkills\nPython");
}

TEST(PostingBuilderTest, WithoutATitleFieldTheTextNamesThePosting) {
  PostingBuilder builder;
  builder.add(field_meaning("Minimum Qual Requirements"), "A degree.");
  const std::optional<PostingText> posting = builder.build("nyc.csv#row=1");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "Minimum Qualification Requirements");
  EXPECT_EQ(posting->text, "Minimum Qualification Requirements\nA degree.");
}

TEST(PostingBuilderTest, NoTextNoPosting) {
  PostingBuilder builder;
  builder.add(field_meaning("title"), "CIO");
  EXPECT_FALSE(builder.has_text());
  EXPECT_FALSE(builder.build("x.json"));
}

}  // namespace
}  // namespace cio_gap
