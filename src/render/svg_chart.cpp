#include "cio_gap/render/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cio_gap/render/html_page.h"

namespace cio_gap {
namespace {

// Geometry of the demand chart, in SVG user units (the chart scales to the page width).
constexpr double kWidth = 760;
constexpr double kLabelRight = 262;  // labels end here, right-aligned
constexpr double kBarLeft = 272;
constexpr double kBarWidth = 330;    // 100% of postings
constexpr double kRow = 24;
constexpr double kBarHeight = 15;
constexpr double kTop = 58;          // legend and axis labels above the first row
constexpr std::size_t kMaxLabel = 42;

// Fixed precision, so the bytes do not depend on how a double happens to print.
std::string num(double value) { return fmt::format("{:.1f}", value); }

const char* status_word(Status status) {
  switch (status) {
    case Status::have: return "\xE2\x9C\x93 have";        // check mark
    case Status::partial: return "\xE2\x97\x90 partial";  // half-filled circle
    case Status::missing: return "\xE2\x9C\x97 missing";  // ballot x
  }
  return "";
}

std::string fill(Status status, std::string_view prefix) {
  switch (status) {
    case Status::have: return "fill=\"#1b6e3a\" stroke=\"#1b6e3a\"";
    case Status::partial: return fmt::format("fill=\"url(#{}partial)\" stroke=\"#a86a00\"", prefix);
    case Status::missing: return "fill=\"#fbe9e9\" stroke=\"#b3261e\" stroke-dasharray=\"3 2\"";
  }
  return "";
}

// A label longer than the column is cut at a character boundary and ends in an ellipsis; the
// whole name stays in the bar's tooltip.
std::string fit_label(const std::string& label) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
    if (++chars > kMaxLabel) return label.substr(0, i) + "\xE2\x80\xA6";
  }
  return label;
}

std::string swatch(double x, Status status, std::string_view prefix) {
  return fmt::format(
      "<rect x=\"{}\" y=\"8\" width=\"22\" height=\"12\" {} stroke-width=\"1\"/>"
      "<text x=\"{}\" y=\"18\" class=\"legend\">{}</text>",
      num(x), fill(status, prefix), num(x + 28), status_word(status));
}

}  // namespace

std::string render_demand_chart_svg(const std::vector<ChartBar>& bars, std::string_view id_prefix) {
  const std::string prefix = html_escape(id_prefix);
  const double height = kTop + kRow * static_cast<double>(bars.size()) + 8;
  std::string out = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-labelledby=\"{}title\">\n<title id=\"{}title\">Share of postings demanding each qualification, "
      "with your status</title>\n",
      num(kWidth), num(height), prefix, prefix);
  out += fmt::format(
      "<defs><pattern id=\"{}partial\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fbe3b0\"/>"
      "<rect width=\"3\" height=\"6\" fill=\"#c98200\"/></pattern></defs>\n",
      prefix);
  out += "<g class=\"legend\">" + swatch(kBarLeft, Status::have, prefix) + swatch(kBarLeft + 100, Status::partial, prefix) +
         swatch(kBarLeft + 212, Status::missing, prefix) + "</g>\n";
  // Grid lines every quarter, labelled above the first row.
  out += "<g class=\"grid\">";
  for (int quarter = 0; quarter <= 4; ++quarter) {
    const double x = kBarLeft + kBarWidth * quarter / 4.0;
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><text x=\"{0}\" y=\"{3}\">{4}%</text>",
                       num(x), num(kTop - 6), num(height - 6), num(kTop - 12), quarter * 25);
  }
  out += "</g>\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    const double share = std::clamp(bar.share, 0.0, 1.0);
    const double y = kTop + kRow * static_cast<double>(i);
    const double width = std::max(kBarWidth * share, 2.0);
    out += fmt::format("<g class=\"bar {}\"><title>{}</title>", to_string(bar.status), html_escape(bar.tooltip));
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>", num(kLabelRight), num(y + 12.5),
                       html_escape(fit_label(bar.label)));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {} stroke-width=\"1\"/>", num(kBarLeft),
                       num(y + 1.5), num(width), num(kBarHeight), fill(bar.status, prefix));
    out += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}% <tspan class=\"status\">{}</tspan></text></g>\n",
                       num(kBarLeft + width + 6), num(y + 12.5), std::lround(share * 100), status_word(bar.status));
  }
  out += "</svg>\n";
  return out;
}

std::string render_score_ring_svg(std::optional<double> score) {
  constexpr double kRadius = 52;
  constexpr double kCircumference = 2 * 3.14159265358979 * kRadius;
  const double filled = score ? kCircumference * std::clamp(*score, 0.0, 100.0) / 100.0 : 0.0;
  std::string out =
      "<svg class=\"ring\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 132 132\" role=\"img\" "
      "aria-label=\"Readiness score\">\n"
      "<circle cx=\"66\" cy=\"66\" r=\"52\" fill=\"none\" stroke=\"#e3e7ee\" stroke-width=\"14\"/>\n";
  if (score) {
    out += fmt::format(
        "<circle cx=\"66\" cy=\"66\" r=\"52\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"14\" "
        "stroke-dasharray=\"{} {}\" transform=\"rotate(-90 66 66)\"/>\n"
        "<text x=\"66\" y=\"70\" class=\"score\">{:g}</text><text x=\"66\" y=\"90\" class=\"of\">of 100</text>\n",
        num(filled), num(kCircumference), *score);
  } else {
    out += "<text x=\"66\" y=\"72\" class=\"score none\">none</text>\n";
  }
  out += "</svg>\n";
  return out;
}

