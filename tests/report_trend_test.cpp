#include "cio_gap/analyze/report_trend.h"

#include <gtest/gtest.h>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

using nlohmann::json;

// A 2.0 report of one person: the date, the score, and each qualification's postings and status.
json report(const std::string& path, const std::string& name, const std::string& date, double score,
            const std::vector<std::tuple<std::string, int, std::string>>& demanded) {
  json qualifications = json::array();
  for (const auto& [id, postings, status] : demanded) {
    qualifications.push_back({{"id", id},
                              {"name", "Name of " + id},
                              {"required", postings},
                              {"preferred", 0},
                              {"demand", postings},
                              {"share", postings / 4.0},
                              {"status", status}});
  }
  return {{"schema_version", "2.0"},
          {"kind", "assess"},
          {"meta", {{"date", date}}},
          {"profile", {{"path", path}, {"name", name}}},
          {"readiness_score", score},
          {"postings_count", 4},
          {"gaps", json::array()},
          {"qualifications", qualifications}};
}

ReadDocument batch(const std::string& path, const std::vector<json>& reports) {
  return read_report_document({{"schema_version", "2.0"}, {"kind", "batch"}, {"reports", reports}}, path);
}

TEST(ReportTrendTest, BatchesArePairedByPathThenNameAndOrderedByDate) {
  // Given newest first; Sam's profile moved (paired by name); Lee only in the later batch.
  const ReadDocument later = batch("b.json", {report("c/dana.yaml", "Dana", "2026-02-01", 100, {{"cloud", 4, "have"}}),
                                              report("c/sam2.yaml", "Sam", "2026-02-01", 0, {{"cloud", 4, "missing"}}),
                                              report("c/lee.yaml", "Lee", "2026-02-01", 50, {{"cloud", 4, "partial"}})});
  const ReadDocument earlier = batch("a.json", {report("c/sam.yaml", "Sam", "2026-01-01", 0, {{"cloud", 2, "missing"}}),
                                                report("c/dana.yaml", "Dana", "2026-01-01", 0, {{"cloud", 2, "missing"}})});
  const ReportTrend trend = trend_reports({later, earlier});
  ASSERT_EQ(trend.reports.size(), 2u);
  EXPECT_EQ(trend.reports[0].path, "a.json");
  EXPECT_EQ(trend.reports[1].date, "2026-02-01");
  ASSERT_EQ(trend.profiles.size(), 3u);
  EXPECT_EQ(trend.profiles[0].profile.path, "c/sam2.yaml");
  EXPECT_EQ(trend.profiles[1].profile.name, "Dana");
  EXPECT_EQ(trend.profiles[2].profile.name, "Lee");
  EXPECT_EQ(trend.profiles[2].points.size(), 1u);
  EXPECT_TRUE(trend.profiles[2].steps.empty());

  const ProfileTrend& dana = trend.profiles[1];
  ASSERT_EQ(dana.steps.size(), 1u);
  ASSERT_TRUE(dana.steps[0].split.has_value());
  EXPECT_DOUBLE_EQ(*dana.steps[0].change, 100.0);
  EXPECT_DOUBLE_EQ(dana.steps[0].split->market, 0.0);
  EXPECT_DOUBLE_EQ(dana.steps[0].split->person, 100.0);
  ASSERT_EQ(dana.qualifications.size(), 1u);
  EXPECT_EQ(dana.qualifications[0].shares, (std::vector<double>{0.5, 1.0}));
  EXPECT_EQ(dana.qualifications[0].statuses, (std::vector<std::optional<Status>>{Status::missing, Status::have}));
}

TEST(ReportTrendTest, NeedsTwoReports) {
  const ReadDocument one = read_report_document(report("me.yaml", "Dana", "2026-01-01", 0, {}), "one.json");
  try {
    trend_reports({one});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "trend needs at least two reports; only one.json given");
  }
}

}  // namespace
}  // namespace cio_gap
