#include "cio_gap/load/rule_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cio_gap/error.h"
#include "cio_gap/load/embedded_rules.h"
#include "test_rules.h"

namespace cio_gap {
namespace {

std::string error_of(std::string_view yaml) {
  RuleSet set;
  try {
    parse_rule_file("pack.yaml", yaml, set);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(RuleLoaderTest, ParsesRulesAndVocabulary) {
  const RuleSet set = testing::test_rules();
  ASSERT_EQ(set.rules.size(), 6u);
  EXPECT_EQ(set.rules[0].id, "budget-management");
  EXPECT_EQ(set.rules[0].keywords, (std::vector<std::string>{"budget", "cost control", "manage the budget"}));
  EXPECT_EQ(set.rules[0].acronyms, std::vector<std::string>{"P&L"});
  EXPECT_EQ(set.rules[0].line, 2);
  EXPECT_EQ(set.vocabulary.boilerplate.size(), 4u);
}

TEST(RuleLoaderTest, AdviceMayHaveAPartialLevel) {
  RuleSet set;
  parse_rule_file("pack.yaml",
                  "rules:\n  - id: x-y\n    name: X\n    category: business\n    keywords: [b]\n"
                  "    advice: Start.\n    advice_partial: Go further.\n  - id: z\n    name: Z\n"
                  "    category: business\n    keywords: [c]\n    advice: Only.\n",
                  set);
  ASSERT_EQ(set.rules.size(), 2u);
  EXPECT_EQ(set.rules[0].advice_partial, "Go further.");
  EXPECT_EQ(set.rules[1].advice_partial, "");
  EXPECT_EQ(error_of("rules:\n  - id: x-y\n    name: X\n    category: business\n    advice: a\n    advice_partal: b\n"),
            "pack.yaml:6:5: unknown key 'advice_partal' in a rule (did you mean 'advice_partial'?); valid keys: id, name, "
            "category, keywords, acronyms, exclude, inflect, credentials, advice, advice_partial, tests, patterns, senses");
}

TEST(RuleLoaderTest, ReportsSyntaxErrorsWithLineAndColumn) {
  EXPECT_EQ(error_of("rules:\n  - id: [unclosed\n"), "pack.yaml:3:1: a list opened with '[' is not closed with ']'");
}

TEST(RuleLoaderTest, UnknownKeysGetADidYouMean) {
  EXPECT_EQ(error_of("rules:\n  - id: x-y\n    name: X\n    category: business\n    advice: a\n    keywrds: [b]\n"),
            "pack.yaml:6:5: unknown key 'keywrds' in a rule (did you mean 'keywords'?); valid keys: id, name, category, keywords, acronyms, exclude, inflect, credentials, advice, advice_partial, tests, patterns, senses");
  EXPECT_EQ(error_of("rule:\n  - id: x\n"), "pack.yaml:1:1: unknown key 'rule' in a rule file (did you mean 'rules'?); valid keys: rules, words, sections, qualifiers, paragraphs, evidence, role_types");
}

TEST(RuleLoaderTest, RejectsBadFields) {
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: busines\n    advice: a\n    keywords: [b]\n"),
            "pack.yaml:4:15: unknown category 'busines' (did you mean 'business'?)");
  EXPECT_EQ(error_of("rules:\n  - id: Bad_Id\n    name: X\n    category: business\n    advice: a\n    keywords: [b]\n"),
            "pack.yaml:2:9: rule id 'Bad_Id' must be lower-case letters, digits and '-'");
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: business\n    keywords: [b]\n"),
            "pack.yaml:2:5: rule is missing 'advice'");
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: business\n    advice: a\n"),
            "pack.yaml:2:5: rule 'x' has no keywords, acronyms or patterns");
  EXPECT_EQ(error_of("rules:\n  - id: x\n    name: X\n    category: business\n    advice: a\n    keywords: b\n"
                     "    inflect: maybe\n"),
            "pack.yaml:7:14: inflect must be true or false, not 'maybe'");
  EXPECT_EQ(error_of(""), "pack.yaml: empty document");
}

TEST(RuleLoaderTest, RejectsDuplicateIds) {
  EXPECT_EQ(error_of("rules:\n  - {id: x, name: X, category: role, advice: a, keywords: [b]}\n"
                     "  - {id: x, name: X, category: role, advice: a, keywords: [b]}\n"),
            "pack.yaml:3:10: duplicate rule id 'x' (first defined at pack.yaml:2)");
}

TEST(RuleLoaderTest, DefaultRulesCoverTheTaxonomy) {
  const RuleSet set = load_rules({});
  std::vector<std::string> ids;
  for (const auto& rule : set.rules) ids.push_back(rule.id);
  for (const char* id :
       {"it-strategy", "business-acumen", "digital-transformation", "budget-management", "vendor-management",
        "stakeholder-management", "customer-focus", "change-management", "mergers-acquisitions", "team-leadership",
        "talent-development", "communication", "executive-presence", "negotiation", "project-management",
        "agile-delivery", "it-service-management", "infrastructure", "cloud", "enterprise-architecture",
        "software-development", "cybersecurity", "governance-risk-compliance", "business-continuity",
        "data-analytics", "ai-ml", "enterprise-applications", "bachelors-degree", "advanced-degree",
        "pmp-certification", "itil-certification", "security-certification", "travel-relocation"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

// Built-in files skip the hostile-input pass at start-up; here they go through all of it, and
// read one after another they give the same rules as the parallel start-up load.
TEST(RuleLoaderTest, BuiltInFilesPassEveryCheckAndLoadTheSameInOrder) {
  RuleSet checked;
  for (const auto& file : embedded_rule_files()) {
    EXPECT_NO_THROW(parse_rule_file(std::string(file.name), file.content, checked)) << file.name;
  }
  const RuleSet loaded = load_rules({});
  ASSERT_EQ(loaded.rules.size(), checked.rules.size());
  for (std::size_t r = 0; r < loaded.rules.size(); ++r) {
    EXPECT_EQ(loaded.rules[r].id, checked.rules[r].id);
    EXPECT_EQ(loaded.rules[r].file, checked.rules[r].file);
    EXPECT_EQ(loaded.rules[r].line, checked.rules[r].line);
    EXPECT_EQ(loaded.rules[r].keywords, checked.rules[r].keywords);
  }
  EXPECT_EQ(loaded.vocabulary.required, checked.vocabulary.required);
  EXPECT_EQ(loaded.vocabulary.negation_markers, checked.vocabulary.negation_markers);
  EXPECT_EQ(loaded.vocabulary.role_types, checked.vocabulary.role_types);
}

TEST(RuleLoaderTest, NoRulesIsAnError) {
  try {
    load_rules({false, {}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "no rules are active (--no-default-rules without --rules)");
  }
}

// A rule `x` (lines 2-6) followed by `rest` from line 7 on.
std::string rule_with(std::string_view rest) {
  return "rules:\n  - id: x\n    name: X\n    category: technology\n    advice: a\n    keywords: [security]\n" +
         std::string(rest);
}

std::string error_of_files(std::initializer_list<std::pair<std::string, std::string>> files) {
  RuleSet set;
  try {
    for (const auto& [path, content] : files) parse_rule_file(path, content, set);
    check_word_set_references(set);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

std::string reference_error_of(std::string_view yaml) { return error_of_files({{"pack.yaml", std::string(yaml)}}); }

RuleSet parse(std::string_view yaml) {
  RuleSet set;
  parse_rule_file("pack.yaml", yaml, set);
  return set;
}

using Words = std::vector<std::string>;

TEST(RuleLoaderTest, ParsesWordSets) {
  const RuleSet set = parse("words:\n  lead-verbs: [lead, mentor]\n  team-nouns:\n    - team\n    - staff\n");
  ASSERT_EQ(set.word_sets.size(), 2u);
  EXPECT_EQ(set.word_sets[0].name, "lead-verbs");
  EXPECT_EQ(set.word_sets[0].words, (Words{"lead", "mentor"}));
  EXPECT_EQ(set.word_sets[0].file, "pack.yaml");
  EXPECT_EQ(set.word_sets[0].line, 2);
  EXPECT_EQ(set.word_sets[1].name, "team-nouns");
  EXPECT_EQ(set.word_sets[1].words, (Words{"team", "staff"}));
  EXPECT_EQ(set.word_sets[1].line, 3);
  EXPECT_TRUE(set.rules.empty());
}

TEST(RuleLoaderTest, ParsesPatterns) {
  const RuleSet set = parse(
      "rules:\n"
      "  - id: team-leadership\n"
      "    name: Team leadership\n"
      "    category: leadership\n"
      "    advice: a\n"
      "    patterns:\n"
      "      - [lead-verbs, {within: 4}, team-nouns]\n"
      "      - [[plan, organize], {near: 2}, work-nouns, [staff]]\n");
  ASSERT_EQ(set.rules.size(), 1u);
  const Rule& rule = set.rules[0];
  EXPECT_TRUE(rule.keywords.empty());
  ASSERT_EQ(rule.patterns.size(), 2u);

  const RulePattern& within = rule.patterns[0];
  EXPECT_EQ(within.line, 7);
  ASSERT_EQ(within.terms.size(), 2u);
  EXPECT_EQ(within.terms[0].set, "lead-verbs");
  EXPECT_TRUE(within.terms[0].words.empty());
  EXPECT_EQ(within.terms[0].line, 7);
  EXPECT_EQ(within.terms[0].column, 10);
  EXPECT_EQ(within.terms[1].set, "team-nouns");
  EXPECT_EQ(within.terms[1].column, 35);
  EXPECT_EQ(within.gaps, std::vector<int>{4});
  EXPECT_EQ(within.unordered, std::vector<bool>{false});

  const RulePattern& near = rule.patterns[1];
  EXPECT_EQ(near.line, 8);
  ASSERT_EQ(near.terms.size(), 3u);
  EXPECT_EQ(near.terms[0].set, "");
  EXPECT_EQ(near.terms[0].words, (Words{"plan", "organize"}));
  EXPECT_EQ(near.terms[0].column, 10);
  EXPECT_EQ(near.terms[1].set, "work-nouns");
  EXPECT_EQ(near.terms[2].words, Words{"staff"});
  // Terms without a gap between them are next to each other.
  EXPECT_EQ(near.gaps, (std::vector<int>{2, 0}));
  EXPECT_EQ(near.unordered, (std::vector<bool>{true, false}));
}

TEST(RuleLoaderTest, ParsesSenses) {
  const RuleSet set = parse(
      "rules:\n"
      "  - id: cybersecurity\n"
      "    name: Cybersecurity\n"
      "    category: technology\n"
      "    advice: a\n"
      "    keywords: [security, information security]\n"
      "    acronyms: [SOC]\n"
      "    senses:\n"
      "      - keyword: security\n"
      "        requires_any: [security-context, [program, controls]]\n"
      "        forbids_any: [[family]]\n"
      "      - keywords: [security, SOC]\n"
      "        forbids_any: [benefit-words]\n"
      "      - requires_any: [security-context]\n");
  ASSERT_EQ(set.rules.size(), 1u);
  const auto& senses = set.rules[0].senses;
  ASSERT_EQ(senses.size(), 3u);
  EXPECT_EQ(senses[0].keywords, Words{"security"});
  EXPECT_EQ(senses[0].line, 9);
  ASSERT_EQ(senses[0].requires_any.size(), 2u);
  EXPECT_EQ(senses[0].requires_any[0].set, "security-context");
  EXPECT_EQ(senses[0].requires_any[0].line, 10);
  EXPECT_EQ(senses[0].requires_any[0].column, 24);
  EXPECT_EQ(senses[0].requires_any[1].set, "");
  EXPECT_EQ(senses[0].requires_any[1].words, (Words{"program", "controls"}));
  ASSERT_EQ(senses[0].forbids_any.size(), 1u);
  EXPECT_EQ(senses[0].forbids_any[0].words, Words{"family"});
  EXPECT_EQ(senses[1].keywords, (Words{"security", "SOC"}));
  EXPECT_TRUE(senses[1].requires_any.empty());
  ASSERT_EQ(senses[1].forbids_any.size(), 1u);
  EXPECT_EQ(senses[1].forbids_any[0].set, "benefit-words");
  // Without a keyword, a sense governs the whole rule.
  EXPECT_TRUE(senses[2].keywords.empty());
  EXPECT_EQ(senses[2].line, 14);
  EXPECT_TRUE(senses[2].forbids_any.empty());
}

TEST(RuleLoaderTest, AnExtensionAddsToARuleDefinedBefore) {
  const RuleSet set = parse(
      "rules:\n"
      "  - id: cloud\n"
      "    name: Cloud\n"
      "    category: technology\n"
      "    advice: a\n"
      "    keywords: [cloud]\n"
      "    tests:\n"
      "      match: [Cloud first.]\n"
      "  - id: other\n"
      "    name: Other\n"
      "    category: technology\n"
      "    advice: b\n"
      "    keywords: [other]\n"
      "  - extends: cloud\n"
      "    keywords: [OpenShift]\n"
      "    acronyms: [EKS]\n"
      "    exclude: [cloud nine]\n"
      "    credentials: [CKA]\n"
      "    patterns:\n"
      "      - [[run], {within: 2}, [clusters]]\n"
      "    senses:\n"
      "      - keyword: OpenShift\n"
      "        requires_any: [[container]]\n"
      "    tests:\n"
      "      match: [Runs OpenShift containers.]\n"
      "      no_match: [On cloud nine.]\n");
  ASSERT_EQ(set.rules.size(), 2u);
  const Rule& cloud = set.rules[0];
  EXPECT_EQ(cloud.id, "cloud");
  EXPECT_EQ(cloud.line, 2);
  EXPECT_EQ(cloud.name, "Cloud");
  EXPECT_EQ(cloud.keywords, (Words{"cloud", "OpenShift"}));
  EXPECT_EQ(cloud.acronyms, Words{"EKS"});
  EXPECT_EQ(cloud.excludes, Words{"cloud nine"});
  EXPECT_EQ(cloud.credentials, Words{"CKA"});
  ASSERT_EQ(cloud.patterns.size(), 1u);
  EXPECT_EQ(cloud.patterns[0].line, 20);
  EXPECT_EQ(cloud.patterns[0].terms[1].words, Words{"clusters"});
  ASSERT_EQ(cloud.senses.size(), 1u);
  EXPECT_EQ(cloud.senses[0].keywords, Words{"OpenShift"});
  ASSERT_EQ(cloud.must_match.size(), 2u);
  EXPECT_EQ(cloud.must_match[0].text, "Cloud first.");
  EXPECT_EQ(cloud.must_match[0].line, 8);
  EXPECT_EQ(cloud.must_match[1].text, "Runs OpenShift containers.");
  EXPECT_EQ(cloud.must_match[1].line, 25);
  ASSERT_EQ(cloud.must_not_match.size(), 1u);
  EXPECT_EQ(cloud.must_not_match[0].line, 26);
  EXPECT_EQ(set.rules[1].keywords, Words{"other"});
}

TEST(RuleLoaderTest, AnExtensionMayAddToARuleOfAnEarlierFile) {
  RuleSet set;
  parse_rule_file("a.yaml", "rules:\n  - {id: cloud, name: Cloud, category: technology, advice: a, keywords: [cloud]}\n", set);
  parse_rule_file("b.yaml", "rules:\n  - extends: cloud\n    keywords: [OpenShift]\n", set);
  ASSERT_EQ(set.rules.size(), 1u);
  EXPECT_EQ(set.rules[0].keywords, (Words{"cloud", "OpenShift"}));
  EXPECT_EQ(set.rules[0].file, "a.yaml");
}

TEST(RuleLoaderTest, APackExtendsTheBuiltInRules) {
  const RuleSet built_in = load_rules({});
  const RuleSet set = load_rules({true, {std::string(CIO_GAP_SOURCE_DIR) + "/tests/fixtures/rules/extends-pack"}});
  ASSERT_EQ(set.rules.size(), built_in.rules.size() + 1);
  const auto cloud = std::find_if(set.rules.begin(), set.rules.end(), [](const Rule& r) { return r.id == "cloud"; });
  ASSERT_NE(cloud, set.rules.end());
  EXPECT_EQ(cloud->keywords.back(), "OpenShift");
  EXPECT_EQ(cloud->patterns.size(), 1u);
  EXPECT_EQ(set.rules.back().id, "platform-engineering");
  ASSERT_EQ(set.word_sets.size(), built_in.word_sets.size() + 2);
  EXPECT_EQ(set.word_sets.back().name, "platform-nouns");
}

TEST(RuleLoaderTest, ParsesTheNewVocabulary) {
  const RuleSet set = parse(
      "qualifiers:\n"
      "  required: [required, must]\n"
      "paragraphs:\n"
      "  role: [you will]\n"
      "  employer: [we are, founded]\n"
      "  benefits: [medical]\n"
      "  legal: [equal opportunity]\n"
      "  apply: [apply]\n"
      "evidence:\n"
      "  strong: [own, lead]\n");
  const SectionVocabulary& v = set.vocabulary;
  EXPECT_EQ(v.required_markers, (Words{"required", "must"}));
  EXPECT_EQ(v.paragraph_cues[static_cast<int>(ParagraphCue::role)], Words{"you will"});
  EXPECT_EQ(v.paragraph_cues[static_cast<int>(ParagraphCue::employer)], (Words{"we are", "founded"}));
  EXPECT_EQ(v.paragraph_cues[static_cast<int>(ParagraphCue::benefits)], Words{"medical"});
  EXPECT_EQ(v.paragraph_cues[static_cast<int>(ParagraphCue::legal)], Words{"equal opportunity"});
  EXPECT_EQ(v.paragraph_cues[static_cast<int>(ParagraphCue::apply)], Words{"apply"});
  EXPECT_EQ(v.strong_evidence, (Words{"own", "lead"}));
}

TEST(RuleLoaderTest, APackAddsToTheNewVocabulary) {
  RuleSet set;
  parse_rule_file("a.yaml", "paragraphs:\n  legal: [equal opportunity]\nevidence:\n  strong: [own]\n", set);
  parse_rule_file("b.yaml",
                  "qualifiers:\n  required: [obligatorisch]\nparagraphs:\n  legal: [chancengleichheit]\n"
                  "evidence:\n  strong: [leiten]\n",
                  set);
  EXPECT_EQ(set.vocabulary.paragraph_cues[3], (Words{"equal opportunity", "chancengleichheit"}));
  EXPECT_EQ(set.vocabulary.strong_evidence, (Words{"own", "leiten"}));
  EXPECT_EQ(set.vocabulary.required_markers, Words{"obligatorisch"});
}

TEST(RuleLoaderTest, TheBuiltInVocabularyHasTheNewLists) {
  const RuleSet set = load_rules({});
  const SectionVocabulary& v = set.vocabulary;
  auto has = [](const Words& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  EXPECT_TRUE(has(v.required_markers, "required"));
  EXPECT_TRUE(has(v.paragraph_cues[static_cast<int>(ParagraphCue::legal)], "equal opportunity"));
  EXPECT_TRUE(has(v.paragraph_cues[static_cast<int>(ParagraphCue::benefits)], "dental"));
  EXPECT_TRUE(has(v.strong_evidence, "responsible for"));
}

TEST(RuleLoaderTest, WordSetsMayBeDefinedInAnyFile) {
  // A file alone does not check its references: the set may come in a later file.
  EXPECT_NO_THROW(parse(rule_with("    patterns:\n      - [lead-verbs, team-nouns]\n")));
  EXPECT_EQ(error_of_files({{"a.yaml", rule_with("    patterns:\n      - [lead-verbs, team-nouns]\n")},
                            {"b.yaml", "words:\n  lead-verbs: [lead]\n  team-nouns: [team]\n"}}),
            "no error");
}

TEST(RuleLoaderTest, ReportsEveryMistakeOfAFileInFileOrder) {
  // Three mistakes in two rules: each is named, and the rules without one load no further errors.
  EXPECT_EQ(error_of("rules:\n"
                     "  - id: cloud-ops\n"
                     "    name: Cloud operations\n"
                     "    category: technlogy\n"
                     "    advise: Run it.\n"
                     "    keywords: [cloud operations]\n"
                     "  - id: Vendor_Mgmt\n"
                     "    name: Vendors\n"
                     "    category: business\n"
                     "    advice: Negotiate.\n"
                     "    keywords: [vendor management]\n"
                     "  - id: fine\n"
                     "    name: Fine\n"
                     "    category: business\n"
                     "    advice: Fine.\n"
                     "    keywords: [fine]\n"),
            "pack.yaml:4:15: unknown category 'technlogy' (did you mean 'technology'?)\n"
            "pack.yaml:5:5: unknown key 'advise' in a rule (did you mean 'advice'?); valid keys: id, name, category, "
            "keywords, acronyms, exclude, inflect, credentials, advice, advice_partial, tests, patterns, senses\n"
            "pack.yaml:7:9: rule id 'Vendor_Mgmt' must be lower-case letters, digits and '-'");
}

TEST(RuleLoaderTest, StopsAtTwentyErrors) {
  std::string yaml = "rules:\n";
  for (int i = 0; i < 25; ++i) yaml += "  - {id: r" + std::to_string(i) + ", name: R, category: nope, advice: a, keywords: [k]}\n";
  const std::string out = error_of(yaml);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 20) << out;
  EXPECT_TRUE(out.starts_with("pack.yaml:2:")) << out;
  EXPECT_TRUE(out.ends_with("\n5 more errors not shown")) << out;
}

TEST(RuleLoaderTest, UnknownWordSetErrors) {
  const std::string words = "words:\n  team-nouns: [team]\n";
  // Lines 1-2 the sets, 3-8 the rule, 9 on the rest.
  // Every unknown set is named, in file order.
  EXPECT_EQ(reference_error_of(words + rule_with("    patterns:\n      - [lead-verbs, {within: 2}, team-noun]\n")),
            "pack.yaml:10:10: unknown word set 'lead-verbs' in rule 'x'\n"
            "pack.yaml:10:35: unknown word set 'team-noun' in rule 'x' (did you mean 'team-nouns'?)");
  EXPECT_EQ(reference_error_of(words + rule_with("    patterns:\n      - [[lead], {within: 2}, team-noun]\n")),
            "pack.yaml:10:31: unknown word set 'team-noun' in rule 'x' (did you mean 'team-nouns'?)");
  EXPECT_EQ(reference_error_of(words + rule_with("    senses:\n      - keyword: security\n"
                                                 "        requires_any: [[program], tem-nouns]\n")),
            "pack.yaml:11:35: unknown word set 'tem-nouns' in rule 'x' (did you mean 'team-nouns'?)");
  EXPECT_EQ(reference_error_of(words + rule_with("    senses:\n      - forbids_any: [benefit-words]\n")),
            "pack.yaml:10:23: unknown word set 'benefit-words' in rule 'x'");
}

TEST(RuleLoaderTest, PatternErrors) {
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [{within: 2}, lead-verbs, team-nouns]\n")),
            "pack.yaml:8:10: a gap must stand between two terms");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, {within: 2}, {near: 1}, team-nouns]\n")),
            "pack.yaml:8:35: a gap must stand between two terms");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, team-nouns, {within: 2}]\n")),
            "pack.yaml:8:9: a pattern cannot end with a gap");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs]\n")),
            "pack.yaml:8:9: a pattern needs at least two terms (use keywords for one)");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, {within: 2}]\n")),
            "pack.yaml:8:9: a pattern cannot end with a gap");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [a, b, c, d, e, f, g]\n")),
            "pack.yaml:8:9: a pattern has at most six terms");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [Lead Verbs, team-nouns]\n")),
            "pack.yaml:8:10: a pattern's term: 'Lead Verbs' is not a word set name (write words in place as a "
            "list: [Lead Verbs])");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, {wihtin: 2}, team-nouns]\n")),
            "pack.yaml:8:23: unknown key 'wihtin' in a pattern's gap (did you mean 'within'?); valid keys: within, near");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, {within: 2, near: 2}, team-nouns]\n")),
            "pack.yaml:8:22: a gap is {within: N} or {near: N}");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, {within: 13}, team-nouns]\n")),
            "pack.yaml:8:31: within must be a whole number from 0 to 12, not '13'");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [lead-verbs, {near: -1}, team-nouns]\n")),
            "pack.yaml:8:29: near must be a whole number from 0 to 12, not '-1'");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - lead-verbs\n")),
            "pack.yaml:8:9: a pattern must be a list: [word-set, {within: N}, word-set]");
  EXPECT_EQ(error_of(rule_with("    patterns: lead-verbs\n")), "pack.yaml:7:15: 'patterns' must be a list of patterns");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [[], team-nouns]\n")),
            "pack.yaml:8:10: a pattern's term: an empty list of words");
  EXPECT_EQ(error_of(rule_with("    patterns:\n      - [[lead, \"\"], team-nouns]\n")),
            "pack.yaml:8:10: a pattern's term: an empty word");
}

