#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "cio_gap/analyze/posting_fit.h"
#include "cio_gap/render/html_page.h"
#include "cio_gap/render/render.h"
#include "cio_gap/render/svg_chart.h"

namespace cio_gap {
namespace {

// Every string from a posting, a profile or a rule pack goes through h() on its way out.
std::string h(std::string_view text) { return html_escape(text); }

std::string percent(double share) { return fmt::format("{}%", std::lround(share * 100)); }

std::string plural(int count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string badge(Status status) {
  switch (status) {
    case Status::have: return "<span class=\"badge have\">\xE2\x9C\x93 have</span>";
    case Status::partial: return "<span class=\"badge partial\">\xE2\x97\x90 partial</span>";
    case Status::missing: return "<span class=\"badge missing\">\xE2\x9C\x97 missing</span>";
  }
  return "";
}

std::string check_badge(const ReadinessCheck& check) {
  return check.pass ? "<span class=\"badge pass\">\xE2\x9C\x93 pass</span>"
                    : "<span class=\"badge warn\">! warn</span>";
}

std::string who(const Profile& profile) { return profile.name.empty() ? profile.path : profile.name; }

std::string score_text(const Report& report) {
  return report.score ? fmt::format("{:g}", *report.score) : std::string("none");
}

std::string cover(const Report& report) {
  const Profile& profile = *report.profile;
  std::string out = "<header class=\"cover\">\n<div>\n<p class=\"kicker\">CIO readiness report</p>\n";
  out += "<h1>" + h(who(profile)) + "</h1>\n";
  if (!profile.current_role.empty()) out += "<p class=\"role\">" + h(profile.current_role) + "</p>\n";
  out += "<dl class=\"facts\">\n<dt>Postings analysed</dt><dd>" + std::to_string(report.postings);
  if (report.duplicates > 0) out += " (" + plural(report.duplicates, "duplicate", "duplicates") + " not counted)";
  out += "</dd>\n";
  if (report.left_out > 0) {
    out += "<dt>Left out of the shares</dt><dd>" + plural(report.left_out, "posting", "postings") + ": " +
           std::string(kLeftOutWhy) + "</dd>\n";
  }
  if (!report.qualifications.empty()) {
    std::array<int, 3> by_status{};
    for (const auto& q : report.qualifications) ++by_status[static_cast<std::size_t>(q.status)];
    out += fmt::format("<dt>Qualifications demanded</dt><dd>{}: {} have, {} partial, {} missing</dd>\n",
                       report.qualifications.size(), by_status[0], by_status[1], by_status[2]);
  }
  out += "<dt>Experience</dt><dd>" + h(years_comparison_text(report.years, "years", "years_experience")) + "</dd>\n";
  out += "<dt>Leadership</dt><dd>" +
         h(years_comparison_text(report.leadership_years, "years leading people", "years_leadership")) + "</dd>\n";
  if (!report.meta.date.empty()) out += "<dt>Date</dt><dd>" + h(report.meta.date) + "</dd>\n";
  out += "</dl>\n</div>\n<div class=\"score-box\">\n<p class=\"caption\">Readiness score</p>\n";
  out += render_score_ring_svg(report.score);
  if (!report.score) out += "<p class=\"note\">" + std::string(kNoScore) + "</p>\n";
  out += "</div>\n</header>\n";
  return out;
}

std::string demand_section(const Report& report, const RuleSet& rules, std::string_view chart_id) {
  std::string out = "<section id=\"demand\">\n<h2>What the postings demand</h2>\n";
  if (report.qualifications.empty()) {
    return out + "<p>No posting demands a qualification these rules recognise.</p>\n</section>\n";
  }
  out += fmt::format(
      "<p class=\"note\">Each bar is the share of the {} read for demands that ask for the qualification; its "
      "fill and label give your status.</p>\n",
      plural(report.read_for_demands(), "posting", "postings"));
  std::vector<ChartBar> bars;
  for (const auto& q : report.qualifications) {
    const Rule& rule = rules.rules[q.rule];
    bars.push_back({rule.name,
                    fmt::format("{} ({}): {} required, {} preferred, {} of postings; you: {}", rule.name, rule.id,
                                q.required, q.preferred, percent(q.share), to_string(q.status)),
                    q.share, q.status});
  }
  out += render_demand_chart_svg(bars, chart_id);
  return out + "</section>\n";
}

std::string gap_details(int rank, const QualificationDemand& q, const Report& report, const RuleSet& rules) {
  const Rule& rule = rules.rules[q.rule];
  std::string out = fmt::format("<details class=\"gap {}\" open>\n<summary><h3>{}. {}</h3> {}", to_string(q.status),
                                rank, h(rule.name), badge(q.status));
  out += fmt::format("<span class=\"demand\">{} of {} postings ({}; {} required, {} preferred)</span></summary>\n",
                     q.required + q.preferred, report.read_for_demands(), percent(q.share), q.required, q.preferred);
  out += "<div class=\"gap-body\">\n";
  if (!q.citations.empty()) {
    out += "<h4>From the postings</h4>\n";
    for (const auto& c : q.citations) {
      out += fmt::format("<blockquote>\xE2\x80\x9C{}\xE2\x80\x9D<cite>{}:{}</cite></blockquote>\n", h(c.text), h(c.source),
                         c.line);
    }
  }
  if (!q.profile_evidence.empty()) {
    out += "<h4>What you have</h4>\n<ul class=\"evidence\">\n";
    for (const auto& e : q.profile_evidence) {
      out += fmt::format("<li>{}: {} <span class=\"note\">({})</span></li>\n", to_string(e.strength), h(e.text),
                         h(e.field));
    }
    out += "</ul>\n";
  }
  out += "<p class=\"advice\"><strong>" + h(next_step_label(q, rule)) + "</strong> " + h(advice_for(rule, q.status)) +
         "</p>\n</div>\n</details>\n";
  return out;
}

std::string gaps_section(const Report& report, const RuleSet& rules) {
  std::string out = "<section id=\"gaps\">\n<h2>Gaps, most demanded first</h2>\n";
  if (!report.score) {
    out += fmt::format("<p>None: {}.</p>\n", kNoScore);
  } else if (report.gaps.empty()) {
    out += "<p>None: you have every qualification these postings demand.</p>\n";
  }
  int rank = 0;
  for (const auto index : report.gaps) out += gap_details(++rank, report.qualifications[index], report, rules);
  return out + "</section>\n";
}

// Postings by fit: the postings, best fit first, each with what the person lacks for it. The
// report does not carry per-posting fit yet; when it does, this section is drawn here, between
// the gaps and the readiness checks, and nothing else in the page moves.
// Which postings the person fits best, best first: every posting with a fit (a page has room
// for all), its company and link where the container gave them, and the required
// qualifications still missing.
void write_postings_by_fit(const Report& report, const RuleSet& rules, std::string& out, const TextSink* sink) {
  if (report.tally == nullptr) return;
  out += "<section id=\"fit\">\n<h2>Postings by fit</h2>\n";
  if (report.fit_order.empty()) {
    out += "<p>No posting demands anything to fit.</p>\n</section>\n";
    return;
  }
  out += "<table>\n<thead><tr><th class=\"num\">Fit</th><th>Posting</th><th>Company</th>"
         "<th>Missing (required)</th></tr></thead>\n<tbody>\n";
  for (const std::uint64_t offset : report.fit_order) {
    const PostingSummary posting = report.tally->postings->read(offset);
    const PostingFit fit = fit_for(report, posting);
    // Only web links become links: a feed could carry any scheme.
    const bool web = posting.url.starts_with("https://") || posting.url.starts_with("http://");
    const std::string title = h(posting.title.empty() ? posting.source : posting.title);
    out += fmt::format("<tr><td class=\"num\">{}</td><td>{}<br><small>{}</small></td><td>{}</td><td>{}</td></tr>\n",
                       h(fit_text(fit)),
                       web ? "<a href=\"" + h(posting.url) + "\" rel=\"noreferrer\">" + title + "</a>" : title,
                       h(posting.source), posting.company.empty() ? "&ndash;" : h(posting.company),
                       h(missing_required_text(fit, rules, std::string::npos / 2)));
    if (sink != nullptr && out.size() >= kSinkChunk) {
      (*sink)(out);
      out.clear();
    }
  }
  out += "</tbody>\n</table>\n";
  if (const std::string left_out = fits_left_out_text(report); !left_out.empty()) {
    out += "<p class=\"note\">" + h(left_out) + "</p>\n";
  }
  out += "</section>\n";
}

std::string readiness_section(const Report& report) {
  std::string out = "<section id=\"readiness\">\n<h2>Readiness checks</h2>\n";
  if (report.readiness.empty()) return out + "<p>No readiness check ran.</p>\n</section>\n";
  // Each article is introduced once, then named in the table.
  const std::vector<std::string> sources = readiness_sources(report);
  out += "<p class=\"note\">Beyond what postings list, these checks come from:</p>\n<ol class=\"sources\">\n";
  for (const auto& source : sources) out += "<li>" + h(source) + "</li>\n";
  out += "</ol>\n<table>\n<thead><tr><th>Check</th><th>Status</th><th>What cio-gap saw</th><th>Advice</th>"
         "<th>Source</th></tr></thead>\n<tbody>\n";
  for (const auto& check : report.readiness) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>[{}]</td></tr>\n", h(check.title),
                       check_badge(check), h(check.detail), h(check.advice), source_number(sources, check.source));
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string footer(const Report& report) {
  const ReportMeta& meta = report.meta;
  std::string jobs;
  for (const auto& path : meta.jobs) {
    if (!jobs.empty()) jobs += ' ';
    jobs += "<code>" + h(path) + "</code>";
  }
  std::string out = "<footer>\n<dl>\n";
  out += "<dt>Date</dt><dd>" + h(meta.date) + "</dd>\n";
  out += "<dt>Tool</dt><dd>cio-gap " + h(meta.tool_version) + "</dd>\n";
  out += "<dt>Rules</dt><dd>fingerprint <code>" + h(meta.rules_fingerprint) + "</code></dd>\n";
  out += "<dt>Profile</dt><dd><code>" + h(report.profile->path) + "</code></dd>\n";
  out += fmt::format("<dt>Postings</dt><dd>{}: {} read, {} skipped, {}</dd>\n", jobs, meta.postings_read,
                     plural(meta.files_skipped, "file", "files"), plural(meta.duplicates, "duplicate", "duplicates"));
  return out + "</dl>\n</footer>\n";
}

// One client's report, without the document around it, appended to `out`; `chart_id` keeps
// ids unique on a page holding several. With a `sink`, `out` is handed on in pieces while the
// postings by fit are written.
void write_report_body(const Report& report, const RuleSet& rules, std::string_view chart_id, std::string& out,
                       const TextSink* sink) {
  out += cover(report);
  out += demand_section(report, rules, chart_id);
  out += gaps_section(report, rules);
  write_postings_by_fit(report, rules, out, sink);
  out += readiness_section(report);
  out += footer(report);
}

std::string summary_table(const std::vector<Report>& reports, const RuleSet& rules,
                          const std::vector<std::string>& links) {
  std::string out =
      "<table class=\"summary\">\n<thead><tr><th>Client</th><th class=\"num\">Score</th><th>Top three gaps</th>"
      "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report& report = reports[i];
    std::string name = h(who(*report.profile));
    if (i < links.size()) name = "<a href=\"" + h(links[i]) + "\">" + name + "</a>";
    std::string gaps;
    for (std::size_t g = 0; g < report.gaps.size() && g < 3; ++g) {
      const QualificationDemand& q = report.qualifications[report.gaps[g]];
      gaps += (g > 0 ? ", " : "") + h(rules.rules[q.rule].name) + " (" + to_string(q.status) + ")";
    }
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", name, score_text(report),
                       gaps.empty() ? "none" : gaps);
  }
  return out + "</tbody>\n</table>\n";
}

std::string batch_header(const std::vector<Report>& reports) {
  std::string out = "<header class=\"cover\">\n<div>\n<p class=\"kicker\">CIO readiness reports</p>\n";
  out += "<h1>" + plural(static_cast<int>(reports.size()), "client", "clients") + "</h1>\n";
  if (!reports.empty() && !reports.front().meta.date.empty()) {
    out += "<p class=\"role\">" + h(reports.front().meta.date) + "</p>\n";
  }
  return out + "</div>\n</header>\n";
}

}  // namespace

