#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

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
    qualifications.push_back({{"id", rules.rules[finding.rule].id},
                              {"tier", to_string(finding.tier)},
                              {"evidence", std::move(evidence)}});
  }
  ordered_json out = {{"source", posting.source},
                      {"title", posting.title},
                      {"company", text_or_null(posting.company)},
                      {"url", text_or_null(posting.url)},
                      {"years_required", years_value(posting.years_required)},
                      {"years_leadership_required", years_value(posting.years_leadership_required)},
                      {"diagnosis", diagnosis_value(posting.diagnosis)}};
  if (posting.duplicate) out["duplicate"] = true;
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

std::string render_scan_json(const ScanResult& scan, const RuleSet& rules) {
  ordered_json postings = ordered_json::array();
  for (const auto& posting : scan.postings) postings.push_back(posting_json(posting, rules));
  ordered_json out = {{"schema_version", kSchemaVersion},
                      {"postings_count", scan.counted()},
                      {"duplicates", scan.duplicates},
                      {"postings_read", scan.total},
                      {"postings_off_target", scan.off_target},
                      {"target_roles", scan.target_roles},
                      {"postings", std::move(postings)}};
  return dump(out);
}

std::string render_posting_jsonl(const PostingFindings& posting, const RuleSet& rules) {
  return dump_line(posting_json(posting, rules));
}

std::string render_report_json(const Report& report, const DemandTally& tally, const RuleSet& rules) {
  auto qualification_json = [&](const QualificationDemand& q) {
    const Rule& rule = rules.rules[q.rule];
    ordered_json profile_evidence = ordered_json::array();
    for (const auto& item : q.profile_evidence) {
      profile_evidence.push_back({{"field", item.field},
                                  {"text", item.text},
                                  {"strength", to_string(item.strength)},
                                  {"location", item.location.empty() ? ordered_json() : ordered_json(item.location)}});
    }
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
                        {"profile_evidence", std::move(profile_evidence)},
                        {"evidence", std::move(citations)}};
  };
  ordered_json gaps = ordered_json::array();
  int rank = 0;
  for (const auto index : report.gaps) {
    const auto& q = report.qualifications[index];
    ordered_json gap = qualification_json(q);
    gap["rank"] = ++rank;
    gap["suggestion"] = advice_for(rules.rules[q.rule], q.status);
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
  const ReportMeta& meta = report.meta;
  ordered_json out = {
      {"schema_version", kSchemaVersion},
      {"meta",
       {{"date", meta.date},
        {"tool_version", meta.tool_version},
        {"rules_fingerprint", meta.rules_fingerprint},
        {"jobs", meta.jobs},
        {"postings_read", meta.postings_read},
        {"files_skipped", meta.files_skipped},
        {"duplicates", meta.duplicates}}},
      {"profile", {{"path", profile.path}, {"name", profile.name}, {"current_role", profile.current_role}}},
      {"score", report.score ? ordered_json(*report.score) : ordered_json(nullptr)},
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
      {"readiness", std::move(readiness)},
      {"postings", ordered_json::array()}};
  std::string text = dump(out);
  if (!tally.postings.empty()) {
    // One short object per posting, written straight out as dump() would: a document of
    // objects would take several times the memory for a scan of 100,000 postings.
    constexpr std::string_view kEmpty = "[]\n}\n";
    text.resize(text.size() - kEmpty.size());
    // Room for every entry at once, rather than doubling (and briefly holding twice) the text.
    std::size_t room = text.size() + 16;
    for (const PostingSummary& posting : tally.postings) {
      room += 480 + posting.source.size() + posting.title.size() + posting.company.size() + posting.url.size();
    }
    text.reserve(room);
    text += "[\n";
    const bool with_fits = report.fits.size() == tally.postings.size();
    for (std::size_t i = 0; i < tally.postings.size(); ++i) {
      const PostingSummary& posting = tally.postings[i];
      const PostingFit fit = with_fits ? report.fits[i] : PostingFit{};
      std::string missing;
      // As dump(2) lays out an array of strings at this depth.
      for (const std::size_t rule : fit.missing_required) {
        missing += fmt::format("{}\n        {}", missing.empty() ? "" : ",", json_string(rules.rules[rule].id));
      }
      if (!missing.empty()) missing += "\n      ";
      text += fmt::format(
          "    {{\n      \"source\": {},\n      \"title\": {},\n      \"company\": {},\n      \"url\": {},\n"
          "      \"years_required\": {},\n"
          "      \"years_leadership_required\": {},\n      \"diagnosis\": {},\n      \"duplicate\": {},\n"
          "      \"qualifications\": {},\n      \"fit\": {},\n      \"required_held\": {},\n"
          "      \"required_total\": {},\n      \"missing_required\": [{}],\n      \"years_met\": {}\n"
          "    }}{}\n",
          json_string(posting.source), json_string(posting.title),
          posting.company.empty() ? "null" : json_string(posting.company),
          posting.url.empty() ? "null" : json_string(posting.url), years_literal(posting.years_required),
          years_literal(posting.years_leadership_required),
          posting.diagnosis == Diagnosis::none ? "null" : json_string(to_string(posting.diagnosis)),
          posting.duplicate, posting.qualifications, fit.fit ? ordered_json(*fit.fit).dump() : "null",
          fit.required_held, fit.required_total, missing,
          fit.years_met ? (*fit.years_met ? "true" : "false") : "null", i + 1 < tally.postings.size() ? "," : "");
    }
    text += "  ]\n}\n";
  }
  return text;
}

}  // namespace cio_gap
