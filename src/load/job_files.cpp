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

constexpr std::array<std::string_view, 13> kPostingExtensions = {
    ".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv", ".tsv",
    ".pdf", ".docx", ".odt"};

std::string lowercase_extension(const fs::path& name) {
  std::string extension = name.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return extension;
}

bool has_posting_extension(const fs::path& name) {
  const std::string extension = lowercase_extension(name);
  return std::find(kPostingExtensions.begin(), kPostingExtensions.end(), extension) !=
         kPostingExtensions.end();
}

// Files an operating system or an editor leaves in any folder: passed over without a word.
bool is_folder_clutter(const std::string& name) {
  return name == "Thumbs.db" || name == "desktop.ini" || name.ends_with("~");
}

// What to do with a document a posting could be saved as, for the skipped-files warning.
std::string_view conversion_hint(std::string_view extension) {
  if (extension == ".doc") return "convert .doc files to .docx";
  if (extension == ".rtf") return "convert .rtf files to .docx";
  if (extension == ".pages") return "export .pages files as PDF";
  if (extension == ".xls" || extension == ".xlsx" || extension == ".ods") return "save spreadsheets as .csv";
  if (extension == ".odp" || extension == ".ppt" || extension == ".pptx") return "export slides as PDF";
  if (extension == ".xml") return "save job feeds as .json";
  return {};
}

std::string describe_size(std::uintmax_t bytes) {
  constexpr std::uintmax_t kKiB = 1024;
  constexpr std::uintmax_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string too_large(const ReadLimits& limits) {
  return "larger than " + describe_size(limits.max_filesize) + " (--max-filesize)";
}


// What a walk does with an entry of a folder that is not a folder itself: a posting file to
// read, an entry skipped with a warning (in its place among the files), a file in another format
// (`passed_over`), or nothing (clutter).
void add_file_entry(const std::string& argument, const std::string& name, const std::string& relative,
                    const struct stat& info, const ReadLimits& limits, JobFileList& found,
                    std::vector<std::string>& passed_over) {
  if (!has_posting_extension(name)) {
    if (!is_folder_clutter(name) && S_ISREG(info.st_mode)) passed_over.push_back(relative);
    return;
  }
  std::string skipped;
  if (S_ISLNK(info.st_mode)) {
    skipped = "symbolic link inside a folder";
  } else if (!S_ISREG(info.st_mode)) {
    skipped = "not a regular file";
  } else if (static_cast<std::uintmax_t>(info.st_size) > limits.max_filesize) {
    skipped = too_large(limits);
  }
  found.add(argument, relative, true, skipped);
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
  FolderWalk(const std::string& argument, const ReadLimits& limits, JobFileList& found)
      : argument_(argument), limits_(limits), found_(found) {}

  // Adds the files of the tree to the list it was given.
  void run() {
    const std::size_t first = found_.size();
    int error = 0;
    // The argument itself is followed if it is a link: the user named it.
    FolderHandle root = open_folder(AT_FDCWD, argument_, true, error);
    if (!root) {
      skip(argument_, "", "cannot read folder: " + std::string(std::strerror(error)));
      return;
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
        skip(relative, relative, "folder more than " + std::to_string(limits_.max_depth) + " levels deep");
        continue;
      }
      FolderHandle sub = open_folder(::dirfd(folder.handle.get()), name, false, error);
      if (!sub) {
        skip(relative, relative, describe_open_error(error));
        continue;
      }
      enter(std::move(sub), relative, folder.depth + 1);
    }
    // Byte-wise order of the relative paths, whatever order the file system lists them in;
    // entries skipped take their place among the files, so their warnings come in that order.
    found_.sort_by_source(first);
  }

  /// Files in the tree that are not in a posting format (relative paths, in listing order).
  std::vector<std::string>& passed_over() { return passed_over_; }

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
      skip(source, relative, "cannot read folder: " + std::string(std::strerror(errno)));
      return;
    }
    const auto [seen, inserted] = visited_.emplace(std::make_pair(info.st_dev, info.st_ino), source);
    if (!inserted) {
      skip(source, relative, "folder loop: the same folder as " + seen->second);
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
        if (errno != 0) skip(source, folder.relative, "cannot read folder: " + std::string(std::strerror(errno)));
        break;
      }
      const std::string name = entry->d_name;
      if (name.empty() || name.front() == '.') continue;  // hidden, and . and ..
      const std::string relative = join(folder.relative, name);
      struct stat info {};
      if (::fstatat(fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        skip(relative, relative,
             errno == ENOENT ? "removed during the scan" : "cannot read: " + std::string(std::strerror(errno)));
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        folder.subfolders.push_back(name);
        continue;
      }
      add_file_entry(argument_, name, relative, info, limits_, found_, passed_over_);
    }
  }

  // An entry not read, in its place among the files: named by `relative`, or by the argument
  // when `relative` is empty (the argument itself).
  void skip(const std::string& /*source*/, const std::string& relative, const std::string& why) {
    found_.add(argument_, relative, true, why);
  }

  const std::string& argument_;
  const ReadLimits& limits_;
  std::vector<Folder> stack_;
  std::map<std::pair<dev_t, ino_t>, std::string> visited_;
  JobFileList& found_;
  std::vector<std::string> passed_over_;
};

