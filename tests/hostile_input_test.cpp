// Hostile inputs, built at test time: special files, links, loops, huge and sparse files,
// YAML bombs, broken encodings and file names that try to drive the terminal. Each case runs
// the command line in-process and checks the exit code, the message naming the file, and
// that every input is byte-for-byte unchanged afterwards.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cio_gap/cli/cli.h"
#include "cio_gap/load/job_files.h"
#include "cio_gap/load/posting_reader.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

using testing_support::slurp;

using namespace std::string_literals;

const fs::path kExamples = fs::path(CIO_GAP_SOURCE_DIR) / "examples";

std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// What every entry under `root` is, without following links or opening special files:
// regular files by checksum (by size and modification time above 32 MiB), links by target.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> entries;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const fs::path& path = it->path();
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
      entries[path.string()] = "lstat failed";
      continue;
    }
    std::string what = "mode " + std::to_string(info.st_mode);
    if (S_ISREG(info.st_mode)) {
      what += " size " + std::to_string(info.st_size);
      if (info.st_size <= 32 * 1024 * 1024) {
        what += " fnv " + std::to_string(fnv1a(slurp(path)));
      } else {
        what += " mtime " + std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec);
      }
    } else if (S_ISLNK(info.st_mode)) {
      what += " -> " + fs::read_symlink(path).string();
    }
    entries[path.string()] = what;
  }
  return entries;
}

bool is_valid_utf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() / ("cio-gap-hostile-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "jobs");
    write("jobs/good.txt", slurp(kExamples / "jobs" / "lakeshore-health-cio.txt"));
    write("me.yaml", slurp(kExamples / "me.yaml"));
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }

  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  void write(const std::string& relative, const std::string& content) const {
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }

  // Runs cio-gap in-process and checks that nothing under the test folder changed.
  Outcome run(const std::vector<std::string>& args) const {
    const auto before = snapshot(root_);
    Outcome outcome;
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    outcome.code = run_cli(args, in, out, err);
    outcome.out = out.str();
    outcome.err = err.str();
    EXPECT_EQ(snapshot(root_), before) << "an input changed";
    return outcome;
  }

  // `cio-gap validate FILE` must fail with exactly `message` about FILE.
  void expect_profile_error(const std::string& relative, const std::string& message) const {
    const Outcome outcome = run({"validate", path(relative)});
    EXPECT_EQ(outcome.code, 2) << relative;
    EXPECT_EQ(outcome.err, "cio-gap: error: " + path(relative) + message + "\n");
    EXPECT_EQ(outcome.out, "");
  }

  fs::path root_;
};

// --- Profiles that are not files ------------------------------------------------------

TEST_F(HostileInputTest, FifoAsProfileIsRefusedWithoutBlocking) {
  ASSERT_EQ(::mkfifo(path("me.fifo.yaml").c_str(), 0600), 0);
  expect_profile_error("me.fifo.yaml", ": not a regular file");
  const Outcome assess = run({"assess", path("me.fifo.yaml"), path("jobs")});
  EXPECT_EQ(assess.code, 2);
  EXPECT_EQ(assess.err, "cio-gap: error: " + path("me.fifo.yaml") + ": not a regular file\n");
}

TEST_F(HostileInputTest, DevicesDirectoriesAndLinkLoopsAsProfile) {
  const Outcome device = run({"validate", "/dev/zero"});
  EXPECT_EQ(device.code, 2);
  EXPECT_EQ(device.err, "cio-gap: error: /dev/zero: not a regular file\n");
  fs::create_directory(root_ / "folder.yaml");
  // validate takes a folder of profiles too: an empty one is an error naming it.
  expect_profile_error("folder.yaml", ": no *.yaml profiles in this folder");
  fs::create_symlink("loop.yaml", root_ / "loop.yaml");
  expect_profile_error("loop.yaml", ": Too many levels of symbolic links");
  expect_profile_error("missing.yaml", ": No such file or directory");
  // A folder given to assess is a batch of profiles; an empty one is an error.
  fs::create_directory(root_ / "empty-batch");
  const Outcome batch = run({"assess", path("empty-batch"), path("jobs")});
  EXPECT_EQ(batch.code, 2);
  EXPECT_EQ(batch.err, "cio-gap: error: " + path("empty-batch") + ": no *.yaml profiles in this folder\n");
}

TEST_F(HostileInputTest, UnreadableProfileNamesTheReason) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  write("locked.yaml", "name: A\n");
  fs::permissions(root_ / "locked.yaml", fs::perms::none);
  expect_profile_error("locked.yaml", ": Permission denied");
}

