#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/model/report.h"

namespace cio_gap {

/// One bar of the demand chart: a qualification, the share of postings demanding it and the
/// person's status.
struct ChartBar {
  std::string label;    ///< shown left of the bar (plain text; escaped when drawn)
  std::string tooltip;  ///< the bar's <title> (plain text; escaped when drawn)
  double share = 0;     ///< 0-1
  Status status = Status::missing;
};

/// A horizontal bar chart as inline SVG, one bar per entry in order: the bar's length is its
/// share, its fill the status in colour *and* pattern (solid for have, hatched for partial,
/// outlined for missing), and the status is also written in words, so the chart reads in
/// greyscale. Numbers are written with fixed precision: the same bars give the same bytes.
/// `id_prefix` keeps the pattern ids unique when several charts share one page.
std::string render_demand_chart_svg(const std::vector<ChartBar>& bars, std::string_view id_prefix);

/// The readiness score as a ring filled to the score, with the number in its centre ("none"
/// when there is no score).
std::string render_score_ring_svg(std::optional<double> score);

}  // namespace cio_gap
