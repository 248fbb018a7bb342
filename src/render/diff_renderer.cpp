#include <fmt/color.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>

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

// The split under a person's score line: the market's part and the person's, each in words.
std::string split_lines(const ProfileDiff& diff) {
  if (!diff.split) {
    return diff.change && *diff.change != 0 ? "  (the change cannot be split: a report does not carry each qualification's demand)\n" : "";
  }
  return fmt::format("  market   {}: {}\n  you      {}: {}\n", signed_score(diff.split->market),
                     market_moves_text(*diff.split, 5), signed_score(diff.split->person),
                     person_moves_text(*diff.split, 5));
}

std::string profile_text(const ProfileDiff& diff, const RenderOptions& options) {
  std::string out = fmt::format("{}: score {} -> {} ({})\n", who(diff.profile), score_text(diff.old_score),
                                score_text(diff.new_score), change_text(diff.change, options));
  out += split_lines(diff);
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

// A demand move in words, and how much it moved (for choosing the largest).
std::pair<std::string, double> demand_move_text(const DemandMove& move, const char* kind) {
  const double size = std::abs(move.new_share - move.old_share);
  const std::string id = escape_control(move.id);
  if (std::string_view(kind) == "started") return {fmt::format("{} newly demanded ({} postings)", id, move.new_postings), size};
  if (std::string_view(kind) == "stopped") return {fmt::format("{} no longer demanded", id), size};
  const int more = move.new_postings - move.old_postings;
  if (more > 0) return {fmt::format("{} more posting{} demand {}", more, more == 1 ? "" : "s", id), size};
  if (more < 0) return {fmt::format("{} fewer posting{} demand {}", -more, more == -1 ? "" : "s", id), size};
  return {fmt::format("{} {:.0f}% -> {:.0f}% of postings", id, 100 * move.old_share, 100 * move.new_share), size};
}

std::string joined(const std::vector<std::string>& items, std::size_t most, const char* none) {
  if (items.empty()) return none;
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i ? "; " : "") + items[i];
  if (items.size() > most) out += fmt::format("; and {} more", items.size() - most);
  return out;
}

ordered_json demand_moves_json(const std::vector<DemandMove>& moves) {
  ordered_json out = ordered_json::array();
  for (const auto& m : moves) {
    out.push_back({{"id", m.id},
                   {"name", m.name},
                   {"old_postings", m.old_postings},
                   {"new_postings", m.new_postings},
                   {"old_share", m.old_share},
                   {"new_share", m.new_share}});
  }
  return out;
}

}  // namespace

std::string signed_score(double change) { return change == 0 ? "0.0" : fmt::format("{:+.1f}", change); }

std::string market_moves_text(const ScoreSplit& split, std::size_t most) {
  std::vector<std::pair<std::string, double>> moves;
  for (const auto& m : split.started) moves.push_back(demand_move_text(m, "started"));
  for (const auto& m : split.stopped) moves.push_back(demand_move_text(m, "stopped"));
  for (const auto& m : split.shifted) moves.push_back(demand_move_text(m, "shifted"));
  std::stable_sort(moves.begin(), moves.end(), [](const auto& a, const auto& b) { return a.second > b.second + 1e-9; });
  std::vector<std::string> items;
  if (split.old_postings != split.new_postings) {
    items.push_back(fmt::format("postings {} -> {}", split.old_postings, split.new_postings));
    ++most;  // the count of postings is never what pushes a move out
  }
  for (auto& move : moves) items.push_back(std::move(move.first));
  return joined(items, most, "demand unchanged");
}

std::string person_moves_text(const ScoreSplit& split, std::size_t most) {
  std::vector<std::string> items;
  for (const auto& m : split.moved) {
    items.push_back(fmt::format("{} {} -> {}", escape_control(m.id), to_string(m.old_status), to_string(m.new_status)));
  }
  return joined(items, most, "no status changed");
}

std::string split_text(const ScoreSplit& split, std::size_t most) {
  return fmt::format("market {} ({}), you {} ({})", signed_score(split.market), market_moves_text(split, most),
                     signed_score(split.person), person_moves_text(split, most));
}

ordered_json split_json(const std::optional<ScoreSplit>& split) {
  if (!split) return nullptr;
  ordered_json moved = ordered_json::array();
  for (const auto& m : split->moved) {
    moved.push_back({{"id", m.id},
                     {"name", m.name},
                     {"old_status", to_string(m.old_status)},
                     {"new_status", to_string(m.new_status)},
                     {"demand", m.demand}});
  }
  return {{"market", split->market},
          {"person", split->person},
          {"midpoint", split->midpoint},
          {"old_postings", split->old_postings},
          {"new_postings", split->new_postings},
          {"started", demand_moves_json(split->started)},
          {"stopped", demand_moves_json(split->stopped)},
          {"shifted", demand_moves_json(split->shifted)},
          {"moved", std::move(moved)}};
}

std::string render_diff_markdown(const ReportDiff& diff) {
  std::string out = fmt::format("# Progress: {} → {}\n", markdown_escape(diff.old_path), markdown_escape(diff.new_path));
  const auto status_md = [](const std::optional<Status>& status) { return status ? to_string(*status) : "not demanded"; };
  for (const auto& profile : diff.profiles) {
    const std::string name = profile.profile.name.empty() ? profile.profile.path : profile.profile.name;
    out += fmt::format("\n## {}\n\nScore {} → {}", markdown_escape(name), score_text(profile.old_score), score_text(profile.new_score));
    out += profile.change ? fmt::format(" ({})\n", signed_score(*profile.change)) : "\n";
    if (profile.split) {
      out += fmt::format("\n- **Market {}**: {}\n- **You {}**: {}\n", signed_score(profile.split->market),
                         markdown_escape(market_moves_text(*profile.split, 5)), signed_score(profile.split->person),
                         markdown_escape(person_moves_text(*profile.split, 5)));
    }
    if (profile.closed.empty() && profile.opened.empty() && profile.changed.empty()) {
      out += "\nNo gap closed, opened or changed.\n";
      continue;
    }
    out += "\n| Gap | Change | Before | Now |\n|---|---|---|---|\n";
    const auto rows = [&](const std::vector<GapChange>& list, const char* kind) {
      for (const auto& gap : list) {
        out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(gap.id), kind, status_md(gap.old_status), status_md(gap.new_status));
      }
    };
    rows(profile.closed, "closed");
    rows(profile.opened, "opened");
    rows(profile.changed, "changed");
  }
  for (const auto& profile : diff.only_old) out += fmt::format("\nOnly in {}: {}\n", markdown_escape(diff.old_path), markdown_escape(who(profile)));
  for (const auto& profile : diff.only_new) out += fmt::format("\nOnly in {}: {}\n", markdown_escape(diff.new_path), markdown_escape(who(profile)));
  return out;
}

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
                        {"changed", gaps_json(profile.changed)},
                        {"split", split_json(profile.split)}});
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