TEST(RuleLoaderTest, SenseErrors) {
  EXPECT_EQ(error_of(rule_with("    senses:\n      - keyword: securty\n        requires_any: [x]\n")),
            "pack.yaml:8:18: 'securty' is not a keyword or acronym of rule 'x' (did you mean 'security'?)");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - keywords: [security, SOC]\n        requires_any: [x]\n")),
            "pack.yaml:8:19: 'SOC' is not a keyword or acronym of rule 'x'");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - {keyword: security, keywords: [security], requires_any: [x]}\n")),
            "pack.yaml:8:9: a sense has 'keyword' or 'keywords', not both");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - keyword: security\n")),
            "pack.yaml:8:9: a sense needs requires_any, forbids_any or both");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - keyword: security\n        require_any: [x]\n")),
            "pack.yaml:9:9: unknown key 'require_any' in a sense (did you mean 'requires_any'?); valid keys: keyword, keywords, requires_any, forbids_any, within");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - requires_any: security-context\n")),
            "pack.yaml:8:23: requires_any must be a list of word set names or lists of words");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - forbids_any: []\n")), "pack.yaml:8:22: forbids_any is empty");
  EXPECT_EQ(error_of(rule_with("    senses:\n      - forbids_any: [Benefit Words]\n")),
            "pack.yaml:8:23: forbids_any: 'Benefit Words' is not a word set name (write words in place as a list: "
            "[Benefit Words])");
  EXPECT_EQ(error_of(rule_with("    senses: security\n")), "pack.yaml:7:13: 'senses' must be a list");
}

