#include "cio_gap/load/job_files.h"

#include <fnmatch.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>
#include <utility>

#include "cio_gap/error.h"

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

constexpr std::array<std::string_view, 10> kPostingExtensions = {
    ".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv", ".tsv"};

bool has_posting_extension(const fs::path& name) {
  std::string extension = name.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return std::find(kPostingExtensions.begin(), kPostingExtensions.end(), extension) !=
         kPostingExtensions.end();
}

std::string describe_size(std::uintmax_t bytes) {
  constexpr std::uintmax_t kKiB = 1024;
  constexpr std::uintmax_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

void skip(Diagnostics& diagnostics, const std::string& source, const std::string& why) {
  diagnostics.warn(source + ": skipped: " + why);
  ++diagnostics.files_skipped;
}

// Whether a regular file fits the size limit; warns and counts it as skipped when not.
bool fits(std::uintmax_t size, const std::string& source, const ReadLimits& limits,
          Diagnostics& diagnostics) {
  if (size <= limits.max_filesize) return true;
  skip(diagnostics, source, "larger than " + describe_size(limits.max_filesize) + " (--max-filesize)");
  return false;
}

struct FolderCloser {
  void operator()(DIR* folder) const { ::closedir(folder); }
};
using FolderHandle = std::unique_ptr<DIR, FolderCloser>;

// Opens `name` relative to the open folder `parent` as a folder stream, or sets `error`.
// Inside a folder nothing is followed: a link swapped in for a subfolder fails with ELOOP.
FolderHandle open_folder(int parent, const std::string& name, bool follow, int& error) {
  const int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW);
  const int fd = ::openat(parent, name.c_str(), flags);
  if (fd < 0) {
    error = errno;
    return nullptr;
  }
  DIR* folder = ::fdopendir(fd);
  if (folder == nullptr) {
    error = errno;
    ::close(fd);
  }
  return FolderHandle(folder);
}

// One argument's folder tree, walked depth first from open folder to open folder (openat,
// fstatat without following links), so that renaming, replacing or linking entries while
// the walk runs cannot lead it outside the tree, into a loop or onto a device. At most one
// descriptor per level is open.
class FolderWalk {
 public:
  FolderWalk(const std::string& argument, const ReadLimits& limits, Diagnostics& diagnostics)
      : argument_(argument), limits_(limits), diagnostics_(diagnostics) {}

  std::vector<JobFile> run() {
    int error = 0;
    // The argument itself is followed if it is a link: the user named it.
    FolderHandle root = open_folder(AT_FDCWD, argument_, true, error);
    if (!root) {
      skip(diagnostics_, argument_, "cannot read folder: " + std::string(std::strerror(error)));
      return {};
    }
    enter(std::move(root), "", 0);
    while (!stack_.empty()) {
      Folder& folder = stack_.back();
      if (folder.next == folder.subfolders.size()) {
        stack_.pop_back();
        continue;
      }
      const std::string& name = folder.subfolders[folder.next++];
      const std::string relative = join(folder.relative, name);
      if (folder.depth >= limits_.max_depth) {
        skip(diagnostics_, relative, "folder more than " + std::to_string(limits_.max_depth) + " levels deep");
        continue;
      }
      FolderHandle sub = open_folder(::dirfd(folder.handle.get()), name, false, error);
      if (!sub) {
        skip(diagnostics_, relative, describe_open_error(error));
        continue;
      }
      enter(std::move(sub), relative, folder.depth + 1);
    }
    // Byte-wise order of the relative paths, whatever order the file system lists them in.
    std::sort(found_.begin(), found_.end(),
              [](const JobFile& a, const JobFile& b) { return a.source < b.source; });
    return std::move(found_);
  }

 private:
  struct Folder {
    FolderHandle handle;
    std::string relative;  // "" for the argument itself
    int depth = 0;
    std::vector<std::string> subfolders;
    std::size_t next = 0;
  };

  static std::string join(const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
  }

  static std::string describe_open_error(int error) {
    if (error == ENOENT) return "removed during the scan";
    if (error == ELOOP || error == ENOTDIR) return "replaced during the scan";
    return "cannot read folder: " + std::string(std::strerror(error));
  }

