#pragma once

// A small rule set written for the tests, so they do not move when the default rules are tuned.

#include "cio_gap/load/rule_loader.h"

namespace cio_gap::testing {

inline constexpr const char* kTestRules = R"(rules:
  - id: budget-management
    name: Budget management
    category: business
    keywords: [budget, cost control, manage the budget]
    acronyms: [P&L]
    exclude: [budget analyst]
    advice: Help your manager prepare next year's budget.
  - id: advanced-degree
    name: Advanced degree
    category: credential
    keywords: [master degree, masters degree, graduate degree]
    acronyms: [MBA]
    credentials: [MBA]
    advice: Plan the MBA.
  - id: bachelors-degree
    name: Bachelor's degree
    category: credential
    keywords: [bachelors degree]
    advice: Finish the degree.
  - id: enterprise-applications
    name: Enterprise applications
    category: technology
    acronyms: [SAP, ERP]
    advice: Join the ERP upgrade.
  - id: executive-presence
    name: Executive presence
    category: leadership
    keywords: [C-suite, public speaking]
    advice: Volunteer to speak.
  - id: vendor-management
    name: Vendor management
    category: business
    keywords: [manage vendor, vendor relationship]
    advice: Help run the RFP.
sections:
  duties: [responsibilities, duties]
  required: [requirements, qualifications]
  preferred: [preferred qualifications, nice to have]
  boilerplate: [benefits, about us, equal opportunity, process notes]
qualifiers:
  optional: [preferred, a plus, desired]
  optional_prefix: [ideally]
  negation: [not required]
)";

inline RuleSet test_rules() {
  RuleSet set;
  parse_rule_file("test-rules.yaml", kTestRules, set);
  return set;
}

}  // namespace cio_gap::testing
