#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "cio_gap/analyze/posting_fit.h"
#include "cio_gap/analyze/readiness.h"
#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

using nlohmann::ordered_json;

ordered_json years_value(const std::optional<int>& years) {
  return years ? ordered_json(*years) : ordered_json(nullptr);
}

// A page number, or null for a container without pages.
ordered_json page_value(int page) { return page > 0 ? ordered_json(page) : ordered_json(nullptr); }

// Company and link: empty means the container did not say.
ordered_json text_or_null(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

ordered_json diagnosis_value(Diagnosis diagnosis) {
  return diagnosis == Diagnosis::none ? ordered_json(nullptr) : ordered_json(to_string(diagnosis));
}

// One posting as `scan` prints it: an element of --format json's "postings", a line of jsonl.
ordered_json posting_json(const PostingFindings& posting, const RuleSet& rules) {
  ordered_json qualifications = ordered_json::array();
  for (const auto& finding : posting.findings) {
    ordered_json evidence = ordered_json::array();
    for (const auto& item : finding.evidence) {
      evidence.push_back({{"line", item.line},
                          {"page", page_value(item.page)},
                          {"text", item.text},
                          {"section", to_string(item.section)}});
    }
    // Two keywords of one sentence can be cited in two windows of it: never fewer than cited.
    const int total = std::max(finding.mentions, static_cast<int>(finding.evidence.size()));
    qualifications.push_back({{"id", rules.rules[finding.rule].id},
                              {"tier", to_string(finding.tier)},
                              {"evidence_total", total},
                              {"evidence", std::move(evidence)}});
  }
  ordered_json out = {{"source", posting.source},
                      {"title", posting.title},
                      {"company", text_or_null(posting.company)},
                      {"url", text_or_null(posting.url)},
                      {"years_required", years_value(posting.years_required)},
                      {"years_leadership_required", years_value(posting.years_leadership_required)},
                      {"diagnosis", diagnosis_value(posting.diagnosis)}};
  const auto type = dominant_role_type(posting);
  out["role_type"] = type ? ordered_json(to_string(*type)) : ordered_json(nullptr);
  out["duplicate"] = posting.duplicate;
  out["fingerprint"] = fmt::format("{:016x}", posting.fingerprint);
  out["qualification_count"] = posting.findings.size();
  out["qualifications"] = std::move(qualifications);
  return out;
}

ordered_json years_comparison_json(const YearsComparison& years) {
  return {{"profile", years_value(years.profile_years)},
          {"postings_with_years", years.postings_with_years},
          {"postings_asking_more", years.postings_asking_more},
          {"min", years_value(years.min_years)},
          {"median", years_value(years.median_years)},
          {"max", years_value(years.max_years)}};
}

// A number of years as dump() writes it.
std::string years_literal(const std::optional<int>& years) { return years ? std::to_string(*years) : "null"; }

// Input text may hold invalid UTF-8; replace it rather than let dump() throw.
std::string dump(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

// Compact, so one value is one line: JSON escapes every newline inside strings.
std::string dump_line(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

// A string as dump() writes it, quotes included.
std::string json_string(const std::string& text) {
  return ordered_json(text).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string render_scan_json_posting(const PostingFindings& posting, const RuleSet& rules) {
  // As dump(2) lays out an element of the postings array: every line four spaces further in.
  const std::string element = posting_json(posting, rules).dump(2, ' ', false, ordered_json::error_handler_t::replace);
  std::string out = "    ";
  out.reserve(element.size() + element.size() / 8);
  for (const char c : element) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

ScanJsonFrame scan_json_frame(const ScanResult& scan, bool with_postings) {
  ordered_json out = {{"schema_version", kSchemaVersion},
                      {"kind", "scan"},
                      {"postings_count", scan.counted()},
                      {"duplicates", scan.duplicates},
                      {"postings_read", scan.total},
                      {"postings_off_target", scan.off_target},
                      {"target_roles", scan.target_roles},
                      {"postings", ordered_json::array()}};
  ScanJsonFrame frame{dump(out), ""};
  if (!with_postings) return frame;
  constexpr std::string_view kEmpty = "[]\n}\n";
  frame.head.resize(frame.head.size() - kEmpty.size());
  frame.head += "[\n";
  frame.tail = "\n  ]\n}\n";
  return frame;
}

std::string render_scan_json(const ScanResult& scan, const RuleSet& rules) {
  const ScanJsonFrame frame = scan_json_frame(scan, !scan.postings.empty());
  std::string text = frame.head;
  for (std::size_t i = 0; i < scan.postings.size(); ++i) {
    if (i > 0) text += ",\n";
    text += render_scan_json_posting(scan.postings[i], rules);
  }
  return text + frame.tail;
}

std::string render_posting_jsonl(const PostingFindings& posting, const RuleSet& rules) {
  return dump_line(posting_json(posting, rules));
}

std::string render_scan_header_jsonl(const ScanHeader& header) {
  return dump_line({{"schema_version", header.schema_version},
                    {"tool_version", header.tool_version},
                    {"rules_fingerprint", header.rules_fingerprint},
                    {"jobs", header.jobs},
                    {"target_roles", header.target_roles},
                    {"exclude", header.exclude},
                    {"max_filesize", header.max_filesize}});
}

std::string render_scan_summary_jsonl(const ScanResult& scan) {
  return dump_line({{"postings_count", scan.counted()},
                    {"duplicates", scan.duplicates},
                    {"postings_read", scan.total},
                    {"postings_off_target", scan.off_target},
                    {"files_skipped", scan.files_skipped},
                    {"files_excluded", scan.files_excluded}});
}

ordered_json profile_evidence_json(const std::vector<ProfileEvidence>& evidence) {
  ordered_json out = ordered_json::array();
  for (const auto& item : evidence) {
    out.push_back({{"field", item.field},
                   {"text", item.text},
                   {"strength", to_string(item.strength)},
                   {"location", text_or_null(item.location)}});
  }
  return out;
}

void write_report_json(const Report& report, const DemandTally& tally, const RuleSet& rules, const TextSink& sink) {
  auto qualification_json = [&](const QualificationDemand& q) {
    const Rule& rule = rules.rules[q.rule];
    ordered_json citations = ordered_json::array();
    for (const auto& c : q.citations) citations.push_back({{"source", c.source}, {"line", c.line}, {"page", page_value(c.page)}, {"text", c.text}});
    return ordered_json{{"id", rule.id},
                        {"name", rule.name},
                        {"category", rule.category},
                        {"required", q.required},
                        {"preferred", q.preferred},
                        {"demand", q.demand},
                        {"share", std::round(q.share * 1000.0) / 1000.0},
                        {"status", to_string(q.status)},
                        {"profile_evidence", profile_evidence_json(q.profile_evidence)},
                        // Every demanding posting has a sentence to cite; the first few are.
                        {"evidence_total", q.required + q.preferred},
                        {"evidence", std::move(citations)}};
  };
  ordered_json gaps = ordered_json::array();
  int rank = 0;
  for (const auto index : report.gaps) {
    const auto& q = report.qualifications[index];
    ordered_json gap = qualification_json(q);
    gap["rank"] = ++rank;
    gap["advice"] = advice_for(rules.rules[q.rule], q.status);
    gaps.push_back(std::move(gap));
  }
  ordered_json qualifications = ordered_json::array();
  for (const auto& q : report.qualifications) qualifications.push_back(qualification_json(q));
  // The person's status for every qualification the rules know, demanded or not: what a later
  // report's score split needs when the market starts demanding one.
  ordered_json profile_status = ordered_json::object();
  for (std::size_t r = 0; r < report.status_by_rule.size() && r < rules.rules.size(); ++r) {
    profile_status[rules.rules[r].id] = to_string(report.status_by_rule[r]);
  }
  ordered_json readiness_checks = ordered_json::array();
  for (const auto& check : report.readiness) {
    readiness_checks.push_back({{"check", check.check},
                         {"title", check.title},
                         {"status", check.pass ? "pass" : "warn"},
                         {"detail", check.detail},
                         {"advice", check.advice},
                         {"source", check.source}});
  }
  const Profile& profile = *report.profile;
  const ReportMeta& meta = report.meta;
  ordered_json out = {
      {"schema_version", kSchemaVersion},
      {"kind", "assess"},
      {"meta",
       {{"date", meta.date},
        {"tool_version", meta.tool_version},
        {"rules_fingerprint", meta.rules_fingerprint},
        {"jobs", meta.jobs},
        {"postings_read", meta.postings_read},
        {"files_skipped", meta.files_skipped},
        {"duplicates", meta.duplicates}}},
      {"profile",
       {{"path", profile.path}, {"name", text_or_null(profile.name)}, {"current_role", text_or_null(profile.current_role)}}},
      {"readiness_score", report.score ? ordered_json(*report.score) : ordered_json(nullptr)},
      {"postings_count", report.postings},
      {"duplicates", report.duplicates},
      {"postings_left_out", report.left_out},
      {"postings_read", report.tally != nullptr ? report.tally->read : report.postings + report.duplicates},
      {"postings_off_target", report.tally != nullptr ? report.tally->off_target : 0},
      {"target_roles", report.tally != nullptr ? report.tally->target_roles : std::vector<std::string>{}},
      {"years", years_comparison_json(report.years)},
      {"leadership_years", years_comparison_json(report.leadership_years)},
      {"gaps", std::move(gaps)},
      {"qualifications", std::move(qualifications)},
      {"profile_status", std::move(profile_status)},
      {"readiness_checks", std::move(readiness_checks)},
      {"postings", ordered_json::array()}};
  std::string text = dump(out);
  if (!tally.postings || tally.postings->empty()) {
    sink(text);
    return;
  }
  // One short object per posting, written straight out as dump() would and handed on in
  // pieces: the postings are read back from the tally's spool one at a time, so neither they
  // nor the document are ever held whole.
  constexpr std::string_view kEmpty = "[]\n}\n";
  text.resize(text.size() - kEmpty.size());
  text += "[\n";
  const bool with_fits = report.profile != nullptr;
  const std::size_t count = tally.postings->size();
  std::size_t i = 0;
  std::string missing;
  std::string demands;
  tally.postings->for_each([&](const PostingSummary& posting, std::uint64_t) {
    const PostingFit fit = with_fits ? fit_for(report, posting) : PostingFit{};
    missing.clear();
    // As dump(2) lays out an array of strings at this depth.
    for (const std::size_t rule : fit.missing_required) {
      missing += fmt::format("{}\n        {}", missing.empty() ? "" : ",", json_string(rules.rules[rule].id));
    }
    if (!missing.empty()) missing += "\n      ";
    demands.clear();
    for (const DemandedRule& demand : posting.demands) {
      const Status status = demand.rule < report.status_by_rule.size() ? report.status_by_rule[demand.rule] : Status::missing;
      demands += fmt::format("{}\n        {{\n          \"id\": {},\n          \"tier\": \"{}\",\n"
                             "          \"status\": \"{}\"\n        }}",
                             demands.empty() ? "" : ",", json_string(rules.rules[demand.rule].id),
                             demand.preferred ? "preferred" : "required", to_string(status));
    }
    if (!demands.empty()) demands += "\n      ";
    ++i;
    fmt::format_to(
        std::back_inserter(text),
        "    {{\n      \"source\": {},\n      \"title\": {},\n      \"company\": {},\n      \"url\": {},\n"
        "      \"years_required\": {},\n"
        "      \"years_leadership_required\": {},\n      \"diagnosis\": {},\n      \"duplicate\": {},\n"
        "      \"qualification_count\": {},\n      \"qualifications\": [{}],\n      \"fit\": {},\n      \"required_held\": {},\n"
        "      \"required_total\": {},\n      \"missing_required\": [{}],\n      \"years_met\": {}\n"
        "    }}{}\n",
        json_string(posting.source), json_string(posting.title),
        posting.company.empty() ? "null" : json_string(posting.company),
        posting.url.empty() ? "null" : json_string(posting.url), years_literal(posting.years_required),
        years_literal(posting.years_leadership_required),
        posting.diagnosis == Diagnosis::none ? "null" : json_string(to_string(posting.diagnosis)),
        posting.duplicate, posting.qualifications, demands, fit.fit ? ordered_json(*fit.fit).dump() : "null",
        fit.required_held, fit.required_total, missing,
        fit.years_met ? (*fit.years_met ? "true" : "false") : "null", i < count ? "," : "");
    if (text.size() >= kSinkChunk) {
      sink(text);
      text.clear();
    }
  });
  text += "  ]\n}\n";
  sink(text);
}

std::string render_report_json(const Report& report, const DemandTally& tally, const RuleSet& rules) {
  std::string text;
  write_report_json(report, tally, rules, [&](std::string_view piece) { text += piece; });
  return text;
}

void write_batch_json(const std::vector<Report>& reports, const DemandTally& tally, const RuleSet& rules,
                      const TextSink& sink) {
  // Each report as write_report_json writes it, indented one level deeper, piece by piece: the
  // reports are neither parsed back into one document nor held whole.
  std::string out = fmt::format("{{\n  \"schema_version\": {},\n  \"kind\": \"batch\",\n  \"reports\": [",
                                json_string(kSchemaVersion));
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    // Every newline inside a report starts a line to indent; the one it ends with is left out,
    // so each newline waits for the character after it.
    bool newline = false;
    write_report_json(reports[i], tally, rules, [&](std::string_view piece) {
      for (const char c : piece) {
        if (c == '\n') {
          if (newline) out += "\n    ";
          newline = true;
          continue;
        }
        if (newline) out += "\n    ";
        newline = false;
        out += c;
      }
      if (out.size() >= kSinkChunk) {
        sink(out);
        out.clear();
      }
    });
  }
  out += reports.empty() ? "]\n}\n" : "\n  ]\n}\n";
  sink(out);
}

std::string render_batch_json(const std::vector<Report>& reports, const DemandTally& tally, const RuleSet& rules) {
  std::string text;
  write_batch_json(reports, tally, rules, [&](std::string_view piece) { text += piece; });
  return text;
}

}  // namespace cio_gap
