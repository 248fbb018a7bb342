#pragma once

#include <stdexcept>
#include <string>

namespace cio_gap {

/// An input or usage error that ends the run with exit code 2. The message is complete
/// ("path:line:col: what went wrong"); the top-level handler prefixes "cio-gap: error: ".
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Formats "path:line:col: message" (line and col are 1-based; 0 leaves them out).
std::string located(const std::string& path, int line, int col, const std::string& message);

}  // namespace cio_gap
