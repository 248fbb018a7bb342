#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "cio_gap/render/diff_render.h"
#include "cio_gap/render/html_page.h"
#include "cio_gap/render/svg_chart.h"
#include "cio_gap/render/trend_render.h"

namespace cio_gap {
namespace {

using nlohmann::ordered_json;

// Status and market moves named in a change's words, at most.
constexpr std::size_t kMovesNamed = 3;
// Qualifications drawn in the HTML chart beside the score.
constexpr std::size_t kChartedQualifications = 5;

std::string who(const ReportedProfile& profile) {
  if (profile.name.empty()) return profile.path;
  if (profile.path.empty()) return profile.name;
  return fmt::format("{} ({})", profile.name, profile.path);
}

std::string score_text(const std::optional<double>& score) { return score ? fmt::format("{:g}", *score) : "none"; }

std::string share_text(double share) { return share > 0 ? fmt::format("{:.0f}%", 100 * share) : "-"; }

std::string status_text(const std::optional<Status>& status) { return status ? to_string(*status) : "?"; }

// A report as a column heads it: its date, or its file name when it has none.
std::string report_label(const TrendReport& report) {
  return report.date.empty() ? std::filesystem::path(report.path).filename().string() : report.date;
}

struct StepCells {
  std::string change;
  std::string market;
  std::string person;
};

StepCells step_cells(const TrendStep& step) {
  StepCells cells{step.change ? signed_score(*step.change) : "-", "-", "-"};
  if (step.split) {
    cells.market = signed_score(step.split->market);
    cells.person = signed_score(step.split->person);
  }
  return cells;
}

// "score -5.1: market -6.0 (...), you +0.9 (...)", or why it cannot be split.
std::string step_words(const TrendStep& step) {
  if (!step.change) return "no score to compare";
  if (!step.split) return fmt::format("score {}: cannot be split (a report does not carry each qualification's demand)",
                                      signed_score(*step.change));
  return fmt::format("score {}: {}", signed_score(*step.change), split_text(*step.split, kMovesNamed));
}

std::string step_heading(const ReportTrend& trend, const ProfileTrend& profile, const TrendStep& step) {
  return fmt::format("{} -> {}", report_label(trend.reports[profile.points[step.from].report]),
                     report_label(trend.reports[profile.points[step.to].report]));
}

}  // namespace

std::string render_trend_text(const ReportTrend& trend, const RenderOptions& /*options*/) {
  std::string out = fmt::format("cio-gap trend: {} reports\n", trend.reports.size());
  for (std::size_t r = 0; r < trend.reports.size(); ++r) {
    out += fmt::format("  {}  {:<10}  {}\n", r + 1, trend.reports[r].date.empty() ? "(no date)" : trend.reports[r].date,
                       escape_control(trend.reports[r].path));
  }
  for (const auto& profile : trend.profiles) {
    out += fmt::format("\n{}\n\n", escape_control(who(profile.profile)));
    out += "  report  postings  score  change  market  you\n";
    for (std::size_t p = 0; p < profile.points.size(); ++p) {
      const TrendPoint& point = profile.points[p];
      std::string line = fmt::format("  {:<6}  {:<8}  {:<5}", point.report + 1, point.postings, score_text(point.score));
      if (p > 0) {
        const StepCells cells = step_cells(profile.steps[p - 1]);
        line += fmt::format("  {:<6}  {:<6}  {}", cells.change, cells.market, cells.person);
      }
      while (line.ends_with(' ')) line.pop_back();
      out += line + "\n";
    }
    if (!profile.steps.empty()) out += "\n  changes\n";
    for (const auto& step : profile.steps) {
      out += fmt::format("  {}: {}\n", step_heading(trend, profile, step), escape_control(step_words(step)));
    }
    std::size_t width = std::string_view("qualification").size();
    for (const auto& q : profile.qualifications) width = std::max(width, q.id.size());
    const std::size_t n = profile.points.size();
    // Shares are columns of 6 ("  100%"), then a space, then statuses: the headings line up.
    out += fmt::format("\n  {:<{}}  {:<{}}   status\n", "qualification", width, "share", n * 6 - 2);
    for (const auto& q : profile.qualifications) {
      std::string line = fmt::format("  {:<{}}", escape_control(q.id), width);
      for (const double share : q.shares) line += fmt::format("  {:>4}", share_text(share));
      line += " ";
      for (const auto& status : q.statuses) line += fmt::format("  {:<7}", status_text(status));
      while (line.ends_with(' ')) line.pop_back();
      out += line + "\n";
    }
  }
  return out;
}

std::string render_trend_json(const ReportTrend& trend) {
  ordered_json reports = ordered_json::array();
  for (const auto& report : trend.reports) {
    reports.push_back({{"path", report.path}, {"date", report.date.empty() ? ordered_json(nullptr) : ordered_json(report.date)}});
  }
  ordered_json profiles = ordered_json::array();
  for (const auto& profile : trend.profiles) {
    ordered_json points = ordered_json::array();
    for (const auto& point : profile.points) {
      points.push_back({{"report", point.report},
                        {"score", point.score ? ordered_json(*point.score) : ordered_json(nullptr)},
                        {"postings", point.postings}});
    }
    ordered_json steps = ordered_json::array();
    for (const auto& step : profile.steps) {
      steps.push_back({{"from", step.from},
                       {"to", step.to},
                       {"change", step.change ? ordered_json(*step.change) : ordered_json(nullptr)},
                       {"split", split_json(step.split)}});
    }
    ordered_json qualifications = ordered_json::array();
    for (const auto& q : profile.qualifications) {
      ordered_json statuses = ordered_json::array();
      for (const auto& status : q.statuses) statuses.push_back(status ? ordered_json(to_string(*status)) : ordered_json(nullptr));
      qualifications.push_back({{"id", q.id}, {"name", q.name}, {"shares", q.shares}, {"statuses", std::move(statuses)}});
    }
    profiles.push_back({{"profile", {{"path", profile.profile.path}, {"name", profile.profile.name}}},
                        {"points", std::move(points)},
                        {"steps", std::move(steps)},
                        {"qualifications", std::move(qualifications)}});
  }
  const ordered_json out = {{"schema_version", kSchemaVersion},
                            {"kind", "trend"},
                            {"reports", std::move(reports)},
                            {"profiles", std::move(profiles)}};
  // Paths and names come from input files; replace invalid UTF-8 rather than throw.
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_trend_markdown(const ReportTrend& trend) {
  std::string out = fmt::format("# Trend over {} reports\n\n| # | Date | Report |\n|---|---|---|\n", trend.reports.size());
  for (std::size_t r = 0; r < trend.reports.size(); ++r) {
    out += fmt::format("| {} | {} | {} |\n", r + 1, trend.reports[r].date.empty() ? "-" : trend.reports[r].date,
                       markdown_escape(trend.reports[r].path));
  }
  for (const auto& profile : trend.profiles) {
    out += fmt::format("\n## {}\n\n| Report | Postings | Score | Change | Market | You |\n|---|---|---|---|---|---|\n",
                       markdown_escape(who(profile.profile)));
    for (std::size_t p = 0; p < profile.points.size(); ++p) {
      const TrendPoint& point = profile.points[p];
      const StepCells cells = p > 0 ? step_cells(profile.steps[p - 1]) : StepCells{"", "", ""};
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", point.report + 1, point.postings, score_text(point.score),
                         cells.change, cells.market, cells.person);
    }
    if (!profile.steps.empty()) out += "\n";
    for (const auto& step : profile.steps) {
      out += fmt::format("- **{}**: {}\n", markdown_escape(step_heading(trend, profile, step)), markdown_escape(step_words(step)));
    }
    out += "\n| Qualification |";
    for (const auto& point : profile.points) out += fmt::format(" {} |", point.report + 1);
    out += "\n|---|";
    for (std::size_t p = 0; p < profile.points.size(); ++p) out += "---|";
    out += "\n";
    for (const auto& q : profile.qualifications) {
      out += fmt::format("| {} |", markdown_escape(q.id));
      for (std::size_t p = 0; p < q.shares.size(); ++p) {
        out += fmt::format(" {} {} |", share_text(q.shares[p]), status_text(q.statuses[p]));
      }
      out += "\n";
    }
  }
  return out;
}

std::string render_trend_html(const ReportTrend& trend) {
  std::string body = fmt::format("<main>\n<p class=\"kicker\">cio-gap trend</p>\n<h1>Readiness over {} reports</h1>\n",
                                 trend.reports.size());
  body += "<table class=\"reports\">\n<thead><tr><th>#</th><th>Date</th><th>Report</th></tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < trend.reports.size(); ++r) {
    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", r + 1,
                        html_escape(trend.reports[r].date.empty() ? "-" : trend.reports[r].date), html_escape(trend.reports[r].path));
  }
  body += "</tbody>\n</table>\n";
  std::size_t index = 0;
  for (const auto& profile : trend.profiles) {
    body += fmt::format("<section class=\"trend\" id=\"person-{}\">\n<h2>{}</h2>\n", ++index, html_escape(who(profile.profile)));
    std::vector<std::string> x_labels;
    for (const auto& point : profile.points) x_labels.push_back(report_label(trend.reports[point.report]));
    std::vector<ChartLine> lines;
    ChartLine score{"score", {}, true};
    for (const auto& point : profile.points) score.values.push_back(point.score);
    lines.push_back(std::move(score));
    for (std::size_t i = 0; i < profile.qualifications.size() && i < kChartedQualifications; ++i) {
      const QualificationTrend& q = profile.qualifications[i];
      ChartLine line{q.id + " %", {}, false};
      for (const double share : q.shares) line.values.push_back(std::round(1000 * share) / 10);
      lines.push_back(std::move(line));
    }
    body += "<p class=\"note\">The readiness score (solid) and the share of postings demanding the most demanded "
            "qualifications (dashed), at each report.</p>\n";
    body += render_line_chart_svg(x_labels, lines, "Readiness score and demand over time");
    body += "<h3>Reports</h3>\n<table>\n<thead><tr><th>Report</th><th>Postings</th><th>Score</th><th>Change</th>"
            "<th>Market</th><th>You</th></tr></thead>\n<tbody>\n";
    for (std::size_t p = 0; p < profile.points.size(); ++p) {
      const TrendPoint& point = profile.points[p];
      const StepCells cells = p > 0 ? step_cells(profile.steps[p - 1]) : StepCells{"", "", ""};
      body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                          html_escape(x_labels[p]), point.postings, score_text(point.score), cells.change, cells.market,
                          cells.person);
    }
    body += "</tbody>\n</table>\n";
    if (!profile.steps.empty()) body += "<h3>Changes</h3>\n<ul class=\"changes\">\n";
    for (const auto& step : profile.steps) {
      body += fmt::format("<li><strong>{}</strong>: {}</li>\n", html_escape(step_heading(trend, profile, step)),
                          html_escape(step_words(step)));
    }
    if (!profile.steps.empty()) body += "</ul>\n";
    body += "<h3>Qualifications</h3>\n<table>\n<thead><tr><th>Qualification</th>";
    for (const auto& label : x_labels) body += fmt::format("<th>{}</th>", html_escape(label));
    body += "</tr></thead>\n<tbody>\n";
    for (const auto& q : profile.qualifications) {
      body += fmt::format("<tr><td>{}</td>", html_escape(q.name));
      for (std::size_t p = 0; p < q.shares.size(); ++p) {
        const std::string status = status_text(q.statuses[p]);
        body += fmt::format("<td>{} <span class=\"badge {}\">{}</span></td>", share_text(q.shares[p]),
                            q.statuses[p] ? status : "unknown", html_escape(status));
      }
      body += "</tr>\n";
    }
    body += "</tbody>\n</table>\n</section>\n";
  }
  body += "</main>\n";
  return html_document("cio-gap trend", body);
}

}  // namespace cio_gap
