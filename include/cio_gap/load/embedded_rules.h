#pragma once

#include <string_view>
#include <vector>

namespace cio_gap {

/// A rule file compiled into the binary.
struct EmbeddedFile {
  std::string_view name;     ///< "rules/leadership.yaml"
  std::string_view content;  ///< the file's bytes
};

/// The default rule pack, in file-name order.
const std::vector<EmbeddedFile>& embedded_rule_files();

}  // namespace cio_gap
