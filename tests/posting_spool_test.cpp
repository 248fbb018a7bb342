#include "cio_gap/analyze/posting_spool.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

PostingSummary numbered(int i) {
  PostingSummary posting;
  posting.source = "jobs/posting-" + std::to_string(i) + ".txt";
  // Every 5,000th title is larger than the blocks a pass in order reads (256 KiB).
  posting.title = i % 5000 == 7 ? std::string(300 * 1024, 't') : "Title " + std::to_string(i);
  posting.company = i % 3 == 0 ? "" : "Company";
  posting.url = i % 2 == 0 ? "" : "https://example.com/" + std::to_string(i);
  if (i % 4 == 0) posting.years_required = i % 20;
  if (i % 6 == 0) posting.years_leadership_required = 3;
  posting.duplicate = i % 11 == 0;
  posting.diagnosis = i % 13 == 0 ? Diagnosis::no_role_text : Diagnosis::none;
  posting.qualifications = i % 7;
  for (int d = 0; d < i % 7; ++d) posting.demands.push_back({static_cast<std::uint32_t>(d * 3), d % 2 == 1});
  return posting;
}

void expect_same(const PostingSummary& read, const PostingSummary& written) {
  EXPECT_EQ(read.source, written.source);
  EXPECT_EQ(read.title, written.title);
  EXPECT_EQ(read.company, written.company);
  EXPECT_EQ(read.url, written.url);
  EXPECT_EQ(read.years_required, written.years_required);
  EXPECT_EQ(read.years_leadership_required, written.years_leadership_required);
  EXPECT_EQ(read.duplicate, written.duplicate);
  EXPECT_EQ(read.diagnosis, written.diagnosis);
  EXPECT_EQ(read.qualifications, written.qualifications);
  ASSERT_EQ(read.demands.size(), written.demands.size());
  for (std::size_t d = 0; d < read.demands.size(); ++d) {
    EXPECT_EQ(read.demands[d].rule, written.demands[d].rule);
    EXPECT_EQ(read.demands[d].preferred, written.demands[d].preferred);
  }
}

TEST(PostingSpoolTest, PostingsReadBackInOrderAndByOffsetFromFileAndBuffer) {
  // Several MiB: most of it written to the temporary file, the rest still in the buffer.
  PostingSpool spool;
  std::vector<std::uint64_t> offsets;
  constexpr int kCount = 30000;
  for (int i = 0; i < kCount; ++i) offsets.push_back(spool.append(numbered(i)));
  EXPECT_EQ(spool.size(), static_cast<std::size_t>(kCount));
  int seen = 0;
  spool.for_each([&](const PostingSummary& posting, std::uint64_t offset) {
    ASSERT_LT(seen, kCount);
    EXPECT_EQ(offset, offsets[static_cast<std::size_t>(seen)]);
    expect_same(posting, numbered(seen));
    ++seen;
  });
  EXPECT_EQ(seen, kCount);
  for (const int i : {0, 7, 5007, 12345, kCount - 1}) expect_same(spool.read(offsets[static_cast<std::size_t>(i)]), numbered(i));
}

TEST(PostingSpoolTest, ATemporaryFolderThatCannotTakeTheFileIsAnError) {
  const char* before = std::getenv("TMPDIR");
  const std::string saved = before != nullptr ? before : "";
  ::setenv("TMPDIR", "/nonexistent-cio-gap-tmp", 1);
  PostingSpool spool;
  try {
    for (int i = 0; i < 20000; ++i) spool.append(numbered(1));  // past the 1 MiB kept in memory
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent-cio-gap-tmp: cannot make a temporary file for the postings: No such file or directory");
  }
  if (before != nullptr) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
}

}  // namespace
}  // namespace cio_gap
