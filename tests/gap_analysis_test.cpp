#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/analyze/posting_spool.h"

#include <gtest/gtest.h>

#include "cio_gap/analyze/readiness.h"
#include "cio_gap/load/profile_loader.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

// Rule indices of test_rules(), in file order.
constexpr std::size_t kBudget = 0, kAdvanced = 1, kBachelors = 2, kVendor = 5;  // 3 and 4: ERP, presence

PostingFindings posting(std::string source, std::vector<std::pair<std::size_t, Tier>> demands,
                        std::optional<int> years = std::nullopt) {
  PostingFindings p;
  p.source = std::move(source);
  p.years_required = years;
  for (const auto& [rule, tier] : demands) {
    p.findings.push_back({rule, tier, {{1, 0, "cited sentence", SectionKind::required, tier, ""}}});
  }
  return p;
}

class GapAnalysisTest : public ::testing::Test {
 protected:
  RuleSet rules = testing::test_rules();
  Extractor extractor{rules};

  Profile profile(std::string_view yaml) { return parse_profile("me.yaml", yaml, rules); }

  DemandTally scan() { return tally_scan(postings(), rules.rules.size()); }

  ScanResult postings() {
    ScanResult s;
    s.postings.push_back(posting("a.txt", {{kBudget, Tier::required}, {kAdvanced, Tier::preferred}}, 10));
    s.postings.push_back(posting("b.txt", {{kBudget, Tier::required}, {kVendor, Tier::required}}, 5));
    s.postings.push_back(posting("c.txt", {{kBudget, Tier::preferred}, {kBachelors, Tier::required}}));
    s.postings.push_back(posting("d.txt", {{kBudget, Tier::required}, {kVendor, Tier::required}}, 20));
    s.postings.back().duplicate = true;
    s.total = 4;
    s.duplicates = 1;
    return s;
  }

  const QualificationDemand& find(const Report& report, std::size_t rule) {
    for (const auto& q : report.qualifications) {
      if (q.rule == rule) return q;
    }
    throw std::runtime_error("not demanded");
  }
};

TEST_F(GapAnalysisTest, DemandCountsRequiredOneAndPreferredHalfWithoutDuplicates) {
  const auto demand = aggregate_demand(scan());
  ASSERT_EQ(demand.size(), 4u);
  EXPECT_EQ(demand[0].rule, kBudget);
  EXPECT_EQ(demand[0].required, 2);
  EXPECT_EQ(demand[0].preferred, 1);
  EXPECT_DOUBLE_EQ(demand[0].demand, 2.5);
  EXPECT_DOUBLE_EQ(demand[0].share, 1.0);
  EXPECT_EQ(demand[1].rule, kBachelors);  // 1.0, before vendor (1.0) by rule order
  EXPECT_EQ(demand[2].rule, kVendor);
  EXPECT_EQ(demand[3].rule, kAdvanced);
  EXPECT_DOUBLE_EQ(demand[3].demand, 0.5);
  EXPECT_EQ(demand[0].citations.size(), 3u);
}

