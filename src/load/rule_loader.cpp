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

const std::vector<std::string> kFileKeys = {"rules", "words", "sections", "qualifiers", "paragraphs", "evidence",
                                            "role_types"};
const std::vector<std::string> kRoleTypeKeys = {"caretaker", "fixer", "growth"};
const std::vector<std::string> kRuleKeys = {"id",      "name",   "category", "keywords", "acronyms",
                                            "exclude", "inflect", "credentials", "advice", "advice_partial", "tests",
                                            "patterns", "senses"};
// What an `extends:` entry may add to a rule defined before it.
const std::vector<std::string> kExtensionKeys = {"extends", "keywords", "acronyms", "exclude", "credentials",
                                                 "patterns", "senses", "tests"};
const std::vector<std::string> kSenseKeys = {"keyword", "keywords", "requires_any", "forbids_any", "within"};
const std::vector<std::string> kGapKeys = {"within", "near"};
const std::vector<std::string> kParagraphKeys = {"role", "employer", "benefits", "legal", "apply"};
const std::vector<std::string> kEvidenceKeys = {"strong"};
constexpr int kMaxGapWords = 12;
const std::vector<std::string> kTestKeys = {"match", "no_match"};
const std::vector<std::string> kSectionKeys = {"duties", "required", "preferred", "boilerplate"};
const std::vector<std::string> kQualifierKeys = {"optional", "optional_prefix", "negation", "required"};

bool valid_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void append(std::vector<std::string>& to, std::vector<std::string> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

int column_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().column + 1; }

// A term of a pattern or an entry of requires_any/forbids_any: a word set's name, or a list of
// words written in place.
WordRef word_ref(const YamlReader& yaml, const YAML::Node& node, const std::string& what) {
  WordRef ref;
  ref.line = YamlReader::line_of(node);
  ref.column = column_of(node);
  if (node.IsSequence()) {
    ref.words = yaml.string_list(node, what);
    if (ref.words.empty()) yaml.fail(node, what + ": an empty list of words");
    for (const auto& word : ref.words) {
      if (word.empty()) yaml.fail(node, what + ": an empty word");
    }
    return ref;
  }
  ref.set = yaml.scalar(node, what);
  if (!valid_id(ref.set)) {
    yaml.fail(node, what + ": '" + ref.set + "' is not a word set name (write words in place as a list: [" +
                        ref.set + "])");
  }
  return ref;
}

std::vector<WordRef> word_refs(const YamlReader& yaml, const YAML::Node& node, const std::string& what) {
  if (!node.IsSequence()) yaml.fail(node, what + " must be a list of word set names or lists of words");
  std::vector<WordRef> refs;
  for (const auto& item : node) refs.push_back(word_ref(yaml, item, what));
  if (refs.empty()) yaml.fail(node, what + " is empty");
  return refs;
}

// [lead-verbs, {within: 4}, team-nouns]: terms, with at most N words between neighbours
// ("within": in this order; "near": either order). Without a gap between two terms, they are
// next to each other.
RulePattern parse_pattern(const YamlReader& yaml, const YAML::Node& node) {
  const std::string what = "a pattern";
  if (!node.IsSequence()) yaml.fail(node, "a pattern must be a list: [word-set, {within: N}, word-set]");
  RulePattern pattern;
  pattern.line = YamlReader::line_of(node);
  bool gap_pending = false;
  for (const auto& item : node) {
    if (item.IsMap()) {
      yaml.expect_map(item, "a pattern's gap", kGapKeys);
      if (pattern.terms.empty() || gap_pending) yaml.fail(item, "a gap must stand between two terms");
      if (item.size() != 1) yaml.fail(item, "a gap is {within: N} or {near: N}");
      const bool near = static_cast<bool>(item["near"]);
      pattern.gaps.push_back(yaml.integer(near ? item["near"] : item["within"], near ? "near" : "within", kMaxGapWords));
      pattern.unordered.push_back(near);
      gap_pending = true;
      continue;
    }
    if (!pattern.terms.empty() && !gap_pending) {
      pattern.gaps.push_back(0);
      pattern.unordered.push_back(false);
    }
    pattern.terms.push_back(word_ref(yaml, item, "a pattern's term"));
    gap_pending = false;
  }
  if (gap_pending) yaml.fail(node, "a pattern cannot end with a gap");
  if (pattern.terms.size() < 2) yaml.fail(node, "a pattern needs at least two terms (use keywords for one)");
  if (pattern.terms.size() > 6) yaml.fail(node, "a pattern has at most six terms");
  return pattern;
}

