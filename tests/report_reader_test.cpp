#include "cio_gap/analyze/report_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

using nlohmann::json;

// The fixtures are real outputs: assess of examples/me.yaml by cio-gap with schema 1.4, the
// batch of examples/clients by the same, and a 2.0 report of a later profile.
json fixture(const std::string& name) {
  std::ifstream in(std::string(CIO_GAP_SOURCE_DIR) + "/tests/fixtures/reports/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string error_of(const json& document) {
  try {
    read_report_document(document, "r.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReportReaderTest, ReadsA1_4Report) {
  const ReadDocument read = read_report_document(fixture("me-1.4.json"), "me-1.4.json");
  EXPECT_FALSE(read.batch);
  ASSERT_EQ(read.reports.size(), 1u);
  const ReadReport& report = read.reports[0];
  EXPECT_EQ(report.schema_version, "1.4");
  EXPECT_EQ(report.profile.name, "Dana Rivera");
  EXPECT_EQ(report.profile.path, "examples/me.yaml");
  EXPECT_EQ(report.date, "2026-01-01");
  EXPECT_EQ(report.score, 65.7);
  ASSERT_FALSE(report.gaps.empty());
  EXPECT_EQ(report.gaps[0].id, "budget-management");
  EXPECT_EQ(report.gaps[0].status, Status::missing);
  EXPECT_GT(report.qualifications.size(), report.gaps.size());
}

TEST(ReportReaderTest, ReadsA2_0ReportAlike) {
  const ReadDocument read = read_report_document(fixture("me-2.0.json"), "me-2.0.json");
  ASSERT_EQ(read.reports.size(), 1u);
  const ReadReport& report = read.reports[0];
  EXPECT_EQ(report.schema_version, "2.0");
  EXPECT_EQ(report.profile.name, "Dana Rivera");
  EXPECT_EQ(report.date, "2026-04-01");
  EXPECT_EQ(report.score, 72.9);
  EXPECT_EQ(report.qualifications.size(), read_report_document(fixture("me-1.4.json"), "x").reports[0].qualifications.size());
}

TEST(ReportReaderTest, ReadsBatchesOfBothVersions) {
  const ReadDocument old_batch = read_report_document(fixture("clients-1.4.json"), "clients-1.4.json");
  EXPECT_TRUE(old_batch.batch);
  ASSERT_EQ(old_batch.reports.size(), 2u);
  EXPECT_EQ(old_batch.reports[1].profile.name, "Sam Okafor");
  const json new_batch = {{"schema_version", "2.0"}, {"kind", "batch"}, {"reports", {fixture("me-2.0.json")}}};
  const ReadDocument read = read_report_document(new_batch, "b.json");
  EXPECT_TRUE(read.batch);
  ASSERT_EQ(read.reports.size(), 1u);
  EXPECT_EQ(read.reports[0].score, 72.9);
}

TEST(ReportReaderTest, NamesWhatIsWrongByItsPlace) {
  // A 1.x name in a 2.0 report is not read: the versions do not mix.
  json mixed = fixture("me-2.0.json");
  mixed["score"] = mixed["readiness_score"];
  mixed.erase("readiness_score");
  EXPECT_EQ(error_of(mixed), "r.json: no \"readiness_score\" number: not a cio-gap assess report");
  json in_array = json::array({fixture("me-2.0.json")});
  EXPECT_EQ(error_of(in_array),
            "r.json: /0: a 2.x report inside an array: a 2.x batch is an object with \"reports\"");
  json no_kind = fixture("me-2.0.json");
  no_kind.erase("kind");
  EXPECT_EQ(error_of(no_kind), "r.json: no \"kind\" string: not a cio-gap assess report");
  json old_date = fixture("me-1.4.json");
  old_date.erase("meta");  // before 1.2 a report had no meta: no date, no error
  EXPECT_EQ(error_of(old_date), "no error");
}

}  // namespace
}  // namespace cio_gap
