#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cio_gap/analyze/posting_fit.h"
#include "cio_gap/render/render.h"
#include "cio_gap/text/decode.h"

namespace cio_gap {
namespace {

// Text from postings, profiles and rule packs is shown as text, never as markup: every
// character that can open Markdown or HTML syntax inside a line is backslash-escaped (`$` too,
// since GitHub renders $...$ as maths), `|` so a table cell cannot split, and control
// characters (newlines, C1, bidi overrides) become spaces so a value stays on its line and
// in its order; bytes that are not UTF-8 become U+FFFD.
std::string md(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      out += ' ';
      continue;
    }
    if (u >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\uFFFD";  // not UTF-8
      } else if (is_terminal_control(utf8_code_point(text, i, length))) {
        out += ' ';
      } else {
        out.append(text.substr(i, length));
      }
      i += length == 0 ? 0 : length - 1;
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '$': case '~':
        out += '\\';
        break;
      default: break;
    }
    out += c;
  }
  return out;
}

std::string percent(double share) { return fmt::format("{}%", std::lround(share * 100)); }

std::string plural(int count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string demand_table(const Report& report, const RuleSet& rules) {
  if (report.qualifications.empty()) return "No posting demands a qualification these rules recognise.\n";
  std::string out = "| Qualification | Required | Preferred | Share | Status |\n|:--|--:|--:|--:|:--|\n";
  for (const auto& q : report.qualifications) {
    const Rule& rule = rules.rules[q.rule];
    out += fmt::format("| {} ({}) | {} | {} | {} | {} |\n", md(rule.name), md(rule.id), q.required, q.preferred,
                       percent(q.share), to_string(q.status));
  }
  return out;
}

std::string gap_section(int rank, const QualificationDemand& q, const Report& report, const RuleSet& rules) {
  const Rule& rule = rules.rules[q.rule];
  std::string out = fmt::format("### {}. {} ({}): {}\n\n", rank, md(rule.name), md(rule.id), to_string(q.status));
  out += fmt::format("Demanded by {} of {} postings ({}; {} required, {} preferred).\n", q.required + q.preferred,
                     report.read_for_demands(), percent(q.share), q.required, q.preferred);
  if (!q.citations.empty()) {
    out += "\nFrom the postings:\n\n";
    for (const auto& c : q.citations) out += fmt::format("- \"{}\" ({}:{})\n", md(c.text), md(c.source), line_location(c.page, c.line));
  }
  if (!q.profile_evidence.empty()) {
    out += "\nWhat you have:\n\n";
    for (const auto& e : q.profile_evidence) {
      const std::string where = e.location.empty() ? e.field : e.field + ", " + e.location;
      out += fmt::format("- {}: {} ({})\n", to_string(e.strength), md(e.text), md(where));
    }
  }
  out += fmt::format("\n**{}** {}\n", md(next_step_label(q, rule)), md(advice_for(rule, q.status)));
  return out;
}

// Which postings the person fits best, at most `report.fit_rows` rows; a title links to its
// posting when the container gave a link.
std::string fit_table(const Report& report, const RuleSet& rules) {
  std::string out;
  if (report.tally == nullptr || report.fit_order.empty()) {
    out = "No posting demands anything to fit.\n";
  } else {
    out = "| Fit | Title | Company | Missing (required) |\n|--:|:--|:--|:--|\n";
    const std::size_t rows = fit_rows_shown(report);
    for (std::size_t r = 0; r < rows; ++r) {
      const PostingSummary posting = report.tally->postings->read(report.fit_order[r]);
      const PostingFit fit = fit_for(report, posting);
      // A link is shown only when it is a plain web address: nothing in it can close the link.
      const bool linked = !posting.url.empty() && posting.url.find_first_of("()<> \\[]") == std::string::npos;
      const std::string title = linked ? fmt::format("[{}]({})", md(posting.title), posting.url) : md(posting.title);
      out += fmt::format("| {} | {} | {} | {} |\n", fit_text(fit), title,
                         posting.company.empty() ? "-" : md(posting.company), md(missing_required_text(fit, rules, 80)));
    }
    if (rows < report.fit_order.size()) {
      out += fmt::format("\n... {} more (--fit-rows 0 lists all).\n", report.fit_order.size() - rows);
    }
  }
  if (const std::string left_out = fits_left_out_text(report); !left_out.empty()) out += "\n" + left_out + "\n";
  return out;
}

std::string readiness_table(const Report& report) {
  if (report.readiness.empty()) return "No readiness check ran.\n";
  const std::vector<std::string> sources = readiness_sources(report);
  std::string out = "Sources:\n\n";
  for (std::size_t i = 0; i < sources.size(); ++i) out += fmt::format("{}. {}\n", i + 1, md(sources[i]));
  out += "\n| Check | Status | Detail | Advice | Source |\n|:--|:--|:--|:--|:--|\n";
  for (const auto& check : report.readiness) {
    out += fmt::format("| {} | {} | {} | {} | \\[{}\\] |\n", md(check.title), check.pass ? "pass" : "warn",
                       md(check.detail), md(check.advice), source_number(sources, check.source));
  }
  return out;
}

}  // namespace