TEST_F(GapAnalysisTest, StatusFromLevelsAndFreeText) {
  const Report report = assess(profile(R"(
skills:
  budget-management: none
  vendor-management: exposure
education: [{degree: bachelor, field: CS}]
)"), scan(), extractor, {});
  EXPECT_EQ(find(report, kBudget).status, Status::missing);
  EXPECT_EQ(find(report, kVendor).status, Status::partial);
  EXPECT_EQ(find(report, kBachelors).status, Status::have);
  EXPECT_EQ(find(report, kAdvanced).status, Status::missing);
  // Gaps ranked by demand, partial ones included.
  ASSERT_EQ(report.gaps.size(), 3u);
  EXPECT_EQ(report.qualifications[report.gaps[0]].rule, kBudget);
  EXPECT_EQ(report.qualifications[report.gaps[1]].rule, kVendor);
  EXPECT_EQ(report.qualifications[report.gaps[2]].rule, kAdvanced);
}

TEST_F(GapAnalysisTest, AnAcronymNamedAsASkillCountsWhateverItsCase) {
  const Profile p = profile(R"(
skills:
  sap: working
  p&l ownership: exposure
achievements:
  - {kind: built, text: "built an erp interface"}
)");
  const auto evidence = profile_evidence(p, extractor);
  EXPECT_EQ(status_from(evidence[3]), Status::have);     // "sap": SAP, enterprise applications
  EXPECT_EQ(status_from(evidence[kBudget]), Status::partial);  // "p&l": P&L
  // Outside a skill's name, an acronym keeps its case: "erp" in an achievement is not ERP.
  ASSERT_EQ(evidence[3].size(), 1u);
  EXPECT_EQ(evidence[3][0].field, "skills");
}

TEST_F(GapAnalysisTest, AFreeTextSkillNoRuleKnowsIsNamed) {
  const Profile p = profile(R"(
skills:
  kubernetes: strong
  budgeting: working
  sap: working
  terraform: exposure
)");
  EXPECT_EQ(unmatched_skills(p, extractor),
            (std::vector<std::string>{
                "me.yaml:3: skill 'kubernetes' names no qualification the rules know, so it counts for nothing; write "
                "a qualification id instead (cio-gap rules list)",
                "me.yaml:6: skill 'terraform' names no qualification the rules know, so it counts for nothing; write a "
                "qualification id instead (cio-gap rules list)"}));
}

TEST_F(GapAnalysisTest, AchievementsAndCertificationsAreEvidence) {
  const Report report = assess(profile(R"(
achievements:
  - {kind: saved, text: "Managed a $4M budget and cut it 10%"}
certifications: [MBA-equivalent diploma]
volunteered: ["Helped manage vendor relationships for the ERP selection"]
)"), scan(), extractor, {});
  const auto& budget = find(report, kBudget);
  EXPECT_EQ(budget.status, Status::have);
  ASSERT_EQ(budget.profile_evidence.size(), 1u);
  EXPECT_EQ(budget.profile_evidence[0].field, "achievements");
  EXPECT_EQ(find(report, kAdvanced).status, Status::have);  // credential name MBA
  EXPECT_EQ(find(report, kVendor).status, Status::partial);  // volunteering only
}

TEST_F(GapAnalysisTest, AnMbaIsNeverAnAdvancedDegreeGap) {
  const Report report = assess(profile("education: [{degree: mba}]\n"), scan(), extractor, {});
  EXPECT_EQ(find(report, kAdvanced).status, Status::have);
  EXPECT_EQ(find(report, kBachelors).status, Status::have);
}

TEST_F(GapAnalysisTest, ScoreWeighsDemandAndCountsPartialHalf) {
  // budget 2.5 have, bachelors 1 missing, vendor 1 partial, advanced 0.5 missing:
  // (2.5 + 0.5) / 5 = 60%.
  const Report report = assess(profile("skills: {budget-management: strong, vendor-management: 1}\n"), scan(),
                               extractor, {});
  ASSERT_TRUE(report.score.has_value());
  EXPECT_DOUBLE_EQ(*report.score, 60.0);
  EXPECT_EQ(readiness_score({}), std::nullopt);  // nothing demanded: no score, never 100
}

TEST_F(GapAnalysisTest, PostingsWithADiagnosisAreLeftOutOfTheShares) {
  ScanResult s = postings();  // a, b, c counted; d a duplicate
  s.postings.insert(s.postings.begin() + 1, posting("benefits.md", {}));
  s.postings[1].diagnosis = Diagnosis::no_role_text;
  s.postings.push_back(posting("forklift.txt", {}, 2));
  s.postings.back().diagnosis = Diagnosis::no_qualifications;
  s.postings.push_back(posting("copy-of-benefits.md", {}));
  s.postings.back().diagnosis = Diagnosis::no_role_text;
  s.postings.back().duplicate = true;
  const DemandTally tally = tally_scan(s, rules.rules.size());
  EXPECT_EQ(tally.total, 7);
  EXPECT_EQ(tally.duplicates, 2);
  EXPECT_EQ(tally.counted(), 5);
  EXPECT_EQ(tally.left_out, 2);  // the duplicate is counted once, as a duplicate
  EXPECT_EQ(tally.read_for_demands(), 3);
  const std::vector<PostingSummary> kept = tally.postings->read_all();
  EXPECT_EQ(kept[1].diagnosis, Diagnosis::no_role_text);
  EXPECT_EQ(kept[5].diagnosis, Diagnosis::no_qualifications);
  const Report report = assess(profile("years_experience: 8\n"), tally, extractor, {});
  EXPECT_EQ(report.postings, 5);
  EXPECT_EQ(report.left_out, 2);
  EXPECT_EQ(report.read_for_demands(), 3);
  EXPECT_DOUBLE_EQ(find(report, kBudget).share, 1.0);  // 3 of 3, not 3 of 5
  EXPECT_DOUBLE_EQ(find(report, kVendor).share, 1.0 / 3.0);
  ASSERT_TRUE(report.score.has_value());
  EXPECT_DOUBLE_EQ(*report.score, 0.0);
  EXPECT_EQ(report.years.postings_with_years, 3);  // a posting's stated years still count
}

TEST_F(GapAnalysisTest, NoScoreWhenNoPostingCouldBeReadForDemands) {
  ScanResult s;
  s.postings.push_back(posting("benefits.md", {}));
  s.postings.back().diagnosis = Diagnosis::no_role_text;
  s.postings.push_back(posting("forklift.txt", {}));
  s.postings.back().diagnosis = Diagnosis::no_qualifications;
  const Report report = assess(profile("skills: {budget-management: expert}\n"), tally_scan(s, rules.rules.size()),
                               extractor, {});
  EXPECT_EQ(report.postings, 2);
  EXPECT_EQ(report.left_out, 2);
  EXPECT_EQ(report.read_for_demands(), 0);
  EXPECT_TRUE(report.qualifications.empty());
  EXPECT_TRUE(report.gaps.empty());
  EXPECT_EQ(report.score, std::nullopt);
}

TEST_F(GapAnalysisTest, TopAndMinShareLimitGaps) {
  const Profile p = profile("name: X\n");
  EXPECT_EQ(assess(p, scan(), extractor, {2, 0.0}).gaps.size(), 2u);
  const Report report = assess(p, scan(), extractor, {0, 0.5});
  ASSERT_EQ(report.gaps.size(), 1u);  // only budget is in at least half the postings
  EXPECT_EQ(report.qualifications[report.gaps[0]].rule, kBudget);
}

TEST_F(GapAnalysisTest, YearsComparedWithCountedPostings) {
  const Report report = assess(profile("years_experience: 8\n"), scan(), extractor, {});
  EXPECT_EQ(report.years.postings_with_years, 2);
  EXPECT_EQ(report.years.postings_asking_more, 1);
  EXPECT_EQ(report.years.min_years, 5);
  EXPECT_EQ(report.years.max_years, 10);
}

TEST_F(GapAnalysisTest, LeadershipYearsComparedWithYearsLeadership) {
  ScanResult s = postings();
  s.postings[0].years_leadership_required = 5;  // a.txt
  s.postings[1].years_leadership_required = 2;  // b.txt
  s.postings[3].years_leadership_required = 9;  // d.txt, a duplicate: not counted
  const DemandTally tally = tally_scan(s, rules.rules.size());
  const std::vector<PostingSummary> kept = tally.postings->read_all();
  EXPECT_EQ(kept[0].years_leadership_required, 5);
  EXPECT_EQ(kept[2].years_leadership_required, std::nullopt);
  const Report report = assess(profile("years_experience: 8\nyears_leadership: 3\n"), tally, extractor, {});
  EXPECT_EQ(report.leadership_years.profile_years, 3);
  EXPECT_EQ(report.leadership_years.postings_with_years, 2);
  EXPECT_EQ(report.leadership_years.postings_asking_more, 1);
  EXPECT_EQ(report.leadership_years.min_years, 2);
  EXPECT_EQ(report.leadership_years.median_years, 2);
  EXPECT_EQ(report.leadership_years.max_years, 5);
  EXPECT_EQ(report.years.profile_years, 8);  // the years of experience are compared apart
  EXPECT_EQ(report.years.postings_asking_more, 1);
  const Report none = assess(profile("name: X\n"), scan(), extractor, {});
  EXPECT_EQ(none.leadership_years.profile_years, std::nullopt);
  EXPECT_EQ(none.leadership_years.postings_with_years, 0);
  EXPECT_EQ(none.leadership_years.median_years, std::nullopt);
}

TEST_F(GapAnalysisTest, YearsMedianIsTheLowerMiddleOfEveryCountedPosting) {
  ScanResult s;
  for (const int years : {10, 3, 5, 5, 2}) s.postings.push_back(posting("p.txt", {}, years));
  s.postings.push_back(posting("dup.txt", {}, 1));
  s.postings.back().duplicate = true;
  const DemandTally tally = tally_scan(s, rules.rules.size());
  EXPECT_EQ(tally.total, 6);
  EXPECT_EQ(tally.duplicates, 1);
  EXPECT_EQ(tally.postings->size(), 6u);
  EXPECT_TRUE(tally.postings->read_all().back().duplicate);
  const Report odd = assess(profile("years_experience: 4\n"), tally, extractor, {});
  EXPECT_EQ(odd.years.postings_with_years, 5);
  EXPECT_EQ(odd.years.postings_asking_more, 3);
  EXPECT_EQ(odd.years.min_years, 2);
  EXPECT_EQ(odd.years.median_years, 5);  // 2 3 [5] 5 10
  EXPECT_EQ(odd.years.max_years, 10);
  s.postings.resize(3);  // 10 3 5
  const Report three = assess(profile("name: X\n"), tally_scan(s, rules.rules.size()), extractor, {});
  EXPECT_EQ(three.years.postings_with_years, 3);
  EXPECT_EQ(three.years.median_years, 5);  // 3 [5] 10
  s.postings.resize(2);
  const Report two = assess(profile("name: X\n"), tally_scan(s, rules.rules.size()), extractor, {});
  EXPECT_EQ(two.years.median_years, 3);  // [3] 10: the lower of the two middles
  EXPECT_EQ(two.years.postings_asking_more, 0);  // the profile states no years
}

TEST_F(GapAnalysisTest, ATallyCanLeaveThePostingListOut) {
  DemandTally without = start_tally(rules.rules.size());
  without.keep_postings = false;
  for (const auto& posting : postings().postings) tally_posting(without, posting);
  const DemandTally with = scan();
  EXPECT_EQ(without.postings, nullptr);
  EXPECT_EQ(with.postings->size(), 4u);
  EXPECT_EQ(without.total, with.total);
  EXPECT_EQ(without.duplicates, with.duplicates);
  EXPECT_EQ(without.years_asked, with.years_asked);
  EXPECT_EQ(without.leadership_years_asked, with.leadership_years_asked);
  const auto a = aggregate_demand(without);
  const auto b = aggregate_demand(with);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].rule, b[i].rule);
    EXPECT_EQ(a[i].required, b[i].required);
    EXPECT_EQ(a[i].citations.size(), b[i].citations.size());
  }
}