std::string render_line_chart_svg(const std::vector<std::string>& x_labels, const std::vector<ChartLine>& lines,
                                  std::string_view aria_label) {
  constexpr double kLeft = 48;
  constexpr double kRight = 560;   // the plot ends here; line labels to the right of it
  constexpr double kTopY = 16;
  constexpr double kHeight = 220;  // 0 to 100
  constexpr double kLabelGap = 14; // the least distance between two line labels
  constexpr const char* kDashes[] = {"6 3", "2 3", "8 3 2 3", "1 2", "10 4"};
  constexpr const char* kColours[] = {"#7a4f9a", "#a86a00", "#1b6e3a", "#b3261e", "#4d5b6b"};
  const std::size_t n = x_labels.size();
  const auto x_at = [&](std::size_t i) { return n <= 1 ? (kLeft + kRight) / 2 : kLeft + (kRight - kLeft) * static_cast<double>(i) / static_cast<double>(n - 1); };
  const auto y_at = [&](double value) { return kTopY + kHeight * (1.0 - std::clamp(value, 0.0, 100.0) / 100.0); };
  const double height = kTopY + kHeight + 40;
  std::string out = fmt::format(
      "<svg class=\"chart lines\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\">\n<g class=\"grid\">\n",
      num(kWidth), num(height), html_escape(aria_label));
  for (const int tick : {0, 25, 50, 75, 100}) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n", num(kLeft),
                       num(y_at(tick)), num(kRight), num(y_at(tick)), num(kLeft - 18), num(y_at(tick) + 4), tick);
  }
  for (std::size_t i = 0; i < n; ++i) {
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(x_at(i)), num(kTopY + kHeight + 20),
                       html_escape(fit_label(x_labels[i])));
  }
  out += "</g>\n";
  // Where each line's label goes: beside its last point, pushed down past the one above it.
  std::vector<std::pair<double, std::size_t>> ends;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t i = lines[l].values.size(); i-- > 0;) {
      if (lines[l].values[i]) {
        ends.emplace_back(y_at(*lines[l].values[i]), l);
        break;
      }
    }
  }
  std::stable_sort(ends.begin(), ends.end());
  std::vector<double> label_y(lines.size(), 0);
  for (std::size_t e = 0; e < ends.size(); ++e) {
    double y = ends[e].first;
    if (e > 0) y = std::max(y, label_y[ends[e - 1].second] + kLabelGap);
    label_y[ends[e].second] = y;
  }
  std::size_t plain = 0;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const ChartLine& line = lines[l];
    const std::size_t style = line.emphasis ? 0 : plain++ % std::size(kDashes);
    const std::string colour = line.emphasis ? "#1f4e79" : kColours[style];
    const std::string stroke = line.emphasis ? fmt::format("stroke=\"{}\" stroke-width=\"3\"", colour)
                                             : fmt::format("stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"{}\"",
                                                           colour, kDashes[style]);
    out += fmt::format("<g class=\"line{}\">\n", line.emphasis ? " emphasis" : "");
    // A run of points with values is one polyline; a missing value breaks the line.
    std::string points;
    const auto flush = [&] {
      if (points.find(' ') != std::string::npos) out += fmt::format("<polyline fill=\"none\" {} points=\"{}\"/>\n", stroke, points);
      points.clear();
    };
    for (std::size_t i = 0; i < line.values.size() && i < n; ++i) {
      if (!line.values[i]) {
        flush();
        continue;
      }
      points += fmt::format("{}{},{}", points.empty() ? "" : " ", num(x_at(i)), num(y_at(*line.values[i])));
    }
    flush();
    for (std::size_t i = 0; i < line.values.size() && i < n; ++i) {
      if (!line.values[i]) continue;
      out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"><title>{}: {}</title></circle>\n", num(x_at(i)),
                         num(y_at(*line.values[i])), line.emphasis ? "4.5" : "3", colour,
                         html_escape(line.label + ", " + x_labels[i]), num(*line.values[i]));
    }
    if (std::any_of(line.values.begin(), line.values.end(), [](const auto& v) { return v.has_value(); })) {
      // A style, not a fill attribute: the page's style sheet colours chart text otherwise.
      out += fmt::format("<text x=\"{}\" y=\"{}\" style=\"fill:{}\"{}>{}</text>\n", num(kRight + 10), num(label_y[l] + 4),
                         colour, line.emphasis ? " font-weight=\"700\"" : "", html_escape(fit_label(line.label)));
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace cio_gap
