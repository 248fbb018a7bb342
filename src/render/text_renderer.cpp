#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "cio_gap/analyze/posting_fit.h"
#include "cio_gap/render/render.h"
#include "cio_gap/text/decode.h"

namespace cio_gap {
namespace {

std::string styled(const RenderOptions& options, fmt::text_style style, std::string_view text) {
  return options.color ? fmt::format(style, "{}", text) : std::string(text);
}

std::string percent(double share) { return fmt::format("{}%", static_cast<int>(std::lround(share * 100))); }

fmt::text_style status_style(Status status) {
  switch (status) {
    case Status::have: return fmt::fg(fmt::terminal_color::green);
    case Status::partial: return fmt::fg(fmt::terminal_color::yellow);
    case Status::missing: return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
  }
  return {};
}

std::string postings_text(int count) { return fmt::format("{} {}", count, count == 1 ? "posting" : "postings"); }

std::string years_text(const PostingFindings& posting) {
  if (!posting.years_required) return "years not stated";
  std::string out = fmt::format("{} years", *posting.years_required);
  if (posting.years_leadership_required) out += fmt::format(", {} leading people", *posting.years_leadership_required);
  return out;
}

// Cut to `columns` code points, the last one an ellipsis when anything was cut.
std::string cut_to(std::string_view text, std::size_t columns) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++count == columns) {
      std::size_t end = i + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      if (end < text.size()) {
        std::string_view kept = text.substr(0, i);
        while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
        return std::string(kept) + "\u2026";
      }
    }
  }
  return std::string(text);
}

// Pads to `columns` code points (fmt pads by display width, which counts some as two).
std::string pad_to(const std::string& text, std::size_t columns) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count >= columns ? text : text + std::string(columns - count, ' ');
}

// Which postings the person fits best: fit, title, company and the required qualifications
// still missing, at most `report.fit_rows` rows.
std::string fit_table(const Report& report, const RuleSet& rules, const RenderOptions& options) {
  std::string out = '\n' + styled(options, fmt::emphasis::bold, "Postings by fit") + "\n";
  if (report.tally == nullptr || report.fit_order.empty()) {
    out += "  No posting demands anything to fit.\n";
  } else {
    // The title column gives way first on a narrow terminal (down to 16 columns), then the
    // missing ids (down to a count).
    const auto columns = static_cast<std::size_t>(options.width);
    constexpr std::size_t kCompany = 16;
    constexpr std::size_t kFixed = 2 + 6 + 2 + 2 + kCompany + 2;
    const std::size_t kTitle = columns == 0 ? 32 : std::clamp<std::size_t>(columns > kFixed + 28 ? columns - kFixed - 28 : 0, 16, 32);
    const std::size_t used = kFixed + kTitle;
    // The missing ids take what the width leaves (at least 12 columns); unwrapped output lists them all.
    const std::size_t room = columns == 0 ? std::string::npos / 2 : columns > used + 9 ? columns - used : 9;
    out += "  " + pad_to("fit", 6) + "  " + pad_to("title", kTitle) + "  " + pad_to("company", kCompany) +
           "  missing (required)\n";
    const std::size_t rows = fit_rows_shown(report);
    for (std::size_t r = 0; r < rows; ++r) {
      const PostingSummary posting = report.tally->postings->read(report.fit_order[r]);
      const PostingFit fit = fit_for(report, posting);
      const std::string company = posting.company.empty() ? "-" : escape_control(posting.company);
      std::string line = "  " + pad_to(fit_text(fit), 6) + "  " + pad_to(cut_to(escape_control(posting.title), kTitle), kTitle) +
                         "  " + pad_to(cut_to(company, kCompany), kCompany) + "  " +
                         missing_required_text(fit, rules, room);
      out += line + "\n";
    }
    if (rows < report.fit_order.size()) {
      out += fmt::format("  ... {} more (--fit-rows 0 lists all)\n", report.fit_order.size() - rows);
    }
  }
  if (const std::string left_out = fits_left_out_text(report); !left_out.empty()) out += "  " + left_out + "\n";
  return out;
}

}  // namespace

