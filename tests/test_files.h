#pragma once

// Reading and writing whole files in tests: a file's bytes, and a file made of given bytes.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cio_gap::testing_support {

/// Every byte of `path` (empty when it cannot be read).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

/// Makes (or replaces) `path` with exactly `content`.
inline void spit(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

}  // namespace cio_gap::testing_support
