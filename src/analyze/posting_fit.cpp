#include "cio_gap/analyze/posting_fit.h"

#include <algorithm>
#include <cmath>

namespace cio_gap {

PostingFit fit_posting(const PostingSummary& posting, const std::vector<Status>& status_by_rule,
                       std::optional<int> years_experience) {
  PostingFit fit;
  if (posting.years_required && years_experience) fit.years_met = *years_experience >= *posting.years_required;
  if (posting.duplicate || posting.diagnosis != Diagnosis::none || posting.demands.empty()) return fit;
  double total = 0;
  double held = 0;
  for (const DemandedRule& demand : posting.demands) {
    const Status status = demand.rule < status_by_rule.size() ? status_by_rule[demand.rule] : Status::missing;
    const double weight = demand.preferred ? 0.5 : 1.0;
    total += weight;
    held += weight * (status == Status::have ? 1.0 : status == Status::partial ? 0.5 : 0.0);
    if (demand.preferred) continue;
    ++fit.required_total;
    if (status == Status::have) {
      ++fit.required_held;
    } else {
      fit.missing_required.push_back(demand.rule);
    }
  }
  fit.fit = std::round(1000.0 * held / total) / 10.0;
  return fit;
}

std::vector<std::uint64_t> rank_fits(const PostingSpool& postings, const std::vector<Status>& status_by_rule,
                                     std::optional<int> years_experience, bool sources_in_order) {
  // One key per posting with a fit: the fit's tenths below 1001, worst first, in the top bits,
  // the offset (file order) below, so that sorting the keys ranks best fit first, then file order.
  constexpr int kOffsetBits = 48;
  constexpr std::uint64_t kOffsetMask = (std::uint64_t{1} << kOffsetBits) - 1;
  std::vector<std::uint64_t> keys;
  postings.for_each([&](const PostingSummary& posting, std::uint64_t offset) {
    const PostingFit fit = fit_posting(posting, status_by_rule, years_experience);
    if (!fit.fit) return;
    const auto tenths = static_cast<std::uint64_t>(1000 - std::lround(*fit.fit * 10.0));
    keys.push_back(tenths << kOffsetBits | offset);
  });
  std::sort(keys.begin(), keys.end());
  if (!sources_in_order) {
    // Ties by source: each group of equal fits sorted again by its postings' sources.
    std::vector<std::pair<std::string, std::uint64_t>> group;
    for (std::size_t start = 0; start < keys.size();) {
      std::size_t end = start + 1;
      while (end < keys.size() && keys[end] >> kOffsetBits == keys[start] >> kOffsetBits) ++end;
      if (end - start > 1) {
        group.clear();
        for (std::size_t i = start; i < end; ++i) group.emplace_back(postings.read(keys[i] & kOffsetMask).source, keys[i]);
        std::stable_sort(group.begin(), group.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = start; i < end; ++i) keys[i] = group[i - start].second;
      }
      start = end;
    }
  }
  for (auto& key : keys) key &= kOffsetMask;
  return keys;
}

PostingFit fit_for(const Report& report, const PostingSummary& posting) {
  return fit_posting(posting, report.status_by_rule,
                     report.profile != nullptr ? report.profile->years_experience : std::nullopt);
}

}  // namespace cio_gap
