#include "cio_gap/analyze/report_diff.h"

namespace cio_gap {
namespace {

using nlohmann::json;

std::optional<Status> listed_status(const std::vector<ListedQualification>& list, const std::string& id) {
  for (const auto& q : list) {
    if (q.id == id) return q.status;
  }
  return std::nullopt;
}

bool is_gap(const ReadReport& report, const std::string& id) { return listed_status(report.gaps, id).has_value(); }

ProfileDiff compare(const ReadReport& old_report, const ReadReport& new_report) {
  ProfileDiff diff;
  diff.profile = new_report.profile;
  diff.old_score = old_report.score;
  diff.new_score = new_report.score;
  if (old_report.score && new_report.score) {
    // Scores have one decimal; rounding keeps 64.3 - 60.1 from printing as 4.199999.
    diff.change = round_score(*new_report.score - *old_report.score);
  }
  diff.split = split_score_change(old_report, new_report);
  for (const auto& gap : old_report.gaps) {
    if (!is_gap(new_report, gap.id)) {
      diff.closed.push_back({gap.id, gap.name, gap.status, listed_status(new_report.qualifications, gap.id)});
    }
  }
  for (const auto& gap : new_report.gaps) {
    const auto old_gap = listed_status(old_report.gaps, gap.id);
    if (!old_gap) {
      diff.opened.push_back({gap.id, gap.name, listed_status(old_report.qualifications, gap.id), gap.status});
    } else if (*old_gap != gap.status) {
      diff.changed.push_back({gap.id, gap.name, *old_gap, gap.status});
    }
  }
  return diff;
}

}  // namespace

ReportDiff diff_reports(const json& old_report, const json& new_report, const std::string& old_path,
                        const std::string& new_path) {
  const ReadDocument olds = read_report_document(old_report, old_path);
  const ReadDocument news = read_report_document(new_report, new_path);
  ReportDiff diff{old_path, new_path, {}, {}, {}};
  // Two single reports are one person's progress even if the profile file moved.
  if (!olds.batch && !news.batch) {
    diff.profiles.push_back(compare(olds.reports.front(), news.reports.front()));
    return diff;
  }
  const auto who = [](const ReadDocument& document) {
    std::vector<ReportedProfile> out;
    for (const auto& report : document.reports) out.push_back(report.profile);
    return out;
  };
  const auto pairs = pair_profiles(who(olds), who(news));
  std::vector<bool> used(olds.reports.size(), false);
  for (std::size_t i = 0; i < news.reports.size(); ++i) {
    if (!pairs[i]) {
      diff.only_new.push_back(news.reports[i].profile);
      continue;
    }
    used[*pairs[i]] = true;
    diff.profiles.push_back(compare(olds.reports[*pairs[i]], news.reports[i]));
  }
  for (std::size_t i = 0; i < olds.reports.size(); ++i) {
    if (!used[i]) diff.only_old.push_back(olds.reports[i].profile);
  }
  return diff;
}

}  // namespace cio_gap
