// Where -o and --output-dir write: regular files replaced atomically with the right mode,
// devices, FIFOs and descriptor links written through and never replaced, inputs never
// overwritten, and a batch that would write one file twice refused before writing anything.

#include "cio_gap/cli/output_file.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cio_gap/cli/cli.h"
#include "cio_gap/error.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

using testing_support::slurp;

const fs::path kExamples = fs::path(CIO_GAP_SOURCE_DIR) / "examples";

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode;
}

// Sets the umask for one scope.
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

 private:
  mode_t old_;
};

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() / ("cio-gap-output-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "jobs");
    fs::copy_file(kExamples / "jobs" / "lakeshore-health-cio.txt", root_ / "jobs" / "cio.txt");
    fs::copy_file(kExamples / "me.yaml", root_ / "me.yaml");
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  int run(const std::vector<std::string>& args, std::string* err = nullptr) const {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream errors;
    const int code = run_cli(args, in, out, errors);
    if (err != nullptr) *err = errors.str();
    return code;
  }

  fs::path root_;
};

TEST_F(OutputFileTest, NewFileFollowsTheUmask) {
  {
    const Umask mask(077);
    write_output_file(path("private.txt"), "report\n");
  }
  EXPECT_EQ(mode_of(root_ / "private.txt") & 07777, 0600u);
  {
    const Umask mask(022);
    write_output_file(path("shared.txt"), "report\n");
  }
  EXPECT_EQ(mode_of(root_ / "shared.txt") & 07777, 0644u);
  EXPECT_EQ(slurp(root_ / "shared.txt"), "report\n");
}

TEST_F(OutputFileTest, ReplacedFileKeepsItsMode) {
  std::ofstream(root_ / "client.md") << "old\n";
  fs::permissions(root_ / "client.md", fs::perms::owner_read | fs::perms::owner_write);
  const Umask mask(022);
  write_output_file(path("client.md"), "new\n");
  EXPECT_EQ(mode_of(root_ / "client.md") & 07777, 0600u);
  EXPECT_EQ(slurp(root_ / "client.md"), "new\n");
  // No temporary file is left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(root_), fs::directory_iterator()), 3);
}

TEST_F(OutputFileTest, CharacterDeviceIsWrittenThroughNotReplaced) {
  if (::geteuid() != 0) GTEST_SKIP() << "mknod needs root";
  // A private copy of /dev/null (1, 3): the system's own is never touched.
  ASSERT_EQ(::mknod(path("null").c_str(), S_IFCHR | 0666, ::makedev(1, 3)), 0);
  write_output_file(path("null"), "report\n");
  EXPECT_TRUE(S_ISCHR(mode_of(root_ / "null")));
  std::string err;
  EXPECT_EQ(run({"scan", path("jobs"), "-q", "-o", path("null")}, &err), 0) << err;
  EXPECT_TRUE(S_ISCHR(mode_of(root_ / "null")));
  struct stat info {};
  ASSERT_EQ(::stat(path("null").c_str(), &info), 0);
  EXPECT_EQ(info.st_rdev, ::makedev(1, 3));
}

TEST_F(OutputFileTest, FifoIsWrittenThroughNotReplaced) {
  ASSERT_EQ(::mkfifo(path("pipe").c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = slurp(root_ / "pipe"); });
  std::string err;
  const int code = run({"scan", path("jobs"), "-q", "-o", path("pipe")}, &err);
  // Should the run have failed before opening the FIFO, this lets the reader finish.
  const int unblock = ::open(path("pipe").c_str(), O_WRONLY | O_NONBLOCK);
  if (unblock >= 0) ::close(unblock);
  reader.join();
  EXPECT_EQ(code, 0) << err;
  EXPECT_TRUE(S_ISFIFO(mode_of(root_ / "pipe")));
  EXPECT_NE(received.find("cio.txt"), std::string::npos) << received;
}

