#include "cio_gap/analyze/gap_analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "cio_gap/analyze/posting_fit.h"
#include "cio_gap/analyze/posting_spool.h"
#include "cio_gap/analyze/readiness.h"
#include "cio_gap/analyze/resume_evidence.h"
#include "cio_gap/text/normalize.h"
#include "cio_gap/text/suggest.h"

namespace cio_gap {
namespace {

void add_evidence(std::vector<ProfileEvidence>& to, ProfileEvidence evidence) {
  for (auto& existing : to) {
    if (existing.field == evidence.field && existing.text == evidence.text) {
      if (evidence.strength == Status::have) existing.strength = Status::have;
      return;
    }
  }
  to.push_back(std::move(evidence));
}

std::vector<std::size_t> acronyms_in(std::string_view text, const RuleSet& rules) {
  std::vector<std::size_t> found;
  for (std::size_t start = 0; start < text.size();) {
    while (start < text.size() && !std::isalnum(static_cast<unsigned char>(text[start]))) ++start;
    std::size_t end = start;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '&')) ++end;
    std::string word(text.substr(start, end - start));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::toupper(c); });
    for (std::size_t r = 0; word.size() >= 2 && r < rules.rules.size(); ++r) {
      const auto& acronyms = rules.rules[r].acronyms;
      if (std::find(acronyms.begin(), acronyms.end(), word) != acronyms.end()) found.push_back(r);
    }
    start = end;
  }
  return found;
}

std::optional<std::size_t> rule_index(const RuleSet& rules, std::string_view id) {
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    if (rules.rules[r].id == id) return r;
  }
  return std::nullopt;
}

// The person's years against the years postings ask (years asked -> how many postings ask it).
YearsComparison compare_years(std::optional<int> profile_years, const std::map<int, int>& asked_by) {
  YearsComparison years;
  years.profile_years = profile_years;
  for (const auto& [asked, postings] : asked_by) {
    years.postings_with_years += postings;
    if (profile_years && asked > *profile_years) years.postings_asking_more += postings;
  }
  if (years.postings_with_years > 0) {
    years.min_years = asked_by.begin()->first;
    years.max_years = asked_by.rbegin()->first;
    // The lower median, as the middle of the sorted list: the ((n - 1) / 2)-th value.
    int before = (years.postings_with_years - 1) / 2;
    for (const auto& [asked, postings] : asked_by) {
      if (before < postings) {
        years.median_years = asked;
        break;
      }
      before -= postings;
    }
  }
  return years;
}

}  // namespace

DemandTally start_tally(std::size_t rule_count) {
  DemandTally tally;
  tally.by_rule.resize(rule_count);
  for (std::size_t r = 0; r < rule_count; ++r) tally.by_rule[r].rule = r;
  return tally;
}

void tally_posting(DemandTally& tally, const PostingFindings& posting) {
  ++tally.total;
  if (tally.keep_postings) {
    PostingSummary summary{posting.source, posting.title, posting.years_required,
                           posting.years_leadership_required, posting.duplicate,
                           static_cast<int>(posting.findings.size()), posting.diagnosis};
    summary.company = posting.company;
    summary.url = posting.url;
    // A duplicate's too, so a report lists what it demands as scan does; its fit stays none.
    summary.demands.reserve(posting.findings.size());
    for (const auto& finding : posting.findings) {
      summary.demands.push_back({static_cast<std::uint32_t>(finding.rule), finding.tier == Tier::preferred});
    }
    if (!tally.postings) tally.postings = std::make_shared<PostingSpool>();
    tally.postings->append(summary);
    if (tally.postings->size() > 1 && summary.source < tally.last_source) tally.sources_in_order = false;
    tally.last_source = std::move(summary.source);
  }
  if (posting.duplicate) {
    ++tally.duplicates;
    return;
  }
  // A posting that could not be read for demands is no posting demanding nothing: it stays
  // out of the shares, or unreadable files would dilute them.
  if (posting.diagnosis != Diagnosis::none) ++tally.left_out;
  for (const auto& finding : posting.findings) {
    QualificationDemand& demand = tally.by_rule[finding.rule];
    (finding.tier == Tier::required ? demand.required : demand.preferred) += 1;
    if (demand.citations.size() < kCitationsPerQualification && !finding.evidence.empty()) {
      demand.citations.push_back({posting.source, finding.evidence.front().line, finding.evidence.front().text,
                                  finding.evidence.front().page});
    }
  }
  if (posting.years_required) ++tally.years_asked[*posting.years_required];
  if (posting.years_leadership_required) ++tally.leadership_years_asked[*posting.years_leadership_required];
  if (const auto type = dominant_role_type(posting)) ++tally.role_types[static_cast<std::size_t>(*type)];
}

