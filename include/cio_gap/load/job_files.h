#pragma once

#include <cstdint>
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
std::vector<JobFile> list_job_files(const std::vector<std::string>& args, const ReadLimits& limits,
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
std::vector<JobFile> list_listed_files(const std::vector<std::string>& args, const std::vector<std::string>& names,
                                       const ReadLimits& limits, Diagnostics* diagnostics = nullptr);

/// Removes the files whose source (the path relative to the folder given) or base name
/// matches one of the shell patterns `globs` (fnmatch(3): `*` also crosses '/' in the source);
/// returns how many were removed.
std::size_t exclude_job_files(std::vector<JobFile>& files, const std::vector<std::string>& globs);

}  // namespace cio_gap
