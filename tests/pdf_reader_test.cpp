// PDFs made at test time by tests/tools/make_pdf.py: text placed at absolute positions, pages
// with running headers, two columns, and hostile files (locked, image-only, truncated, a
// hundred thousand empty pages).

#include "cio_gap/load/pdf_reader.h"

#include <gtest/gtest.h>

#include <chrono>

#include "cio_gap/load/pdf_streams.h"
#include "cio_gap/load/posting_reader.h"
#include "document_test_support.h"

namespace cio_gap {
namespace {

using namespace testing_support;

class PdfReaderTest : public ::testing::Test {
 protected:
  // Writes a PDF from pages of [x, y, size, "text"] items given as JSON.
  std::string make(const std::string& name, const std::string& spec_json, const std::string& options = "") {
    write_file(folder_ / (name + ".json"), spec_json);
    const std::string out = (folder_ / name).string();
    EXPECT_EQ(run_tool("make_pdf.py", quoted(out) + " --spec " + quoted((folder_ / (name + ".json")).string()) + " " + options), 0);
    return slurp(out);
  }

  std::optional<PostingText> read(const std::string& bytes) {
    return read_pdf_posting("p.pdf", bytes, 16u * 1024 * 1024, diagnostics_);
  }

  ScratchFolder folder_;
  Diagnostics diagnostics_;
};

TEST_F(PdfReaderTest, PagesReadInOrderWithoutRunningHeadersAndWithHyphensJoined) {
  const std::string pdf = make("a.pdf", R"([
    [[72, 40, 9, "Acme Corp - Careers"], [72, 72, 14, "Director of IT"],
     [72, 100, 10, "You will lead the manage-"], [72, 112, 10, "ment of the budget and of all the vendors of the"],
     [72, 124, 10, "company."], [72, 148, 10, "Requirements"], [72, 160, 10, "- Ten years of IT leadership"],
     [200, 750, 9, "Page 1 of 2"]],
    [[72, 40, 9, "Acme Corp - Careers"], [72, 72, 10, "Benefits"], [72, 84, 10, "A pension plan."],
     [200, 750, 9, "Page 2 of 2"]]])");
  const std::optional<PostingText> posting = read(pdf);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->text,
            "Director of IT\n"
            "\n"
            "You will lead the management of the budget and of all the vendors of the company.\n"
            "\n"
            "Requirements\n"
            "- Ten years of IT leadership\n"
            "\n"
            "Benefits\n"
            "A pension plan.\n");
  EXPECT_EQ(posting->title, "Director of IT");
  EXPECT_EQ(posting->page_lines, (std::vector<int>{1, 8}));
  EXPECT_TRUE(diagnostics_.warnings.empty());
}

TEST_F(PdfReaderTest, TwoColumnsReadOneAfterTheOther) {
  // Each column opens with its widest line, so the short lines under it are not taken for
  // lines that wrap.
  const std::string pdf = make("columns.pdf", R"([
    [[72, 60, 14, "Chief Information Officer at the City of Riverton"],
     [72, 100, 10, "Duties of the Chief Information Officer"], [72, 124, 10, "Own the IT budget."],
     [72, 136, 10, "Lead the team."], [72, 148, 10, "Run the data center."], [72, 160, 10, "Report to the mayor."],
     [320, 100, 10, "Requirements for the Chief Information Officer"], [320, 124, 10, "An MBA is preferred."],
     [320, 136, 10, "Ten years in IT."], [320, 148, 10, "Public sector work."], [320, 160, 10, "A CISSP."]]])");
  const std::optional<PostingText> posting = read(pdf);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->text,
            "Chief Information Officer at the City of Riverton\n"
            "\n"
            "Duties of the Chief Information Officer\n\n"
            "Own the IT budget.\nLead the team.\nRun the data center.\nReport to the mayor.\n"
            "Requirements for the Chief Information Officer\n\n"
            "An MBA is preferred.\nTen years in IT.\nPublic sector work.\nA CISSP.\n");
}