DemandTally tally_scan(const ScanResult& scan, std::size_t rule_count) {
  DemandTally tally = start_tally(rule_count);
  for (const auto& posting : scan.postings) tally_posting(tally, posting);
  return tally;
}

std::vector<QualificationDemand> aggregate_demand(const DemandTally& tally) {
  const int base = tally.read_for_demands();
  std::vector<QualificationDemand> demanded;
  for (QualificationDemand demand : tally.by_rule) {
    if (demand.required + demand.preferred == 0) continue;
    demand.demand = demand.required + demand.preferred / 2.0;
    demand.share = base > 0 ? static_cast<double>(demand.required + demand.preferred) / base : 0.0;
    demanded.push_back(std::move(demand));
  }
  std::stable_sort(demanded.begin(), demanded.end(), [](const auto& a, const auto& b) {
    return a.demand > b.demand;
  });
  return demanded;
}

std::vector<std::vector<ProfileEvidence>> profile_evidence(const Profile& profile,
                                                           const Extractor& extractor) {
  const RuleSet& rules = extractor.rules();
  std::vector<std::vector<ProfileEvidence>> out(rules.rules.size());
  KeywordMatcher::Scratch scratch(extractor.matcher());
  // An entry is evidence once for each rule it mentions, however often it mentions it.
  std::vector<bool> mentioned(rules.rules.size());
  auto from_text = [&](const std::string& field, const std::string& text, Status strength) {
    std::fill(mentioned.begin(), mentioned.end(), false);
    for (const auto& hit : extractor.hits_in_text(text, scratch)) {
      if (hit.status == HitStatus::counted && !mentioned[hit.rule]) {
        mentioned[hit.rule] = true;
        add_evidence(out[hit.rule], {field, text, strength, {}});
      }
    }
    // A person names a skill "aws" or "itil" and means the acronym: in a skill's name a whole
    // word that is an acronym in other case counts too (postings, achievements and the rest keep
    // acronyms case-sensitive: "dr" or "sap" there are more likely other words).
    if (field != "skills") return;
    for (const std::size_t r : acronyms_in(text, rules)) {
      if (mentioned[r]) continue;
      mentioned[r] = true;
      add_evidence(out[r], {field, text, strength, {}});
    }
  };
  for (const auto& claim : profile.skills) {
    if (claim.level == Level::none) continue;
    const Status strength = claim.level >= Level::working ? Status::have : Status::partial;
    const std::string text = claim.name + ": " + to_string(claim.level);
    if (claim.is_rule_id) {
      if (const auto r = rule_index(rules, claim.name)) add_evidence(out[*r], {"skills", text, strength, {}});
    } else {
      from_text("skills", claim.name, strength);
    }
  }
  for (const auto& achievement : profile.achievements) {
    from_text("achievements", achievement.text, Status::have);
  }
  for (const auto& degree : profile.education) {
    const std::string text = degree.degree + (degree.field.empty() ? "" : " in " + degree.field);
    // Any degree of these implies a bachelor's; the higher ones are advanced degrees.
    if (const auto r = rule_index(rules, "bachelors-degree")) add_evidence(out[*r], {"education", text, Status::have, {}});
    if (degree.degree != "bachelor") {
      if (const auto r = rule_index(rules, "advanced-degree")) add_evidence(out[*r], {"education", text, Status::have, {}});
    }
  }
  for (const auto& certification : profile.certifications) {
    from_text("certifications", certification, Status::have);
    for (std::size_t r = 0; r < rules.rules.size(); ++r) {
      for (const auto& name : rules.rules[r].credentials) {
        if (contains_word(certification, name)) add_evidence(out[r], {"certifications", certification, Status::have, {}});
      }
    }
  }
  for (const auto& text : profile.mentoring) from_text("mentoring", text, Status::have);
  for (const auto& text : profile.volunteered) from_text("volunteered", text, Status::partial);
  if (!profile.resume_text.text.empty()) {
    // A level written in the profile wins over what the résumé suggests, either way: the
    // person has weighed that qualification already.
    std::vector<bool> rated(rules.rules.size(), false);
    for (const auto& claim : profile.skills) {
      if (!claim.is_rule_id) continue;
      if (const auto r = rule_index(rules, claim.name)) rated[*r] = true;
    }
    auto from_resume = resume_evidence(profile.resume_text, extractor);
    for (std::size_t r = 0; r < rules.rules.size(); ++r) {
      if (rated[r]) continue;
      for (auto& item : from_resume[r]) add_evidence(out[r], std::move(item));
    }
  }
  // Being open to relocation is what a posting asking for travel or relocation wants to know.
  if (profile.relocation == "open") {
    if (const auto r = rule_index(rules, "travel-relocation")) add_evidence(out[*r], {"relocation", "open", Status::have, {}});
  }
  return out;
}