TEST_F(HostileInputTest, SparseTwoGibProfileIsRefusedBySize) {
  write("huge.yaml", "name: A\n");
  fs::resize_file(root_ / "huge.yaml", 2ull * 1024 * 1024 * 1024);
  const auto start = std::chrono::steady_clock::now();
  expect_profile_error("huge.yaml", ": larger than 1048576 bytes");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << "was it read?";
}

// --- YAML that yaml-cpp would choke on, loop on, or silently misread --------------------

TEST_F(HostileInputTest, YamlBombsAndTrapsInAProfile) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "[";
  write("deep.yaml", "name: " + deep + "\n");
  // Unclosed, each '[' after the first opens a list and an implicit one-pair mapping.
  expect_profile_error("deep.yaml", ":1:39: nested deeper than 64 levels");

  std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const std::string prev = std::string("*") + static_cast<char>(c - 1);
    laughs += std::string(1, c) + ": &" + c + " [" + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev +
              ", " + prev + ", " + prev + ", " + prev + ", " + prev + "]\n";
  }
  write("laughs.yaml", laughs);
  expect_profile_error("laughs.yaml", ":2:8: alias '*a' is not supported; write the value out in full");

  write("cycle.yaml", "name: &a [*a]\n");
  expect_profile_error("cycle.yaml", ":1:11: alias '*a' is not supported; write the value out in full");

  write("dup.yaml", "name: Dana\nyears_experience: 14\nname: Sam\n");
  expect_profile_error("dup.yaml", ":3:1: duplicate key 'name' (first on line 1)");

  write("two.yaml", "name: Dana\n---\nname: Sam\n");
  expect_profile_error("two.yaml", ":2:1: a second document starts here; a file holds one document");

  write("nul.yaml", "name: Da\0na\n"s);
  expect_profile_error("nul.yaml", ":1:9: NUL byte (a binary file?)");

  write("latin1.yaml", "name: Ren\xE9\n");
  expect_profile_error("latin1.yaml", ":1:10: invalid UTF-8 (save the file as UTF-8)");

  write("escape.yaml", "name: \x1B]0;owned\x07\n");
  expect_profile_error("escape.yaml", ":1:7: control character U+001B is not allowed");

  write("utf16.yaml", "\xFF\xFEn\0a\0m\0e\0:\0 \0A\0\n\0"s);
  expect_profile_error("utf16.yaml", ": UTF-16 text; save the file as UTF-8");

  write("empty.yaml", "");
  expect_profile_error("empty.yaml", ": empty document");
}

TEST_F(HostileInputTest, NumbersAreReadStrictly) {
  for (const char* years : {".nan", ".inf", "-.inf", "0o17", "017", "0x1F", "1e3", "14.5", "+14", "1_4"}) {
    write("years.yaml", std::string("years_experience: ") + years + "\n");
    expect_profile_error("years.yaml", std::string(":1:19: years_experience must be a whole number from 0 to 70, not '") +
                                           years + "'");
  }
  write("years.yaml", "years_experience: 71\n");
  expect_profile_error("years.yaml", ":1:19: years_experience must be a whole number from 0 to 70, not '71'");
}

TEST_F(HostileInputTest, HostileRulePackIsAnError) {
  write("pack.yaml", "rules:\n  - &r {id: a-b, name: A, category: role, advice: x, keywords: [a]}\n  - *r\n");
  const Outcome outcome = run({"scan", "--rules", path("pack.yaml"), path("jobs")});
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.err, "cio-gap: error: " + path("pack.yaml") +
                             ":3:5: alias '*r' is not supported; write the value out in full\n");
}

// --- Job folders: nothing inside one can end or hang the scan ---------------------------

