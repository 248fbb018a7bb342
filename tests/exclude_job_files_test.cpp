#include <gtest/gtest.h>

#include "cio_gap/load/job_files.h"

namespace cio_gap {
namespace {

std::vector<JobFile> files_named(const std::vector<std::string>& sources) {
  std::vector<JobFile> files;
  for (const auto& source : sources) files.push_back({source, source, true});
  return files;
}

std::vector<std::string> sources(const std::vector<JobFile>& files) {
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(file.source);
  return out;
}

TEST(ExcludeJobFilesTest, MatchesTheRelativePathOrTheBaseName) {
  auto files = files_named({"SOURCES.md", "postings/a.txt", "raw/jobs.csv", "raw/deep/b.json", "cityofla/ACCOUNTANT 1513.txt"});
  EXPECT_EQ(exclude_job_files(files, {"SOURCES.md", "raw/*", "ACCOUNTANT*"}), 4u);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"postings/a.txt"}));
}

TEST(ExcludeJobFilesTest, BaseNamePatternsReachIntoFolders) {
  auto files = files_named({"a.md", "x/b.md", "x/c.txt"});
  EXPECT_EQ(exclude_job_files(files, {"*.md"}), 2u);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"x/c.txt"}));
}

TEST(ExcludeJobFilesTest, NoPatternsOrNoMatchKeepEverythingInOrder) {
  auto files = files_named({"b.txt", "a.txt"});
  EXPECT_EQ(exclude_job_files(files, {}), 0u);
  EXPECT_EQ(exclude_job_files(files, {"*.csv", "[a"}), 0u);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"b.txt", "a.txt"}));
}

}  // namespace
}  // namespace cio_gap
