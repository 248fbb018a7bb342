#pragma once

#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/model/diagnostics.h"

namespace cio_gap {

/// Limits that keep one hostile file from spoiling a scan.
struct ReadLimits {
  std::uintmax_t max_filesize = 16u * 1024u * 1024u;  ///< bytes; larger files are skipped
  int max_depth = 32;  ///< folder levels read below a JOBS folder; deeper ones are skipped
};

/// A file to read postings from.
struct JobFile {
  std::string path;    ///< what to open ("-" for standard input)
  std::string source;  ///< how findings name it: relative to the folder given, or as given
  bool inside_folder = false;  ///< found in a folder: read without following a symbolic link
  std::string skipped{};       ///< non-empty: an entry not to read, and why ("not a regular file")
};

/// The files of a scan, held compactly: each JOBS argument once, each file's path relative to
/// it once (in one block of names), and 8 bytes per file beside it, so a folder of a million
/// postings lists in about 23 MB, not the 150 MB of a JobFile per file. A JobFile is made
/// when one is asked for.
class JobFileList {
 public:
  /// Adds a file found in the folder `argument` at `relative` (path argument/relative; named
  /// by `relative`, or by `argument` when `relative` is empty), or, with `inside_folder` false,
  /// the argument itself, named as given (`relative` empty).
  void add(const std::string& argument, const std::string& relative, bool inside_folder, const std::string& skipped = {});
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  JobFile operator[](std::size_t index) const;
  /// How the file at `index` is named (JobFile::source), without making its JobFile.
  std::string_view source(std::size_t index) const;
  /// Sorts the files from `first` on by source, byte-wise, keeping the order of equal ones.
  void sort_by_source(std::size_t first);
  /// Removes the files `drop` is true of (given each file's source), keeping the order of the
  /// others; returns how many it removed.
  template <typename Predicate>
  std::size_t remove_if(Predicate drop) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (!drop(source(i))) entries_[kept++] = entries_[i];
    }
    const std::size_t removed = entries_.size() - kept;
    entries_.resize(kept);
    return removed;
  }

  /// Goes through the files in order, making each JobFile as it is reached.
  class Iterator {
   public:
    using value_type = JobFile;
    using difference_type = std::ptrdiff_t;
    Iterator(const JobFileList* list, std::size_t index) : list_(list), index_(index) {}
    JobFile operator*() const { return (*list_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    const JobFileList* list_;
    std::size_t index_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, entries_.size()}; }

 private:
  struct Entry {
    std::uint32_t name;      // offset in names_ of the relative path, NUL-terminated
    std::uint32_t argument;  // index in arguments_; the top bit set when found inside a folder
  };
  std::vector<std::string> arguments_;
  std::string names_;
  std::vector<Entry> entries_;
  std::map<std::uint32_t, std::string> skipped_;  // why, by name offset: only the few skipped
};

/// Expands the JOBS arguments into files, in sorted order: folders recursively (regular files
/// with a known posting extension), files named directly kept whatever their extension.
/// A JOBS argument is followed if it is a symbolic link; inside a folder the walk goes from
/// open folder to open folder and follows nothing. Hidden entries are passed over; symbolic
/// links, FIFOs, sockets and devices with a posting extension, over-size files, folders
/// deeper than `limits.max_depth`, a folder met twice (a loop), unreadable entries and
/// entries removed during the walk are skipped with a warning "source: skipped: why". Files in
/// the folders that are not in a posting format are named in one warning, "N files skipped,
/// not a posting format: a.doc (convert .doc files to .docx), b.png", at most 8 names, with a
/// hint for formats that convert (.doc, .rtf, spreadsheets, slides); Thumbs.db, desktop.ini
/// and backup files ending in "~" are passed over without a word.
/// Throws Error when an argument does not exist.
std::vector<JobFile> collect_job_files(const std::vector<std::string>& args,
                                       const ReadLimits& limits, Diagnostics& diagnostics);

/// As collect_job_files, but the entries skipped stay in the list, in their sorted place,
/// with `skipped` saying why, so that a scan can give their warnings in the order of the
/// files around them. Files of the folders that are not in a posting format are named in one
/// warning into `diagnostics`, when given.
JobFileList list_job_files(const std::vector<std::string>& args, const ReadLimits& limits,
                           Diagnostics* diagnostics = nullptr);
/// The paths of a list of files (one a line, relative to a JOBS folder, as findings name them;
/// empty lines ignored). Throws Error "path:line:col: ..." for a path that is absolute or has
/// an empty, "." or ".." part.
std::vector<std::string> parse_file_list(const std::string& path, std::string_view text);

/// As list_job_files for the one folder `args` holds, but only the files `names` lists (paths
/// relative to it), each checked as the walk checks the files it meets (the same entries read,
/// skipped and passed over, the same sources), in the walk's order: the files of a folder split
/// into lists are those of the whole folder. A listed file that is not there, or only through
/// a link, is skipped with a warning. Throws Error unless `args` is one folder.
JobFileList list_listed_files(const std::vector<std::string>& args, const std::vector<std::string>& names,
                              const ReadLimits& limits, Diagnostics* diagnostics = nullptr);

/// Removes the files whose source (the path relative to the folder given) or base name
/// matches one of the shell patterns `globs` (fnmatch(3): `*` also crosses '/' in the source);
/// returns how many were removed.
std::size_t exclude_job_files(std::vector<JobFile>& files, const std::vector<std::string>& globs);
std::size_t exclude_job_files(JobFileList& files, const std::vector<std::string>& globs);

}  // namespace cio_gap
