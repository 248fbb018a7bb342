#include "cio_gap/analyze/report_diff.h"

#include <gtest/gtest.h>

#include <map>

#include "cio_gap/error.h"
#include "cio_gap/render/diff_render.h"

namespace cio_gap {
namespace {

using nlohmann::json;

using Listed = std::vector<std::pair<std::string, std::string>>;  // id, status

json listed(const Listed& items) {
  json out = json::array();
  for (const auto& [id, status] : items) out.push_back({{"id", id}, {"name", "Name of " + id}, {"status", status}});
  return out;
}

// The parts of an `assess --format json` output the diff reads, plus a few it ignores.
json report(const std::string& path, const std::string& name, double score, const Listed& gaps,
            const Listed& qualifications) {
  return {{"schema_version", "1.0"},
          {"profile", {{"path", path}, {"name", name}, {"current_role", "Director"}}},
          {"score", score},
          {"postings_count", 8},
          {"gaps", listed(gaps)},
          {"qualifications", listed(qualifications)},
          {"readiness", json::array()}};
}

json january() {
  return report("clients/dana.yaml", "Dana Rivera", 60.1,
                {{"budget-management", "missing"}, {"vendor-management", "missing"}, {"cloud", "partial"}},
                {{"budget-management", "missing"}, {"vendor-management", "missing"}, {"cloud", "partial"},
                 {"security", "have"}});
}

json february() {
  return report("clients/dana.yaml", "Dana Rivera", 64.3,
                {{"vendor-management", "partial"}, {"security", "missing"}, {"data-analytics", "missing"}},
                {{"vendor-management", "partial"}, {"budget-management", "have"}, {"security", "missing"},
                 {"data-analytics", "missing"}});
}

std::string what(const json& old_report, const json& new_report) {
  try {
    diff_reports(old_report, new_report, "old.json", "new.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReportDiffTest, GapsClosedOpenedAndChanged) {
  const ReportDiff diff = diff_reports(january(), february(), "jan.json", "feb.json");
  ASSERT_EQ(diff.profiles.size(), 1u);
  const ProfileDiff& dana = diff.profiles[0];
  ASSERT_TRUE(dana.change.has_value());
  EXPECT_DOUBLE_EQ(*dana.change, 4.2);
  ASSERT_EQ(dana.closed.size(), 2u);
  EXPECT_EQ(dana.closed[0].id, "budget-management");
  EXPECT_EQ(dana.closed[0].old_status, Status::missing);
  EXPECT_EQ(dana.closed[0].new_status, Status::have);
  EXPECT_EQ(dana.closed[1].id, "cloud");
  EXPECT_EQ(dana.closed[1].new_status, std::nullopt);
  ASSERT_EQ(dana.opened.size(), 2u);
  EXPECT_EQ(dana.opened[0].old_status, Status::have);  // security was held, now a gap
  EXPECT_EQ(dana.opened[1].old_status, std::nullopt);
  ASSERT_EQ(dana.changed.size(), 1u);
  EXPECT_EQ(dana.changed[0].id, "vendor-management");
  EXPECT_TRUE(diff.only_old.empty() && diff.only_new.empty());
}

TEST(ReportDiffTest, RendersText) {
  const ReportDiff diff = diff_reports(january(), february(), "jan.json", "feb.json");
  EXPECT_EQ(render_diff_text(diff, {}),
            "cio-gap diff: jan.json -> feb.json\n"
            "\n"
            "Dana Rivera (clients/dana.yaml): score 60.1 -> 64.3 (+4.2)\n"
            "  (the change cannot be split: a report does not carry each qualification's demand)\n"
            "  closed   budget-management  missing -> have\n"
            "  closed   cloud              partial -> not demanded\n"
            "  opened   security           have -> missing\n"
            "  opened   data-analytics     not demanded -> missing\n"
            "  changed  vendor-management  missing -> partial\n");
}

TEST(ReportDiffTest, RendersJson) {
  const ReportDiff diff = diff_reports(january(), february(), "jan.json", "feb.json");
  EXPECT_EQ(render_diff_json(diff), R"({
  "schema_version": "2.0",
  "kind": "diff",
  "old": "jan.json",
  "new": "feb.json",
  "profiles": [
    {
      "profile": {
        "path": "clients/dana.yaml",
        "name": "Dana Rivera"
      },
      "old_readiness_score": 60.1,
      "new_readiness_score": 64.3,
      "readiness_score_change": 4.2,
      "closed": [
        {
          "id": "budget-management",
          "name": "Name of budget-management",
          "old_status": "missing",
          "new_status": "have"
        },
        {
          "id": "cloud",
          "name": "Name of cloud",
          "old_status": "partial",
          "new_status": null
        }
      ],
      "opened": [
        {
          "id": "security",
          "name": "Name of security",
          "old_status": "have",
          "new_status": "missing"
        },
        {
          "id": "data-analytics",
          "name": "Name of data-analytics",
          "old_status": null,
          "new_status": "missing"
        }
      ],
      "changed": [
        {
          "id": "vendor-management",
          "name": "Name of vendor-management",
          "old_status": "missing",
          "new_status": "partial"
        }
      ],
      "split": null
    }
  ],
  "only_old": [],
  "only_new": []
}
)");
}

TEST(ReportDiffTest, NoChangeIsSaidAndNeverMinusZero) {
  json later = january();
  later["score"] = 60.14;
  const ReportDiff diff = diff_reports(january(), later, "a.json", "b.json");
  EXPECT_EQ(diff.profiles[0].change, 0.0);
  EXPECT_FALSE(std::signbit(*diff.profiles[0].change));
  EXPECT_EQ(render_diff_text(diff, {}),
            "cio-gap diff: a.json -> b.json\n"
            "\n"
            "Dana Rivera (clients/dana.yaml): score 60.1 -> 60.14 (unchanged)\n"
            "  no gap closed, opened or changed\n");
}

TEST(ReportDiffTest, ScoreDropIsColouredRedOnATerminal) {
  RenderOptions options;
  options.color = true;
  const std::string out = render_diff_text(diff_reports(february(), january(), "a", "b"), options);
  EXPECT_NE(out.find("score 64.3 -> 60.1 (\x1b[31m-4.2\x1b[0m)\n"), std::string::npos) << out;
}

TEST(ReportDiffTest, TwoSingleReportsArePairedEvenIfTheProfileMoved) {
  json moved = february();
  moved["profile"]["path"] = "me.yaml";
  moved["profile"]["name"] = "Dana R.";
  const ReportDiff diff = diff_reports(january(), moved, "a", "b");
  ASSERT_EQ(diff.profiles.size(), 1u);
  EXPECT_EQ(diff.profiles[0].profile.path, "me.yaml");
}

TEST(ReportDiffTest, BatchReportsArePairedByPathThenName) {
  json sam_old = report("clients/sam.yaml", "Sam Lee", 80, {}, {{"cloud", "have"}});
  json sam_new = report("coaching/sam.yaml", "Sam Lee", 75, {{"cloud", "partial"}}, {{"cloud", "partial"}});
  json kim_old = report("clients/kim.yaml", "Kim", 50, {}, {});
  json noor_new = report("clients/noor.yaml", "", 40, {}, {});
  const json old_batch = {kim_old, sam_old, january()};
  const json new_batch = {february(), sam_new, noor_new};
  const ReportDiff diff = diff_reports(old_batch, new_batch, "old.json", "new.json");
  EXPECT_EQ(render_diff_text(diff, {}),
            "cio-gap diff: old.json -> new.json\n"
            "\n"
            "Dana Rivera (clients/dana.yaml): score 60.1 -> 64.3 (+4.2)\n"
            "  (the change cannot be split: a report does not carry each qualification's demand)\n"
            "  closed   budget-management  missing -> have\n"
            "  closed   cloud              partial -> not demanded\n"
            "  opened   security           have -> missing\n"
            "  opened   data-analytics     not demanded -> missing\n"
            "  changed  vendor-management  missing -> partial\n"
            "\n"
            "Sam Lee (coaching/sam.yaml): score 80 -> 75 (-5)\n"
            "  (the change cannot be split: a report does not carry each qualification's demand)\n"
            "  opened   cloud  have -> partial\n"
            "\n"
            "only in old.json: Kim (clients/kim.yaml)\n"
            "only in new.json: clients/noor.yaml\n"
            "\n"
            "scores: 1 up, 1 down, 0 unchanged\n");
}

TEST(ReportDiffTest, ASingleReportIsComparedWithItsMatchInABatch) {
  const json batch = {report("clients/kim.yaml", "Kim", 50, {}, {}), january()};
  const ReportDiff diff = diff_reports(batch, february(), "old.json", "new.json");
  ASSERT_EQ(diff.profiles.size(), 1u);
  EXPECT_EQ(diff.profiles[0].old_score, 60.1);
  ASSERT_EQ(diff.only_old.size(), 1u);
  EXPECT_EQ(diff.only_old[0].name, "Kim");
}

TEST(ReportDiffTest, RejectsWhatIsNotAnAssessReport) {
  EXPECT_EQ(what(json("text"), february()),
            "old.json: not a cio-gap assess report (expected a JSON object or array)");
  EXPECT_EQ(what(json::array(), february()), "old.json: an empty array, not cio-gap assess reports");
  const json scan = {{"schema_version", "1.0"}, {"postings_count", 3}, {"duplicates", 0}, {"postings", json::array()}};
  EXPECT_EQ(what(january(), scan), "new.json: no \"profile\" object: not a cio-gap assess report");
  json no_version = january();
  no_version.erase("schema_version");
  EXPECT_EQ(what(no_version, february()), "old.json: no \"schema_version\" string: not a cio-gap assess report");
  json no_score = january();
  no_score.erase("score");
  EXPECT_EQ(what(json::array({february(), no_score}), february()),
            "old.json: /1: no \"score\" number: not a cio-gap assess report");
  json bad_gap = january();
  bad_gap["gaps"][2].erase("id");
  EXPECT_EQ(what(january(), bad_gap), "new.json: /gaps/2: no \"id\" string: not a cio-gap assess report");
  json bad_status = january();
  bad_status["qualifications"][0]["status"] = "unknown";
  EXPECT_EQ(what(bad_status, february()),
            "old.json: /qualifications/0/status: unknown status \"unknown\" (expected have, partial or missing)");
  const json diff = {{"schema_version", "1.0"}, {"kind", "diff"}};
  EXPECT_EQ(what(diff, february()), "old.json: a cio-gap diff, not an assess report");
}

TEST(ReportDiffTest, AcceptsNewerMinorVersionsOfKnownMajorsOnly) {
  json minor = january();
  minor["schema_version"] = "1.7";
  EXPECT_EQ(what(minor, february()), "no error");
  json major = january();
  major["schema_version"] = "3.0";
  EXPECT_EQ(what(january(), major),
            "new.json: /schema_version: schema_version \"3.0\" is not supported (this cio-gap reads 1.x and 2.x)");
}

// A 2.0 report as assess writes it: the score is readiness_score, every document has a kind, a
// batch is an object with its reports.
json in_2_0(json report) {
  report["schema_version"] = "2.0";
  report["kind"] = "assess";
  report["readiness_score"] = report["score"];
  report.erase("score");
  report["readiness_checks"] = report["readiness"];
  report.erase("readiness");
  return report;
}

TEST(ReportDiffTest, DiffsA1_xReportAgainstA2_0One) {
  const ReportDiff diff = diff_reports(january(), in_2_0(february()), "old.json", "new.json");
  ASSERT_EQ(diff.profiles.size(), 1u);
  EXPECT_EQ(diff.profiles[0].old_score, 60.1);
  EXPECT_EQ(diff.profiles[0].new_score, 64.3);
  EXPECT_EQ(diff.profiles[0].change, 4.2);
  ASSERT_EQ(diff.profiles[0].closed.size(), 2u);
  EXPECT_EQ(diff.profiles[0].closed[0].id, "budget-management");
  const json out = json::parse(render_diff_json(diff));
  EXPECT_EQ(out["schema_version"], "2.0");
  EXPECT_EQ(out["profiles"][0]["old_readiness_score"], 60.1);
  EXPECT_EQ(out["profiles"][0]["new_readiness_score"], 64.3);
  EXPECT_EQ(out["profiles"][0]["readiness_score_change"], 4.2);
}

TEST(ReportDiffTest, Reads2_0BatchesAsObjects) {
  const json batch = {{"schema_version", "2.0"},
                      {"kind", "batch"},
                      {"reports", {in_2_0(report("clients/kim.yaml", "Kim", 50, {}, {})), in_2_0(february())}}};
  const ReportDiff diff = diff_reports(json::array({january()}), batch, "old.json", "new.json");
  ASSERT_EQ(diff.profiles.size(), 1u);
  EXPECT_EQ(diff.profiles[0].new_score, 64.3);
  ASSERT_EQ(diff.only_new.size(), 1u);
  EXPECT_EQ(diff.only_new[0].name, "Kim");
  json no_score = in_2_0(january());
  no_score["score"] = 60.1;  // the 1.x name is not read in a 2.0 report
  no_score.erase("readiness_score");
  EXPECT_EQ(what(no_score, february()), "old.json: no \"readiness_score\" number: not a cio-gap assess report");
  json bad = batch;
  bad["reports"][1]["gaps"][0].erase("status");
  EXPECT_EQ(what(january(), bad), "new.json: /reports/1/gaps/0: no \"status\" string: not a cio-gap assess report");
  const json scan = {{"schema_version", "2.0"}, {"kind", "scan"}, {"postings", json::array()}};
  EXPECT_EQ(what(scan, february()), "old.json: a cio-gap scan, not an assess report");
  const json empty = {{"schema_version", "2.0"}, {"kind", "batch"}, {"reports", json::array()}};
  EXPECT_EQ(what(empty, february()), "old.json: /reports: an empty batch, not cio-gap assess reports");
}

TEST(ReportDiffTest, Reads1_1ReportsWithoutAScore) {
  // 1.1: a report whose postings could none be read for demands has a null score.
  json unread = february();
  unread["schema_version"] = "1.1";
  unread["score"] = nullptr;
  unread["postings_left_out"] = 8;
  const ReportDiff lost = diff_reports(january(), unread, "a.json", "b.json");
  ASSERT_EQ(lost.profiles.size(), 1u);
  EXPECT_EQ(lost.profiles[0].old_score, 60.1);
  EXPECT_EQ(lost.profiles[0].new_score, std::nullopt);
  EXPECT_EQ(lost.profiles[0].change, std::nullopt);
  EXPECT_TRUE(lost.profiles[0].score_dropped());
  EXPECT_TRUE(render_diff_text(lost, {}).starts_with(
      "cio-gap diff: a.json -> b.json\n\nDana Rivera (clients/dana.yaml): score 60.1 -> none (no change to measure)\n"));
  const json out = json::parse(render_diff_json(lost));
  EXPECT_EQ(out["profiles"][0]["old_readiness_score"], 60.1);
  EXPECT_TRUE(out["profiles"][0]["new_readiness_score"].is_null());
  EXPECT_TRUE(out["profiles"][0]["readiness_score_change"].is_null());
  const ReportDiff found = diff_reports(unread, january(), "b.json", "a.json");
  EXPECT_FALSE(found.profiles[0].score_dropped());
  const ReportDiff batch = diff_reports(json::array({january(), unread}), json::array({unread}), "x", "y");
  EXPECT_TRUE(render_diff_text(batch, {}).ends_with("scores: 0 up, 0 down, 0 unchanged, 1 without a score to compare\n"));
}

TEST(ReportDiffTest, A2_0ProfileWithoutANameIsNamedByItsPath) {
  json unnamed = in_2_0(february());
  unnamed["profile"]["name"] = nullptr;
  const ReportDiff diff = diff_reports(january(), unnamed, "a.json", "b.json");
  EXPECT_TRUE(render_diff_text(diff, {}).starts_with("cio-gap diff: a.json -> b.json\n\nclients/dana.yaml: score 60.1"));
  EXPECT_TRUE(json::parse(render_diff_json(diff))["profiles"][0]["profile"]["name"].is_null());
}

TEST(ReportDiffTest, TextEscapesControlCharactersFromTheFiles) {
  json evil = february();
  evil["profile"]["name"] = "Dana\x1b[2J";
  const std::string out = render_diff_text(diff_reports(january(), evil, "a", "b\nc"), {});
  EXPECT_TRUE(out.starts_with("cio-gap diff: a -> b\\nc\n\nDana\\x1b[2J (clients/dana.yaml)")) << out;
}

// A 2.0 report: each qualification with its postings and demand, and every status.
struct Demanded {
  std::string id;
  int required;
  int preferred;
  std::string status;
};

json demand_report(double score, int postings, const std::vector<Demanded>& demanded,
                   const std::map<std::string, std::string>& statuses) {
  json qualifications = json::array();
  json gaps = json::array();
  for (const auto& d : demanded) {
    json q = {{"id", d.id},
              {"name", "Name of " + d.id},
              {"required", d.required},
              {"preferred", d.preferred},
              {"demand", d.required + d.preferred / 2.0},
              {"share", static_cast<double>(d.required + d.preferred) / postings},
              {"status", d.status}};
    qualifications.push_back(q);
    if (d.status != "have") gaps.push_back(q);
  }
  json report = {{"schema_version", "2.0"},
                 {"kind", "assess"},
                 {"profile", {{"path", "clients/dana.yaml"}, {"name", "Dana Rivera"}}},
                 {"readiness_score", score},
                 {"postings_count", postings},
                 {"gaps", gaps},
                 {"qualifications", qualifications},
                 {"profile_status", statuses}};
  return report;
}

// Week 1: 4 postings; budget (4 postings) missing, cloud (2) have: score 2 / 6 = 33.3.
json week1() {
  return demand_report(33.3, 4, {{"budget-management", 4, 0, "missing"}, {"cloud", 2, 0, "have"}},
                       {{"budget-management", "missing"}, {"cloud", "have"}, {"negotiation", "partial"},
                        {"mergers-acquisitions", "missing"}});
}

TEST(ReportDiffTest, SplitsAMarketChangeFromThePersons) {
  // Week 2: 5 postings; 3 demand M&A (missing), and negotiation went partial -> have.
  // S(D1, s0) = (4*0 + 2*1 + 3*0 + 2*0.5) / 11 = 27.3; S(D1, s1) = (2 + 2) / 11 = 36.4.
  const json week2 = demand_report(36.4, 5,
                                   {{"budget-management", 4, 0, "missing"}, {"mergers-acquisitions", 3, 0, "missing"},
                                    {"cloud", 2, 0, "have"}, {"negotiation", 2, 0, "have"}},
                                   {{"budget-management", "missing"}, {"cloud", "have"}, {"negotiation", "have"},
                                    {"mergers-acquisitions", "missing"}});
  const ReportDiff diff = diff_reports(week1(), week2, "week1.json", "week2.json");
  ASSERT_TRUE(diff.profiles[0].split.has_value());
  const ScoreSplit& split = *diff.profiles[0].split;
  EXPECT_DOUBLE_EQ(split.midpoint, 27.3);
  EXPECT_DOUBLE_EQ(split.market, -6.0);
  EXPECT_DOUBLE_EQ(split.person, 9.1);
  EXPECT_DOUBLE_EQ(split.market + split.person, *diff.profiles[0].change);
  EXPECT_FALSE(diff.profiles[0].person_dropped());
  EXPECT_EQ(render_diff_text(diff, {}),
            "cio-gap diff: week1.json -> week2.json\n"
            "\n"
            "Dana Rivera (clients/dana.yaml): score 33.3 -> 36.4 (+3.1)\n"
            "  market   -6.0: postings 4 -> 5; mergers-acquisitions newly demanded (3 postings); "
            "negotiation newly demanded (2 postings); budget-management 100% -> 80% of postings; "
            "cloud 50% -> 40% of postings\n"
            "  you      +9.1: negotiation partial -> have\n"
            "  opened   mergers-acquisitions  not demanded -> missing\n");
  EXPECT_EQ(split_text(split, 1),
            "market -6.0 (postings 4 -> 5; mergers-acquisitions newly demanded (3 postings); and 3 more), "
            "you +9.1 (negotiation partial -> have)");
}

TEST(ReportDiffTest, APersonsDropIsTheirsWhateverTheMarketDid) {
  // The same postings; cloud have -> partial: S drops by 2 * 0.5 / 6.
  const json later = demand_report(16.7, 4, {{"budget-management", 4, 0, "missing"}, {"cloud", 2, 0, "partial"}},
                                   {{"budget-management", "missing"}, {"cloud", "partial"}});
  const ReportDiff diff = diff_reports(week1(), later, "a.json", "b.json");
  ASSERT_TRUE(diff.profiles[0].split.has_value());
  EXPECT_DOUBLE_EQ(diff.profiles[0].split->market, 0.0);
  EXPECT_DOUBLE_EQ(diff.profiles[0].split->person, -16.6);
  EXPECT_TRUE(diff.profiles[0].person_dropped());
  EXPECT_EQ(person_moves_text(*diff.profiles[0].split, 5), "cloud have -> partial");
  EXPECT_EQ(market_moves_text(*diff.profiles[0].split, 5), "demand unchanged");
}

TEST(ReportDiffTest, AMarketDropIsNotThePersons) {
  // Two more postings demand budget management, which the person lacks.
  const json later = demand_report(25.0, 6, {{"budget-management", 6, 0, "missing"}, {"cloud", 2, 0, "have"}},
                                   {{"budget-management", "missing"}, {"cloud", "have"}});
  const ReportDiff diff = diff_reports(week1(), later, "a.json", "b.json");
  EXPECT_TRUE(diff.profiles[0].score_dropped());
  EXPECT_FALSE(diff.profiles[0].person_dropped());
  EXPECT_EQ(split_text(*diff.profiles[0].split, 5),
            "market -8.3 (postings 4 -> 6; cloud 50% -> 33% of postings), you 0.0 (no status changed)");
}

TEST(ReportDiffTest, AnOlderReportWithoutStatusesLendsTheNewOnes) {
  // Before 2.0 a report has no profile_status: a newly demanded qualification's old status is
  // taken to be its new one, so its demand is the market's and no move is the person's.
  json old_report = week1();
  old_report.erase("profile_status");
  old_report["schema_version"] = "1.4";
  old_report["score"] = old_report["readiness_score"];  // 1.x names
  old_report.erase("readiness_score");
  old_report.erase("kind");
  const json later = demand_report(50.0, 4, {{"budget-management", 4, 0, "missing"}, {"cloud", 2, 0, "have"},
                                             {"negotiation", 2, 0, "have"}},
                                   {});
  const ReportDiff diff = diff_reports(old_report, later, "a.json", "b.json");
  ASSERT_TRUE(diff.profiles[0].split.has_value());
  EXPECT_DOUBLE_EQ(diff.profiles[0].split->market, 16.7);
  EXPECT_DOUBLE_EQ(diff.profiles[0].split->person, 0.0);
  EXPECT_TRUE(diff.profiles[0].split->moved.empty());
}

}  // namespace
}  // namespace cio_gap