class ReadinessTest : public GapAnalysisTest {
 protected:
  std::map<std::string, ReadinessCheck> checks(std::string_view yaml, const ScanResult& s) {
    const Profile p = profile(yaml);
    std::map<std::string, ReadinessCheck> out;
    for (auto& check : assess(p, tally_scan(s, rules.rules.size()), extractor, {}).readiness) out[check.check] = check;
    return out;
  }
};

TEST_F(ReadinessTest, EmptyProfileWarnsOnEveryProfileCheck) {
  const auto c = checks("name: X\n", postings());
  ASSERT_EQ(c.size(), 14u);
  for (const char* id : {"willingness", "communication", "coaching-mindset", "family-support", "broad-experience",
                         "track-record", "internal-relationships", "outward-focus", "advanced-degree",
                         "interview-stories", "business-framing", "networking", "expectations"}) {
    EXPECT_FALSE(c.at(id).pass) << id;
  }
  EXPECT_TRUE(c.at("role-type").detail.ends_with("preferred_role_type not stated"));
  EXPECT_EQ(c.at("interview-stories").detail, "missing: made, built, saved, achieved");
  EXPECT_EQ(c.at("willingness").source, "Gene Alvarez, managing vice president at Gartner: the qualities of successful CIOs");
}

TEST_F(ReadinessTest, FullProfilePasses) {
  const auto c = checks(R"(
education: [{degree: master}]
achievements:
  - {kind: made, text: "Made $2M in new revenue"}
  - {kind: built, text: "Built a customer portal used by 40,000 clients"}
  - {kind: saved, text: "Saved 15% of hosting cost"}
  - {kind: achieved, text: "Cut audit findings 80%, lowering risk"}
volunteered: ["Led the regional CIO association chapter"]
mentoring: ["Mentor two analysts"]
relocation: open
preferred_role_type: growth
)", postings());
  for (const char* id : {"willingness", "coaching-mindset", "family-support", "track-record", "advanced-degree",
                         "interview-stories", "business-framing", "networking", "role-type"}) {
    EXPECT_TRUE(c.at(id).pass) << id << ": " << c.at(id).detail;
  }
}

