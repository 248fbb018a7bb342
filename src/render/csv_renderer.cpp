#include <fmt/format.h>

#include <cmath>

#include "cio_gap/analyze/posting_fit.h"
#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
// Text fields that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a
// leading apostrophe, the usual defence against CSV injection from a shared rule pack.
std::string text_field(std::string_view text) {
  std::string value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) value = "'";
  value += text;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// As in the JSON output: shares to three decimals, no trailing zeros.
std::string number(double value) { return fmt::format("{:g}", std::round(value * 1000.0) / 1000.0); }

}  // namespace

std::string render_report_csv(const Report& report, const RuleSet& rules) {
  // RFC 4180 ends every record with CRLF.
  std::string out = "rank,id,name,category,required,preferred,demand,share,status,advice\r\n";
  for (std::size_t i = 0; i < report.qualifications.size(); ++i) {
    const QualificationDemand& q = report.qualifications[i];
    const Rule& rule = rules.rules[q.rule];
    std::string rank;
    for (std::size_t g = 0; g < report.gaps.size(); ++g) {
      if (report.gaps[g] == i) rank = std::to_string(g + 1);
    }
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", rank, text_field(rule.id), text_field(rule.name),
                       text_field(rule.category), q.required, q.preferred, number(q.demand), number(q.share),
                       to_string(q.status), text_field(advice_for(rule, q.status)));
  }
  return out;
}

void write_posting_fits_csv(const Report& report, const RuleSet& rules, const TextSink& sink) {
  std::string out =
      "rank,source,title,company,url,fit,required_held,required_total,missing_required,years_required,years_met,"
      "left_out\r\n";
  if (report.tally == nullptr || !report.tally->postings) {
    sink(out);
    return;
  }
  auto row = [&](const PostingSummary& posting, const PostingFit& fit, const std::string& rank) {
    std::string missing;
    for (const std::size_t rule : fit.missing_required) missing += (missing.empty() ? "" : " ") + rules.rules[rule].id;
    std::string left_out;
    if (posting.duplicate) {
      left_out = "duplicate";
    } else if (posting.diagnosis != Diagnosis::none) {
      left_out = to_string(posting.diagnosis);
    }
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\r\n", rank, text_field(posting.source),
                       text_field(posting.title), text_field(posting.company), text_field(posting.url),
                       fit.fit ? fmt::format("{:g}", *fit.fit) : "", fit.fit ? std::to_string(fit.required_held) : "",
                       fit.fit ? std::to_string(fit.required_total) : "", text_field(missing),
                       posting.years_required ? std::to_string(*posting.years_required) : "",
                       fit.years_met ? (*fit.years_met ? "true" : "false") : "", left_out);
    // Handed on in pieces: the postings are read back one at a time, never held all at once.
    if (out.size() >= kSinkChunk) {
      sink(out);
      out.clear();
    }
  };
  const PostingSpool& postings = *report.tally->postings;
  for (std::size_t r = 0; r < report.fit_order.size(); ++r) {
    const PostingSummary posting = postings.read(report.fit_order[r]);
    row(posting, fit_for(report, posting), std::to_string(r + 1));
  }
  postings.for_each([&](const PostingSummary& posting, std::uint64_t) {
    const PostingFit fit = fit_for(report, posting);
    if (!fit.fit) row(posting, fit, "");
  });
  sink(out);
}

std::string render_posting_fits_csv(const Report& report, const RuleSet& rules) {
  std::string text;
  write_posting_fits_csv(report, rules, [&](std::string_view piece) { text += piece; });
  return text;
}

}  // namespace cio_gap
