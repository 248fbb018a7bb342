#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cio_gap/model/diagnostics.h"

namespace cio_gap {

/// Limits that keep one hostile file from spoiling a scan.
struct ReadLimits {
  std::uintmax_t max_filesize = 16u * 1024u * 1024u;  ///< bytes; larger files are skipped
};

/// A file to read postings from.
struct JobFile {
  std::string path;    ///< what to open ("-" for standard input)
  std::string source;  ///< how findings name it: relative to the folder given, or as given
};

/// Expands the JOBS arguments into files, in sorted order: folders recursively (regular files
/// with a known posting extension, hidden entries and symlinks inside folders skipped), files
/// named directly kept whatever their extension. Unreadable entries become warnings.
/// Throws Error when an argument does not exist.
std::vector<JobFile> collect_job_files(const std::vector<std::string>& args,
                                       const ReadLimits& limits, Diagnostics& diagnostics);

}  // namespace cio_gap
