#pragma once

#include <cstdint>
#include <string>

namespace cio_gap {

/// Reads a whole regular file of at most `max_bytes`. Opens it without blocking (a FIFO
/// cannot hang the run), checks the opened descriptor is a regular file and its size before
/// reading. Throws Error "path: reason" (the system's reason: "No such file or directory",
/// "Permission denied", "Is a directory", "larger than N bytes").
std::string read_file(const std::string& path, std::uintmax_t max_bytes);

}  // namespace cio_gap
