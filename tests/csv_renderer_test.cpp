#include <gtest/gtest.h>

#include "cio_gap/render/render.h"
#include "test_report.h"

namespace cio_gap {
namespace {

using testing::kBudgetRule;
using testing::kVendorRule;
using testing::SampleReport;

TEST(CsvRendererTest, OneRowPerDemandedQualificationInReportOrder) {
  const SampleReport sample;
  EXPECT_EQ(render_report_csv(sample.report, sample.rules),
            "rank,id,name,category,required,preferred,demand,share,status,advice\r\n"
            "1,budget-management,Budget management,business,2,1,2.5,1,missing,"
            "Help your manager prepare next year's budget.\r\n"
            "2,vendor-management,Vendor management,business,2,0,2,0.667,partial,Help run the RFP.\r\n"
            ",bachelors-degree,Bachelor's degree,credential,1,0,1,0.333,have,Finish the degree.\r\n");
}

TEST(CsvRendererTest, QuotesCommasQuotesAndLineBreaks) {
  SampleReport sample;
  sample.rules.rules[kBudgetRule].advice = "Ask to help with the budget, \"line by line\".\nThen own it.";
  sample.rules.rules[kVendorRule].name = "Vendors\r\nand contracts";
  sample.report.qualifications.resize(2);
  EXPECT_EQ(render_report_csv(sample.report, sample.rules),
            "rank,id,name,category,required,preferred,demand,share,status,advice\r\n"
            "1,budget-management,Budget management,business,2,1,2.5,1,missing,"
            "\"Ask to help with the budget, \"\"line by line\"\".\nThen own it.\"\r\n"
            "2,vendor-management,\"Vendors\r\nand contracts\",business,2,0,2,0.667,partial,Help run the RFP.\r\n");
}

TEST(CsvRendererTest, TextThatASpreadsheetWouldRunIsDefused) {
  SampleReport sample;
  sample.rules.rules[kBudgetRule].name = "=HYPERLINK(\"http://x\",\"click\")";
  sample.rules.rules[kBudgetRule].advice = "@SUM(A1)";
  sample.report.qualifications.resize(1);
  sample.report.gaps = {0};
  EXPECT_EQ(render_report_csv(sample.report, sample.rules),
            "rank,id,name,category,required,preferred,demand,share,status,advice\r\n"
            "1,budget-management,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",business,2,1,2.5,1,missing,'@SUM(A1)\r\n");
}

TEST(CsvRendererTest, GapsBeyondTheListedOnesHaveNoRank) {
  SampleReport sample;
  sample.report.gaps = {0};  // as with --top 1: vendor management is partial but not listed
  const std::string out = render_report_csv(sample.report, sample.rules);
  EXPECT_NE(out.find("\r\n,vendor-management,"), std::string::npos) << out;
}

TEST(CsvRendererTest, NoDemandIsJustTheHeader) {
  SampleReport sample;
  sample.report.qualifications.clear();
  sample.report.gaps.clear();
  EXPECT_EQ(render_report_csv(sample.report, sample.rules),
            "rank,id,name,category,required,preferred,demand,share,status,advice\r\n");
}

}  // namespace
}  // namespace cio_gap