TEST_F(HostileInputTest, SpecialFilesAndLinksInAJobsFolderAreSkippedWithAWarning) {
  ASSERT_EQ(::mkfifo(path("jobs/fifo.txt").c_str(), 0600), 0);
  {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = path("jobs/socket.txt");
    ASSERT_LT(socket_path.size(), sizeof address.sun_path);
    std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    ::close(fd);
  }
  const bool made_device = ::mknod(path("jobs/device.txt").c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0;
  fs::create_symlink("/dev/zero", root_ / "jobs" / "zero.txt");
  fs::create_symlink("self.txt", root_ / "jobs" / "self.txt");
  fs::create_directory_symlink("..", root_ / "jobs" / "up");
  fs::create_directory_symlink(".", root_ / "jobs" / "here");

  const Outcome outcome = run({"scan", path("jobs"), "/dev/null"});
  EXPECT_EQ(outcome.code, 0) << outcome.err;
  std::string expected;
  if (made_device) expected += "cio-gap: warning: device.txt: skipped: not a regular file\n";
  expected +=
      "cio-gap: warning: fifo.txt: skipped: not a regular file\n"
      "cio-gap: warning: self.txt: skipped: symbolic link inside a folder\n"
      "cio-gap: warning: socket.txt: skipped: not a regular file\n"
      "cio-gap: warning: zero.txt: skipped: symbolic link inside a folder\n"
      "cio-gap: warning: /dev/null: skipped: not a regular file\n";
  expected += "cio-gap: 1 postings read, " + std::to_string(made_device ? 6 : 5) + " files skipped\n";
  // The folder's warnings come in listing order, which the file system decides.
  std::vector<std::string> got;
  std::vector<std::string> want;
  for (std::istringstream lines(outcome.err); std::getline(lines, got.emplace_back());) {}
  for (std::istringstream lines(expected); std::getline(lines, want.emplace_back());) {}
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want) << outcome.err;
  EXPECT_NE(outcome.out.find("good.txt"), std::string::npos);
}

TEST_F(HostileInputTest, SparseTwoGibPostingIsSkippedBeforeReading) {
  write("jobs/huge.txt", "CIO\n");
  fs::resize_file(root_ / "jobs" / "huge.txt", 2ull * 1024 * 1024 * 1024);
  const auto start = std::chrono::steady_clock::now();
  const Outcome outcome = run({"scan", path("jobs"), path("jobs/huge.txt")});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << "was it read?";
  EXPECT_EQ(outcome.code, 0);
  EXPECT_EQ(outcome.err,
            "cio-gap: warning: huge.txt: skipped: larger than 16 MiB (--max-filesize)\n"
            "cio-gap: warning: " + path("jobs/huge.txt") + ": skipped: larger than 16 MiB (--max-filesize)\n"
            "cio-gap: 1 postings read, 2 files skipped\n");
}

TEST_F(HostileInputTest, DeepFoldersStopAtTheDepthLimit) {
  std::string deep = "jobs";
  for (int i = 0; i < 40; ++i) deep += "/d";
  fs::create_directories(root_ / deep);
  write(deep + "/buried.txt", "Chief Information Officer\n");
  const Outcome outcome = run({"scan", path("jobs")});
  EXPECT_EQ(outcome.code, 0);
  std::string skipped = "d";
  for (int i = 1; i < 33; ++i) skipped += "/d";
  EXPECT_EQ(outcome.err, "cio-gap: warning: " + skipped +
                             ": skipped: folder more than 32 levels deep\ncio-gap: 1 postings read, 1 files skipped\n");
}

TEST_F(HostileInputTest, DeeplyNestedJsonAndHtmlAndWideCsvAreBounded) {
  write("jobs/deep.json", std::string(100000, '[') + std::string(100000, ']'));
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  write("jobs/deep.html", html + "Chief Information Officer");
  std::string header;
  std::string row;
  for (int i = 0; i < 100000; ++i) {
    header += (i ? ",c" : "description,c") + std::to_string(i);
    row += i ? ",x" : "Chief Information Officer,x";
  }
  write("jobs/wide.csv", header + "\n" + row + "\n");
  const Outcome outcome = run({"scan", path("jobs")});
  EXPECT_EQ(outcome.code, 0);
  EXPECT_EQ(outcome.err,
            "cio-gap: warning: deep.html: skipped: HTML nested more than 256 levels deep\n"
            "cio-gap: warning: deep.json:1:129: invalid JSON: nested deeper than 128 levels\n"
            "cio-gap: warning: wide.csv: 2 lines with more than 1024 columns; the rest dropped (first at line 1)\n"
            "cio-gap: warning: wide.csv#row=1: no role text found: nothing in it describes the role\n"
            "cio-gap: 2 postings read, 2 files skipped\n");
}

TEST_F(HostileInputTest, TenMegabyteSingleLinePostingIsRead) {
  std::string line;
  while (line.size() < 10 * 1000 * 1000) line += "The CIO will manage the budget and lead the cloud strategy. ";
  write("jobs/one-line.txt", line);
  const Outcome outcome = run({"scan", path("jobs/one-line.txt"), "--format", "json"});
  EXPECT_EQ(outcome.code, 0) << outcome.err;
  const auto json = nlohmann::json::parse(outcome.out);
  ASSERT_EQ(json["postings"].size(), 1u);
  EXPECT_LE(json["postings"][0]["title"].get<std::string>().size(), 200u);
}