std::string title_and_company(std::string_view title, std::string_view company) {
  if (company.empty()) return std::string(title);
  return fmt::format("{} \u2014 {}", title, company);
}

std::string years_comparison_text(const YearsComparison& years, std::string_view what, std::string_view profile_field) {
  if (years.postings_with_years == 0) return fmt::format("no posting states a number of {}.", what);
  std::string out = fmt::format("postings ask {} to {} {} (median {})", *years.min_years, *years.max_years, what,
                                *years.median_years);
  if (years.profile_years) {
    out += fmt::format("; you have {}, and {} of {} ask for more.", *years.profile_years, years.postings_asking_more,
                       years.postings_with_years);
  } else {
    out += fmt::format("; add {} to your profile to compare.", profile_field);
  }
  return out;
}

std::string line_location(int page, int line) {
  return page > 0 ? fmt::format("p{}:{}", page, line) : std::to_string(line);
}

bool is_terminal_control(char32_t code) {
  return (code >= 0x80 && code <= 0x9F) ||      // C1: CSI, OSC, ST and the rest
         (code >= 0x202A && code <= 0x202E) ||  // bidi embeddings and overrides
         (code >= 0x2066 && code <= 0x2069) ||  // bidi isolates
         code == 0x200E || code == 0x200F || code == 0x061C ||  // direction marks
         code == 0x2028 || code == 0x2029;      // line and paragraph separators
}

const std::string& advice_for(const Rule& rule, Status status) {
  return status == Status::partial && !rule.advice_partial.empty() ? rule.advice_partial : rule.advice;
}

std::string next_step_label(const QualificationDemand& q, const Rule& rule) {
  if (q.status != Status::partial || rule.advice_partial.empty()) return "Next step:";
  for (const auto& e : q.profile_evidence) {
    if (e.strength == Status::partial) return fmt::format("Next step up from {} ({}):", e.text, e.field);
  }
  return "Next step up:";
}

std::vector<std::string> readiness_sources(const Report& report) {
  std::vector<std::string> sources;
  for (const auto& check : report.readiness) {
    if (std::find(sources.begin(), sources.end(), check.source) == sources.end()) sources.push_back(check.source);
  }
  return sources;
}

std::size_t source_number(const std::vector<std::string>& sources, const std::string& source) {
  return static_cast<std::size_t>(std::find(sources.begin(), sources.end(), source) - sources.begin()) + 1;
}

std::vector<std::string> top_gaps(const Report& report, const RuleSet& rules, std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t g = 0; g < report.gaps.size() && g < count; ++g) {
    const QualificationDemand& q = report.qualifications[report.gaps[g]];
    out.push_back(fmt::format("{} ({})", rules.rules[q.rule].name, to_string(q.status)));
  }
  return out;
}

std::string render_batch_summary_text(const std::vector<Report>& reports, const RuleSet& rules) {
  std::string out = fmt::format("Summary: {} {}\n", reports.size(), reports.size() == 1 ? "client" : "clients");
  out += fmt::format("  {:<30} {:>6}  {}\n", "client", "score", "top three gaps");
  for (const auto& report : reports) {
    const Profile& profile = *report.profile;
    const std::vector<std::string> gaps = top_gaps(report, rules, 3);
    out += fmt::format("  {:<30} {:>6}  {}\n", escape_control(profile.name.empty() ? profile.path : profile.name),
                       report.score ? fmt::format("{:g}", *report.score) : "none",
                       gaps.empty() ? "none" : escape_control(fmt::format("{}", fmt::join(gaps, "; "))));
  }
  return out;
}

std::string meta_text(const ReportMeta& meta) {
  return fmt::format("Report of {} by cio-gap {}, rules {}; postings from {}: {} read, {} {} skipped, {} {}.", meta.date,
                     meta.tool_version, meta.rules_fingerprint, fmt::join(meta.jobs, " "), meta.postings_read,
                     meta.files_skipped, meta.files_skipped == 1 ? "file" : "files", meta.duplicates,
                     meta.duplicates == 1 ? "duplicate" : "duplicates");
}

