#include "cio_gap/analyze/report_trend.h"

#include <algorithm>
#include <map>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

// A batch's date: the first dated report's (a batch run writes one date for all).
std::string date_of(const ReadDocument& document) {
  for (const auto& report : document.reports) {
    if (!report.date.empty()) return report.date;
  }
  return "";
}

// One person's reports, before the trend is worked out from them.
struct Series {
  ReportedProfile profile;
  std::vector<std::pair<std::size_t, const ReadReport*>> reports;  // (document index, report)
};

ProfileTrend trend_of(const Series& series) {
  ProfileTrend trend;
  trend.profile = series.profile;
  const std::size_t n = series.reports.size();
  for (const auto& [document, report] : series.reports) trend.points.push_back({document, report->score, report->postings});
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const ReadReport& before = *series.reports[i].second;
    const ReadReport& after = *series.reports[i + 1].second;
    TrendStep step{i, i + 1, std::nullopt, split_score_change(before, after)};
    if (before.score && after.score) step.change = round_score(*after.score - *before.score);
    trend.steps.push_back(std::move(step));
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t p = 0; p < n; ++p) {
    for (const auto& q : series.reports[p].second->qualifications) {
      if (index.emplace(q.id, trend.qualifications.size()).second) {
        trend.qualifications.push_back({q.id, q.name, std::vector<double>(n, 0.0), {}});
      }
      trend.qualifications[index[q.id]].shares[p] = q.share.value_or(0);
    }
  }
  for (auto& q : trend.qualifications) {
    for (std::size_t p = 0; p < n; ++p) q.statuses.push_back(series.reports[p].second->status_of(q.id));
  }
  // Latest share first; reversed vectors compare the last point first, then the earlier ones.
  std::stable_sort(trend.qualifications.begin(), trend.qualifications.end(),
                   [](const QualificationTrend& a, const QualificationTrend& b) {
                     const std::vector<double> ra(a.shares.rbegin(), a.shares.rend());
                     const std::vector<double> rb(b.shares.rbegin(), b.shares.rend());
                     if (ra != rb) return ra > rb;
                     return a.id < b.id;
                   });
  return trend;
}

}  // namespace

ReportTrend trend_reports(std::vector<ReadDocument> documents) {
  if (documents.size() < 2) {
    throw Error(documents.empty() ? "trend needs at least two reports; none given"
                                  : "trend needs at least two reports; only " + documents.front().path + " given");
  }
  std::stable_sort(documents.begin(), documents.end(), [](const ReadDocument& a, const ReadDocument& b) {
    const std::string da = date_of(a);
    const std::string db = date_of(b);
    return da != db ? da < db : a.path < b.path;
  });
  ReportTrend trend;
  const bool all_single = std::none_of(documents.begin(), documents.end(), [](const auto& d) { return d.batch; });
  std::vector<Series> series;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const ReadDocument& document = documents[d];
    trend.reports.push_back({document.path, date_of(document)});
    // Single reports are one person's progress even if the profile file moved, as in diff.
    if (all_single) {
      if (series.empty()) series.emplace_back();
      series.front().profile = document.reports.front().profile;
      series.front().reports.emplace_back(d, &document.reports.front());
      continue;
    }
    std::vector<ReportedProfile> known;
    for (const auto& s : series) known.push_back(s.profile);
    std::vector<ReportedProfile> here;
    for (const auto& report : document.reports) here.push_back(report.profile);
    const auto pairs = pair_profiles(known, here);
    for (std::size_t r = 0; r < document.reports.size(); ++r) {
      if (!pairs[r]) {
        series.push_back({here[r], {}});
        series.back().reports.emplace_back(d, &document.reports[r]);
        continue;
      }
      Series& s = series[*pairs[r]];
      s.profile = here[r];
      s.reports.emplace_back(d, &document.reports[r]);
    }
  }
  for (const auto& s : series) trend.profiles.push_back(trend_of(s));
  return trend;
}

}  // namespace cio_gap
