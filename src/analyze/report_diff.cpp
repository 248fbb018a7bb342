#include "cio_gap/analyze/report_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cio_gap {
namespace {

using nlohmann::json;

std::optional<Status> status_of(const std::vector<ListedQualification>& list, const std::string& id) {
  for (const auto& q : list) {
    if (q.id == id) return q.status;
  }
  return std::nullopt;
}

bool is_gap(const ReadReport& report, const std::string& id) { return status_of(report.gaps, id).has_value(); }

ProfileDiff compare(const ReadReport& old_report, const ReadReport& new_report) {
  ProfileDiff diff;
  diff.profile = new_report.profile;
  diff.old_score = old_report.readiness_score;
  diff.new_score = new_report.readiness_score;
  if (old_report.readiness_score && new_report.readiness_score) {
    // Scores have one decimal; rounding keeps 64.3 - 60.1 from printing as 4.199999.
    double change = std::round((*new_report.readiness_score - *old_report.readiness_score) * 10.0) / 10.0;
    if (change == 0) change = 0;  // never "-0"
    diff.change = change;
  }
  for (const auto& gap : old_report.gaps) {
    if (!is_gap(new_report, gap.id)) {
      diff.closed.push_back({gap.id, gap.name, gap.status, status_of(new_report.qualifications, gap.id)});
    }
  }
  for (const auto& gap : new_report.gaps) {
    const auto old_gap = status_of(old_report.gaps, gap.id);
    if (!old_gap) {
      diff.opened.push_back({gap.id, gap.name, status_of(old_report.qualifications, gap.id), gap.status});
    } else if (*old_gap != gap.status) {
      diff.changed.push_back({gap.id, gap.name, *old_gap, gap.status});
    }
  }
  return diff;
}

}  // namespace

ReportDiff diff_reports(const json& old_report, const json& new_report, const std::string& old_path,
                        const std::string& new_path) {
  const ReadDocument old_document = read_reports(old_report, old_path);
  const ReadDocument new_document = read_reports(new_report, new_path);
  const std::vector<ReadReport>& olds = old_document.reports;
  const std::vector<ReadReport>& news = new_document.reports;
  ReportDiff diff{old_path, new_path, {}, {}, {}};
  // Two single reports are one person's progress even if the profile file moved.
  if (!old_document.batch && !new_document.batch) {
    diff.profiles.push_back(compare(olds.front(), news.front()));
    return diff;
  }
  std::vector<bool> used(olds.size(), false);
  const auto find_old = [&](auto same) {
    for (std::size_t i = 0; i < olds.size(); ++i) {
      if (!used[i] && same(olds[i].profile)) return i;
    }
    return olds.size();
  };
  for (const auto& report : news) {
    const ReportedProfile& who = report.profile;
    std::size_t match = find_old([&](const ReportedProfile& p) { return !who.path.empty() && p.path == who.path; });
    if (match == olds.size()) {
      match = find_old([&](const ReportedProfile& p) { return !who.name.empty() && p.name == who.name; });
    }
    if (match == olds.size()) {
      diff.only_new.push_back(who);
      continue;
    }
    used[match] = true;
    diff.profiles.push_back(compare(olds[match], report));
  }
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (!used[i]) diff.only_old.push_back(olds[i].profile);
  }
  return diff;
}

}  // namespace cio_gap
