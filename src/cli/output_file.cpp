#include "cio_gap/cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, int error) { throw Error(located(path, 0, 0, std::strerror(error))); }

// Writes all of `text` to `fd`; false with errno set when a write fails.
bool write_all(int fd, std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Descriptor links (/proc/self/fd/1, /dev/stdout, /dev/fd/3) stand for a file the process
// already holds open, perhaps for appending: they are written through, never replaced.
bool is_descriptor_link(const std::string& path) {
  if (path.starts_with("/proc/") || path.starts_with("/dev/fd/") || path == "/dev/stderr") return true;
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(path, ec))) return false;
  return fs::read_symlink(path, ec).string().starts_with("/proc/");
}

// A write that failed while the text was being produced, with its errno.
struct WriteFailed {
  int error;
};

// Hands what `produce` writes to `fd`, piece by piece; WriteFailed when a write fails.
void produce_to(int fd, const OutputProducer& produce) {
  produce([fd](std::string_view piece) {
    if (!write_all(fd, piece)) throw WriteFailed{errno};
  });
}

// Appends to a file that is not replaced: a device, a FIFO, a terminal, a descriptor link.
void write_through(const std::string& path, const OutputProducer& produce) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(path, errno);
  try {
    produce_to(fd, produce);
  } catch (const WriteFailed& failed) {
    ::close(fd);
    fail(path, failed.error);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail(path, errno);
}

// A name for a temporary file beside `target`, short enough for any file system.
std::string temporary_name(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  std::string base = target.filename().string().substr(0, 200);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  return (dir / ("." + base + "." + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".tmp")).string();
}

// Replaces the regular file `target` (or creates it) through a temporary file and a rename.
// `existing` is what stands at `target` now, or null when nothing does.
void replace_regular(const std::string& shown, const std::string& target, const OutputProducer& produce,
                     const struct stat* existing) {
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = temporary_name(target);
    // A new file gets 0666 less the umask, as any file the shell would create.
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, existing ? 0600 : 0666);
    if (fd < 0 && errno != EEXIST) fail(shown, errno);
  }
  if (fd < 0) fail(shown, EEXIST);
  auto give_up = [&](int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(shown, error);
  };
  if (existing != nullptr) {
    // The replacement keeps the mode of the file it replaces, so a private report stays
    // private; owner and group too where the process may set them (ownership first, since
    // changing it clears set-id bits).
    if (::fchown(fd, existing->st_uid, existing->st_gid) != 0 && errno != EPERM) give_up(errno);
    if (::fchmod(fd, existing->st_mode & 07777) != 0) give_up(errno);
  }
  try {
    produce_to(fd, produce);
  } catch (const WriteFailed& failed) {
    give_up(failed.error);
  } catch (...) {
    // Whatever stopped the text (an input that could not be read back) leaves no file behind.
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  // Readers of the final name must never see half a report: flush to disk, then rename.
  if (::fsync(fd) != 0) give_up(errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(shown, error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(shown, error);
  }
}

}  // namespace

bool is_standard_output(std::string_view path) { return path == "-" || path == "/dev/stdout"; }

void write_output_file(const std::string& path, std::string_view text) {
  write_output_file_by_pieces(path, [text](const OutputPieceSink& sink) { sink(text); });
}

void write_output_file_by_pieces(const std::string& path, const OutputProducer& text) {
  if (is_descriptor_link(path)) {
    write_through(path, text);
    return;
  }
  struct stat link {};
  const bool exists = ::lstat(path.c_str(), &link) == 0;
  if (!exists && errno != ENOENT) fail(path, errno);
  if (!exists) {
    replace_regular(path, path, text, nullptr);
    return;
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) throw Error(located(path, 0, 0, "symbolic link to a missing file"));
    fail(path, errno);
  }
  if (S_ISDIR(info.st_mode)) fail(path, EISDIR);
  if (!S_ISREG(info.st_mode)) {
    write_through(path, text);
    return;
  }
  if (!S_ISLNK(link.st_mode)) {
    replace_regular(path, path, text, &info);
    return;
  }
  // A link to a regular file: the file it points at is replaced, the link stays.
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) fail(path, ec.value());
  replace_regular(path, target.string(), text, &info);
}

void refuse_input_as_output(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (output.empty() || is_standard_output(output) || ::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) {
    return;  // nothing there yet, or not a file any input could be
  }
  for (const std::string& input : inputs) {
    struct stat in {};
    if (input == "-" || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      throw Error(located(output, 0, 0, "is an input of this run (" + input + "); write the output elsewhere"));
    }
  }
}

void refuse_duplicate_outputs(const std::vector<std::string>& outputs, const std::vector<std::string>& origins) {
  std::map<std::string, std::size_t> by_name;
  std::map<std::pair<dev_t, ino_t>, std::size_t> by_file;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    auto [named, inserted] = by_name.emplace(outputs[i], i);
    std::size_t first = named->second;
    struct stat info {};
    if (inserted && ::stat(outputs[i].c_str(), &info) == 0) {
      auto [file, new_file] = by_file.emplace(std::make_pair(info.st_dev, info.st_ino), i);
      inserted = new_file;
      first = file->second;
    }
    if (!inserted) {
      throw Error(located(outputs[i], 0, 0, "written twice in one run (from " + origins[first] + " and " + origins[i] + ")"));
    }
  }
}

}  // namespace cio_gap
