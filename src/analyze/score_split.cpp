#include "cio_gap/analyze/score_split.h"

#include <algorithm>
#include <cmath>

namespace cio_gap {
namespace {

double weight(Status status) { return status == Status::have ? 1.0 : status == Status::partial ? 0.5 : 0.0; }

int postings_of(const ListedQualification& q) { return q.required.value_or(0) + q.preferred.value_or(0); }

const ListedQualification* find(const std::vector<ListedQualification>& list, const std::string& id) {
  for (const auto& q : list) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

// S(D1, s0): the new demand weighed by the old statuses, as readiness_score computes a score.
std::optional<double> midpoint_score(const ReadReport& old_report, const ReadReport& new_report) {
  double total = 0;
  double held = 0;
  for (const auto& q : new_report.qualifications) {
    total += *q.demand;
    held += *q.demand * weight(old_report.status_of(q.id).value_or(q.status));
  }
  if (total <= 0) return std::nullopt;
  return round_score(100.0 * held / total);
}

}  // namespace

double round_score(double score) {
  const double rounded = std::round(score * 10.0) / 10.0;
  return rounded == 0 ? 0 : rounded;  // never "-0"
}

std::optional<ScoreSplit> split_score_change(const ReadReport& old_report, const ReadReport& new_report) {
  if (!old_report.score || !new_report.score || !old_report.has_demand() || !new_report.has_demand()) {
    return std::nullopt;
  }
  const auto midpoint = midpoint_score(old_report, new_report);
  if (!midpoint) return std::nullopt;
  ScoreSplit split;
  split.midpoint = *midpoint;
  // Each part from scores of one decimal, rounded again, so the parts add up to the change.
  split.market = round_score(*midpoint - *old_report.score);
  split.person = round_score(*new_report.score - *midpoint);
  split.old_postings = old_report.postings;
  split.new_postings = new_report.postings;

  for (const auto& q : new_report.qualifications) {
    const ListedQualification* before = find(old_report.qualifications, q.id);
    DemandMove move{q.id, q.name, before ? postings_of(*before) : 0, postings_of(q), before ? before->share.value_or(0) : 0,
                    q.share.value_or(0)};
    if (!before) {
      split.started.push_back(move);
    } else if (std::abs(move.new_share - move.old_share) > 1e-9) {
      split.shifted.push_back(move);
    }
    const Status old_status = old_report.status_of(q.id).value_or(q.status);
    if (old_status != q.status) split.moved.push_back({q.id, q.name, old_status, q.status, *q.demand});
  }
  for (const auto& q : old_report.qualifications) {
    if (!find(new_report.qualifications, q.id)) {
      split.stopped.push_back({q.id, q.name, postings_of(q), 0, q.share.value_or(0), 0});
    }
  }
  // Stable sorts: ties keep the reports' order (most demanded first).
  const auto by_postings = [](auto& list, auto postings) {
    std::stable_sort(list.begin(), list.end(), [&](const DemandMove& a, const DemandMove& b) { return postings(a) > postings(b); });
  };
  by_postings(split.started, [](const DemandMove& m) { return m.new_postings; });
  by_postings(split.stopped, [](const DemandMove& m) { return m.old_postings; });
  std::stable_sort(split.shifted.begin(), split.shifted.end(), [](const DemandMove& a, const DemandMove& b) {
    return std::abs(a.new_share - a.old_share) > std::abs(b.new_share - b.old_share) + 1e-9;
  });
  std::stable_sort(split.moved.begin(), split.moved.end(), [](const StatusMove& a, const StatusMove& b) {
    return a.demand * std::abs(weight(a.new_status) - weight(a.old_status)) >
           b.demand * std::abs(weight(b.new_status) - weight(b.old_status)) + 1e-9;
  });
  return split;
}

}  // namespace cio_gap
