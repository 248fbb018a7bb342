#include "cio_gap/load/record_warnings.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace cio_gap {

RecordWarnings::RecordWarnings(std::string source, std::string unit) : source_(std::move(source)), unit_(std::move(unit)) {}

void RecordWarnings::add(const std::string& record, const std::string& label, std::size_t position,
                         std::vector<std::string>& warnings) {
  for (std::string& warning : warnings) {
    const std::string prefix = record + ": ";
    const std::string reason = warning.starts_with(prefix) ? warning.substr(prefix.size()) : warning;
    add(reason, 1, label, position, std::move(warning));
  }
}

void RecordWarnings::add(const std::string& reason, std::size_t count, const std::string& label, std::size_t position,
                         std::string single) {
  auto found = reasons_.find(reason);
  if (found == reasons_.end() && reasons_.size() >= kMaxReasons) found = reasons_.find("");  // the rest, together
  if (found == reasons_.end()) {
    const std::string key = reasons_.size() >= kMaxReasons ? "" : reason;
    found = reasons_.try_emplace(key, Reason{std::move(single), label, 0, position}).first;
  } else if (position < found->second.position) {
    // Skipped elements are counted while parsing, before the records are read.
    found->second.position = position;
    found->second.first_label = label;
    found->second.single = std::move(single);
  }
  found->second.count += count;
}

void RecordWarnings::flush(Diagnostics& diagnostics) {
  std::vector<std::pair<std::size_t, std::string>> lines;
  for (const auto& [reason, entry] : reasons_) {
    std::string line;
    if (reason.empty()) {
      line = fmt::format("{}: {} more {} with other warnings (first at {})", source_, group_digits(entry.count), unit_,
                         entry.first_label);
    } else if (entry.count == 1) {
      line = entry.single;
    } else if (reason.starts_with("skipped: ")) {
      line = fmt::format("{}: {} {} skipped: {} (first at {})", source_, group_digits(entry.count), unit_,
                         reason.substr(9), entry.first_label);
    } else if (reason.starts_with("with ")) {
      // "3 rows with more or fewer fields than the header": the reason reads on.
      line = fmt::format("{}: {} {} {} (first at {})", source_, group_digits(entry.count), unit_, reason,
                         entry.first_label);
    } else {
      line = fmt::format("{}: {} {}: {} (first at {})", source_, group_digits(entry.count), unit_, reason,
                         entry.first_label);
    }
    lines.emplace_back(entry.position, std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  for (auto& [order, line] : lines) diagnostics.warn(std::move(line));
  reasons_.clear();
}

}  // namespace cio_gap
