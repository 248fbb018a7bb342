#include "cio_gap/load/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

// A descriptor that closes itself; std::ifstream cannot open non-blocking or fstat.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw Error(located(path, 0, 0, reason));
}

// Throws unless `info` describes a regular file of at most `max_bytes`.
void require_regular(const std::string& path, const struct stat& info, std::uintmax_t max_bytes) {
  if (S_ISDIR(info.st_mode)) fail(path, std::strerror(EISDIR));
  if (S_ISLNK(info.st_mode)) fail(path, "symbolic link (not followed)");
  if (!S_ISREG(info.st_mode)) fail(path, "not a regular file");
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    throw FileTooLarge(located(path, 0, 0, "larger than " + std::to_string(max_bytes) + " bytes"));
  }
}

}  // namespace

std::string read_file(const std::string& path, std::uintmax_t max_bytes, SymbolicLinks links) {
  const bool follow = links == SymbolicLinks::follow;
  // Opening a device can rewind a tape or wait for a modem; look before opening.
  struct stat before {};
  const int looked = follow ? ::stat(path.c_str(), &before) : ::lstat(path.c_str(), &before);
  if (looked != 0) fail(path, std::strerror(errno));
  require_regular(path, before, max_bytes);

  // The path may have changed since: the descriptor is what counts.
  const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW);
  const FileDescriptor fd(::open(path.c_str(), flags));
  if (fd.get() < 0) {
    if (!follow && errno == ELOOP) fail(path, "symbolic link (not followed)");
    fail(path, std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) fail(path, std::strerror(errno));
  require_regular(path, info, max_bytes);

  std::string content(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::read(fd.get(), content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, std::strerror(errno));
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<std::size_t>(n);
  }
  content.resize(done);
  return content;
}

}  // namespace cio_gap
