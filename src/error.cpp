#include "cio_gap/error.h"

#include <fmt/format.h>

namespace cio_gap {

std::string located(const std::string& path, int line, int col, const std::string& message) {
  if (line <= 0) return fmt::format("{}: {}", path, message);
  if (col <= 0) return fmt::format("{}:{}: {}", path, line, message);
  return fmt::format("{}:{}:{}: {}", path, line, col, message);
}

}  // namespace cio_gap
