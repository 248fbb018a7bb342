#include <fmt/color.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

using nlohmann::ordered_json;

// Whether a posting demands the rule, and how: none, or the strongest tier of a counted mention.
std::optional<Tier> demanded_tier(const PostingExplanation& posting) {
  std::optional<Tier> tier;
  for (const auto& hit : posting.hits) {
    if (hit.status != HitStatus::counted) continue;
    if (!tier || hit.tier == Tier::required) tier = hit.tier;
  }
  return tier;
}

std::string hit_reason(const Hit& hit) {
  switch (hit.status) {
    case HitStatus::counted:
      return hit.qualifier.empty() ? fmt::format("counts as {}", to_string(hit.tier))
                                   : fmt::format("counts as {} (qualifier \"{}\")", to_string(hit.tier), hit.qualifier);
    case HitStatus::boilerplate: return "not counted: text about the employer, benefits or application";
    case HitStatus::negated: return fmt::format("not counted: negated (\"{}\")", hit.qualifier);
    case HitStatus::excluded: return "not counted: inside an exclusion phrase of the rule";
    case HitStatus::other_sense: return "not counted: used in another sense here (a sense of the rule)";
  }
  return "";
}

// Where a profile entry is: a résumé line as the evidence cites it, a self-rated skill as
// "profile.yaml:LINE" (the line its key is on), else nothing (the entry's text says it).
std::string entry_location(const ProfileEvidence& item, const Profile* profile) {
  if (!item.location.empty() || profile == nullptr || item.field != "skills") return item.location;
  for (const auto& claim : profile->skills) {
    const bool same = claim.is_rule_id ? item.text == claim.name + ": " + to_string(claim.level) : item.text == claim.name;
    if (same && claim.line > 0) return fmt::format("{}:{}", profile->path, claim.line);
  }
  return "";
}

// Why one entry counts as it does: the rule of status_from and profile_evidence in words.
std::string entry_reason(const ProfileEvidence& item, const Profile* profile) {
  const bool have = item.strength == Status::have;
  if (item.field == "skills") {
    const SkillClaim* rated = nullptr;
    if (profile != nullptr) {
      for (const auto& claim : profile->skills) {  // the profile's own claims: `rated` points into them
        if (item.text == claim.name || item.text == claim.name + ": " + to_string(claim.level)) rated = &claim;
      }
    }
    const std::string level = rated != nullptr ? fmt::format("rated {}", to_string(rated->level)) : "a skill";
    const std::string named = rated != nullptr && !rated->is_rule_id ? "named in free text and " : "";
    return have ? fmt::format("{}{}: working or above counts as have", named, level)
                : fmt::format("{}{}: below working counts as partial", named, level);
  }
  if (item.field == "resume") {
    return have ? "the résumé names it in work done: have" : "the résumé names it only in a list of skills: partial";
  }
  if (item.field == "volunteered") return "named in volunteering: volunteering counts as partial";
  if (item.field == "years_leadership") {
    return have ? "as many years leading people as the postings' median or more: have"
                : "fewer years leading people than the postings' median: partial at best, however it is rated";
  }
  if (item.field == "relocation") return "open to relocation: have";
  if (item.field == "education") return "a degree of this level or above: have";
  return fmt::format("named in {}: have", item.field);
}

// The status in one sentence, before the entries that decide it.
std::string status_summary(const ProfileStatus& answer, const Rule& rule) {
  switch (answer.status) {
    case Status::have:
      for (const auto& item : answer.evidence) {
        if (item.strength == Status::have) return fmt::format("have: {} \"{}\" counts as have", item.field, item.text);
      }
      return "have";
    case Status::partial:
      for (const auto& item : answer.evidence) {
        if (item.field == "years_leadership" && item.strength == Status::partial) {
          return "partial: capped by the years leading people, whatever the other entries say";
        }
      }
      return "partial: every entry that names it counts as partial";
    case Status::missing: break;
  }
  for (const auto& claim : answer.profile->skills) {
    if (claim.is_rule_id && claim.name == rule.id && claim.level == Level::none) {
      return fmt::format("missing: rated none in skills ({}:{}), and no other entry of the profile names it",
                         answer.profile->path, claim.line);
    }
  }
  return "missing: no skill, achievement, degree, certification, mentoring, volunteering, résumé line or other "
         "entry of the profile names it";
}

std::string profile_text(const ProfileStatus& answer, const Rule& rule, const RenderOptions& options) {
  const Profile* profile = answer.profile;
  const std::string head =
      fmt::format("Profile {}: {}", escape_control(profile->path), escape_control(status_summary(answer, rule)));
  const std::string wrapped = wrap(head, static_cast<std::size_t>(options.width), 2);
  std::string out = "\n" + (options.color ? fmt::format(fmt::emphasis::bold, "{}", wrapped) : wrapped) + "\n";
  for (const auto& item : answer.evidence) {
    const std::string location = entry_location(item, profile);
    const std::string where = location.empty() ? item.field : item.field + ", " + escape_control(location);
    out += "  " +
           wrap(fmt::format("{}: \"{}\": {}", where, escape_control(item.text), entry_reason(item, profile)),
                static_cast<std::size_t>(options.width), 4) +
           "\n";
  }
  return out;
}