TEST_F(OutputFileTest, SymbolicLinkReplacesItsTargetAndStaysALink) {
  std::ofstream(root_ / "target.txt") << "old\n";
  fs::permissions(root_ / "target.txt", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("target.txt", root_ / "link.txt");
  write_output_file(path("link.txt"), "new\n");
  EXPECT_TRUE(S_ISLNK(mode_of(root_ / "link.txt")));
  EXPECT_EQ(slurp(root_ / "target.txt"), "new\n");
  EXPECT_EQ(mode_of(root_ / "target.txt") & 07777, 0600u);
  fs::create_symlink("missing.txt", root_ / "dangling.txt");
  EXPECT_THROW(
      {
        try {
          write_output_file(path("dangling.txt"), "new\n");
        } catch (const Error& e) {
          EXPECT_EQ(std::string(e.what()), path("dangling.txt") + ": symbolic link to a missing file");
          throw;
        }
      },
      Error);
}

TEST_F(OutputFileTest, DescriptorLinkIsWrittenThrough) {
  // /proc/self/fd/N stands for a file already open: it is appended to, never replaced.
  std::ofstream(root_ / "log.txt") << "first\n";
  const int fd = ::open(path("log.txt").c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(fd, 0);
  const struct stat before = [&] {
    struct stat info {};
    ::stat(path("log.txt").c_str(), &info);
    return info;
  }();
  write_output_file("/proc/self/fd/" + std::to_string(fd), "second\n");
  ::close(fd);
  struct stat after {};
  ASSERT_EQ(::stat(path("log.txt").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(slurp(root_ / "log.txt"), "first\nsecond\n");
}

TEST_F(OutputFileTest, AnInputIsNeverOverwritten) {
  const std::string profile = slurp(root_ / "me.yaml");
  const std::string posting = slurp(root_ / "jobs" / "cio.txt");
  std::string err;
  EXPECT_EQ(run({"assess", path("me.yaml"), path("jobs"), "-q", "-o", path("me.yaml")}, &err), 2);
  EXPECT_EQ(err, "cio-gap: error: " + path("me.yaml") + ": is an input of this run (" + path("me.yaml") +
                     "); write the output elsewhere\n");
  EXPECT_EQ(run({"validate", path("me.yaml"), "-o", path("me.yaml")}, &err), 2);
  EXPECT_EQ(run({"scan", path("jobs"), "-q", "-o", path("jobs/cio.txt")}, &err), 2);
  EXPECT_EQ(err, "cio-gap: error: " + path("jobs/cio.txt") + ": is an input of this run (" + path("jobs/cio.txt") +
                     "); write the output elsewhere\n");
  // Another name for the same file (a hard link) is the same input.
  fs::create_hard_link(root_ / "jobs" / "cio.txt", root_ / "alias.txt");
  EXPECT_EQ(run({"explain", "budget-management", path("jobs"), "-q", "-o", path("alias.txt")}, &err), 2);
  EXPECT_EQ(err, "cio-gap: error: " + path("alias.txt") + ": is an input of this run (" + path("jobs/cio.txt") +
                     "); write the output elsewhere\n");
  // A rule pack, and a report diff reads.
  std::ofstream(root_ / "pack.yaml") << "rules: []\n";
  EXPECT_EQ(run({"rules", "list", "--rules", path("pack.yaml"), "-o", path("pack.yaml")}, &err), 2);
  EXPECT_EQ(err, "cio-gap: error: " + path("pack.yaml") + ": is an input of this run (" + path("pack.yaml") +
                     "); write the output elsewhere\n");
  ASSERT_EQ(run({"assess", path("me.yaml"), path("jobs"), "-q", "-f", "json", "-o", path("old.json")}, &err), 0) << err;
  const std::string report = slurp(root_ / "old.json");
  EXPECT_EQ(run({"diff", path("old.json"), path("old.json"), "-o", path("old.json")}, &err), 2);
  EXPECT_EQ(slurp(root_ / "old.json"), report);
  EXPECT_EQ(slurp(root_ / "me.yaml"), profile);
  EXPECT_EQ(slurp(root_ / "jobs" / "cio.txt"), posting);
}

TEST_F(OutputFileTest, BatchThatWouldWriteAFileTwiceFailsBeforeWriting) {
  fs::create_directories(root_ / "clients");
  fs::copy_file(root_ / "me.yaml", root_ / "clients" / "a.yaml");
  fs::copy_file(root_ / "me.yaml", root_ / "clients" / "a.yml");
  std::string err;
  EXPECT_EQ(run({"assess", path("clients"), path("jobs"), "-q", "-f", "json", "--output-dir", path("reports")}, &err), 2);
  EXPECT_EQ(err, "cio-gap: error: " + path("reports/a.json") + ": written twice in one run (from " +
                     path("clients/a.yaml") + " and " + path("clients/a.yml") + ")\n");
  EXPECT_FALSE(fs::exists(root_ / "reports"));
}

}  // namespace
}  // namespace cio_gap