constexpr std::size_t kNamedSkipped = 8;  // names listed in the skipped-files warning

// One line for every file of the folders that is not in a posting format, so that a folder of
// .doc files does not read as a folder of nothing; a hint for formats that can be converted.
void warn_passed_over(std::vector<std::string> names, Diagnostics& diagnostics) {
  if (names.empty()) return;
  std::sort(names.begin(), names.end());
  std::string line = std::to_string(names.size()) + (names.size() == 1 ? " file" : " files") +
                     " skipped, not a posting format: ";
  std::vector<std::string> hinted;
  for (std::size_t i = 0; i < names.size() && i < kNamedSkipped; ++i) {
    if (i > 0) line += ", ";
    line += names[i];
    const std::string extension = lowercase_extension(names[i]);
    const std::string_view hint = conversion_hint(extension);
    if (!hint.empty() && std::find(hinted.begin(), hinted.end(), hint) == hinted.end()) {
      hinted.emplace_back(hint);
      line += " (" + std::string(hint) + ")";
    }
  }
  if (names.size() > kNamedSkipped) line += " and " + std::to_string(names.size() - kNamedSkipped) + " more";
  diagnostics.warn(std::move(line));
}

}  // namespace

JobFileList list_job_files(const std::vector<std::string>& args, const ReadLimits& limits, Diagnostics* diagnostics) {
  JobFileList files;
  std::vector<std::string> passed_over;
  for (const std::string& argument : args) {
    if (argument == "-") {
      files.add(argument, "", false);
      continue;
    }
    std::error_code error;
    // A path named on the command line is followed if it is a link: the user chose it.
    const fs::file_status status = fs::status(argument, error);
    if (status.type() == fs::file_type::not_found) {
      throw Error(located(argument, 0, 0, "No such file or directory"));
    }
    if (error) {
      files.add(argument, "", false, "cannot read: " + error.message());
      continue;
    }
    if (fs::is_directory(status)) {
      FolderWalk walk(argument, limits, files);
      walk.run();
      for (std::string& name : walk.passed_over()) passed_over.push_back(std::move(name));
      continue;
    }
    if (!fs::is_regular_file(status)) {
      files.add(argument, "", false, "not a regular file");
      continue;
    }
    const std::uintmax_t size = fs::file_size(argument, error);
    if (error) {
      files.add(argument, "", false, "cannot read: " + error.message());
    } else if (size > limits.max_filesize) {
      files.add(argument, "", false, too_large(limits));
    } else {
      files.add(argument, "", false);
    }
  }
  if (diagnostics != nullptr) warn_passed_over(std::move(passed_over), *diagnostics);
  return files;
}

std::vector<std::string> parse_file_list(const std::string& path, std::string_view text) {
  std::vector<std::string> names;
  int line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '/') {
      throw Error(located(path, line_number, 1, "not a path inside the JOBS folder: " + std::string(line)));
    }
    std::size_t column = 1;
    for (std::size_t part_start = 0; part_start <= line.size();) {
      std::size_t part_end = line.find('/', part_start);
      if (part_end == std::string_view::npos) part_end = line.size();
      const std::string_view part = line.substr(part_start, part_end - part_start);
      if (part.empty() || part == "." || part == "..") {
        throw Error(located(path, line_number, static_cast<int>(column),
                            "not a path inside the JOBS folder (empty, '.' or '..' part): " + std::string(line)));
      }
      column += part.size() + 1;
      part_start = part_end + 1;
    }
    names.emplace_back(line);
  }
  return names;
}

JobFileList list_listed_files(const std::vector<std::string>& args, const std::vector<std::string>& names,
                              const ReadLimits& limits, Diagnostics* diagnostics) {
  std::error_code error;
  if (args.size() != 1 || !fs::is_directory(args.front(), error)) {
    throw Error("a list of files is read in one JOBS folder: give exactly one, a folder");
  }
  const std::string& argument = args.front();
  int open_error = 0;
  // The folder itself is followed if it is a link, as the walk does: the user named it.
  const FolderHandle root = open_folder(AT_FDCWD, argument, true, open_error);
  if (!root) throw Error(located(argument, 0, 0, "cannot read folder: " + std::string(std::strerror(open_error))));
  JobFileList files;
  std::vector<std::string> passed_over;
  auto skip = [&](const std::string& name, const std::string& why) { files.add(argument, name, true, why); };
  for (const std::string& name : names) {
    // From open folder to open folder, following nothing, as the walk goes: a listed path
    // cannot lead outside the folder through a link. Hidden entries are passed over, as there.
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= name.size();) {
      const std::size_t end = std::min(name.find('/', start), name.size());
      parts.push_back(name.substr(start, end - start));
      start = end + 1;
    }
    if (std::any_of(parts.begin(), parts.end(), [](const std::string& part) { return part.empty() || part.front() == '.'; })) continue;
    FolderHandle owned;
    int fd = ::dirfd(root.get());
    bool reached = true;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      owned = open_folder(fd, parts[i], false, open_error);
      if (!owned) {
        skip(name, open_error == ENOENT ? "listed, but not found" : "not in a folder of JOBS (a link, or not a folder)");
        reached = false;
        break;
      }
      fd = ::dirfd(owned.get());
    }
    if (!reached) continue;
    struct stat info {};
    if (::fstatat(fd, parts.back().c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
      skip(name, errno == ENOENT ? "listed, but not found" : "cannot read: " + std::string(std::strerror(errno)));
    } else if (S_ISDIR(info.st_mode)) {
      skip(name, "a folder: list the files in it");
    } else {
      add_file_entry(argument, parts.back(), name, info, limits, files, passed_over);
    }
  }
  // The walk's order, whatever the order of the list.
  files.sort_by_source(0);
  if (diagnostics != nullptr) warn_passed_over(std::move(passed_over), *diagnostics);
  return files;
}

