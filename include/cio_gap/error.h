#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cio_gap {

/// An input or usage error that ends the run with exit code 2. The message is complete
/// ("path:line:col: what went wrong"); the top-level handler prefixes "cio-gap: error: ".
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Gathers the errors of independent parts of one input (the keys of a profile, its skills),
/// so that one run reports every mistake, not only the first. `attempt` runs a part and keeps
/// its Error; `finish` throws them together, one per line, the first kMaxErrors of them.
class ErrorList {
 public:
  static constexpr std::size_t kMaxErrors = 20;

  template <typename Part>
  void attempt(Part&& part) {
    try {
      part();
    } catch (const Error& e) {
      add(e.what());
    }
  }
  void add(std::string message);
  bool empty() const { return messages_.empty() && more_ == 0; }
  /// Throws Error with every message gathered (and how many more there were), if any.
  void finish() const;

 private:
  std::vector<std::string> messages_;
  std::size_t more_ = 0;
};

/// Formats "path:line:col: message" (line and col are 1-based; 0 leaves them out).
std::string located(const std::string& path, int line, int col, const std::string& message);

}  // namespace cio_gap