TEST_F(ReadinessTest, InterviewStoriesNeedNumbers) {
  const auto c = checks("achievements:\n  - {kind: built, text: \"Built a data platform\"}\n", postings());
  EXPECT_EQ(c.at("interview-stories").detail, "missing: made, saved, achieved; without a number: built");
  EXPECT_EQ(c.at("business-framing").detail, "framed as technology only: Built a data platform");
}

TEST_F(ReadinessTest, RoleTypeAndFamilySupportFollowThePostings) {
  ScanResult s = postings();
  s.postings[0].role_signals = {0, 3, 1};  // fixer
  s.postings[1].role_signals = {0, 1, 0};  // fixer
  s.postings[2].role_signals = {0, 0, 2};  // growth
  const auto c = checks("preferred_role_type: growth\nrelocation: no\n", s);
  EXPECT_FALSE(c.at("role-type").pass);
  EXPECT_EQ(c.at("role-type").detail, "postings signal caretaker 0, fixer 2, growth 1; you prefer growth");
  EXPECT_TRUE(c.at("family-support").pass);  // no posting demands travel in this rule set
  EXPECT_TRUE(is_quantified("cut costs by a third, $1M"));
  EXPECT_FALSE(is_quantified("improved morale"));
  EXPECT_TRUE(is_business_framed("reduced customer churn"));
  EXPECT_FALSE(is_business_framed("migrated to Kubernetes"));
}

}  // namespace
}  // namespace cio_gap

