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

}  // namespace

std::string read_file(const std::string& path, std::uintmax_t max_bytes) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) throw Error(located(path, 0, 0, std::strerror(errno)));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw Error(located(path, 0, 0, std::strerror(errno)));
  if (S_ISDIR(info.st_mode)) throw Error(located(path, 0, 0, std::strerror(EISDIR)));
  if (!S_ISREG(info.st_mode)) throw Error(located(path, 0, 0, "not a regular file"));
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    throw Error(located(path, 0, 0, "larger than " + std::to_string(max_bytes) + " bytes"));
  }
  std::string content(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::read(fd.get(), content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(located(path, 0, 0, std::strerror(errno)));
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<std::size_t>(n);
  }
  content.resize(done);
  return content;
}

}  // namespace cio_gap
