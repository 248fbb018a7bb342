#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <set>

#include "cio_gap/error.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/rule_tester.h"
#include "cio_gap/text/normalize.h"
#include "commands.h"

namespace cio_gap::cli {

int run_rules_list(const CommonOptions& common, const Streams& streams) {
  check_output(common, {});
  const RuleSet rules = load_active_rules(common);
  std::size_t width = 0;
  for (const auto& rule : rules.rules) width = std::max(width, rule.id.size());
  std::string out;
  for (const auto& rule : rules.rules) {
    out += fmt::format("{:<{}}  {:<10}  {}\n", escape_control(rule.id), width, escape_control(rule.category),
                       escape_control(rule.name));
  }
  emit(out, common, streams);
  return kExitOk;
}

int run_rules_keywords(const CommonOptions& common, const Streams& streams) {
  check_output(common, {});
  const RuleSet rules = load_active_rules(common);
  // The literals as the matcher sees them (normalised), without generated inflections.
  std::set<std::string> keywords;
  for (const auto& rule : rules.rules) {
    for (const auto& keyword : rule.keywords) keywords.insert(ascii_lower(normalize_phrase(keyword)));
    for (const auto& acronym : rule.acronyms) keywords.insert(normalize_phrase(acronym));
  }
  std::string out;
  for (const auto& keyword : keywords) {
    if (!keyword.empty()) out += escape_control(keyword) + '\n';
  }
  emit(out, common, streams);
  return kExitOk;
}

int run_rules_test(const RulesCommand& command, const CommonOptions& common, const Streams& streams) {
  CommonOptions options = common;
  if (!command.path.empty()) options.rule_packs.push_back(command.path);
  check_output(options, {});
  const RuleSet rules = load_active_rules(options);
  const Extractor extractor(rules);
  const RuleTestResult result = test_rules(extractor);
  std::string out;
  for (const auto& failure : result.failures) {
    out += fmt::format("{}:{}: {}: should {}: \"{}\"\n", escape_control(failure.file), failure.line, failure.rule_id,
                       failure.expected_match ? "match" : "not match", escape_control(failure.sentence));
  }
  out += fmt::format("{} rules, {} examples, {} failed\n", rules.rules.size(), result.examples, result.failures.size());
  emit(out, common, streams);
  return result.failures.empty() ? kExitOk : kExitThreshold;
}

int run_rules_validate(const RulesCommand& command, const CommonOptions& common, const Streams& streams) {
  // A pack is read after the active rules, as a real run would read it (it may extend their
  // rules and use their word sets), then compiled with them.
  CommonOptions options = common;
  options.rule_packs.push_back(command.path);
  check_output(options, {});
  const bool other_rules = !common.no_default_rules || !common.rule_packs.empty();
  const RuleSet before = other_rules ? load_active_rules(common) : RuleSet{};
  const RuleSet rules = load_active_rules(options);
  const Extractor extractor(rules);
  auto size = [](const Rule& rule) {
    return rule.keywords.size() + rule.acronyms.size() + rule.excludes.size() + rule.patterns.size() +
           rule.senses.size() + rule.credentials.size() + rule.must_match.size() + rule.must_not_match.size();
  };
  std::size_t keywords = 0;
  std::size_t extended = 0;
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    if (r >= before.rules.size()) {
      keywords += rule.keywords.size() + rule.acronyms.size();
    } else if (size(rule) != size(before.rules[r])) {
      keywords += rule.keywords.size() + rule.acronyms.size() - before.rules[r].keywords.size() -
                  before.rules[r].acronyms.size();
      ++extended;
    }
  }
  const std::size_t added = rules.rules.size() - before.rules.size();
  std::string extensions = extended == 0 ? "" : fmt::format(", {} extended", extended);
  emit(fmt::format("{}: valid ({} rules, {} keywords{})\n", escape_control(command.path), added, keywords, extensions), common,
       streams);
  return kExitOk;
}

}  // namespace cio_gap::cli
