// DOCX and ODT documents zipped at test time by tests/tools/make_zip.py from XML written
// here, and hostile zips (not a zip, no document, malformed XML, zip bombs).

#include "cio_gap/load/docx_reader.h"

#include <gtest/gtest.h>

#include "document_test_support.h"

namespace cio_gap {
namespace {

using namespace testing_support;

constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Built with += rather than a chain of +: GCC 12 warns falsely (-Wrestrict) about the chain.
std::string docx_body(const std::string& body) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
  out += "\n<w:document xmlns:w=\"";
  out += kWordNamespace;
  out += "\"><w:body>";
  out += body;
  out += "</w:body></w:document>";
  return out;
}

std::string paragraph(const std::string& text, const std::string& properties = "") {
  std::string out = "<w:p>";
  if (!properties.empty()) out += "<w:pPr>" + properties + "</w:pPr>";
  out += "<w:r><w:t xml:space=\"preserve\">";
  out += text;
  out += "</w:t></w:r></w:p>";
  return out;
}

std::string styled(const std::string& style, const std::string& text) {
  return paragraph(text, "<w:pStyle w:val=\"" + style + "\"/>");
}

std::string item(const std::string& text) {
  return paragraph(text, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
}

class DocxReaderTest : public ::testing::Test {
 protected:
  // Zips `entries` (name, content) into a file and returns its bytes.
  std::string zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string arguments = quoted((folder_ / "out.zip").string());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto path = folder_ / ("entry" + std::to_string(i));
      write_file(path, entries[i].second);
      std::string spec = entries[i].first;  // NAME=PATH, built with += (see docx_body)
      spec += '=';
      spec += path.string();
      arguments += ' ';
      arguments += testing_support::quoted(spec);
    }
    EXPECT_EQ(run_tool("make_zip.py", arguments), 0);
    return slurp(folder_ / "out.zip");
  }

  std::optional<PostingText> read(const std::string& bytes, OfficeFormat format = OfficeFormat::docx) {
    return read_office_posting("p.docx", bytes, format, diagnostics_);
  }

  ScratchFolder folder_;
  Diagnostics diagnostics_;
};

TEST_F(DocxReaderTest, HeadingsListsAndTablesBecomeHeadedText) {
  std::string styles = "<w:styles xmlns:w=\"";
  styles += kWordNamespace;
  styles += R"("><w:style w:type="paragraph" w:styleId="Rubric"><w:name w:val="Rubric"/>)"
            R"(<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>)";
  const std::string document = docx_body(
      styled("Title", "Director of IT") + paragraph("Acme Corp, Springfield") + styled("Heading1", "What you will do") +
      item("Own the  IT budget") + item("Lead the team") + paragraph("Reports to the CEO.") +
      styled("Rubric", "Requirements") +
      paragraph("Ten years of experience.</w:t><w:br/><w:t>An MBA is preferred.</w:t><w:tab/><w:t>(or equal)") +
      "<w:tbl><w:tr><w:tc>" + paragraph("Salary") + "</w:tc><w:tc>" + paragraph("Competitive") +
      "</w:tc></w:tr></w:tbl>" + paragraph("Deleted<w:delText>gone</w:delText>", "<w:outlineLvl w:val=\"2\"/>"));
  const std::optional<PostingText> posting = read(zip({{"word/document.xml", document}, {"word/styles.xml", styles}}));
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "Director of IT");
  EXPECT_EQ(posting->text,
            "Director of IT\n"
            "Acme Corp, Springfield\n"
            "\n"
            "What you will do\n"
            "- Own the IT budget\n"
            "- Lead the team\n"
            "\n"
            "Reports to the CEO.\n"
            "\n"
            "Requirements\n"
            "Ten years of experience.\nAn MBA is preferred. (or equal)\n"
            "\n"
            "Salary\n"
            "Competitive\n"
            "\n"
            "Deleted");
  EXPECT_TRUE(diagnostics_.warnings.empty());
}

