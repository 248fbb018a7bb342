#include "cio_gap/load/job_files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cio_gap/error.h"

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

// A fresh folder per test under the system's temporary folder, removed afterwards.
class JobFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("cio-gap-job-files-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(root_ / "jobs" / "locked", fs::perms::owner_all, ignored);
    fs::remove_all(root_, ignored);
  }

  void write(const std::string& relative, const std::string& content = "Chief Information Officer\n") {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  template <typename Files>
  static std::vector<std::string> sources(const Files& files) {
    std::vector<std::string> out;
    for (const JobFile& file : files) out.push_back(file.source);
    return out;
  }

  fs::path root_;
  ReadLimits limits_;
  Diagnostics diagnostics_;
};

TEST_F(JobFilesTest, WalksFoldersInByteWiseOrderOfRelativePaths) {
  for (const char* name : {"jobs/b.txt", "jobs/a.txt", "jobs/B.md", "jobs/a-b.json", "jobs/a/z.csv",
                           "jobs/a/sub/deep.html", "jobs/x.HTM", "jobs/y.jsonl", "jobs/y.ndjson",
                           "jobs/y.markdown", "jobs/t.tsv"}) {
    write(name);
  }
  const auto files = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files),
            (std::vector<std::string>{"B.md", "a-b.json", "a.txt", "a/sub/deep.html", "a/z.csv", "b.txt",
                                      "t.tsv", "x.HTM", "y.jsonl", "y.markdown", "y.ndjson"}));
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files[3].path, path("jobs") + "/a/sub/deep.html");
  EXPECT_TRUE(diagnostics_.warnings.empty());
  EXPECT_EQ(diagnostics_.files_skipped, 0);
}

TEST_F(JobFilesTest, SkipsHiddenEntriesAndNamesOtherFormatsInOneWarning) {
  write("jobs/keep.txt");
  write("jobs/.hidden.txt");
  write("jobs/.git/config.txt");
  write("jobs/notes.pdf");
  write("jobs/cv.docx");
  write("jobs/cv.odt");
  write("jobs/README");
  write("jobs/old/a.doc");
  write("jobs/b.DOC");
  write("jobs/logo.png");
  write("jobs/list.xlsx");
  write("jobs/Thumbs.db");
  write("jobs/keep.txt~");
  const auto files = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"cv.docx", "cv.odt", "keep.txt", "notes.pdf"}));
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{"5 files skipped, not a posting format: README, b.DOC (convert .doc files to "
                                     ".docx), list.xlsx (save spreadsheets as .csv), logo.png, old/a.doc"});
  EXPECT_EQ(diagnostics_.files_skipped, 0);
}

TEST_F(JobFilesTest, TheSkippedFilesWarningNamesEightFilesAtMost) {
  for (int i = 0; i < 10; ++i) write("jobs/image" + std::to_string(i) + ".png");
  write("jobs/one.rtf");
  EXPECT_TRUE(collect_job_files({path("jobs")}, limits_, diagnostics_).empty());
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{"11 files skipped, not a posting format: image0.png, image1.png, image2.png, "
                                     "image3.png, image4.png, image5.png, image6.png, image7.png and 3 more"});
  diagnostics_ = {};
  fs::remove_all(root_ / "jobs");
  write("jobs/one.rtf");
  EXPECT_TRUE(collect_job_files({path("jobs")}, limits_, diagnostics_).empty());
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{"1 file skipped, not a posting format: one.rtf (convert .rtf files to .docx)"});
}

TEST_F(JobFilesTest, FilesNamedDirectlyKeepAnyExtensionAndTheirName) {
  write("notes.pdf");
  write(".hidden.txt");
  const auto files =
      collect_job_files({path("notes.pdf"), path(".hidden.txt"), "-"}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{path("notes.pdf"), path(".hidden.txt"), "-"}));
  EXPECT_EQ(files[2].path, "-");
}