Sense parse_sense(const YamlReader& yaml, const YAML::Node& node, const Rule& rule) {
  yaml.expect_map(node, "a sense", kSenseKeys);
  Sense sense;
  sense.line = YamlReader::line_of(node);
  if (node["keyword"] && node["keywords"]) yaml.fail(node, "a sense has 'keyword' or 'keywords', not both");
  if (node["keyword"]) sense.keywords.push_back(yaml.scalar(node["keyword"], "keyword"));
  if (node["keywords"]) sense.keywords = yaml.string_list(node["keywords"], "keywords");
  for (const auto& keyword : sense.keywords) {
    const bool known = std::find(rule.keywords.begin(), rule.keywords.end(), keyword) != rule.keywords.end() ||
                       std::find(rule.acronyms.begin(), rule.acronyms.end(), keyword) != rule.acronyms.end();
    if (!known) {
      std::vector<std::string> all = rule.keywords;
      all.insert(all.end(), rule.acronyms.begin(), rule.acronyms.end());
      yaml.fail(node["keyword"] ? node["keyword"] : node["keywords"],
                "'" + keyword + "' is not a keyword or acronym of rule '" + rule.id + "'" + did_you_mean(keyword, all));
    }
  }
  if (node["requires_any"]) sense.requires_any = word_refs(yaml, node["requires_any"], "requires_any");
  if (node["forbids_any"]) sense.forbids_any = word_refs(yaml, node["forbids_any"], "forbids_any");
  if (node["within"]) {
    sense.within = yaml.integer(node["within"], "within", kMaxGapWords);
    if (sense.within == 0) yaml.fail(node["within"], "within must be at least 1 (leave it out for the whole sentence)");
  }
  if (sense.requires_any.empty() && sense.forbids_any.empty()) {
    yaml.fail(node, "a sense needs requires_any, forbids_any or both");
  }
  return sense;
}

