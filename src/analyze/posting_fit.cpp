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

std::vector<std::size_t> rank_fits(const std::vector<PostingSummary>& postings, const std::vector<PostingFit>& fits) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < fits.size() && i < postings.size(); ++i) {
    if (fits[i].fit) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (*fits[a].fit != *fits[b].fit) return *fits[a].fit > *fits[b].fit;
    return postings[a].source < postings[b].source;
  });
  return order;
}

}  // namespace cio_gap