TEST_F(JobFilesTest, SymbolicLinksAreNotFollowedInsideFolders) {
  write("outside/secret.txt");
  write("jobs/real.txt");
  fs::create_symlink(root_ / "outside" / "secret.txt", root_ / "jobs" / "link.txt");
  fs::create_directory_symlink(root_ / "outside", root_ / "jobs" / "linked-folder");
  fs::create_directory_symlink(root_ / "jobs", root_ / "jobs" / "loop");
  const auto files = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), std::vector<std::string>{"real.txt"});
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{"link.txt: skipped: symbolic link inside a folder"});
  EXPECT_EQ(diagnostics_.files_skipped, 1);
}

TEST_F(JobFilesTest, SymbolicLinksNamedDirectlyAreFollowed) {
  write("outside/posting.txt");
  fs::create_symlink(root_ / "outside" / "posting.txt", root_ / "direct.txt");
  fs::create_directory_symlink(root_ / "outside", root_ / "folder-link");
  const auto files =
      collect_job_files({path("direct.txt"), path("folder-link")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{path("direct.txt"), "posting.txt"}));
}

TEST_F(JobFilesTest, OverSizeFilesAreSkippedBeforeReading) {
  write("jobs/big.txt", std::string(2048, 'x'));
  write("jobs/small.txt", std::string(1024, 'x'));
  write("big.md", std::string(1025, 'x'));
  limits_.max_filesize = 1024;
  const auto files = collect_job_files({path("jobs"), path("big.md")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), std::vector<std::string>{"small.txt"});
  EXPECT_EQ(diagnostics_.warnings,
            (std::vector<std::string>{"big.txt: skipped: larger than 1 KiB (--max-filesize)",
                                      path("big.md") + ": skipped: larger than 1 KiB (--max-filesize)"}));
  EXPECT_EQ(diagnostics_.files_skipped, 2);
}

TEST_F(JobFilesTest, DefaultLimitIsSixteenMiB) {
  write("jobs/huge.txt");
  fs::resize_file(root_ / "jobs" / "huge.txt", 16u * 1024u * 1024u + 1u);
  const auto files = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_TRUE(files.empty());
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{"huge.txt: skipped: larger than 16 MiB (--max-filesize)"});
}

TEST_F(JobFilesTest, MissingArgumentThrows) {
  const std::string missing = path("nope");
  try {
    collect_job_files({missing}, limits_, diagnostics_);
    FAIL() << "expected Error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), (missing + ": No such file or directory").c_str());
  }
  EXPECT_THROW(collect_job_files({"definitely/missing/jobs"}, limits_, diagnostics_), Error);
}

TEST_F(JobFilesTest, UnreadableFolderIsAWarningAndTheScanGoesOn) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  write("jobs/a.txt");
  write("jobs/locked/hidden-from-us.txt");
  write("jobs/z.txt");
  fs::permissions(root_ / "jobs" / "locked", fs::perms::none);
  const auto files = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"a.txt", "z.txt"}));
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{"locked: skipped: cannot read folder: Permission denied"});
}

TEST_F(JobFilesTest, SpecialFilesAreNotRead) {
  write("jobs/a.txt");
  ASSERT_EQ(::mkfifo((root_ / "jobs" / "pipe.txt").c_str(), 0600), 0);
  const auto in_folder = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_EQ(sources(in_folder), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(diagnostics_.warnings, std::vector<std::string>{"pipe.txt: skipped: not a regular file"});
  diagnostics_.warnings.clear();
  const auto named = collect_job_files({path("jobs/pipe.txt")}, limits_, diagnostics_);
  EXPECT_TRUE(named.empty());
  EXPECT_EQ(diagnostics_.warnings,
            std::vector<std::string>{path("jobs/pipe.txt") + ": skipped: not a regular file"});
}

TEST_F(JobFilesTest, ArgumentsKeepTheirOrder) {
  write("b/one.txt");
  write("a/two.txt");
  write("c.txt");
  const auto files = collect_job_files({path("c.txt"), path("b"), path("a")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{path("c.txt"), "one.txt", "two.txt"}));
}

TEST_F(JobFilesTest, SkippedEntriesKeepTheirPlaceAmongTheFiles) {
  // Created in an order no listing would sort them in.
  write("jobs/z.txt");
  ASSERT_EQ(::mkfifo(path("jobs/d.txt").c_str(), 0600), 0);
  write("jobs/c.txt");
  fs::create_symlink(path("jobs/c.txt"), root_ / "jobs" / "b.txt");
  write("jobs/a.txt");
  limits_.max_filesize = 30;
  write("jobs/e.txt", "far more than thirty bytes, this line is");
  const auto entries = list_job_files({path("jobs")}, limits_);
  EXPECT_EQ(sources(entries), (std::vector<std::string>{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "z.txt"}));
  EXPECT_EQ(entries[1].skipped, "symbolic link inside a folder");
  EXPECT_EQ(entries[3].skipped, "not a regular file");
  EXPECT_EQ(entries[4].skipped, "larger than 30 bytes (--max-filesize)");
  EXPECT_EQ(entries[0].skipped, "");
  // collect_job_files gives the warnings in the same order and leaves the entries out.
  const auto files = collect_job_files({path("jobs")}, limits_, diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"a.txt", "c.txt", "z.txt"}));
  EXPECT_EQ(diagnostics_.warnings, (std::vector<std::string>{"b.txt: skipped: symbolic link inside a folder",
                                                             "d.txt: skipped: not a regular file",
                                                             "e.txt: skipped: larger than 30 bytes (--max-filesize)"}));
}