std::vector<JobFile> collect_job_files(const std::vector<std::string>& args,
                                       const ReadLimits& limits, Diagnostics& diagnostics) {
  std::vector<JobFile> files;
  for (JobFile file : list_job_files(args, limits, &diagnostics)) {
    if (file.skipped.empty()) {
      files.push_back(std::move(file));
    } else {
      diagnostics.warn(file.source + ": skipped: " + file.skipped);
      ++diagnostics.files_skipped;
    }
  }
  return files;
}

namespace {

// Whether `source` (a path relative to the folder given) or its base name matches a pattern.
bool is_excluded(std::string_view source, const std::vector<std::string>& globs) {
  const std::string whole(source);
  const std::size_t slash = whole.rfind('/');
  const std::string base = slash == std::string::npos ? whole : whole.substr(slash + 1);
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return ::fnmatch(glob.c_str(), whole.c_str(), 0) == 0 || ::fnmatch(glob.c_str(), base.c_str(), 0) == 0;
  });
}

}  // namespace

std::size_t exclude_job_files(std::vector<JobFile>& files, const std::vector<std::string>& globs) {
  if (globs.empty()) return 0;
  const auto kept_end =
      std::remove_if(files.begin(), files.end(), [&](const JobFile& file) { return is_excluded(file.source, globs); });
  const auto removed = static_cast<std::size_t>(files.end() - kept_end);
  files.erase(kept_end, files.end());
  return removed;
}

std::size_t exclude_job_files(JobFileList& files, const std::vector<std::string>& globs) {
  if (globs.empty()) return 0;
  return files.remove_if([&](std::string_view source) { return is_excluded(source, globs); });
}

namespace {

constexpr std::uint32_t kInsideFolder = 0x80000000u;

}  // namespace

void JobFileList::add(const std::string& argument, const std::string& relative, bool inside_folder,
                      const std::string& skipped) {
  if (arguments_.empty() || arguments_.back() != argument) arguments_.push_back(argument);
  if (names_.size() + relative.size() + 1 > UINT32_MAX || arguments_.size() >= kInsideFolder) {
    throw Error("too many files to list: more than 4 GiB of file names");
  }
  const auto name = static_cast<std::uint32_t>(names_.size());
  names_ += relative;
  names_ += '\0';
  entries_.push_back({name, static_cast<std::uint32_t>(arguments_.size() - 1) | (inside_folder ? kInsideFolder : 0)});
  if (!skipped.empty()) skipped_.emplace(name, skipped);
}

std::string_view JobFileList::source(std::size_t index) const {
  const Entry& entry = entries_[index];
  const char* relative = names_.data() + entry.name;
  if (*relative != '\0') return relative;
  return arguments_[entry.argument & ~kInsideFolder];
}

JobFile JobFileList::operator[](std::size_t index) const {
  const Entry& entry = entries_[index];
  const std::string& argument = arguments_[entry.argument & ~kInsideFolder];
  const bool inside = (entry.argument & kInsideFolder) != 0;
  const std::string relative(names_.data() + entry.name);
  JobFile file{inside ? (fs::path(argument) / relative).string() : argument, relative.empty() ? argument : relative,
               inside};
  if (const auto why = skipped_.find(entry.name); why != skipped_.end()) file.skipped = why->second;
  return file;
}

void JobFileList::sort_by_source(std::size_t first) {
  // Byte-wise order of the sources, whatever order the file system lists them in; entries
  // skipped take their place among the files, so their warnings come in that order.
  std::stable_sort(entries_.begin() + static_cast<std::ptrdiff_t>(first), entries_.end(),
                   [this](const Entry& a, const Entry& b) {
                     const std::string_view name_a = names_.data() + a.name;
                     const std::string_view name_b = names_.data() + b.name;
                     return (name_a.empty() ? arguments_[a.argument & ~kInsideFolder] : name_a) <
                            (name_b.empty() ? arguments_[b.argument & ~kInsideFolder] : name_b);
                   });
}

}  // namespace cio_gap
