#include "cio_gap/load/pdf_streams.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace cio_gap {
namespace {

std::string packed(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
            static_cast<uLong>(data.size()), 9);
  out.resize(size);
  return out;
}

std::string object(int number, const std::string& dictionary, const std::string& data) {
  return std::to_string(number) + " 0 obj\n<< " + dictionary + " >>\nstream\n" + data + "\nendstream\nendobj\n";
}

TEST(PdfStreamsTest, CountsPageContentsNotImagesOrFonts) {
  const std::string contents(1000, 'x');
  const std::string pdf = "%PDF-1.4\n" + object(1, "/Length 1000", contents) +
                          object(2, "/Filter /FlateDecode", packed(std::string(50000, ' '))) +
                          object(3, "/Type /XObject /Subtype /Image /Filter /FlateDecode", packed(std::string(90000, 'i'))) +
                          object(4, "/Length1 5000 /Filter /FlateDecode", packed(std::string(5000, 'f')));
  EXPECT_EQ(pdf_content_bytes(pdf, 1u << 20), 51000u);
}

TEST(PdfStreamsTest, StopsInflatingPastTheLimit) {
  const std::string pdf = "%PDF-1.4\n" + object(1, "/Filter /FlateDecode", packed(std::string(10u << 20, 'a')));
  const std::uint64_t counted = pdf_content_bytes(pdf, 1u << 20);
  EXPECT_GT(counted, 1u << 20);
  EXPECT_LE(counted, (1u << 20) + 65536u);
}

TEST(PdfStreamsTest, TextThatIsNoStreamIsNotCounted) {
  EXPECT_EQ(pdf_content_bytes("%PDF-1.4\n(a stream of words) Tj endstream stream", 100), 0u);
  EXPECT_EQ(pdf_content_bytes("", 100), 0u);
}

}  // namespace
}  // namespace cio_gap
