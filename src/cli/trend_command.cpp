#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "cio_gap/analyze/report_reader.h"
#include "cio_gap/analyze/report_trend.h"
#include "cio_gap/error.h"
#include "cio_gap/render/trend_render.h"
#include "commands.h"

namespace cio_gap::cli {
namespace {

// The report files an argument names: itself, or every *.json of a folder (not hidden, not
// recursive), sorted.
std::vector<std::string> report_paths(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with('.') || entry.path().extension() != ".json" || !entry.is_regular_file(ec)) continue;
    paths.push_back(entry.path().string());
  }
  if (ec) throw Error(located(path, 0, 0, ec.message()));
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) throw Error(located(path, 0, 0, "no *.json reports in this folder"));
  return paths;
}

}  // namespace

void setup_trend(CLI::App& app, TrendCommand& command, CommonOptions& common) {
  app.add_option("REPORTS", command.reports,
                 "Two or more 'assess --format json' outputs, or folders of them (every *.json)")
      ->required();
  add_common_options(app, common, {"text", "json", "markdown", "html"}, false);
  app.footer(
      "Per person: the score at each report, each change split into what the market did (demand\n"
      "moved) and what the person did (statuses moved), and each qualification's share of\n"
      "postings and status over time. Reports are ordered by their date (meta.date), then path.\n"
      "Examples:\n"
      "  cio-gap trend reports/\n"
      "  cio-gap trend week1.json week2.json week3.json --format html -o trend.html");
}

int run_trend(const TrendCommand& command, const CommonOptions& common, const Streams& streams) {
  std::vector<std::string> paths;
  for (const auto& argument : command.reports) {
    for (auto& path : report_paths(argument)) paths.push_back(std::move(path));
  }
  check_output(common, paths);
  std::vector<ReadDocument> documents;
  for (const auto& path : paths) documents.push_back(read_report_document(read_report_json(path), path));
  const ReportTrend trend = trend_reports(std::move(documents));
  switch (common.format()) {
    case Format::json: emit(render_trend_json(trend), common, streams); break;
    case Format::markdown: emit(render_trend_markdown(trend), common, streams); break;
    case Format::html: emit(render_trend_html(trend), common, streams); break;
    default: emit(render_trend_text(trend, render_options(common, streams)), common, streams); break;
  }
  return kExitOk;
}

}  // namespace cio_gap::cli
