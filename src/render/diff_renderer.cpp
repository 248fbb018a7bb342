#include <fmt/color.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "cio_gap/render/diff_render.h"

namespace cio_gap {
namespace {

using nlohmann::ordered_json;

std::string who(const ReportedProfile& profile) {
  if (profile.name.empty()) return escape_control(profile.path);
  if (profile.path.empty()) return escape_control(profile.name);
  return fmt::format("{} ({})", escape_control(profile.name), escape_control(profile.path));
}

std::string status_text(const std::optional<Status>& status) { return status ? to_string(*status) : "not demanded"; }

std::string score_text(const std::optional<double>& score) { return score ? fmt::format("{:g}", *score) : "none"; }

std::string change_text(const std::optional<double>& score_change, const RenderOptions& options) {
  if (!score_change) return "no change to measure";
  const double change = *score_change;
  if (change == 0) return "unchanged";
  const std::string text = fmt::format("{:+g}", change);
  if (!options.color) return text;
  return fmt::format(fmt::fg(change > 0 ? fmt::terminal_color::green : fmt::terminal_color::red), "{}", text);
}

std::string profile_text(const ProfileDiff& diff, const RenderOptions& options) {
  std::string out = fmt::format("{}: score {} -> {} ({})\n", who(diff.profile), score_text(diff.old_score),
                                score_text(diff.new_score), change_text(diff.change, options));
  std::size_t width = 0;
  for (const auto* list : {&diff.closed, &diff.opened, &diff.changed}) {
    for (const auto& gap : *list) width = std::max(width, gap.id.size());
  }
  const auto lines = [&](const std::vector<GapChange>& list, const char* kind) {
    for (const auto& gap : list) {
      out += fmt::format("  {:<8} {:<{}}  {} -> {}\n", kind, escape_control(gap.id), width,
                         status_text(gap.old_status), status_text(gap.new_status));
    }
  };
  lines(diff.closed, "closed");
  lines(diff.opened, "opened");
  lines(diff.changed, "changed");
  if (width == 0) out += "  no gap closed, opened or changed\n";
  return out;
}

ordered_json profile_json(const ReportedProfile& profile) {
  return {{"path", profile.path}, {"name", profile.name.empty() ? ordered_json(nullptr) : ordered_json(profile.name)}};
}

ordered_json number_json(const std::optional<double>& number) {
  return number ? ordered_json(*number) : ordered_json(nullptr);
}

ordered_json status_json(const std::optional<Status>& status) {
  return status ? ordered_json(to_string(*status)) : ordered_json(nullptr);
}

ordered_json gaps_json(const std::vector<GapChange>& gaps) {
  ordered_json out = ordered_json::array();
  for (const auto& gap : gaps) {
    out.push_back({{"id", gap.id},
                   {"name", gap.name},
                   {"old_status", status_json(gap.old_status)},
                   {"new_status", status_json(gap.new_status)}});
  }
  return out;
}

ordered_json profiles_json(const std::vector<ReportedProfile>& profiles) {
  ordered_json out = ordered_json::array();
  for (const auto& profile : profiles) out.push_back(profile_json(profile));
  return out;
}

}  // namespace

std::string render_diff_text(const ReportDiff& diff, const RenderOptions& options) {
  std::string out = fmt::format("cio-gap diff: {} -> {}\n", escape_control(diff.old_path), escape_control(diff.new_path));
  for (const auto& profile : diff.profiles) {
    out += '\n';
    out += profile_text(profile, options);
  }
  if (!diff.only_old.empty() || !diff.only_new.empty()) out += '\n';
  for (const auto& profile : diff.only_old) out += fmt::format("only in {}: {}\n", escape_control(diff.old_path), who(profile));
  for (const auto& profile : diff.only_new) out += fmt::format("only in {}: {}\n", escape_control(diff.new_path), who(profile));
  if (diff.profiles.size() + diff.only_old.size() + diff.only_new.size() > 1) {
    const auto count = [&](auto predicate) { return std::count_if(diff.profiles.begin(), diff.profiles.end(), predicate); };
    out += fmt::format("\nscores: {} up, {} down, {} unchanged",
                       count([](const ProfileDiff& p) { return p.change && *p.change > 0; }),
                       count([](const ProfileDiff& p) { return p.change && *p.change < 0; }),
                       count([](const ProfileDiff& p) { return p.change && *p.change == 0; }));
    const auto unmeasured = count([](const ProfileDiff& p) { return !p.change; });
    if (unmeasured > 0) out += fmt::format(", {} without a score to compare", unmeasured);
    out += '\n';
  }
  return out;
}

std::string render_diff_json(const ReportDiff& diff) {
  ordered_json profiles = ordered_json::array();
  for (const auto& profile : diff.profiles) {
    profiles.push_back({{"profile", profile_json(profile.profile)},
                        {"old_readiness_score", number_json(profile.old_score)},
                        {"new_readiness_score", number_json(profile.new_score)},
                        {"readiness_score_change", number_json(profile.change)},
                        {"closed", gaps_json(profile.closed)},
                        {"opened", gaps_json(profile.opened)},
                        {"changed", gaps_json(profile.changed)}});
  }
  const ordered_json out = {{"schema_version", kSchemaVersion},
                            {"kind", "diff"},
                            {"old", diff.old_path},
                            {"new", diff.new_path},
                            {"profiles", std::move(profiles)},
                            {"only_old", profiles_json(diff.only_old)},
                            {"only_new", profiles_json(diff.only_new)}};
  // Paths and names come from input files; replace invalid UTF-8 rather than throw.
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace cio_gap
