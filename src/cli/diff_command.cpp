#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

#include "cio_gap/analyze/report_diff.h"
#include "cio_gap/error.h"
#include "cio_gap/load/file_reader.h"
#include "cio_gap/load/json_reader.h"
#include "cio_gap/render/diff_render.h"
#include "commands.h"

namespace cio_gap::cli {
namespace {

constexpr std::uintmax_t kMaxReportBytes = 256u * 1024u * 1024u;

nlohmann::json read_report(const std::string& path) {
  const std::string text = read_file(path, kMaxReportBytes);
  // No repairs: a report is read exactly or not at all, and every error says where it is
  // (a number overflow too).
  JsonDocument document = parse_json(text);
  if (!document.error.empty()) {
    throw Error(located(path, document.line, document.column, "not valid JSON: " + document.error));
  }
  return std::move(document.value);
}

}  // namespace

void setup_diff(CLI::App& app, DiffCommand& command, CommonOptions& common) {
  app.add_option("OLD", command.old_path, "An earlier 'assess --format json' output")->required();
  app.add_option("NEW", command.new_path, "A later one (single reports or batch arrays)")->required();
  app.add_flag("--fail-on-drop", command.fail_on_drop,
               "Exit 1 when any readiness score went down (or a report has none where it had one)");
  add_common_options(app, common, {"text", "json"}, false);
  app.footer(
      "Gaps closed and opened, status changes and the score change, per person.\n"
      "Examples:\n"
      "  cio-gap diff reports/dana-2026-10.json reports/dana-2026-11.json\n"
      "  cio-gap diff last/ci.json now/ci.json --format json --fail-on-drop");
}

int run_diff(const DiffCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {command.old_path, command.new_path});
  const ReportDiff diff =
      diff_reports(read_report(command.old_path), read_report(command.new_path), command.old_path, command.new_path);
  emit(common.format() == Format::json ? render_diff_json(diff) : render_diff_text(diff, render_options(common, streams)),
       common, streams);
  if (command.fail_on_drop) {
    int code = kExitOk;
    for (const auto& profile : diff.profiles) {
      if (profile.score_dropped()) {
        streams.err << fmt::format("cio-gap: {}: score dropped from {:g} to {} (--fail-on-drop)\n",
                                   escape_control(profile.profile.name.empty() ? profile.profile.path : profile.profile.name),
                                   *profile.old_score,
                                   profile.new_score ? fmt::format("{:g}", *profile.new_score) : "none");
        code = kExitThreshold;
      }
    }
    return code;
  }
  return kExitOk;
}

}  // namespace cio_gap::cli
