#pragma once

// Posting text for the micro-benchmarks: the example postings of the repository, concatenated,
// so the figures do not depend on a generated corpus.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace cio_gap::bench {

/// The bytes of the first `limit` files of `folder`, in name order.
inline std::vector<std::string> folder_postings(const std::string& folder, std::size_t limit) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  if (paths.size() > limit) paths.resize(limit);
  std::vector<std::string> postings;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    postings.push_back(bytes.str());
  }
  return postings;
}

/// The bytes of every file in examples/jobs, in name order.
inline std::vector<std::string> example_postings() {
  return folder_postings(CIO_GAP_SOURCE_DIR "/examples/jobs", std::numeric_limits<std::size_t>::max());
}

}  // namespace cio_gap::bench