// The parts of a rule entry that an extension may add to as well.
void parse_additions(const YamlReader& yaml, const YAML::Node& node, Rule& rule) {
  if (node["keywords"]) append(rule.keywords, yaml.string_list(node["keywords"], "keywords"));
  if (node["acronyms"]) append(rule.acronyms, yaml.string_list(node["acronyms"], "acronyms"));
  if (node["exclude"]) append(rule.excludes, yaml.string_list(node["exclude"], "exclude"));
  if (node["credentials"]) append(rule.credentials, yaml.string_list(node["credentials"], "credentials"));
  if (const auto patterns = node["patterns"]) {
    if (!patterns.IsSequence()) yaml.fail(patterns, "'patterns' must be a list of patterns");
    for (const auto& pattern : patterns) rule.patterns.push_back(parse_pattern(yaml, pattern));
  }
  if (const auto senses = node["senses"]) {
    if (!senses.IsSequence()) yaml.fail(senses, "'senses' must be a list");
    for (const auto& sense : senses) rule.senses.push_back(parse_sense(yaml, sense, rule));
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
}

// `extends: cloud` adds keywords, patterns, senses and examples to a rule defined before it
// (a built-in one, or one earlier in the packs) without redefining it.
void parse_extension(const YamlReader& yaml, const YAML::Node& node, RuleSet& set) {
  yaml.expect_map(node, "a rule extension", kExtensionKeys);
  const std::string id = yaml.scalar(node["extends"], "extends");
  const auto rule = std::find_if(set.rules.begin(), set.rules.end(), [&](const Rule& r) { return r.id == id; });
  if (rule == set.rules.end()) {
    std::vector<std::string> ids;
    for (const auto& r : set.rules) ids.push_back(r.id);
    yaml.fail(node["extends"], "extends unknown rule '" + id + "'" + did_you_mean(id, ids));
  }
  parse_additions(yaml, node, *rule);
}

// Every mistake of a rule is reported, each part read on its own; a rule with one is not kept,
// so it leads to no further errors (a duplicate id, an empty rule).
void parse_rule(const YamlReader& yaml, const YAML::Node& node, RuleSet& set) {
  if (node.IsMap() && node["extends"]) {
    parse_extension(yaml, node, set);
    return;
  }
  if (!node.IsMap()) yaml.expect_map(node, "a rule", kRuleKeys);
  ErrorList errors;
  for (const auto& entry : node) errors.attempt([&] { yaml.expect_key(entry.first, "a rule", kRuleKeys); });
  Rule rule;
  rule.file = yaml.path();
  rule.line = YamlReader::line_of(node);
  for (const char* required : {"id", "name", "category", "advice"}) {
    if (node[required]) continue;
    // A misspelt key ("advise") is reported as unknown, with the suggestion: not twice.
    const bool misspelt = std::any_of(node.begin(), node.end(), [&](const auto& entry) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      return std::find(kRuleKeys.begin(), kRuleKeys.end(), key) == kRuleKeys.end() &&
             !did_you_mean(key, {required}).empty();
    });
    if (!misspelt) errors.attempt([&] { yaml.fail(node, std::string("rule is missing '") + required + "'"); });
  }
  auto read = [&](const char* key, auto&& part) {
    if (const YAML::Node value = node[key]; value) errors.attempt([&] { part(value); });
  };
  read("id", [&](const YAML::Node& value) {
    rule.id = yaml.scalar(value, "id");
    if (!valid_id(rule.id)) yaml.fail(value, "rule id '" + rule.id + "' must be lower-case letters, digits and '-'");
    for (const auto& other : set.rules) {
      if (other.id == rule.id) {
        yaml.fail(value, "duplicate rule id '" + rule.id + "' (first defined at " + other.file + ":" +
                             std::to_string(other.line) + ")");
      }
    }
  });
  read("name", [&](const YAML::Node& value) { rule.name = yaml.scalar(value, "name"); });
  read("category", [&](const YAML::Node& value) {
    rule.category = yaml.scalar(value, "category");
    const auto& categories = rule_categories();
    if (std::find(categories.begin(), categories.end(), rule.category) == categories.end()) {
      yaml.fail(value, "unknown category '" + rule.category + "'" + did_you_mean(rule.category, categories));
    }
  });
  read("advice", [&](const YAML::Node& value) { rule.advice = yaml.scalar(value, "advice"); });
  read("advice_partial", [&](const YAML::Node& value) { rule.advice_partial = yaml.scalar(value, "advice_partial"); });
  read("inflect", [&](const YAML::Node& value) { rule.inflect = yaml.boolean(value, "inflect"); });
  errors.attempt([&] { parse_additions(yaml, node, rule); });
  if (errors.empty() && rule.keywords.empty() && rule.acronyms.empty() && rule.patterns.empty()) {
    yaml.fail(node, "rule '" + rule.id + "' has no keywords, acronyms or patterns");
  }
  errors.finish();
  set.rules.push_back(std::move(rule));
}

void parse_word_sets(const YamlReader& yaml, const YAML::Node& words, RuleSet& set, ErrorList& errors) {
  if (!words.IsMap()) yaml.fail(words, "'words' must map set names to lists of words");
  for (const auto& entry : words) {
    errors.attempt([&] {
      WordSet word_set;
      word_set.name = yaml.scalar(entry.first, "a word set name");
      word_set.file = yaml.path();
      word_set.line = YamlReader::line_of(entry.first);
      if (!valid_id(word_set.name)) {
        yaml.fail(entry.first, "word set name '" + word_set.name + "' must be lower-case letters, digits and '-'");
      }
      for (const auto& other : set.word_sets) {
        if (other.name == word_set.name) {
          yaml.fail(entry.first, "duplicate word set '" + word_set.name + "' (first defined at " + other.file + ":" +
                                     std::to_string(other.line) + ")");
        }
      }
      word_set.words = yaml.string_list(entry.second, "words." + word_set.name);
      if (word_set.words.empty()) yaml.fail(entry.second, "word set '" + word_set.name + "' is empty");
      set.word_sets.push_back(std::move(word_set));
    });
  }
}

