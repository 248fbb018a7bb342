#pragma once

#include <string>

#include "cio_gap/analyze/report_trend.h"
#include "cio_gap/render/render.h"

namespace cio_gap {

/// `trend` as text: per person, the reports with score, change and its split; each change in
/// words (market, you); each qualification's share and status at each report.
std::string render_trend_text(const ReportTrend& trend, const RenderOptions& options);

/// `trend` as JSON (schema_version, kind "trend", reports[], profiles[]).
std::string render_trend_json(const ReportTrend& trend);

/// `trend` as Markdown: the same tables as the text.
std::string render_trend_markdown(const ReportTrend& trend);

/// `trend` as one self-contained HTML page: per person a line chart of the score and the most
/// demanded qualifications' shares, the reports, the changes split, and the qualifications.
std::string render_trend_html(const ReportTrend& trend);

}  // namespace cio_gap
