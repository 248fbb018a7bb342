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

/// One line of a line chart: a value from 0 to 100 at each point of the x axis (none: a gap in
/// the line).
struct ChartLine {
  std::string label;  ///< written at the line's last point (plain text; escaped when drawn)
  std::vector<std::optional<double>> values;
  bool emphasis = false;  ///< drawn thick and solid (the score); the others thin, each dashed its own way
};

/// A line chart as inline SVG over a 0-100 axis, one x position per label (oldest left), each
/// point marked and titled with its value, each line labelled at its end (labels nudged apart
/// so they never overlap). Fixed precision: the same lines give the same bytes.
std::string render_line_chart_svg(const std::vector<std::string>& x_labels, const std::vector<ChartLine>& lines,
                                  std::string_view aria_label);

}  // namespace cio_gap
