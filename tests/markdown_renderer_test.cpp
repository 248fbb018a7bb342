#include <gtest/gtest.h>

#include "cio_gap/render/render.h"
#include "test_report.h"

namespace cio_gap {
namespace {

using testing::kBudgetRule;
using testing::SampleReport;

TEST(MarkdownRendererTest, RendersTheWholeReport) {
  const SampleReport sample;
  EXPECT_EQ(render_report_markdown(sample.report, sample.rules),
            R"(# cio-gap report for Dana Rivera (Director of IT Operations)

- **Readiness score:** 33.3/100
- **Postings analysed:** 3 (1 duplicate not counted)
- **Experience:** postings ask 5 to 10 years (median 7); you have 8, and 1 of 2 ask for more.
- **Leadership:** postings ask 4 to 6 years leading people (median 4); you have 3, and 2 of 2 ask for more.

## What the postings demand

| Qualification | Required | Preferred | Share | Status |
|:--|--:|--:|--:|:--|
| Budget management (budget-management) | 2 | 1 | 100% | missing |
| Vendor management (vendor-management) | 2 | 0 | 67% | partial |
| Bachelor's degree (bachelors-degree) | 1 | 0 | 33% | have |

## Gaps, most demanded first

### 1. Budget management (budget-management): missing

Demanded by 3 of 3 postings (100%; 2 required, 1 preferred).

From the postings:

- "Own the IT budget (about 3M)." (a.txt:3)
- "Manage the budget." (b.md:12)

**Next step:** Help your manager prepare next year's budget.

### 2. Vendor management (vendor-management): partial

Demanded by 2 of 3 postings (67%; 2 required, 0 preferred).

From the postings:

- "Manage vendor relationships and renewals." (b.md:14)

What you have:

- partial: Sat on the vendor selection committee (volunteered)

**Next step:** Help run the RFP.

## Readiness checks

Sources:

1. Gene Alvarez
2. Seven steps

| Check | Status | Detail | Advice | Source |
|:--|:--|:--|:--|:--|
| Willingness | pass | 1 volunteering entry | Keep volunteering. | \[1\] |
| Advanced degree | warn | no master's degree or MBA | Plan an MBA. | \[2\] |

*Report of 2026-01-01 by cio-gap 0.1.0, rules 0123456789abcdef; postings from jobs/: 4 read, 0 files skipped, 1 duplicate.*
)");
}

TEST(MarkdownRendererTest, InputTextCannotBecomeMarkupOrBreakATable) {
  SampleReport sample;
  sample.profile.name = "Dana *Rivera*";
  sample.profile.current_role = "";
  sample.rules.rules[kBudgetRule].name = "Budget | P&L";
  sample.report.qualifications[0].citations = {{"dir/x_y.txt", 3, "Own a $3M budget\nand <script>alert(1)</script>", 0}};
  sample.report.readiness[0].detail = "line one\r\nline [two](http://x) | `three`";
  const std::string out = render_report_markdown(sample.report, sample.rules);
  EXPECT_TRUE(out.starts_with("# cio-gap report for Dana \\*Rivera\\*\n")) << out;
  EXPECT_NE(out.find("| Budget \\| P&L (budget-management) | 2 | 1 | 100% | missing |\n"), std::string::npos) << out;
  EXPECT_NE(out.find("### 1. Budget \\| P&L (budget-management): missing\n"), std::string::npos) << out;
  EXPECT_NE(out.find("- \"Own a \\$3M budget and \\<script\\>alert(1)\\</script\\>\" (dir/x\\_y.txt:3)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("| Willingness | pass | line one  line \\[two\\](http://x) \\| \\`three\\` |"), std::string::npos)
      << out;
}

TEST(MarkdownRendererTest, SaysSoWhenThereAreNoGapsNoYearsAndNoDemand) {
  SampleReport sample;
  sample.report.gaps.clear();
  sample.report.duplicates = 0;
  sample.report.years = {};
  sample.report.leadership_years = {};
  sample.report.qualifications.clear();
  sample.report.readiness.clear();
  sample.profile.name.clear();
  EXPECT_EQ(render_report_markdown(sample.report, sample.rules),
            R"(# cio-gap report for clients/dana.yaml (Director of IT Operations)

- **Readiness score:** 33.3/100
- **Postings analysed:** 3
- **Experience:** no posting states a number of years.
- **Leadership:** no posting states a number of years leading people.

## What the postings demand

No posting demands a qualification these rules recognise.

## Gaps, most demanded first

None: you have every qualification these postings demand.

## Readiness checks

No readiness check ran.

*Report of 2026-01-01 by cio-gap 0.1.0, rules 0123456789abcdef; postings from jobs/: 4 read, 0 files skipped, 1 duplicate.*
)");
}

TEST(MarkdownRendererTest, PostingsLeftOutAreCountedAndSharesTakenOfTheRest) {
  SampleReport sample;
  sample.report.postings = 5;
  sample.report.left_out = 2;
  const std::string out = render_report_markdown(sample.report, sample.rules);
  EXPECT_NE(out.find("- **Postings analysed:** 5 (1 duplicate not counted)\n"
                     "- **Left out of the shares:** 2 postings: no role text or no qualification found in them\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Demanded by 3 of 3 postings (100%; 2 required, 1 preferred).\n"), std::string::npos) << out;
}

TEST(MarkdownRendererTest, NoScoreWhenNoPostingCouldBeRead) {
  SampleReport sample;
  sample.report.postings = 1;
  sample.report.duplicates = 0;
  sample.report.left_out = 1;
  sample.report.score.reset();
  sample.report.years = {};
  sample.report.leadership_years = {};
  sample.report.qualifications.clear();
  sample.report.gaps.clear();
  sample.report.readiness.clear();
  EXPECT_EQ(render_report_markdown(sample.report, sample.rules),
            R"(# cio-gap report for Dana Rivera (Director of IT Operations)

- **Readiness score:** none: no posting could be read for demands
- **Postings analysed:** 1
- **Left out of the shares:** 1 posting: no role text or no qualification found in them
- **Experience:** no posting states a number of years.
- **Leadership:** no posting states a number of years leading people.

## What the postings demand

No posting demands a qualification these rules recognise.

## Gaps, most demanded first

None: no posting could be read for demands.

## Readiness checks

No readiness check ran.

*Report of 2026-01-01 by cio-gap 0.1.0, rules 0123456789abcdef; postings from jobs/: 4 read, 0 files skipped, 1 duplicate.*
)");
}

TEST(MarkdownRendererTest, AProfileWithoutYearsIsAskedToAddThem) {
  SampleReport sample;
  sample.report.years.profile_years.reset();
  sample.report.leadership_years.profile_years.reset();
  const std::string out = render_report_markdown(sample.report, sample.rules);
  EXPECT_NE(out.find("- **Experience:** postings ask 5 to 10 years (median 7); add years_experience to your profile "
                     "to compare.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("- **Leadership:** postings ask 4 to 6 years leading people (median 4); add years_leadership to "
                     "your profile to compare.\n"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace cio_gap