  // Lists an open folder (unless it was seen before: a bind mount can make a loop) and
  // pushes it so its subfolders are walked next.
  void enter(FolderHandle handle, const std::string& relative, int depth) {
    const std::string source = relative.empty() ? argument_ : relative;
    struct stat info {};
    if (::fstat(::dirfd(handle.get()), &info) != 0) {
      skip(diagnostics_, source, "cannot read folder: " + std::string(std::strerror(errno)));
      return;
    }
    const auto [seen, inserted] = visited_.emplace(std::make_pair(info.st_dev, info.st_ino), source);
    if (!inserted) {
      skip(diagnostics_, source, "folder loop: the same folder as " + seen->second);
      return;
    }
    Folder folder{std::move(handle), relative, depth, {}, 0};
    list(folder, source);
    stack_.push_back(std::move(folder));
  }

  void list(Folder& folder, const std::string& source) {
    DIR* stream = folder.handle.get();
    const int fd = ::dirfd(stream);
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(stream);
      if (entry == nullptr) {
        if (errno != 0) skip(diagnostics_, source, "cannot read folder: " + std::string(std::strerror(errno)));
        break;
      }
      const std::string name = entry->d_name;
      if (name.empty() || name.front() == '.') continue;  // hidden, and . and ..
      const std::string relative = join(folder.relative, name);
      struct stat info {};
      if (::fstatat(fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        skip(diagnostics_, relative,
             errno == ENOENT ? "removed during the scan" : "cannot read: " + std::string(std::strerror(errno)));
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        folder.subfolders.push_back(name);
        continue;
      }
      if (!has_posting_extension(name)) continue;
      if (S_ISLNK(info.st_mode)) {
        skip(diagnostics_, relative, "symbolic link inside a folder");
      } else if (!S_ISREG(info.st_mode)) {
        skip(diagnostics_, relative, "not a regular file");
      } else if (fits(static_cast<std::uintmax_t>(info.st_size), relative, limits_, diagnostics_)) {
        found_.push_back({(fs::path(argument_) / relative).string(), relative, true});
      }
    }
  }

  const std::string& argument_;
  const ReadLimits& limits_;
  Diagnostics& diagnostics_;
  std::vector<Folder> stack_;
  std::map<std::pair<dev_t, ino_t>, std::string> visited_;
  std::vector<JobFile> found_;
};

}  // namespace

std::vector<JobFile> collect_job_files(const std::vector<std::string>& args,
                                       const ReadLimits& limits, Diagnostics& diagnostics) {
  std::vector<JobFile> files;
  for (const std::string& argument : args) {
    if (argument == "-") {
      files.push_back({argument, argument});
      continue;
    }
    std::error_code error;
    // A path named on the command line is followed if it is a link: the user chose it.
    const fs::file_status status = fs::status(argument, error);
    if (status.type() == fs::file_type::not_found) {
      throw Error(located(argument, 0, 0, "No such file or directory"));
    }
    if (error) {
      skip(diagnostics, argument, "cannot read: " + error.message());
      continue;
    }
    if (fs::is_directory(status)) {
      for (JobFile& file : FolderWalk(argument, limits, diagnostics).run()) files.push_back(std::move(file));
      continue;
    }
    if (!fs::is_regular_file(status)) {
      skip(diagnostics, argument, "not a regular file");
      continue;
    }
    const std::uintmax_t size = fs::file_size(argument, error);
    if (error) {
      skip(diagnostics, argument, "cannot read: " + error.message());
      continue;
    }
    if (!fits(size, argument, limits, diagnostics)) continue;
    files.push_back({argument, argument});
  }
  return files;
}

std::size_t exclude_job_files(std::vector<JobFile>& files, const std::vector<std::string>& globs) {
  if (globs.empty()) return 0;
  const auto excluded = [&](const JobFile& file) {
    const std::size_t slash = file.source.rfind('/');
    const std::string base = slash == std::string::npos ? file.source : file.source.substr(slash + 1);
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
      return ::fnmatch(glob.c_str(), file.source.c_str(), 0) == 0 || ::fnmatch(glob.c_str(), base.c_str(), 0) == 0;
    });
  };
  const auto kept_end = std::remove_if(files.begin(), files.end(), excluded);
  const auto removed = static_cast<std::size_t>(files.end() - kept_end);
  files.erase(kept_end, files.end());
  return removed;
}

}  // namespace cio_gap