TEST(RuleLoaderTest, WordSetErrors) {
  EXPECT_EQ(error_of("words:\n  Lead_Verbs: [lead]\n"),
            "pack.yaml:2:3: word set name 'Lead_Verbs' must be lower-case letters, digits and '-'");
  EXPECT_EQ(error_of("words:\n  lead-verbs: []\n"), "pack.yaml:2:15: word set 'lead-verbs' is empty");
  EXPECT_EQ(error_of("words: [lead]\n"), "pack.yaml:1:8: 'words' must map set names to lists of words");
  EXPECT_EQ(error_of("words:\n  lead-verbs: [lead]\n  lead-verbs: [guide]\n"),
            "pack.yaml:3:3: duplicate key 'lead-verbs' (first on line 2)");
  EXPECT_EQ(error_of_files({{"a.yaml", "words:\n  lead-verbs: [lead]\n"}, {"b.yaml", "words:\n  lead-verbs: [guide]\n"}}),
            "b.yaml:2:3: duplicate word set 'lead-verbs' (first defined at a.yaml:2)");
}

TEST(RuleLoaderTest, ExtensionErrors) {
  const std::string cloud = "rules:\n  - {id: cloud, name: Cloud, category: technology, advice: a, keywords: [cloud]}\n";
  EXPECT_EQ(error_of(cloud + "  - extends: clod\n    keywords: [OpenShift]\n"),
            "pack.yaml:3:14: extends unknown rule 'clod' (did you mean 'cloud'?)");
  EXPECT_EQ(error_of("rules:\n  - extends: cloud\n    keywords: [OpenShift]\n"),
            "pack.yaml:2:14: extends unknown rule 'cloud'");
  EXPECT_EQ(error_of(cloud + "  - extends: cloud\n    name: Cloud platforms\n"),
            "pack.yaml:4:5: unknown key 'name' in a rule extension; valid keys: extends, keywords, acronyms, exclude, credentials, patterns, senses, tests");
  EXPECT_EQ(error_of(cloud + "  - extends: cloud\n    keyword: [OpenShift]\n"),
            "pack.yaml:4:5: unknown key 'keyword' in a rule extension (did you mean 'keywords'?); valid keys: extends, keywords, acronyms, exclude, credentials, patterns, senses, tests");
  EXPECT_EQ(error_of(cloud + "  - extends: cloud\n    senses:\n      - keyword: OpenShift\n        forbids_any: [[red]]\n"),
            "pack.yaml:5:18: 'OpenShift' is not a keyword or acronym of rule 'cloud'");
  // A sense of an extension may govern a keyword the extension adds.
  EXPECT_EQ(error_of(cloud + "  - extends: cloud\n    keywords: [OpenShift]\n    senses:\n      - keyword: OpenShift\n"
                             "        forbids_any: [[red]]\n"),
            "no error");
}

TEST(RuleLoaderTest, VocabularyKeyErrors) {
  EXPECT_EQ(error_of("paragraphs:\n  benefit: [medical]\n"),
            "pack.yaml:2:3: unknown key 'benefit' in paragraphs (did you mean 'benefits'?); valid keys: role, employer, benefits, legal, apply");
  EXPECT_EQ(error_of("evidence:\n  strng: [own]\n"), "pack.yaml:2:3: unknown key 'strng' in evidence (did you mean 'strong'?); valid keys: strong");
  EXPECT_EQ(error_of("qualifiers:\n  requird: [must]\n"),
            "pack.yaml:2:3: unknown key 'requird' in qualifiers (did you mean 'required'?); valid keys: optional, optional_prefix, negation, required");
  EXPECT_EQ(error_of("paragraph:\n  role: [you will]\n"),
            "pack.yaml:1:1: unknown key 'paragraph' in a rule file (did you mean 'paragraphs'?); valid keys: rules, words, sections, qualifiers, paragraphs, evidence, role_types");
  EXPECT_EQ(error_of("evidence: [own]\n"), "pack.yaml:1:11: evidence must be a mapping");
}

}  // namespace
}  // namespace cio_gap