std::string markdown_escape(std::string_view text) { return md(text); }

std::string render_batch_summary_markdown(const std::vector<Report>& reports, const RuleSet& rules) {
  std::string out = "# cio-gap reports: summary\n\n| Client | Score | Top three gaps |\n|:--|--:|:--|\n";
  for (const auto& report : reports) {
    const Profile& profile = *report.profile;
    std::string gaps;
    for (const auto& gap : top_gaps(report, rules, 3)) gaps += (gaps.empty() ? "" : "; ") + md(gap);
    out += fmt::format("| {} | {} | {} |\n", md(profile.name.empty() ? profile.path : profile.name),
                       report.score ? fmt::format("{:g}", *report.score) : "none", gaps.empty() ? "none" : gaps);
  }
  return out;
}

std::string render_report_markdown(const Report& report, const RuleSet& rules) {
  const Profile& profile = *report.profile;
  std::string who = md(profile.name.empty() ? profile.path : profile.name);
  if (!profile.current_role.empty()) who += " (" + md(profile.current_role) + ")";

  std::string out = "# cio-gap report for " + who + "\n\n";
  if (const std::string roles = target_roles_text(report); !roles.empty()) out += "- **Target roles:** " + md(roles) + "\n";
  out += report.score ? fmt::format("- **Readiness score:** {:g}/100\n", *report.score)
                      : fmt::format("- **Readiness score:** none: {}\n", kNoScore);
  out += "- **Postings analysed:** " + std::to_string(report.postings);
  if (report.duplicates > 0) out += " (" + plural(report.duplicates, "duplicate", "duplicates") + " not counted)";
  if (report.left_out > 0) {
    out += "\n- **Left out of the shares:** " + plural(report.left_out, "posting", "postings") + ": " +
           std::string(kLeftOutWhy);
  }
  out += "\n- **Experience:** " + years_comparison_text(report.years, "years", "years_experience");
  out += "\n- **Leadership:** " +
         years_comparison_text(report.leadership_years, "years leading people", "years_leadership") + "\n";

  out += "\n## What the postings demand\n\n" + demand_table(report, rules);

  out += "\n## Gaps, most demanded first\n";
  if (!report.score) {
    out += fmt::format("\nNone: {}.\n", kNoScore);
  } else if (report.gaps.empty()) {
    out += "\nNone: you have every qualification these postings demand.\n";
  }
  int rank = 0;
  for (const auto index : report.gaps) {
    out += '\n';
    out += gap_section(++rank, report.qualifications[index], report, rules);
  }

  // A report made without its postings' summaries has no fit to show.
  if (report.tally != nullptr) out += "\n## Postings by fit\n\n" + fit_table(report, rules);

  out += "\n## Readiness checks\n\n" + readiness_table(report);
  out += "\n*" + md(meta_text(report.meta)) + "*\n";
  return out;
}

}  // namespace cio_gap
