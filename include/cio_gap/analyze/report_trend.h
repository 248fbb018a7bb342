#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cio_gap/analyze/report_reader.h"
#include "cio_gap/analyze/score_split.h"

namespace cio_gap {

/// One report file of a trend.
struct TrendReport {
  std::string path;
  std::string date;  ///< meta.date; empty in a report without meta
};

/// One person in one report.
struct TrendPoint {
  std::size_t report = 0;  ///< index in ReportTrend::reports
  std::optional<double> score;
  int postings = 0;  ///< postings read for demands
};

/// The change from one point to the next.
struct TrendStep {
  std::size_t from = 0;  ///< index in ProfileTrend::points
  std::size_t to = 0;
  std::optional<double> change;    ///< to one decimal; none unless both have a score
  std::optional<ScoreSplit> split; ///< none when the change cannot be split
};

/// One qualification over a person's points.
struct QualificationTrend {
  std::string id;
  std::string name;
  std::vector<double> shares;                 ///< per point; 0 where not demanded
  std::vector<std::optional<Status>> statuses;  ///< per point; none where the report does not say
};

/// One person's reports over time.
struct ProfileTrend {
  ReportedProfile profile;  ///< as the latest report says
  std::vector<TrendPoint> points;
  std::vector<TrendStep> steps;
  /// Every qualification demanded at some point: by share at the last point, then at the
  /// earlier ones, then by id.
  std::vector<QualificationTrend> qualifications;
};

/// Several reports over time.
struct ReportTrend {
  std::vector<TrendReport> reports;  ///< oldest first
  std::vector<ProfileTrend> profiles;
};

/// The trend of two or more read assess outputs: ordered by their meta date, then path
/// (a report without a date first); one trend per person, batch reports paired by profile
/// path, then name (single reports are one person's whoever they name). Throws Error when
/// fewer than two documents are given.
ReportTrend trend_reports(std::vector<ReadDocument> documents);

}  // namespace cio_gap
