#include "cio_gap/load/zip_archive.h"

#include <gtest/gtest.h>

#include "document_test_support.h"

namespace cio_gap {
namespace {

using namespace testing_support;

TEST(ZipArchiveTest, ReadsEntriesByName) {
  const ScratchFolder folder;
  write_file(folder / "a.txt", "hello");
  ASSERT_EQ(run_tool("make_zip.py", quoted((folder / "z.zip").string()) + " " +
                                        quoted("dir/a.txt=" + (folder / "a.txt").string())),
            0);
  const std::string bytes = slurp(folder / "z.zip");
  const ZipArchive archive(bytes);
  ASSERT_TRUE(archive.ok()) << archive.error();
  EXPECT_TRUE(archive.has("dir/a.txt"));
  EXPECT_FALSE(archive.has("a.txt"));
  std::string problem;
  EXPECT_EQ(archive.read("dir/a.txt", problem), std::optional<std::string>("hello"));
  EXPECT_FALSE(archive.read("b.txt", problem));
  EXPECT_EQ(problem, "b.txt is missing");
}

TEST(ZipArchiveTest, BytesThatAreNoZipSayWhy) {
  const ZipArchive archive("PK\x03\x04 but nothing after");
  EXPECT_FALSE(archive.ok());
  EXPECT_EQ(archive.error(), "not a zip archive");
  std::string problem;
  EXPECT_FALSE(archive.read("a", problem));
  EXPECT_EQ(problem, "not a zip archive");
  // No bytes at all read as an empty archive: it holds nothing.
  EXPECT_FALSE(ZipArchive("").has("word/document.xml"));
}

}  // namespace
}  // namespace cio_gap
