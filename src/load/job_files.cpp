#include "cio_gap/load/job_files.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

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

// Lists one folder argument's posting files. The walk keeps its own stack rather than
// recursing, never follows a symbolic link (lstat semantics throughout), and turns every
// unreadable entry into a warning.
void walk_folder(const std::string& argument, const ReadLimits& limits, Diagnostics& diagnostics,
                 std::vector<JobFile>& files) {
  const fs::path root(argument);
  std::vector<JobFile> found;
  std::vector<fs::path> pending{fs::path()};  // folders relative to root
  while (!pending.empty()) {
    const fs::path relative_folder = pending.back();
    pending.pop_back();
    const std::string folder_source =
        relative_folder.empty() ? argument : relative_folder.generic_string();
    std::error_code error;
    fs::directory_iterator it(root / relative_folder, error);
    if (error) {
      skip(diagnostics, folder_source, "cannot read folder: " + error.message());
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(error)) {
      const fs::path name = it->path().filename();
      const std::string name_text = name.string();
      if (name_text.empty() || name_text.front() == '.') continue;  // hidden
      const fs::path relative = relative_folder / name;
      const std::string source = relative.generic_string();
      std::error_code status_error;
      const fs::file_status status = it->symlink_status(status_error);
      if (status_error) {
        skip(diagnostics, source, "cannot read: " + status_error.message());
        continue;
      }
      if (fs::is_symlink(status)) {
        if (has_posting_extension(name)) skip(diagnostics, source, "symbolic link inside a folder");
        continue;
      }
      if (fs::is_directory(status)) {
        pending.push_back(relative);
        continue;
      }
      if (!fs::is_regular_file(status) || !has_posting_extension(name)) continue;
      std::error_code size_error;
      const std::uintmax_t size = it->file_size(size_error);
      if (size_error) {
        skip(diagnostics, source, "cannot read: " + size_error.message());
        continue;
      }
      if (!fits(size, source, limits, diagnostics)) continue;
      found.push_back({(root / relative).string(), source});
    }
    if (error) skip(diagnostics, folder_source, "cannot read folder: " + error.message());
  }
  // Byte-wise order of the relative paths, whatever order the file system lists them in.
  std::sort(found.begin(), found.end(),
            [](const JobFile& a, const JobFile& b) { return a.source < b.source; });
  for (JobFile& file : found) files.push_back(std::move(file));
}

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
      walk_folder(argument, limits, diagnostics, files);
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

}  // namespace cio_gap