TEST_F(JobFilesTest, ListedFilesAreThoseOfTheWalkInItsOrder) {
  for (const char* name : {"jobs/b.txt", "jobs/a.txt", "jobs/sub/c.md", "jobs/notes.doc", "jobs/.hidden/d.txt"}) {
    write(name);
  }
  ASSERT_EQ(::symlink("a.txt", path("jobs/link.txt").c_str()), 0);
  const std::vector<std::string> names = {"sub/c.md", "notes.doc", "link.txt", "a.txt", ".hidden/d.txt", "gone.txt",
                                          "sub"};
  const auto files = list_listed_files({path("jobs")}, names, limits_, &diagnostics_);
  EXPECT_EQ(sources(files), (std::vector<std::string>{"a.txt", "gone.txt", "link.txt", "sub", "sub/c.md"}));
  EXPECT_EQ(files[0].path, path("jobs/a.txt"));
  EXPECT_TRUE(files[0].inside_folder);
  EXPECT_EQ(files[1].skipped, "listed, but not found");
  EXPECT_EQ(files[2].skipped, "symbolic link inside a folder");
  EXPECT_EQ(files[3].skipped, "a folder: list the files in it");
  EXPECT_EQ(diagnostics_.warnings, std::vector<std::string>{"1 file skipped, not a posting format: notes.doc (convert .doc files to .docx)"});
  // The entries of the whole folder's walk that the list names are the same, in the same order.
  const auto walked = list_job_files({path("jobs")}, limits_);
  std::vector<std::string> walked_sources = sources(walked);
  EXPECT_EQ(walked_sources, (std::vector<std::string>{"a.txt", "b.txt", "link.txt", "sub/c.md"}));
  EXPECT_EQ(walked[2].skipped, files[2].skipped);
}

TEST_F(JobFilesTest, ListedFilesNeedOneFolder) {
  write("jobs/a.txt");
  EXPECT_THROW(list_listed_files({path("jobs/a.txt")}, {"a.txt"}, limits_), Error);
  EXPECT_THROW(list_listed_files({path("jobs"), path("jobs")}, {"a.txt"}, limits_), Error);
}

TEST_F(JobFilesTest, FileListsHoldPathsInsideTheFolder) {
  EXPECT_EQ(parse_file_list("l.txt", "a.txt\r\n\nsub/b.md\n"), (std::vector<std::string>{"a.txt", "sub/b.md"}));
  auto error_of = [](std::string_view text) {
    try {
      parse_file_list("l.txt", text);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("a.txt\n/etc/passwd\n"), "l.txt:2:1: not a path inside the JOBS folder: /etc/passwd");
  EXPECT_EQ(error_of("sub/../../x.txt\n"),
            "l.txt:1:5: not a path inside the JOBS folder (empty, '.' or '..' part): sub/../../x.txt");
  EXPECT_EQ(error_of("a//b.txt"), "l.txt:1:3: not a path inside the JOBS folder (empty, '.' or '..' part): a//b.txt");
}

}  // namespace
}  // namespace cio_gap