TEST_F(PdfReaderTest, CitationsNameThePage) {
  const std::string pdf = make("cite.pdf", R"([
    [[72, 72, 14, "Director of Information Technology"], [72, 100, 10, "About the role."]],
    [[72, 72, 10, "You will own the annual IT budget."]]])");
  write_file(folder_ / "cite.pdf", pdf);
  Diagnostics diagnostics;
  const std::optional<PostingText> posting = read_document((folder_ / "cite.pdf").string(), {}, diagnostics);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->text, "Director of Information Technology\n\nAbout the role.\nYou will own the annual IT budget.\n");
  EXPECT_EQ(posting->page_lines, (std::vector<int>{1, 4}));
  EXPECT_EQ(page_of_line(posting->page_lines, 4), 2);
}

TEST_F(PdfReaderTest, APdfWithAnotherNameIsReadAsPdf) {
  const std::string pdf = make("posting.txt", R"([[[72, 72, 14, "Director of IT"]]])");
  Diagnostics diagnostics;
  const std::vector<PostingText> postings =
      read_postings({(folder_ / "posting.txt").string(), "posting.txt", false}, {}, diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].text, "Director of IT\n");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST_F(PdfReaderTest, LockedImageOnlyTruncatedAndGarbagePdfsGiveOneWarning) {
  const std::string locked = make("locked.pdf", R"([[[72, 72, 14, "Director of IT"]]])", "--locked");
  EXPECT_FALSE(read(locked));
  ASSERT_EQ(run_tool("make_pdf.py", quoted((folder_ / "image.pdf").string()) + " --image"), 0);
  EXPECT_FALSE(read(slurp(folder_ / "image.pdf")));
  EXPECT_FALSE(read(locked.substr(0, 300)));
  EXPECT_FALSE(read("%PDF-1.4\n\x01\x02 not a PDF at all"));
  EXPECT_EQ(diagnostics_.warnings, (std::vector<std::string>{
                                       "p.pdf: skipped: the PDF is locked with a password",
                                       "p.pdf: skipped: the PDF has no text to read (a scanned image?)",
                                       "p.pdf: skipped: not a readable PDF (damaged or truncated)",
                                       "p.pdf: skipped: not a readable PDF (damaged or truncated)",
                                   }));
}

TEST_F(PdfReaderTest, HundredThousandEmptyPagesStopAtThePageLimit) {
  const std::string out = (folder_ / "empty.pdf").string();
  ASSERT_EQ(run_tool("make_pdf.py", quoted(out) + " --empty-pages 100000"), 0);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(read(slurp(out)));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(diagnostics_.warnings, (std::vector<std::string>{
                                       "p.pdf: skipped: the PDF has no text to read in its first 200 of 100000 pages"}));
  RecordProperty("seconds", std::to_string(took.count()));
}

TEST_F(PdfReaderTest, PageContentsThatUnpackTooFarAreRefusedBeforePopplerReadsThem) {
  // 30 KB holding 100 MiB of text operators: poppler would take gigabytes to read the page.
  const std::string out = (folder_ / "bomb.pdf").string();
  ASSERT_EQ(run_tool("make_pdf.py", quoted(out) + " --content-bomb 100"), 0);
  EXPECT_FALSE(read(slurp(out)));
  EXPECT_EQ(diagnostics_.warnings,
            (std::vector<std::string>{"p.pdf: skipped: its page contents unpack to more than 8388608 bytes (a compression bomb?)"}));
  // 4 MiB of them is within the limit and read.
  ASSERT_EQ(run_tool("make_pdf.py", quoted(out) + " --content-bomb 4"), 0);
  const std::string small = slurp(out);
  EXPECT_GT(pdf_content_bytes(small, kMaxPdfContentBytes), 4000000u);
  EXPECT_LE(pdf_content_bytes(small, kMaxPdfContentBytes), kMaxPdfContentBytes);
}

TEST_F(PdfReaderTest, TextBeyondTheLimitStopsTheReadingWithAWarning) {
  const std::string pdf = make("long.pdf", R"([
    [[72, 72, 10, "Director of IT, page one of three."]],
    [[72, 72, 10, "Page two."]],
    [[72, 72, 10, "Page three."]]])");
  const std::optional<PostingText> posting = read_pdf_posting("p.pdf", pdf, 10, diagnostics_);
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->text, "Director of IT, page one of three.\n");
  EXPECT_EQ(diagnostics_.warnings, (std::vector<std::string>{
                                       "p.pdf: read the first 1 of 3 pages: its text passed 10 bytes (--max-filesize)"}));
}

}  // namespace
}  // namespace cio_gap
