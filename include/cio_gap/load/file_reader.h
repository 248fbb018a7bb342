#pragma once

#include <cstdint>
#include <string>

#include "cio_gap/error.h"

namespace cio_gap {

/// Whether read_file may open a symbolic link.
enum class SymbolicLinks {
  follow,  ///< a path the user named: the link is what they chose
  refuse,  ///< a file found inside a folder: a link there may point anywhere
};

/// read_file's error for a file over its limit, so a caller can word it its own way.
class FileTooLarge : public Error {
 public:
  using Error::Error;
};

/// Reads a whole regular file of at most `max_bytes`. Looks at the path first, so a device,
/// FIFO or socket is never opened; then opens it without blocking (a FIFO swapped in
/// meanwhile cannot hang the run), checks the opened descriptor is a regular file within the
/// limit, and reads no more than its size. Throws Error "path: reason": the system's reason
/// ("No such file or directory", "Permission denied", "Is a directory", "Too many levels of
/// symbolic links"), "not a regular file", "symbolic link (not followed)" or
/// "larger than N bytes" (as FileTooLarge, found before the file is opened).
std::string read_file(const std::string& path, std::uintmax_t max_bytes,
                      SymbolicLinks links = SymbolicLinks::follow);

}  // namespace cio_gap
