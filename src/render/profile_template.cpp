#include "cio_gap/render/profile_template.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cio_gap/load/rule_loader.h"

namespace cio_gap {
namespace {

constexpr const char* kLevelsHelp =
    "# Rate each qualification: none | exposure | working | strong | expert (or 0-4).\n"
    "# 'working' or above counts as having it; 'exposure' counts half.\n"
    "# Free text works too, and is read like a posting: \"public speaking: exposure\".\n";

constexpr const char* kTargetRolesHelp =
    "# The roles you aim at: only postings whose title names one count (CIO = Chief Information\n"
    "# Officer, VP = Vice President, IT = Information Technology). Leave empty to count all.\n"
    "target_roles: []           # e.g. [Chief Information Officer, VP of IT, Director of IT]\n";

// Everything after `skills:`: the same in a blank template and a draft.
constexpr const char* kRestOfProfile =
    "\n"
    "# Degrees: bachelor | master | mba | doctorate\n"
    "education: []              # e.g. [{degree: bachelor, field: Computer Science}]\n"
    "certifications: []         # e.g. [ITIL 4 Foundation, PMP, CISSP]\n"
    "\n"
    "# Harris: interviewers ask what you made, built, saved and achieved. One entry each,\n"
    "# with a number, framed as the business result. kind: made | built | saved | achieved\n"
    "achievements: []           # e.g. [{kind: saved, text: \"Cut hosting costs 22% ($1.4M a year)\"}]\n"
    "\n"
    "volunteered: []            # Alvarez: projects you volunteered for\n"
    "mentoring: []              # Alvarez: people you coach or mentor\n"
    "relocation: open           # open | no | remote-only  (Alvarez: family support)\n"
    "preferred_role_type: growth  # caretaker | fixer | growth  (Harris)\n";

// A YAML scalar that reads back as exactly `text`: JSON's double-quoted strings are YAML too.
std::string quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// One line of a comment: no line breaks, so the comment cannot end early.
std::string comment_text(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

std::string render_profile_template(const RuleSet& rules) {
  std::string out =
      "# cio-gap self-assessment. Fill in what applies, then check it with: cio-gap validate FILE\n"
      "# Then compare it with the postings of the roles you want: cio-gap assess FILE jobs/\n"
      "name: Your Name\n"
      "current_role: Your current title\n"
      "years_experience: 0        # years of professional experience\n"
      "years_leadership: 0        # of which leading people or teams\n"
      + std::string(kTargetRolesHelp) + "\n";
  out += kLevelsHelp;
  out += "skills:\n";
  for (const auto& category : rule_categories()) {
    bool first = true;
    for (const auto& rule : rules.rules) {
      if (rule.category != category) continue;
      if (first) out += fmt::format("  # {}\n", category);
      first = false;
      out += fmt::format("  {:<28} # {}\n", rule.id + ": none", rule.name);
    }
  }
  return out + kRestOfProfile;
}

std::string render_profile_draft(const RuleSet& rules, const ResumeFacts& facts,
                                 const std::vector<std::vector<ProfileEvidence>>& evidence,
                                 const std::string& source) {
  std::string out = fmt::format(
      "# cio-gap self-assessment drafted from {}. Review every line: the levels are suggestions\n"
      "# from what the résumé says, and a qualification it does not show is at none.\n"
      "# Check it with: cio-gap validate FILE; then: cio-gap assess FILE jobs/\n",
      comment_text(source));
  if (facts.name.empty()) {
    out += "name: Your Name             # not found in the résumé\n";
  } else {
    out += fmt::format("name: {:<22} # {}:{}\n", quoted(facts.name), comment_text(source), facts.name_line);
  }
  if (facts.current_role.empty()) {
    out += "current_role: Your current title  # not found in the résumé\n";
  } else {
    out += fmt::format("current_role: {:<14} # {}:{}\n", quoted(facts.current_role), comment_text(source),
                       facts.role_line);
  }
  if (facts.years_experience) {
    out += fmt::format("years_experience: {:<9} # the résumé's dates span {}\n", *facts.years_experience,
                       facts.years_basis);
  } else {
    out += "years_experience: 0        # no dates found in the résumé: fill in\n";
  }
  out += "years_leadership: 0        # of which leading people or teams: fill in\n";
  out += std::string(kTargetRolesHelp) + "\n";
  out += kLevelsHelp;
  out += "skills:\n";
  out += "  # Shown in the résumé: working where it describes work done, exposure where it only\n"
         "  # lists the skill. Raise the level where you do more than that.\n";
  bool none_shown = true;
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    if (evidence[r].empty()) continue;
    none_shown = false;
    const ProfileEvidence& best = evidence[r].front();
    const char* level = best.strength == Status::have ? "working" : "exposure";
    out += fmt::format("  {:<28} # {}: \"{}\"\n", rules.rules[r].id + ": " + level, comment_text(best.location),
                       comment_text(best.text));
  }
  if (none_shown) out += "  # (none)\n";
  out += "  # Not found in the résumé: rate each one yourself.\n";
  for (const auto& category : rule_categories()) {
    for (std::size_t r = 0; r < rules.rules.size(); ++r) {
      const Rule& rule = rules.rules[r];
      if (rule.category != category || !evidence[r].empty()) continue;
      out += fmt::format("  {:<28} # {}\n", rule.id + ": none", rule.name);
    }
  }
  return out + kRestOfProfile;
}

}  // namespace cio_gap