void read_vocabulary(const YamlReader& yaml, const YAML::Node& root, RuleSet& set) {
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
    if (qualifiers["required"]) append(vocabulary.required_markers, yaml.string_list(qualifiers["required"], "qualifiers.required"));
  }
  if (const auto paragraphs = root["paragraphs"]) {
    yaml.expect_map(paragraphs, "paragraphs", kParagraphKeys);
    for (std::size_t c = 0; c < kParagraphKeys.size(); ++c) {
      const std::string& key = kParagraphKeys[c];
      if (paragraphs[key]) append(set.vocabulary.paragraph_cues[c], yaml.string_list(paragraphs[key], "paragraphs." + key));
    }
  }
  if (const auto evidence = root["evidence"]) {
    yaml.expect_map(evidence, "evidence", kEvidenceKeys);
    if (evidence["strong"]) append(set.vocabulary.strong_evidence, yaml.string_list(evidence["strong"], "evidence.strong"));
  }
  if (const auto role_types = root["role_types"]) {
    yaml.expect_map(role_types, "role_types", kRoleTypeKeys);
    for (std::size_t t = 0; t < kRoleTypeKeys.size(); ++t) {
      const std::string& key = kRoleTypeKeys[t];
      if (role_types[key]) append(set.vocabulary.role_types[t], yaml.string_list(role_types[key], "role_types." + key));
    }
  }
}

}  // namespace

const std::vector<std::string>& rule_categories() {
  static const std::vector<std::string> categories = {
      "strategy", "business", "leadership", "delivery", "technology", "credential", "role"};
  return categories;
}

void read_rule_file(const YamlReader& yaml, RuleSet& set) {
  const YAML::Node& root = yaml.root();
  if (!root.IsMap()) yaml.expect_map(root, "a rule file", kFileKeys);
  // Each key, word set, rule and vocabulary list is read on its own: every mistake of the file
  // is reported at once (up to ErrorList::kMaxErrors), in file order, as the profile loader does.
  ErrorList errors;
  for (const auto& entry : root) errors.attempt([&] { yaml.expect_key(entry.first, "a rule file", kFileKeys); });
  if (const auto words = root["words"]) errors.attempt([&] { parse_word_sets(yaml, words, set, errors); });
  if (const auto rules = root["rules"]) {
    errors.attempt([&] {
      if (!rules.IsSequence()) yaml.fail(rules, "'rules' must be a list of rules");
      for (const auto& node : rules) errors.attempt([&] { parse_rule(yaml, node, set); });
    });
  }
  errors.attempt([&] { read_vocabulary(yaml, root, set); });
  errors.finish();
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

std::vector<RulePackFile> read_rule_packs(const std::vector<std::string>& packs) {
  namespace fs = std::filesystem;
  std::vector<RulePackFile> read;
  for (const auto& pack : packs) {
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
    for (const auto& file : files) read.push_back({file.string(), read_file(file.string(), kMaxYamlBytes)});
  }
  return read;
}

RuleSet load_rules(bool use_defaults, const std::vector<RulePackFile>& files) {
  RuleSet set;
  if (use_defaults) {
    // Compiled at build time from the same files (see RulesImage): no YAML to parse.
    const std::string_view image = built_in_rules_image();
    if (image.empty()) {
      read_built_in_rules(set);
    } else {
      set = RulesImage::read_rules(image);
    }
  }
  for (const auto& file : files) parse_rule_file(file.path, file.content, set);
  if (set.rules.empty()) throw Error("no rules are active (--no-default-rules without --rules)");
  check_word_set_references(set);
  return set;
}

RuleSet load_rules(const RuleSources& sources) {
  return load_rules(sources.use_defaults, read_rule_packs(sources.packs));
}

void check_word_set_references(const RuleSet& set) {
  std::vector<std::string> names;
  for (const auto& word_set : set.word_sets) names.push_back(word_set.name);
  ErrorList errors;
  auto check = [&](const Rule& rule, const WordRef& ref) {
    if (ref.set.empty() || std::find(names.begin(), names.end(), ref.set) != names.end()) return;
    errors.add(located(rule.file, ref.line, ref.column,
                       "unknown word set '" + ref.set + "' in rule '" + rule.id + "'" + did_you_mean(ref.set, names)));
  };
  for (const Rule& rule : set.rules) {
    for (const auto& pattern : rule.patterns) {
      for (const auto& term : pattern.terms) check(rule, term);
    }
    for (const auto& sense : rule.senses) {
      for (const auto& ref : sense.requires_any) check(rule, ref);
      for (const auto& ref : sense.forbids_any) check(rule, ref);
    }
  }
  errors.finish();
}

}  // namespace cio_gap
