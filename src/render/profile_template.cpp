#include "cio_gap/render/profile_template.h"

#include <fmt/format.h>

#include "cio_gap/load/rule_loader.h"

namespace cio_gap {

std::string render_profile_template(const RuleSet& rules) {
  std::string out =
      "# cio-gap self-assessment. Fill in what applies, then check it with: cio-gap validate FILE\n"
      "# Then compare it with the postings of the roles you want: cio-gap assess FILE jobs/\n"
      "name: Your Name\n"
      "current_role: Your current title\n"
      "years_experience: 0        # years of professional experience\n"
      "years_leadership: 0        # of which leading people or teams\n"
      "# The roles you aim at: only postings whose title names one count (CIO = Chief Information\n"
      "# Officer, VP = Vice President, IT = Information Technology). Leave empty to count all.\n"
      "target_roles: []           # e.g. [Chief Information Officer, VP of IT, Director of IT]\n"
      "\n"
      "# Rate each qualification: none | exposure | working | strong | expert (or 0-4).\n"
      "# 'working' or above counts as having it; 'exposure' counts half.\n"
      "# Free text works too, and is read like a posting: \"public speaking: exposure\".\n"
      "skills:\n";
  for (const auto& category : rule_categories()) {
    bool first = true;
    for (const auto& rule : rules.rules) {
      if (rule.category != category) continue;
      if (first) out += fmt::format("  # {}\n", category);
      first = false;
      out += fmt::format("  {:<28} # {}\n", rule.id + ": none", rule.name);
    }
  }
  out +=
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
  return out;
}

}  // namespace cio_gap