TEST_F(DocxReaderTest, OdtHeadingsParagraphsListsAndTables) {
  const std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
<office:body><office:text>
<text:h text:outline-level="1">Chief Technology Officer</text:h>
<text:p>We are a <text:span>food bank</text:span><text:s text:c="3"/>network.</text:p>
<text:h text:outline-level="2">Duties</text:h>
<text:list><text:list-item><text:p>Own the budget</text:p></text:list-item>
<text:list-item><text:p>Lead<text:line-break/>the team</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>Location</text:p></table:table-cell>
<table:table-cell><text:p>Remote</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>)";
  const std::optional<PostingText> posting = read(zip({{"content.xml", content}}), OfficeFormat::odt);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "Chief Technology Officer");
  EXPECT_EQ(posting->text,
            "Chief Technology Officer\n"
            "We are a food bank network.\n"
            "\n"
            "Duties\n"
            "- Own the budget\n"
            "- Lead\nthe team\n"
            "\n"
            "Location\n"
            "Remote");
}

TEST_F(DocxReaderTest, FilesThatAreNotDocumentsGiveOneWarningEach) {
  EXPECT_FALSE(read("this is not a zip file"));
  EXPECT_FALSE(read(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')));
  EXPECT_FALSE(read(zip({{"word/other.xml", "<a/>"}})));
  EXPECT_FALSE(read(zip({{"word/document.xml", "<w:document>\n  <w:body><w:p></w:body>"}})));
  EXPECT_FALSE(read(zip({{"word/document.xml", docx_body("")}})));
  EXPECT_FALSE(read(zip({{"word/document.xml", "<w:document>\n  <w:body></w:body></w:document>"}}), OfficeFormat::odt));
  std::string deep = "<w:document><w:body>";
  for (int i = 0; i < 300; ++i) deep += "<w:sdt>";
  for (int i = 0; i < 300; ++i) deep += "</w:sdt>";
  EXPECT_FALSE(read(zip({{"word/document.xml", deep + "</w:body></w:document>"}})));
  EXPECT_EQ(diagnostics_.warnings,
            (std::vector<std::string>{
                "p.docx: skipped: not a DOCX file: not a zip archive",
                "p.docx: skipped: not a DOCX file: an older binary document (save it as .docx)",
                "p.docx: skipped: not a DOCX file: word/document.xml is missing",
                "p.docx: skipped: word/document.xml:2:18: invalid XML: Start-end tags mismatch",
                "p.docx: skipped: no text",
                "p.docx: skipped: not an ODT file: content.xml is missing",
                "p.docx: skipped: word/document.xml: XML nested more than 256 levels deep",
            }));
}

TEST_F(DocxReaderTest, ZipBombsAreRefusedFromTheDirectoryAlone) {
  const std::string bomb = (folder_ / "bomb.docx").string();
  // 1 GiB of zeros, 1 MB packed: refused by its size.
  ASSERT_EQ(run_tool("make_zip.py", quoted(bomb) + " --zeros word/document.xml=1073741824"), 0);
  EXPECT_FALSE(read(slurp(bomb)));
  // 10 MiB of zeros: within the size limit, but packed a thousand to one.
  ASSERT_EQ(run_tool("make_zip.py", quoted(bomb) + " --zeros word/document.xml=10485760"), 0);
  EXPECT_FALSE(read(slurp(bomb)));
  // A directory that says 100 bytes for a whole document: reading stops at 100 bytes.
  write_file(folder_ / "document.xml", docx_body(paragraph("Director of IT")));
  ASSERT_EQ(run_tool("make_zip.py", quoted(bomb) + " --lie " + quoted("word/document.xml=" + (folder_ / "document.xml").string())), 0);
  EXPECT_FALSE(read(slurp(bomb)));
  ASSERT_EQ(diagnostics_.warnings.size(), 3u);
  EXPECT_EQ(diagnostics_.warnings[0],
            "p.docx: skipped: word/document.xml: 1073741824 bytes unpacked, more than 16777216 (a zip bomb?)");
  EXPECT_EQ(diagnostics_.warnings[1], "p.docx: skipped: word/document.xml: packed 1010 to 1 (a zip bomb?)");
  EXPECT_TRUE(diagnostics_.warnings[2].starts_with("p.docx: skipped: word/document.xml:2:")) << diagnostics_.warnings[2];
  EXPECT_NE(diagnostics_.warnings[2].find(": invalid XML: "), std::string::npos) << diagnostics_.warnings[2];
}

}  // namespace
}  // namespace cio_gap