namespace cio_gap {
namespace {

// The rules of test_rules() plus team leadership and travel, which the profile's years and
// relocation answer.
class ProfileFieldsTest : public ::testing::Test {
 protected:
  static RuleSet with_people_rules() {
    RuleSet rules = testing::test_rules();
    Rule leadership;
    leadership.id = "team-leadership";
    leadership.name = "Team leadership";
    leadership.keywords = {"team leadership"};
    Rule travel;
    travel.id = "travel-relocation";
    travel.name = "Travel or relocation";
    travel.keywords = {"relocation"};
    rules.rules.push_back(leadership);
    rules.rules.push_back(travel);
    return rules;
  }
  RuleSet rules = with_people_rules();
  Extractor extractor{rules};
  std::size_t leadership = rules.rules.size() - 2;
  std::size_t travel = rules.rules.size() - 1;

  DemandTally tally(std::vector<int> leadership_years) {
    ScanResult scan;
    for (std::size_t i = 0; i < leadership_years.size(); ++i) {
      PostingFindings p = posting("p" + std::to_string(i) + ".txt", {{leadership, Tier::required}, {travel, Tier::required}});
      p.years_leadership_required = leadership_years[i];
      scan.postings.push_back(p);
    }
    scan.total = static_cast<int>(leadership_years.size());
    return tally_scan(scan, rules.rules.size());
  }
  Status status(const Report& report, std::size_t rule) {
    for (const auto& q : report.qualifications) {
      if (q.rule == rule) return q.status;
    }
    return Status::missing;
  }
};

TEST_F(ProfileFieldsTest, OpenToRelocationHasTravelOtherAnswersDoNot) {
  const Profile open = parse_profile("me.yaml", "relocation: open\n", rules);
  EXPECT_EQ(status(assess(open, tally({5}), extractor, {}), travel), Status::have);
  const Profile no = parse_profile("me.yaml", "relocation: remote-only\n", rules);
  EXPECT_EQ(status(assess(no, tally({5}), extractor, {}), travel), Status::missing);
}

TEST_F(ProfileFieldsTest, FewerLeadershipYearsThanPostingsAskMakeLeadershipPartial) {
  const Profile four = parse_profile("me.yaml", "years_leadership: 4\nskills:\n  team-leadership: expert\n", rules);
  const Report short_of = assess(four, tally({3, 5, 8}), extractor, {});
  EXPECT_EQ(status(short_of, leadership), Status::partial);
  const auto& evidence = short_of.qualifications[0].profile_evidence;
  ASSERT_EQ(evidence.size(), 2u);
  EXPECT_EQ(evidence[1].text, "4 years leading people; postings ask a median of 5");
  EXPECT_EQ(evidence[1].strength, Status::partial);
  // As many years as the median asks is evidence on its own.
  const Profile six = parse_profile("me.yaml", "years_leadership: 6\n", rules);
  EXPECT_EQ(status(assess(six, tally({3, 5, 8}), extractor, {}), leadership), Status::have);
}

}  // namespace
}  // namespace cio_gap