ordered_json text_or_null(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

ordered_json profile_json(const ProfileStatus& answer, const Rule& rule) {
  ordered_json evidence = ordered_json::array();
  for (const auto& item : answer.evidence) {
    evidence.push_back({{"field", item.field},
                        {"text", item.text},
                        {"strength", to_string(item.strength)},
                        {"location", text_or_null(entry_location(item, answer.profile))},
                        {"reason", entry_reason(item, answer.profile)}});
  }
  return {{"path", answer.profile->path},
          {"name", text_or_null(answer.profile->name)},
          {"status", to_string(answer.status)},
          {"summary", status_summary(answer, rule)},
          {"evidence", std::move(evidence)}};
}

}  // namespace

std::string render_explain_text(const Rule& rule, const std::vector<PostingExplanation>& postings,
                                const RenderOptions& options, bool demanded_only, const ProfileStatus* profile) {
  std::string out = fmt::format("{} ({})\n", escape_control(rule.name), rule.id);
  int demanding = 0;
  for (const auto& posting : postings) {
    const std::optional<Tier> tier = demanded_tier(posting);
    demanding += tier ? 1 : 0;
    if (demanded_only && !tier) continue;
    const std::string verdict = !tier ? "not demanded" : fmt::format("demanded: {}", to_string(*tier));
    const std::string head = fmt::format("\n{}  {}: {}", escape_control(posting.source), escape_control(posting.title), verdict);
    out += (options.color ? fmt::format(fmt::emphasis::bold, "{}", head) : head) + "\n";
    if (posting.diagnosis != Diagnosis::none) out += fmt::format("  {}\n", describe(posting.diagnosis));
    if (posting.hits.empty()) out += "  no keyword of this rule appears\n";
    for (const auto& hit : posting.hits) {
      const std::string section =
          hit.heading.empty() ? to_string(hit.section) : fmt::format("{} \"{}\"", to_string(hit.section), escape_control(hit.heading));
      const std::string where = hit.page > 0 ? fmt::format("page {} line {}", hit.page, hit.line) : fmt::format("line {}", hit.line);
      out += fmt::format("  {}: \"{}\" in {}: {}\n", where, escape_control(hit.keyword), section, hit_reason(hit));
      out += "    " + wrap(escape_control(hit.sentence), static_cast<std::size_t>(options.width), 4) + "\n";
    }
  }
  out += fmt::format("\n{} of {} postings demand {}", demanding, postings.size(), rule.id);
  if (demanded_only && static_cast<std::size_t>(demanding) < postings.size()) {
    out += fmt::format(" (the {} others are not shown: --demanded-only)", postings.size() - static_cast<std::size_t>(demanding));
  }
  out += '\n';
  if (profile != nullptr) out += profile_text(*profile, rule, options);
  return out;
}

std::string render_explain_json(const Rule& rule, const std::vector<PostingExplanation>& postings, bool demanded_only,
                                const ProfileStatus* profile) {
  ordered_json shown = ordered_json::array();
  int demanding = 0;
  for (const auto& posting : postings) {
    const std::optional<Tier> tier = demanded_tier(posting);
    demanding += tier ? 1 : 0;
    if (demanded_only && !tier) continue;
    ordered_json mentions = ordered_json::array();
    for (const auto& hit : posting.hits) {
      mentions.push_back({{"line", hit.line},
                          {"page", hit.page > 0 ? ordered_json(hit.page) : ordered_json(nullptr)},
                          {"keyword", hit.keyword},
                          {"section", to_string(hit.section)},
                          {"heading", text_or_null(hit.heading)},
                          {"tier", to_string(hit.tier)},
                          {"status", to_string(hit.status)},
                          {"qualifier", text_or_null(hit.qualifier)},
                          {"reason", hit_reason(hit)},
                          {"text", hit.sentence}});
    }
    shown.push_back({{"source", posting.source},
                     {"title", posting.title},
                     {"diagnosis", posting.diagnosis == Diagnosis::none ? ordered_json(nullptr)
                                                                        : ordered_json(to_string(posting.diagnosis))},
                     {"demanded", tier.has_value()},
                     {"tier", tier ? ordered_json(to_string(*tier)) : ordered_json(nullptr)},
                     {"mentions", std::move(mentions)}});
  }
  const ordered_json out = {{"schema_version", kSchemaVersion},
                            {"kind", "explain"},
                            {"qualification", {{"id", rule.id}, {"name", rule.name}, {"category", rule.category}}},
                            {"postings_count", postings.size()},
                            {"postings_demanding", demanding},
                            {"demanded_only", demanded_only},
                            {"postings", std::move(shown)},
                            {"profile", profile != nullptr ? profile_json(*profile, rule) : ordered_json(nullptr)}};
  // Sentences come from postings; replace invalid UTF-8 rather than throw.
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace cio_gap