std::string escape_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u < 0x7F) {
      out.push_back(text[i++]);
    } else if (u == '\n') {
      out += "\\n";
      ++i;
    } else if (u == '\t') {
      out += "\\t";
      ++i;
    } else if (u < 0x80) {
      out += fmt::format("\\x{:02x}", u);
      ++i;
    } else if (const std::size_t length = utf8_sequence_length(text, i); length == 0) {
      out += fmt::format("\\x{:02x}", u);  // not UTF-8: a lone 0x9B is CSI to some terminals
      ++i;
    } else if (const char32_t code = utf8_code_point(text, i, length); is_terminal_control(code)) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code));
      i += length;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::size_t display_columns(std::string_view text) {
  // Columns are characters, not bytes: UTF-8 continuation bytes take none.
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  std::size_t column = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n')) ++pos;
    if (pos >= text.size()) break;
    auto end = text.find_first_of(" \n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    const std::size_t columns = display_columns(word);
    if (width > 0 && column > indent && column + 1 + columns > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
    } else if (!out.empty() && column > indent) {
      out += ' ';
      ++column;
    } else if (out.empty()) {
      column = indent;  // the caller already indented the first line
    }
    out += word;
    column += columns;
    pos = end;
  }
  return out;
}

std::string render_scan_text(const ScanResult& scan, const RuleSet& rules, const RenderOptions& options) {
  std::string out;
  for (const auto& posting : scan.postings) {
    out += styled(options, fmt::emphasis::bold, escape_control(posting.source));
    out += fmt::format("  {}  ({})", escape_control(title_and_company(posting.title, posting.company)),
                       years_text(posting));
    if (posting.duplicate) out += "  [duplicate: not counted]";
    out += '\n';
    if (posting.diagnosis != Diagnosis::none) out += fmt::format("  {}\n", describe(posting.diagnosis));
    for (const auto& finding : posting.findings) {
      const Rule& rule = rules.rules[finding.rule];
      const Evidence& first = finding.evidence.front();
      out += fmt::format("  {:<9}  {:<26}  {:>4}: {}\n", to_string(finding.tier), rule.id, line_location(first.page, first.line),
                         escape_control(first.text));
    }
    out += '\n';
  }
  out += fmt::format("{} postings ({} duplicates not counted)\n", scan.postings.size(), scan.duplicates);
  if (!scan.target_roles.empty()) {
    out += fmt::format("{} postings read, {} match your target roles ({}).\n", scan.total, scan.on_target(),
                       escape_control(fmt::format("{}", fmt::join(scan.target_roles, ", "))));
  }
  return out;
}

