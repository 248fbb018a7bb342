#include "cio_gap/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace cio_gap {

std::string located(const std::string& path, int line, int col, const std::string& message) {
  if (line <= 0) return fmt::format("{}: {}", path, message);
  if (col <= 0) return fmt::format("{}:{}: {}", path, line, message);
  return fmt::format("{}:{}:{}: {}", path, line, col, message);
}

void ErrorList::add(std::string message) {
  // The errors of a part that gathers its own (a rule of a rule file) come one per line.
  std::size_t start = 0;
  while (start <= message.size()) {
    std::size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    if (messages_.size() < kMaxErrors) {
      messages_.push_back(message.substr(start, end - start));
    } else {
      ++more_;
    }
    start = end + 1;
  }
}

void ErrorList::finish() const {
  if (empty()) return;
  // In the order of the file: "path:line:col: ..." by line, then column.
  auto place = [](const std::string& message) {
    std::pair<long, long> at{0, 0};
    const auto first = message.find(':');
    if (first == std::string::npos) return at;
    char* end = nullptr;
    at.first = std::strtol(message.c_str() + first + 1, &end, 10);
    if (end != nullptr && *end == ':') at.second = std::strtol(end + 1, nullptr, 10);
    return at;
  };
  std::vector<std::string> sorted = messages_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const std::string& a, const std::string& b) { return place(a) < place(b); });
  std::string all;
  for (const auto& message : sorted) {
    if (!all.empty()) all.push_back('\n');
    all.append(message);
  }
  if (more_ > 0) all.append("\n").append(std::to_string(more_)).append(" more errors not shown");
  throw Error(all);
}

}  // namespace cio_gap
