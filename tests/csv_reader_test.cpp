#include "cio_gap/load/csv_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace cio_gap {
namespace {

std::vector<std::vector<std::string>> fields_of(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& record : records) out.push_back(record.fields);
  return out;
}

std::vector<std::vector<std::string>> parse(std::string_view text, Diagnostics& diagnostics) {
  return fields_of(parse_csv(text, sniff_csv_dialect(text), "t.csv", diagnostics));
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, SniffsTheSeparatorFromTheHeaderLine) {
  EXPECT_EQ(sniff_csv_dialect("title,description\n").separator, ",");
  EXPECT_EQ(sniff_csv_dialect("title;description;company\na,b;c\n").separator, ";");
  EXPECT_EQ(sniff_csv_dialect("title\tdescription\n").separator, "\t");
  EXPECT_EQ(sniff_csv_dialect("title~description~company\n").separator, "~");
  EXPECT_EQ(sniff_csv_dialect("\"a;b;c\",title\n").separator, ",");  // quoted ';' do not count
  EXPECT_EQ(sniff_csv_dialect("description\n").separator, ",");
  const CsvDialect plain = sniff_csv_dialect("title,description\n");
  EXPECT_TRUE(plain.quoting);
  EXPECT_TRUE(plain.backslash_escapes);
  EXPECT_EQ(plain.record_end, '\n');
}

TEST(CsvReaderTest, SniffsTheJobSpyForkFormat) {
  const CsvDialect joined = sniff_csv_dialect("Job ID|~|Job Title|~|Job Source,1|~|CIO|~|google,2|~|CTO");
  EXPECT_EQ(joined.separator, "|~|");
  EXPECT_EQ(joined.record_end, ',');
  EXPECT_FALSE(joined.quoting);
  EXPECT_EQ(sniff_csv_dialect("Job ID|~|Job Title\n1|~|CIO\n").record_end, '\n');
}

TEST(CsvReaderTest, ReadsQuotedFieldsOverSeveralLinesAndDoubledQuotes) {
  Diagnostics diagnostics;
  const auto records = parse_csv("title,description\n\"CIO\",\"Lead \"\"big\"\" IT,\nline two\"\nCTO,plain\n",
                                 sniff_csv_dialect("title,description\n"), "t.csv", diagnostics);
  EXPECT_EQ(fields_of(records),
            (Rows{{"title", "description"}, {"CIO", "Lead \"big\" IT,\nline two"}, {"CTO", "plain"}}));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 4);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(CsvReaderTest, ReadsPandasBackslashEscapes) {
  // to_csv(quoting=QUOTE_NONNUMERIC, escapechar="\\") doubles quotes and escapes backslashes;
  // with doublequote=False it escapes quotes too.
  Diagnostics diagnostics;
  EXPECT_EQ(parse("\"a\",\"b\"\n\"C:\\\\temp \"\"x\"\"\",\"say \\\"hi\\\", ok\"\n", diagnostics),
            (Rows{{"a", "b"}, {"C:\\temp \"x\"", "say \"hi\", ok"}}));
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(CsvReaderTest, OtherBackslashesStayAsTheyAre) {
  Diagnostics diagnostics;
  EXPECT_EQ(parse("a,b\n\"\\d+ \\n\",x\\y\n", diagnostics), (Rows{{"a", "b"}, {"\\d+ \\n", "x\\y"}}));
}

TEST(CsvReaderTest, LiteralBackslashBeforeAClosingQuoteFallsBackToPlainRfc4180) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "win.csv", "title,description\n\"Admin\",\"Map drive C:\\\"\n\"CIO\",\"Lead IT\"\n", diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].text, "Map drive C:\\");
  EXPECT_EQ(postings[1].title, "CIO");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(CsvReaderTest, SkipsBlankLinesAndKeepsEmptyFields) {
  Diagnostics diagnostics;
  EXPECT_EQ(parse("a,b\n\n1,\n,\n\"\"\n", diagnostics),
            (Rows{{"a", "b"}, {"1", ""}, {"", ""}, {""}}));
}

TEST(CsvReaderTest, ReadsSemicolonAndTabSeparatedFiles) {
  Diagnostics diagnostics;
  EXPECT_EQ(parse("title;description\nCIO;\"a;b\"\n", diagnostics), (Rows{{"title", "description"}, {"CIO", "a;b"}}));
  EXPECT_EQ(parse("title\tdescription\nCIO\tx, y\n", diagnostics), (Rows{{"title", "description"}, {"CIO", "x, y"}}));
}

TEST(CsvReaderTest, UnterminatedQuoteIsAWarning) {
  Diagnostics diagnostics;
  EXPECT_EQ(parse("a,b\n1,\"open\nstill open\n", diagnostics), (Rows{{"a", "b"}, {"1", "open\nstill open\n"}}));
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"t.csv:2: quoted field never closed; read to the end of the file"});
}

TEST(CsvReaderTest, CapsFieldSizeAndColumnCount) {
  Diagnostics diagnostics;
  const std::string big(kMaxCsvFieldBytes + 10, 'x');
  std::string wide = "h";
  for (std::size_t i = 1; i < kMaxCsvColumns + 5; ++i) wide += ",h";
  const auto records = parse_csv("a,b\n1,\"" + big + "\"\n" + wide + "\n", CsvDialect{}, "t.csv", diagnostics);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[1].size(), kMaxCsvFieldBytes);
  EXPECT_EQ(records[2].fields.size(), kMaxCsvColumns);
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"t.csv:2: field longer than 4 MiB; cut there",
                                      "t.csv:3: more than 1024 columns; the rest dropped"}));
}