std::vector<std::string> unmatched_skills(const Profile& profile, const Extractor& extractor) {
  const RuleSet& rules = extractor.rules();
  std::vector<std::string> ids;
  for (const auto& rule : rules.rules) ids.push_back(rule.id);
  KeywordMatcher::Scratch scratch(extractor.matcher());
  std::vector<std::string> warnings;
  for (const auto& claim : profile.skills) {
    if (claim.is_rule_id || claim.level == Level::none) continue;
    const auto hits = extractor.hits_in_text(claim.name, scratch);
    const bool counts = std::any_of(hits.begin(), hits.end(), [](const Hit& hit) { return hit.status == HitStatus::counted; });
    if (counts || !acronyms_in(claim.name, rules).empty()) continue;
    const std::string suggestion = did_you_mean(claim.name, ids);
    warnings.push_back(profile.path + ":" + std::to_string(claim.line) + ": skill '" + claim.name +
                       "' names no qualification the rules know, so it counts for nothing" +
                       (suggestion.empty() ? "; write a qualification id instead (cio-gap rules list)" : suggestion));
  }
  return warnings;
}

Status status_from(const std::vector<ProfileEvidence>& evidence) {
  if (evidence.empty()) return Status::missing;
  for (const auto& item : evidence) {
    if (item.strength == Status::have) return Status::have;
  }
  return Status::partial;
}

std::optional<double> readiness_score(const std::vector<QualificationDemand>& qualifications) {
  double total = 0;
  double held = 0;
  for (const auto& q : qualifications) {
    total += q.demand;
    held += q.demand * (q.status == Status::have ? 1.0 : q.status == Status::partial ? 0.5 : 0.0);
  }
  if (total <= 0) return std::nullopt;
  return std::round(1000.0 * held / total) / 10.0;
}

Report assess(const Profile& profile, const DemandTally& tally, const Extractor& extractor,
              const GapOptions& options) {
  Report report;
  report.profile = &profile;
  report.postings = tally.counted();
  report.duplicates = tally.duplicates;
  report.left_out = tally.left_out;
  report.qualifications = aggregate_demand(tally);
  auto evidence = profile_evidence(profile, extractor);
  report.years = compare_years(profile.years_experience, tally.years_asked);
  report.leadership_years = compare_years(profile.years_leadership, tally.leadership_years_asked);
  // Leading people is weighed against the years the postings ask: fewer years than their median
  // make team leadership partial at best, however strongly it is rated.
  std::optional<std::size_t> capped;
  if (const auto r = rule_index(extractor.rules(), "team-leadership");
      r && report.leadership_years.profile_years && *report.leadership_years.profile_years > 0 &&
      report.leadership_years.median_years) {
    const int years = *report.leadership_years.profile_years;
    const int median = *report.leadership_years.median_years;
    if (years < median) capped = *r;
    evidence[*r].push_back({"years_leadership",
                            fmt::format("{} years leading people; postings ask a median of {}", years, median),
                            years >= median ? Status::have : Status::partial, {}});
  }
  auto capped_status = [&](std::size_t rule, Status status) {
    return capped == rule && status == Status::have ? Status::partial : status;
  };
  for (std::size_t r = 0; r < evidence.size(); ++r) report.status_by_rule.push_back(capped_status(r, status_from(evidence[r])));
  for (auto& q : report.qualifications) {
    q.profile_evidence = std::move(evidence[q.rule]);
    q.status = capped_status(q.rule, status_from(q.profile_evidence));
  }
  report.score = readiness_score(report.qualifications);
  for (std::size_t i = 0; i < report.qualifications.size(); ++i) {
    const auto& q = report.qualifications[i];
    if (q.status == Status::have || q.share + 1e-9 < options.min_share) continue;
    if (options.top > 0 && static_cast<int>(report.gaps.size()) >= options.top) break;
    report.gaps.push_back(i);
  }

  report.readiness = readiness_checks(profile, tally, extractor.rules(), report.status_by_rule);

  report.tally = &tally;
  report.fit_rows = options.fit_rows;
  if (tally.postings) {
    report.fit_order = rank_fits(*tally.postings, report.status_by_rule, profile.years_experience, tally.sources_in_order);
  }
  return report;
}

}  // namespace cio_gap
