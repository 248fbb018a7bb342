#include <nlohmann/json.hpp>

#include <cmath>

#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

using nlohmann::ordered_json;

ordered_json years_value(const std::optional<int>& years) {
  return years ? ordered_json(*years) : ordered_json(nullptr);
}

// One posting as `scan` prints it: an element of --format json's "postings", a line of jsonl.
ordered_json posting_json(const PostingFindings& posting, const RuleSet& rules) {
  ordered_json qualifications = ordered_json::array();
  for (const auto& finding : posting.findings) {
    ordered_json evidence = ordered_json::array();
    for (const auto& item : finding.evidence) {
      evidence.push_back({{"line", item.line}, {"text", item.text}, {"section", to_string(item.section)}});
    }
    qualifications.push_back({{"id", rules.rules[finding.rule].id},
                              {"tier", to_string(finding.tier)},
                              {"evidence", std::move(evidence)}});
  }
  ordered_json out = {{"source", posting.source},
                      {"title", posting.title},
                      {"years_required", years_value(posting.years_required)}};
  if (posting.duplicate) out["duplicate"] = true;
  out["qualifications"] = std::move(qualifications);
  return out;
}

// Input text may hold invalid UTF-8; replace it rather than let dump() throw.
std::string dump(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

// Compact, so one value is one line: JSON escapes every newline inside strings.
std::string dump_line(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_scan_json(const ScanResult& scan, const RuleSet& rules) {
  ordered_json postings = ordered_json::array();
  for (const auto& posting : scan.postings) postings.push_back(posting_json(posting, rules));
  ordered_json out = {{"schema_version", kSchemaVersion},
                      {"postings_count", scan.counted()},
                      {"duplicates", scan.duplicates},
                      {"postings", std::move(postings)}};
  return dump(out);
}

std::string render_posting_jsonl(const PostingFindings& posting, const RuleSet& rules) {
  return dump_line(posting_json(posting, rules));
}

std::string render_report_json(const Report& report, const ScanResult& scan, const RuleSet& rules) {
  auto qualification_json = [&](const QualificationDemand& q) {
    const Rule& rule = rules.rules[q.rule];
    ordered_json profile_evidence = ordered_json::array();
    for (const auto& item : q.profile_evidence) {
      profile_evidence.push_back({{"field", item.field}, {"text", item.text}, {"strength", to_string(item.strength)}});
    }
    ordered_json citations = ordered_json::array();
    for (const auto& c : q.citations) citations.push_back({{"source", c.source}, {"line", c.line}, {"text", c.text}});
    return ordered_json{{"id", rule.id},
                        {"name", rule.name},
                        {"category", rule.category},
                        {"required", q.required},
                        {"preferred", q.preferred},
                        {"demand", q.demand},
                        {"share", std::round(q.share * 1000.0) / 1000.0},
                        {"status", to_string(q.status)},
                        {"profile_evidence", std::move(profile_evidence)},
                        {"evidence", std::move(citations)}};
  };
  ordered_json gaps = ordered_json::array();
  int rank = 0;
  for (const auto index : report.gaps) {
    const auto& q = report.qualifications[index];
    ordered_json gap = qualification_json(q);
    gap["rank"] = ++rank;
    gap["suggestion"] = rules.rules[q.rule].advice;
    gaps.push_back(std::move(gap));
  }
  ordered_json qualifications = ordered_json::array();
  for (const auto& q : report.qualifications) qualifications.push_back(qualification_json(q));
  ordered_json postings = ordered_json::array();
  for (const auto& posting : scan.postings) {
    postings.push_back({{"source", posting.source},
                        {"title", posting.title},
                        {"years_required", years_value(posting.years_required)},
                        {"duplicate", posting.duplicate},
                        {"qualifications", posting.findings.size()}});
  }
  ordered_json readiness = ordered_json::array();
  for (const auto& check : report.readiness) {
    readiness.push_back({{"check", check.check},
                         {"title", check.title},
                         {"status", check.pass ? "pass" : "warn"},
                         {"detail", check.detail},
                         {"advice", check.advice},
                         {"source", check.source}});
  }
  const Profile& profile = *report.profile;
  const YearsComparison& years = report.years;
  ordered_json out = {
      {"schema_version", kSchemaVersion},
      {"profile", {{"path", profile.path}, {"name", profile.name}, {"current_role", profile.current_role}}},
      {"score", report.score},
      {"postings_count", report.postings},
      {"duplicates", report.duplicates},
      {"years", {{"profile", years_value(years.profile_years)},
                 {"postings_with_years", years.postings_with_years},
                 {"postings_asking_more", years.postings_asking_more},
                 {"min", years_value(years.min_years)},
                 {"median", years_value(years.median_years)},
                 {"max", years_value(years.max_years)}}},
      {"gaps", std::move(gaps)},
      {"qualifications", std::move(qualifications)},
      {"readiness", std::move(readiness)},
      {"postings", std::move(postings)}};
  return dump(out);
}

}  // namespace cio_gap
