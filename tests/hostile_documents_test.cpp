// Hostile PDF, DOCX and ODT files in a jobs folder, built at test time: each is skipped with
// one warning naming it, within seconds, and the scan reads the good posting beside them.

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "cio_gap/cli/cli.h"
#include "document_test_support.h"

namespace cio_gap {
namespace {

using namespace testing_support;

TEST(HostileDocumentsTest, EachIsSkippedWithOneWarningAndTheScanGoesOn) {
  const ScratchFolder folder;
  const auto jobs = folder / "jobs";
  std::filesystem::create_directories(jobs);
  write_file(jobs / "good.txt",
             slurp(std::filesystem::path(CIO_GAP_SOURCE_DIR) / "examples" / "jobs" / "lakeshore-health-cio.txt"));
  const std::string spec = (folder / "spec.json").string();
  write_file(spec, R"([[[72, 72, 14, "Director of IT"], [72, 100, 10, "Own the IT budget."]]])");
  auto pdf = [&](const std::string& name, const std::string& options) {
    ASSERT_EQ(run_tool("make_pdf.py", quoted((jobs / name).string()) + " " + options), 0) << name;
  };
  pdf("locked.pdf", "--spec " + quoted(spec) + " --locked");
  pdf("scan.pdf", "--image");
  pdf("empty-pages.pdf", "--empty-pages 100000");
  pdf("whole.pdf", "--spec " + quoted(spec));
  pdf("deflate-bomb.pdf", "--content-bomb 100");
  write_file(jobs / "truncated.pdf", slurp(jobs / "whole.pdf").substr(0, 200));
  std::filesystem::remove(jobs / "whole.pdf");
  ASSERT_EQ(run_tool("make_zip.py", quoted((jobs / "bomb.docx").string()) + " --zeros word/document.xml=1073741824"), 0);
  write_file(jobs / "garbage.docx", std::string(5000, '\x7f'));
  write_file(jobs / "garbage.odt", "PK\x03\x04 and then nothing");
  // 100 MB, more than --max-filesize: refused from its size, never opened (its warning in its
  // place among the files, as every warning is).
  write_file(jobs / "huge.pdf", "%PDF-1.4\n");
  std::filesystem::resize_file(jobs / "huge.pdf", 100u * 1000 * 1000);

  const auto start = std::chrono::steady_clock::now();
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_cli({"scan", jobs.string()}, in, out, err);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  RecordProperty("seconds", std::to_string(took.count()));
  EXPECT_EQ(code, 0);
  EXPECT_EQ(err.str(),
            "cio-gap: warning: bomb.docx: skipped: word/document.xml: 1073741824 bytes unpacked, more than 16777216 (a zip bomb?)\n"
            "cio-gap: warning: deflate-bomb.pdf: skipped: its page contents unpack to more than 8388608 bytes (a compression bomb?)\n"
            "cio-gap: warning: empty-pages.pdf: skipped: the PDF has no text to read in its first 200 of 100000 pages\n"
            "cio-gap: warning: garbage.docx: skipped: not a DOCX file: not a zip archive\n"
            "cio-gap: warning: garbage.odt: skipped: not an ODT file: not a zip archive\n"
            "cio-gap: warning: huge.pdf: skipped: larger than 16 MiB (--max-filesize)\n"
            "cio-gap: warning: locked.pdf: skipped: the PDF is locked with a password\n"
            "cio-gap: warning: scan.pdf: skipped: the PDF has no text to read (a scanned image?)\n"
            "cio-gap: warning: truncated.pdf: skipped: not a readable PDF (damaged or truncated)\n"
            "cio-gap: 1 postings read, 9 files skipped\n");
  EXPECT_NE(out.str().find("good.txt"), std::string::npos);
}

}  // namespace
}  // namespace cio_gap