TEST(CsvReaderTest, ReadsJobSpyForkRecordsJoinedByCommas) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "fork.csv",
      "Job ID|~|Job Title (Primary)|~|Company Name|~|Job Description|~|Job Source,"
      "go-1|~|IT Director|~|Acme|~|Lead IT; run budgets.\n\nWork On\n• Vendors|~|google,"
      "li-2|~|Truncated|~|Beta",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "fork.csv#row=1");
  EXPECT_EQ(postings[0].title, "IT Director");
  EXPECT_EQ(postings[0].text, "Lead IT; run budgets.\n\nWork On\n• Vendors");
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{
                "fork.csv#row=2: skipped: no description (the row has 3 fields, the header 5)"});
}

TEST(CsvReaderTest, JobSpyColumnsMakeOnePostingPerRow) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "jobs.csv",
      "\"id\",\"site\",\"title\",\"company\",\"min_amount\",\"is_remote\",\"description\",\"skills\"\n"
      "\"in-1\",\"indeed\",\"IT Manager\",\"Acme\",90000.0,False,\"**Duties**\n* Run IT\",\"\"\n"
      "\n"
      "\"in-2\",\"indeed\",\"\",\"Beta\",,True,\"Chief Technology Officer\nBuild.\",\"Go, SQL\"\n"
      "\"in-3\",\"indeed\",\"Empty\",\"Gamma\",,False,\"\",\"\"\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].source, "jobs.csv#row=1");
  EXPECT_EQ(postings[0].title, "IT Manager");
  EXPECT_EQ(postings[0].text, "**Duties**\n* Run IT");
  EXPECT_EQ(postings[1].source, "jobs.csv#row=2");
  EXPECT_EQ(postings[1].title, "Chief Technology Officer");
  EXPECT_EQ(postings[1].text, "Chief Technology Officer\nBuild.\n\nSkills\nGo, SQL");
  EXPECT_EQ(diagnostics.warnings, std::vector<std::string>{"jobs.csv#row=3: skipped: no description"});
}

TEST(CsvReaderTest, NycColumnsBecomeHeadedSections) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "nyc.csv",
      "Job ID,Business Title,Civil Service Title,Job Description,Minimum Qual Requirements,"
      "Preferred Skills\n"
      "1,Deputy CIO,COMPUTER SPECIALIST,Oversee IT.,A degree and 5 years.,PMP\n",
      diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].title, "Deputy CIO");
  EXPECT_EQ(postings[0].text,
            "Oversee IT.\n\nMinimum Qualification Requirements\nA degree and 5 years.\n\n"
            "Preferred Skills\nPMP");
}

TEST(CsvReaderTest, HtmlDescriptionsBecomeText) {
  Diagnostics diagnostics;
  const auto postings = read_csv_postings(
      "h.csv", "title,description\nCIO,\"<p>Lead</p><ul><li>Budget</li></ul>\"\n", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].text, "Lead\n\n- Budget");
}

TEST(CsvReaderTest, RowShapeMismatchIsAWarning) {
  Diagnostics diagnostics;
  const auto postings =
      read_csv_postings("s.csv", "title,description,company\nCIO,Lead IT\n", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"s.csv#row=1: the row has 2 fields, the header 3"});
}

TEST(CsvReaderTest, HeaderWithoutADescriptionColumnIsAWarning) {
  Diagnostics diagnostics;
  EXPECT_TRUE(read_csv_postings("p.csv", "name,salary\nCIO,1\n", diagnostics).empty());
  EXPECT_TRUE(read_csv_postings("e.csv", "", diagnostics).empty());
  EXPECT_TRUE(read_csv_postings("h.csv", "title,description\n", diagnostics).empty());
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{
                "p.csv: skipped: no description column (expected a header such as "
                "\"description\" or \"Job Description\")",
                "e.csv: skipped: no header line", "h.csv: skipped: no rows below the header"}));
}

}  // namespace
}  // namespace cio_gap

namespace cio_gap {
namespace {

// A million rows without a description are one warning, not a million.
TEST(CsvReaderTest, ManyBadRowsAreOneWarningPerReason) {
  std::string csv = "title,description\n";
  for (int row = 0; row < 1000000; ++row) csv += ",\n";
  csv += "CIO,Own the IT budget.\n";
  csv += "CTO,<div><b></div>" + std::string(300, 'x') + "\n";  // HTML, read as text
  for (int row = 0; row < 3; ++row) csv += "Lead,<p>text</p>,extra\n";
  Diagnostics diagnostics;
  const auto postings = read_csv_postings("big.csv", csv, diagnostics);
  ASSERT_EQ(postings.size(), 5u);
  EXPECT_EQ(postings[0].source, "big.csv#row=1000001");
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"big.csv: 1,000,000 rows skipped: no description (first at row 1)",
                                      "big.csv: 3 rows with more or fewer fields than the header (first at row 1000003)"}));
}

}  // namespace
}  // namespace cio_gap
