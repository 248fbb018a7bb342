#include <fmt/color.h>
#include <fmt/format.h>

#include "cio_gap/render/render.h"

namespace cio_gap {

std::string render_explain_text(const Rule& rule, const std::vector<PostingExplanation>& postings,
                                const RenderOptions& options, bool demanded_only) {
  std::string out = fmt::format("{} ({})\n", escape_control(rule.name), rule.id);
  int demanding = 0;
  for (const auto& posting : postings) {
    bool counted = false;
    bool required = false;
    for (const auto& hit : posting.hits) {
      if (hit.status != HitStatus::counted) continue;
      counted = true;
      required = required || hit.tier == Tier::required;
    }
    demanding += counted ? 1 : 0;
    if (demanded_only && !counted) continue;
    const std::string verdict = !counted ? "not demanded" : required ? "demanded: required" : "demanded: preferred";
    const std::string head = fmt::format("\n{}  {}: {}", escape_control(posting.source), escape_control(posting.title), verdict);
    out += (options.color ? fmt::format(fmt::emphasis::bold, "{}", head) : head) + "\n";
    if (posting.diagnosis != Diagnosis::none) out += fmt::format("  {}\n", describe(posting.diagnosis));
    if (posting.hits.empty()) out += "  no keyword of this rule appears\n";
    for (const auto& hit : posting.hits) {
      std::string why;
      switch (hit.status) {
        case HitStatus::counted:
          why = hit.qualifier.empty() ? fmt::format("counts as {}", to_string(hit.tier))
                                      : fmt::format("counts as {} (qualifier \"{}\")", to_string(hit.tier), hit.qualifier);
          break;
        case HitStatus::boilerplate: why = "not counted: text about the employer, benefits or application"; break;
        case HitStatus::negated: why = fmt::format("not counted: negated (\"{}\")", hit.qualifier); break;
        case HitStatus::excluded: why = "not counted: inside an exclusion phrase of the rule"; break;
        case HitStatus::other_sense: why = "not counted: used in another sense here (a sense of the rule)"; break;
      }
      const std::string section =
          hit.heading.empty() ? to_string(hit.section) : fmt::format("{} \"{}\"", to_string(hit.section), escape_control(hit.heading));
      const std::string where = hit.page > 0 ? fmt::format("page {} line {}", hit.page, hit.line) : fmt::format("line {}", hit.line);
      out += fmt::format("  {}: \"{}\" in {}: {}\n", where, escape_control(hit.keyword), section, why);
      out += "    " + wrap(escape_control(hit.sentence), static_cast<std::size_t>(options.width), 4) + "\n";
    }
  }
  out += fmt::format("\n{} of {} postings demand {}", demanding, postings.size(), rule.id);
  if (demanded_only && static_cast<std::size_t>(demanding) < postings.size()) {
    out += fmt::format(" (the {} others are not shown: --demanded-only)", postings.size() - static_cast<std::size_t>(demanding));
  }
  out += '\n';
  return out;
}

}  // namespace cio_gap
