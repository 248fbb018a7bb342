#pragma once

// A small gap report built in memory for the renderer tests, so their expected output does
// not move when the analysis or the default rules are tuned.

#include "cio_gap/model/report.h"
#include "test_rules.h"

namespace cio_gap::testing {

// Rule indices of test_rules(), in file order.
inline constexpr std::size_t kBudgetRule = 0, kBachelorsRule = 2, kVendorRule = 5;

/// Three counted postings (one duplicate dropped) demanding budget (missing), vendor
/// management (partial) and a bachelor's degree (have), and two readiness checks.
/// Not copyable: `report.profile` points into the object.
struct SampleReport {
  RuleSet rules = test_rules();
  Profile profile;
  Report report;

  SampleReport() {
    profile.path = "clients/dana.yaml";
    profile.name = "Dana Rivera";
    profile.current_role = "Director of IT Operations";
    report.profile = &profile;
    report.meta = {"2026-01-01", "0.1.0", "0123456789abcdef", {"jobs/"}, 4, 0, 1};
    report.postings = 3;
    report.duplicates = 1;
    report.score = 33.3;
    report.years = {8, 2, 1, 5, 10, 7};
    report.leadership_years = {3, 2, 2, 4, 6, 4};

    QualificationDemand budget{kBudgetRule, 2, 1, 2.5, 1.0, Status::missing, {}, {}};
    budget.citations = {{"a.txt", 3, "Own the IT budget (about 3M)."}, {"b.md", 12, "Manage the budget."}};
    QualificationDemand vendor{kVendorRule, 2, 0, 2.0, 2.0 / 3.0, Status::partial, {}, {}};
    vendor.profile_evidence = {{"volunteered", "Sat on the vendor selection committee", Status::partial, {}}};
    vendor.citations = {{"b.md", 14, "Manage vendor relationships and renewals."}};
    QualificationDemand bachelors{kBachelorsRule, 1, 0, 1.0, 1.0 / 3.0, Status::have, {}, {}};
    bachelors.profile_evidence = {{"education", "bachelor, Computer Science", Status::have, {}}};
    report.qualifications = {budget, vendor, bachelors};
    report.gaps = {0, 1};

    report.readiness = {
        {"willingness", "Willingness", true, "1 volunteering entry", "Keep volunteering.", "Gene Alvarez"},
        {"advanced-degree", "Advanced degree", false, "no master's degree or MBA", "Plan an MBA.", "Seven steps"},
    };
  }
  SampleReport(const SampleReport&) = delete;
  SampleReport& operator=(const SampleReport&) = delete;
};

}  // namespace cio_gap::testing