std::string render_report_text(const Report& report, const RuleSet& rules, const RenderOptions& options) {
  const Profile& profile = *report.profile;
  std::string out;
  std::string who = profile.name.empty() ? profile.path : profile.name;
  if (!profile.current_role.empty()) who += " (" + profile.current_role + ")";
  out += styled(options, fmt::emphasis::bold, "cio-gap report for " + escape_control(who)) + "\n";
  if (const std::string roles = target_roles_text(report); !roles.empty()) {
    out += wrap(escape_control(roles), static_cast<std::size_t>(options.width), 2) + "\n";
  }
  out += fmt::format("{} postings analysed", report.postings);
  if (report.duplicates > 0) out += fmt::format(" ({} duplicates not counted)", report.duplicates);
  if (report.score) {
    out += fmt::format(". Readiness score: {}/100\n", styled(options, fmt::emphasis::bold, fmt::format("{:g}", *report.score)));
  } else {
    out += fmt::format(". Readiness score: {}\n", styled(options, fmt::emphasis::bold, "none: " + std::string(kNoScore)));
  }
  if (report.left_out > 0) {
    out += fmt::format("{} left out of the shares: {}.\n", postings_text(report.left_out), kLeftOutWhy);
  }

  out += wrap("Experience: " + years_comparison_text(report.years, "years", "years_experience"),
               static_cast<std::size_t>(options.width), 2) + "\n";
  out += wrap("Leadership: " + years_comparison_text(report.leadership_years, "years leading people", "years_leadership"),
              static_cast<std::size_t>(options.width), 2) + "\n";

  out += '\n' + styled(options, fmt::emphasis::bold, "What the postings demand") + "\n";
  if (report.qualifications.empty()) {
    out += "  No posting demands a qualification these rules recognise.\n";
  } else {
    out += fmt::format("  {:<28} {:>8} {:>9} {:>6}  {}\n", "qualification", "required", "preferred", "share", "you");
  }
  for (const auto& q : report.qualifications) {
    const Rule& rule = rules.rules[q.rule];
    const std::string status = to_string(q.status);
    out += fmt::format("  {:<28} {:>8} {:>9} {:>6}  {}\n", rule.id, q.required, q.preferred, percent(q.share),
                       styled(options, status_style(q.status), status));
  }

  out += '\n' + styled(options, fmt::emphasis::bold, "Gaps, most demanded first") + "\n";
  if (!report.score) {
    out += fmt::format("  None: {}.\n", kNoScore);
  } else if (report.gaps.empty()) {
    out += "  None: you have every qualification these postings demand.\n";
  }
  int rank = 0;
  for (const auto index : report.gaps) {
    const QualificationDemand& q = report.qualifications[index];
    const Rule& rule = rules.rules[q.rule];
    const int postings = q.required + q.preferred;
    ++rank;
    // A heading too long for the width breaks once, before the id; the name stays whole.
    const std::string plain = fmt::format("{:>2}. {} ({}): {}", rank, rule.name, rule.id, to_string(q.status));
    const bool fits = options.width == 0 || display_columns(plain) <= static_cast<std::size_t>(options.width);
    out += fmt::format("\n{:>2}. {}{}({}): {}\n", rank, styled(options, fmt::emphasis::bold, escape_control(rule.name)),
                       fits ? " " : "\n    ", rule.id, styled(options, status_style(q.status), to_string(q.status)));
    out += fmt::format("    Demanded by {} of {} postings ({}; {} required, {} preferred).\n", postings,
                       report.read_for_demands(), percent(q.share), q.required, q.preferred);
    for (const auto& c : q.citations) {
      out += "    " + wrap(fmt::format("\"{}\" ({}:{})", escape_control(c.text), escape_control(c.source), line_location(c.page, c.line)),
                             static_cast<std::size_t>(options.width), 6) + "\n";
    }
    for (const auto& e : q.profile_evidence) {
      const std::string where = e.location.empty() ? e.field : e.field + ", " + escape_control(e.location);
      out += "    " + wrap(fmt::format("You have {}: {} ({})", to_string(e.strength), escape_control(e.text), where),
                             static_cast<std::size_t>(options.width), 6) + "\n";
    }
    out += "    " + wrap(escape_control(next_step_label(q, rule)) + " " + escape_control(advice_for(rule, q.status)),
                         static_cast<std::size_t>(options.width), 4) + "\n";
  }

  // A report made without its postings' summaries has no fit to show.
  if (report.tally != nullptr) out += fit_table(report, rules, options);

  out += '\n' + styled(options, fmt::emphasis::bold, "Readiness checks") + "\n";
  const std::vector<std::string> sources = readiness_sources(report);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    out += "  " + wrap(fmt::format("[{}] {}", i + 1, sources[i]), static_cast<std::size_t>(options.width), 6) + "\n";
  }
  for (const auto& check : report.readiness) {
    const std::string mark = check.pass ? styled(options, fmt::fg(fmt::terminal_color::green), "pass")
                                        : styled(options, fmt::fg(fmt::terminal_color::yellow), "warn");
    out += "  " + mark + "  " + wrap(fmt::format("{}: {}", check.title, escape_control(check.detail)),
                                     static_cast<std::size_t>(options.width), 8) + "\n";
    if (!check.pass) {
      out += "        " + wrap(fmt::format("{} [{}]", check.advice, source_number(sources, check.source)),
                               static_cast<std::size_t>(options.width), 8) + "\n";
    }
  }
  out += "\n" + wrap(escape_control(meta_text(report.meta)), static_cast<std::size_t>(options.width), 0) + "\n";
  return out;
}

}  // namespace cio_gap