void write_report_html(const Report& report, const RuleSet& rules, const TextSink& sink) {
  std::string out = html_document_head("cio-gap report for " + who(*report.profile));
  write_report_body(report, rules, "chart-", out, &sink);
  out += html_document_tail();
  sink(out);
}

std::string render_report_html(const Report& report, const RuleSet& rules) {
  std::string text;
  write_report_html(report, rules, [&](std::string_view piece) { text += piece; });
  return text;
}

std::string render_batch_html(const std::vector<Report>& reports, const RuleSet& rules) {
  std::string body = batch_header(reports) + "<section id=\"summary\">\n<h2>Summary</h2>\n";
  std::vector<std::string> anchors;
  for (std::size_t i = 0; i < reports.size(); ++i) anchors.push_back(fmt::format("#client-{}", i + 1));
  body += summary_table(reports, rules, anchors) + "</section>\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    body += fmt::format("<article class=\"client\" id=\"client-{}\">\n", i + 1);
    write_report_body(reports[i], rules, fmt::format("chart{}-", i + 1), body, nullptr);
    body += "</article>\n";
  }
  return html_document("cio-gap reports", body);
}

std::string render_batch_index_html(const std::vector<Report>& reports, const RuleSet& rules,
                                    const std::vector<std::string>& pages) {
  std::string body = batch_header(reports) + "<section id=\"summary\">\n<h2>Summary</h2>\n";
  body += summary_table(reports, rules, pages) + "</section>\n";
  return html_document("cio-gap reports", body);
}

}  // namespace cio_gap
