// Words and figures the text, Markdown and CSV reports share about the fit to each posting.
#include <fmt/format.h>

#include <algorithm>

#include "cio_gap/render/render.h"

namespace cio_gap {

std::string missing_required_text(const PostingFit& fit, const RuleSet& rules, std::size_t max_bytes) {
  if (fit.missing_required.empty()) return "-";
  std::string out;
  for (std::size_t i = 0; i < fit.missing_required.size(); ++i) {
    const std::string& id = rules.rules[fit.missing_required[i]].id;
    const std::size_t rest = fit.missing_required.size() - i - 1;
    // Room is kept for the "+N more" that would follow when this id is not the last.
    const std::string more = rest > 0 ? fmt::format(", +{} more", rest) : "";
    const std::size_t needed = out.size() + (out.empty() ? 0 : 2) + id.size();
    if (needed + more.size() > max_bytes) {
      // Not even the first id fits with its "+N more": the count alone.
      if (out.empty()) return fmt::format("{} missing", fit.missing_required.size());
      return out + fmt::format(", +{} more", fit.missing_required.size() - i);
    }
    out += (out.empty() ? "" : ", ") + id;
  }
  return out;
}

std::size_t fit_rows_shown(const Report& report) {
  const std::size_t all = report.fit_order.size();
  return report.fit_rows > 0 ? std::min(static_cast<std::size_t>(report.fit_rows), all) : all;
}

std::string fit_text(const PostingFit& fit) { return fit.fit ? fmt::format("{:g}%", *fit.fit) : "-"; }

std::string fits_left_out_text(const Report& report) {
  if (report.tally == nullptr || !report.tally->postings) return {};
  // The tally's counts: every posting it keeps is a duplicate, or counted with a diagnosis
  // (left out), or neither.
  const int duplicates = report.tally->duplicates;
  const int diagnosed = report.tally->left_out;
  std::string out;
  if (duplicates > 0) out = fmt::format("{} {}", duplicates, duplicates == 1 ? "duplicate" : "duplicates");
  if (diagnosed > 0) {
    if (!out.empty()) out += " and ";
    out += fmt::format("{} {} with no demands (see scan)", diagnosed, diagnosed == 1 ? "posting" : "postings");
  }
  if (out.empty()) return {};
  return out + ((duplicates + diagnosed) == 1 ? " is" : " are") + " not listed.";
}

std::string target_roles_text(const Report& report) {
  if (report.tally == nullptr || report.tally->target_roles.empty()) return {};
  const DemandTally& tally = *report.tally;
  return fmt::format("{} postings read, {} match your target roles ({}).", tally.read, tally.read - tally.off_target,
                     fmt::join(tally.target_roles, ", "));
}

}  // namespace cio_gap
