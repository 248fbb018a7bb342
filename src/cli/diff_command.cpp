#include <fmt/format.h>

#include <ostream>

#include "cio_gap/analyze/report_diff.h"
#include "cio_gap/render/diff_render.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_diff(CLI::App& app, DiffCommand& command, CommonOptions& common) {
  app.add_option("OLD", command.old_path, "An earlier 'assess --format json' output")->required();
  app.add_option("NEW", command.new_path, "A later one (single reports or batch arrays)")->required();
  app.add_flag("--fail-on-drop{person}", command.fail_on_drop,
               "Exit 1 when a person's own part of a score change is negative (a status went down); "
               "=any: when any score went down, the market's doing or not")
      ->check(CLI::IsMember({"person", "any"}))
      ->option_text("[=any]");
  add_common_options(app, common, {"text", "json", "markdown"}, false);
  app.footer(
      "Gaps closed and opened, status changes and the score change, per person, split into what\n"
      "the market did (demand moved) and what the person did (statuses moved).\n"
      "Examples:\n"
      "  cio-gap diff reports/dana-2026-10.json reports/dana-2026-11.json\n"
      "  cio-gap diff last/ci.json now/ci.json --format json --fail-on-drop\n"
      "  cio-gap diff last/ci.json now/ci.json --fail-on-drop=any");
}

int run_diff(const DiffCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {command.old_path, command.new_path});
  const ReportDiff diff = diff_reports(read_report_json(command.old_path), read_report_json(command.new_path),
                                      command.old_path, command.new_path);
  switch (common.format()) {
    case Format::json: emit(render_diff_json(diff), common, streams); break;
    case Format::markdown: emit(render_diff_markdown(diff), common, streams); break;
    default: emit(render_diff_text(diff, render_options(common, streams)), common, streams); break;
  }
  if (command.fail_on_drop.empty()) return kExitOk;
  const bool any = command.fail_on_drop == "any";
  int code = kExitOk;
  for (const auto& profile : diff.profiles) {
    if (!(any ? profile.score_dropped() : profile.person_dropped())) continue;
    const std::string who = escape_control(profile.profile.name.empty() ? profile.profile.path : profile.profile.name);
    const std::string scores = fmt::format("{:g} to {}", *profile.old_score,
                                           profile.new_score ? fmt::format("{:g}", *profile.new_score) : "none");
    if (!any && profile.split) {
      streams.err << fmt::format("cio-gap: {}: score {}, your part of the change {} ({}) (--fail-on-drop)\n", who,
                                 scores, signed_score(profile.split->person), person_moves_text(*profile.split, 5));
    } else {
      streams.err << fmt::format("cio-gap: {}: score dropped from {} ({}){}\n", who, scores,
                                 any ? "--fail-on-drop=any" : "--fail-on-drop",
                                 any || !profile.change ? "" : "; the change cannot be split, so all of it counts");
    }
    code = kExitThreshold;
  }
  return code;
}

}  // namespace cio_gap::cli
