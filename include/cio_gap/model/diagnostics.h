#pragma once

#include <cstddef>
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

/// A count with thousands separators, as warnings show it: 1048575 -> "1,048,575".
inline std::string group_digits(std::size_t count) {
  std::string digits = std::to_string(count);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
  return digits;
}

}  // namespace cio_gap
