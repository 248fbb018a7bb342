#include "cio_gap/load/rule_loader.h"

#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>
#include <optional>
#include <thread>

#include "cio_gap/error.h"
#include "cio_gap/load/embedded_rules.h"
#include "cio_gap/load/file_reader.h"
#include "cio_gap/load/yaml_reader.h"
#include "cio_gap/match/rules_image.h"
#include "cio_gap/text/suggest.h"

namespace cio_gap {
namespace {

const std::vector<std::string> kFileKeys = {"rules", "sections", "qualifiers", "role_types"};
const std::vector<std::string> kRoleTypeKeys = {"caretaker", "fixer", "growth"};
const std::vector<std::string> kRuleKeys = {"id",      "name",   "category", "keywords", "acronyms",
                                            "exclude", "inflect", "credentials", "advice", "tests"};
const std::vector<std::string> kTestKeys = {"match", "no_match"};
const std::vector<std::string> kSectionKeys = {"duties", "required", "preferred", "boilerplate"};
const std::vector<std::string> kQualifierKeys = {"optional", "optional_prefix", "negation"};

bool valid_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void append(std::vector<std::string>& to, std::vector<std::string> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void parse_rule(const YamlReader& yaml, const YAML::Node& node, RuleSet& set) {
  yaml.expect_map(node, "a rule", kRuleKeys);
  Rule rule;
  rule.file = yaml.path();
  rule.line = YamlReader::line_of(node);
  for (const char* required : {"id", "name", "category", "advice"}) {
    if (!node[required]) yaml.fail(node, std::string("rule is missing '") + required + "'");
  }
  rule.id = yaml.scalar(node["id"], "id");
  if (!valid_id(rule.id)) {
    yaml.fail(node["id"], "rule id '" + rule.id + "' must be lower-case letters, digits and '-'");
  }
  for (const auto& other : set.rules) {
    if (other.id == rule.id) {
      yaml.fail(node["id"], "duplicate rule id '" + rule.id + "' (first defined at " + other.file +
                                ":" + std::to_string(other.line) + ")");
    }
  }
  rule.name = yaml.scalar(node["name"], "name");
  rule.category = yaml.scalar(node["category"], "category");
  const auto& categories = rule_categories();
  if (std::find(categories.begin(), categories.end(), rule.category) == categories.end()) {
    yaml.fail(node["category"],
              "unknown category '" + rule.category + "'" + did_you_mean(rule.category, categories));
  }
  rule.advice = yaml.scalar(node["advice"], "advice");
  if (node["keywords"]) rule.keywords = yaml.string_list(node["keywords"], "keywords");
  if (node["acronyms"]) rule.acronyms = yaml.string_list(node["acronyms"], "acronyms");
  if (node["exclude"]) rule.excludes = yaml.string_list(node["exclude"], "exclude");
  if (node["credentials"]) rule.credentials = yaml.string_list(node["credentials"], "credentials");
  if (node["inflect"]) rule.inflect = yaml.boolean(node["inflect"], "inflect");
  if (rule.keywords.empty() && rule.acronyms.empty()) {
    yaml.fail(node, "rule '" + rule.id + "' has no keywords or acronyms");
  }
  if (const auto tests = node["tests"]) {
    yaml.expect_map(tests, "tests", kTestKeys);
    auto examples = [&](const char* key, std::vector<RuleExample>& to) {
      if (!tests[key]) return;
      for (auto& [text, line] : yaml.located_list(tests[key], std::string("tests.") + key)) {
        to.push_back({std::move(text), line});
      }
    };
    examples("match", rule.must_match);
    examples("no_match", rule.must_not_match);
  }
  set.rules.push_back(std::move(rule));
}

}  // namespace

const std::vector<std::string>& rule_categories() {
  static const std::vector<std::string> categories = {
      "strategy", "business", "leadership", "delivery", "technology", "credential", "role"};
  return categories;
}

void read_rule_file(const YamlReader& yaml, RuleSet& set) {
  const YAML::Node& root = yaml.root();
  yaml.expect_map(root, "a rule file", kFileKeys);
  if (const auto rules = root["rules"]) {
    if (!rules.IsSequence()) yaml.fail(rules, "'rules' must be a list of rules");
    for (const auto& node : rules) parse_rule(yaml, node, set);
  }
  if (const auto sections = root["sections"]) {
    yaml.expect_map(sections, "sections", kSectionKeys);
    auto& vocabulary = set.vocabulary;
    if (sections["duties"]) append(vocabulary.duties, yaml.string_list(sections["duties"], "sections.duties"));
    if (sections["required"]) append(vocabulary.required, yaml.string_list(sections["required"], "sections.required"));
    if (sections["preferred"]) append(vocabulary.preferred, yaml.string_list(sections["preferred"], "sections.preferred"));
    if (sections["boilerplate"]) append(vocabulary.boilerplate, yaml.string_list(sections["boilerplate"], "sections.boilerplate"));
  }
  if (const auto qualifiers = root["qualifiers"]) {
    yaml.expect_map(qualifiers, "qualifiers", kQualifierKeys);
    auto& vocabulary = set.vocabulary;
    if (qualifiers["optional"]) append(vocabulary.optional_markers, yaml.string_list(qualifiers["optional"], "qualifiers.optional"));
    if (qualifiers["optional_prefix"]) append(vocabulary.optional_prefix_markers, yaml.string_list(qualifiers["optional_prefix"], "qualifiers.optional_prefix"));
    if (qualifiers["negation"]) append(vocabulary.negation_markers, yaml.string_list(qualifiers["negation"], "qualifiers.negation"));
  }
  if (const auto role_types = root["role_types"]) {
    yaml.expect_map(role_types, "role_types", kRoleTypeKeys);
    for (std::size_t t = 0; t < kRoleTypeKeys.size(); ++t) {
      const std::string& key = kRoleTypeKeys[t];
      if (role_types[key]) append(set.vocabulary.role_types[t], yaml.string_list(role_types[key], "role_types." + key));
    }
  }
}

void parse_rule_file(const std::string& path, std::string_view content, RuleSet& set) {
  read_rule_file(YamlReader(path, content), set);
}

// The built-in rule files, parsed on two threads: yaml-cpp takes most of cio-gap's start-up,
// and the files are independent until their rules are read in order.
void read_built_in_rules(RuleSet& set) {
  const auto& files = embedded_rule_files();
  std::vector<std::optional<YamlReader>> parsed(files.size());
  std::array<std::exception_ptr, 2> failures;
  auto parse_every_other = [&](std::size_t first) {
    try {
      for (std::size_t i = first; i < files.size(); i += 2) {
        parsed[i].emplace(std::string(files[i].name), files[i].content, YamlReader::Origin::built_in);
      }
    } catch (...) {
      failures[first] = std::current_exception();
    }
  };
  {
    const std::jthread helper(parse_every_other, 1);
    parse_every_other(0);
  }  // the helper has joined
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  for (const auto& yaml : parsed) read_rule_file(*yaml, set);
}

RuleSet load_rules(const RuleSources& sources) {
  namespace fs = std::filesystem;
  RuleSet set;
  if (sources.use_defaults) {
    // Compiled at build time from the same files (see RulesImage): no YAML to parse.
    const std::string_view image = built_in_rules_image();
    if (image.empty()) {
      read_built_in_rules(set);
    } else {
      set = RulesImage::read_rules(image);
    }
  }
  for (const auto& pack : sources.packs) {
    std::error_code ec;
    const fs::file_status status = fs::status(pack, ec);
    if (ec || !fs::exists(status)) throw Error(located(pack, 0, 0, "No such file or directory"));
    std::vector<fs::path> files;
    if (fs::is_directory(status)) {
      for (fs::directory_iterator it(pack, ec), end; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        std::error_code type_error;
        if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(type_error)) files.push_back(it->path());
      }
      if (ec) throw Error(located(pack, 0, 0, ec.message()));
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(pack);
    }
    for (const auto& file : files) parse_rule_file(file.string(), read_file(file.string(), kMaxYamlBytes), set);
  }
  if (set.rules.empty()) throw Error("no rules are active (--no-default-rules without --rules)");
  return set;
}

}  // namespace cio_gap