TEST_F(HostileInputTest, HostileFileNamesAreEscapedInTextAndValidInJson) {
  const std::string posting = slurp(root_ / "jobs" / "good.txt");
  const std::vector<std::string> names = {"new\nline.txt", "\x1B]0;owned\x07title.txt", "\x1B[2J\x1B[31mred.txt",
                                          "caf\xE9-latin1.txt", "tab\there.txt"};
  for (const std::string& name : names) write("jobs/" + name, posting + "\n" + name + "\n");

  const Outcome text = run({"scan", path("jobs")});
  EXPECT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(text.out.find('\x1B'), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find('\x07'), std::string::npos);
  EXPECT_NE(text.out.find("new\\nline.txt"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\\x1b]0;owned\\x07title.txt"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("new\nline.txt"), std::string::npos);

  const Outcome json = run({"scan", path("jobs"), "--format", "json"});
  EXPECT_EQ(json.code, 0) << json.err;
  EXPECT_TRUE(is_valid_utf8(json.out));
  const auto parsed = nlohmann::json::parse(json.out);  // throws on invalid UTF-8
  std::vector<std::string> sources;
  for (const auto& entry : parsed["postings"]) sources.push_back(entry["source"].get<std::string>());
  EXPECT_NE(std::find(sources.begin(), sources.end(), "new\nline.txt"), sources.end());
  EXPECT_NE(std::find(sources.begin(), sources.end(), "caf\xEF\xBF\xBD-latin1.txt"), sources.end());
}

// Warnings name files too, and standard error is a terminal as often as standard output.
// Enable once src/cli prints warnings and errors through escape_control.
TEST_F(HostileInputTest, WarningsEscapeHostileFileNames) {
  write("jobs/\x1B]0;owned\x07" "empty.txt", "");
  write("jobs/new\nline.txt", " \n");
  const Outcome outcome = run({"scan", path("jobs")});
  EXPECT_EQ(outcome.code, 0) << outcome.err;
  EXPECT_EQ(outcome.err,
            "cio-gap: warning: \\x1b]0;owned\\x07empty.txt: skipped: no text\n"
            "cio-gap: warning: new\\nline.txt: skipped: no text\n"
            "cio-gap: 1 postings read, 2 files skipped\n");
}

// Found by fuzz_matcher: a line of only '#'s made Segmenter::heading_text call
// substr(npos), and the exception ended the whole scan with exit 2. Enable once
// src/text/segmenter.cpp checks find_first_not_of('#') for npos.
TEST_F(HostileInputTest, LineOfHashesDoesNotEndTheScan) {
  write("jobs/hashes.md", "Chief Information Officer\n###\nManage the budget.\n");
  const Outcome outcome = run({"scan", path("jobs")});
  EXPECT_EQ(outcome.code, 0) << outcome.err;
  EXPECT_EQ(outcome.err, "cio-gap: 2 postings read\n");
}

// --- Files that change while the scan runs -----------------------------------------------

TEST_F(HostileInputTest, FilesChangedBetweenListingAndReading) {
  write("outside-secret.txt", "Chief Information Officer secret\n");
  write("jobs/gone.txt", "CIO\n");
  write("jobs/linked.txt", "CIO\n");
  write("jobs/piped.txt", "CIO\n");
  const ReadLimits limits;
  Diagnostics diagnostics;
  const std::vector<JobFile> files = collect_job_files({path("jobs")}, limits, diagnostics);
  ASSERT_EQ(files.size(), 4u);
  fs::remove(root_ / "jobs" / "gone.txt");
  fs::remove(root_ / "jobs" / "linked.txt");
  fs::create_symlink(root_ / "outside-secret.txt", root_ / "jobs" / "linked.txt");
  fs::remove(root_ / "jobs" / "piped.txt");
  ASSERT_EQ(::mkfifo(path("jobs/piped.txt").c_str(), 0600), 0);
  std::size_t postings = 0;
  for (const JobFile& file : files) postings += read_postings(file, limits, diagnostics).size();
  EXPECT_EQ(postings, 1u);
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"gone.txt: skipped: No such file or directory",
                                      "linked.txt: skipped: symbolic link (not followed)",
                                      "piped.txt: skipped: not a regular file"}));
  EXPECT_EQ(diagnostics.files_skipped, 3);
}

}  // namespace
}  // namespace cio_gap
