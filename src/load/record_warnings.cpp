#include "cio_gap/load/record_warnings.h"

#include <algorithm>

namespace cio_gap {

RecordWarnings::RecordWarnings(std::string source, std::string unit)
    : source_(std::move(source)), unit_(std::move(unit)) {}

void RecordWarnings::add(const std::string& reason, std::size_t position, std::string alone) {
  // Reasons are few (a handful per reader), so a list is the quickest to search.
  const auto found = std::find_if(reasons_.begin(), reasons_.end(), [&](const Reason& r) { return r.text == reason; });
  if (found != reasons_.end()) {
    ++found->count;
    return;
  }
  reasons_.push_back({reason, 1, position, std::move(alone)});
}

void RecordWarnings::flush(Diagnostics& diagnostics) {
  for (Reason& reason : reasons_) {
    if (reason.count == 1) {
      diagnostics.warn(std::move(reason.alone));
      continue;
    }
    // "5 rows skipped: ...", "5 lines with ...", "5 rows: HTML ...".
    const bool reads_on = reason.text.starts_with("skipped") || reason.text.starts_with("with ");
    diagnostics.warn(source_ + ": " + std::to_string(reason.count) + " " + unit_ + "s" + (reads_on ? " " : ": ") +
                     reason.text + " (first at " + unit_ + " " + std::to_string(reason.first) + ")");
  }
  reasons_.clear();
}

}  // namespace cio_gap
