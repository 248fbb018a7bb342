#pragma once

#include <string>
#include <vector>

namespace cio_gap {

/// Warnings gathered while reading inputs (files skipped, postings that demand nothing); a
/// warning never stops the run.
/// Messages are complete ("path: why"); the CLI prints them as "cio-gap: warning: ...".
struct Diagnostics {
  std::vector<std::string> warnings;
  int files_read = 0;     ///< files that yielded at least one posting
  int files_skipped = 0;  ///< files skipped with a warning
  /// Files skipped because memory ran out while reading them: the results are incomplete, so
  /// the run fails (exit 2) once it has said which.
  std::vector<std::string> out_of_memory;

  void warn(std::string message) { warnings.push_back(std::move(message)); }
};

}  // namespace cio_gap
