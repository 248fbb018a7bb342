#include "cio_gap/match/rules_image.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/load/embedded_rules.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

// The built-in rules as the YAML files give them, every check on.
RuleSet rules_from_yaml() {
  RuleSet rules;
  for (const auto& file : embedded_rule_files()) parse_rule_file(std::string(file.name), file.content, rules);
  return rules;
}

TEST(RulesImageTest, TheLinkedImageHoldsExactlyTheRulesOfTheYamlFiles) {
  const RuleSet yaml = rules_from_yaml();
  const RuleSet image = RulesImage::read_rules(built_in_rules_image());
  ASSERT_EQ(image.rules.size(), yaml.rules.size());
  for (std::size_t r = 0; r < yaml.rules.size(); ++r) {
    const Rule& a = image.rules[r];
    const Rule& b = yaml.rules[r];
    SCOPED_TRACE(b.id);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.category, b.category);
    EXPECT_EQ(a.keywords, b.keywords);
    EXPECT_EQ(a.acronyms, b.acronyms);
    EXPECT_EQ(a.excludes, b.excludes);
    EXPECT_EQ(a.inflect, b.inflect);
    EXPECT_EQ(a.credentials, b.credentials);
    EXPECT_EQ(a.advice, b.advice);
    EXPECT_EQ(a.file, b.file);
    EXPECT_EQ(a.line, b.line);
    ASSERT_EQ(a.must_match.size(), b.must_match.size());
    for (std::size_t e = 0; e < a.must_match.size(); ++e) {
      EXPECT_EQ(a.must_match[e].text, b.must_match[e].text);
      EXPECT_EQ(a.must_match[e].line, b.must_match[e].line);
    }
    ASSERT_EQ(a.must_not_match.size(), b.must_not_match.size());
    for (std::size_t e = 0; e < a.must_not_match.size(); ++e) {
      EXPECT_EQ(a.must_not_match[e].text, b.must_not_match[e].text);
      EXPECT_EQ(a.must_not_match[e].line, b.must_not_match[e].line);
    }
  }
  const SectionVocabulary& a = image.vocabulary;
  const SectionVocabulary& b = yaml.vocabulary;
  EXPECT_EQ(a.duties, b.duties);
  EXPECT_EQ(a.required, b.required);
  EXPECT_EQ(a.preferred, b.preferred);
  EXPECT_EQ(a.boilerplate, b.boilerplate);
  EXPECT_EQ(a.optional_markers, b.optional_markers);
  EXPECT_EQ(a.optional_prefix_markers, b.optional_prefix_markers);
  EXPECT_EQ(a.negation_markers, b.negation_markers);
  EXPECT_EQ(a.role_types, b.role_types);
}

TEST(RulesImageTest, TheLinkedImageIsWhatTheRulesBuildToday) {
  // Made again from the YAML rules and a matcher built afresh, the image is the same bytes:
  // the matcher the program restores is the one it would build.
  const RuleSet rules = rules_from_yaml();
  const Extractor built(rules, Extractor::Matcher::build);
  EXPECT_TRUE(RulesImage::write(rules, built) == built_in_rules_image());
  // And an extractor restored from it writes the same image back.
  const Extractor restored(rules);
  EXPECT_TRUE(RulesImage::write(rules, restored) == built_in_rules_image());
}

TEST(RulesImageTest, OnlyTheRulesItWasMadeFromUseTheImage) {
  RuleSet rules = rules_from_yaml();
  Extractor extractor(rules, Extractor::Matcher::build);
  EXPECT_TRUE(RulesImage::restore(built_in_rules_image(), extractor));
  for (auto change : {+[](RuleSet& r) { r.rules.front().keywords.push_back("an extra phrase"); },
                      +[](RuleSet& r) { r.rules.back().inflect = !r.rules.back().inflect; },
                      +[](RuleSet& r) { r.vocabulary.negation_markers.push_back("never needed"); },
                      +[](RuleSet& r) { r.rules.pop_back(); }}) {
    RuleSet changed = rules;
    change(changed);
    Extractor other(changed, Extractor::Matcher::build);
    EXPECT_FALSE(RulesImage::restore(built_in_rules_image(), other));
  }
  EXPECT_FALSE(RulesImage::restore({}, extractor));
}

TEST(RulesImageTest, AMalformedImageIsAnErrorNotACrash) {
  const std::string_view image = built_in_rules_image();
  for (const std::size_t size : {std::size_t{0}, std::size_t{10}, std::size_t{200}}) {
    EXPECT_THROW(RulesImage::read_rules(image.substr(0, size)), std::runtime_error) << size;
  }
  const RuleSet rules = RulesImage::read_rules(image);
  Extractor extractor(rules, Extractor::Matcher::build);
  EXPECT_THROW(RulesImage::restore(image.substr(0, image.size() / 2), extractor), std::runtime_error);
  std::string wrong(image);
  wrong[8] = 'X';  // the magic text, after its length
  EXPECT_THROW(RulesImage::read_rules(wrong), std::runtime_error);
  // A count no image could hold is refused before anything is allocated for it: the rule
  // count follows the magic text, the layout, the fingerprint and the rules section's length.
  std::string huge(image);
  const std::size_t rule_count_at = 8 + std::string_view("cio-gap rules image 1\n").size() + 3 * 8;
  for (std::size_t i = 0; i < 8; ++i) huge[rule_count_at + i] = '\xff';
  EXPECT_THROW(RulesImage::read_rules(huge), std::runtime_error);
}

TEST(RulesImageTest, RestoredAndBuiltMatchersFindTheSame) {
  const RuleSet rules = rules_from_yaml();
  const Extractor restored(rules);
  const Extractor built(rules, Extractor::Matcher::build);
  std::string folder = std::string(CIO_GAP_SHARED_DIR) + "/corpus/cityofla";
  if (!std::filesystem::is_directory(folder)) folder = std::string(CIO_GAP_SOURCE_DIR) + "/examples/jobs";
  std::vector<std::string> outputs;
  for (const Extractor* extractor : {&restored, &built}) {
    Diagnostics diagnostics;
    outputs.push_back(render_scan_json(scan_postings({folder}, *extractor, {}, diagnostics), rules));
  }
  EXPECT_GT(outputs[0].size(), 1000u);
  EXPECT_TRUE(outputs[0] == outputs[1]);
}

// Rules using every field the rule language added.
constexpr const char* kLanguageRules = R"(words:
  lead-verbs: [lead, mentor]
  team-nouns: [team, staff]
rules:
  - id: team-leadership
    name: Team leadership
    category: leadership
    keywords: [people leadership]
    patterns:
      - [lead-verbs, {within: 4}, team-nouns]
      - [[plan, organize], {near: 2}, [work], team-nouns]
    senses:
      - forbids_any: [[sports]]
    advice: a
  - id: cybersecurity
    name: Cybersecurity
    category: technology
    keywords: [security]
    acronyms: [SOC]
    senses:
      - keywords: [security, SOC]
        requires_any: [team-nouns, [information, cyber]]
        forbids_any: [[family]]
    advice: a
qualifiers:
  required: [required, must]
paragraphs:
  role: [you will]
  employer: [we are]
  benefits: [medical]
  legal: [equal opportunity]
  apply: [apply]
evidence:
  strong: [own, lead]
)";

RuleSet language_rules() {
  RuleSet rules;
  parse_rule_file("language.yaml", kLanguageRules, rules);
  return rules;
}

// A word reference as text: "set@line:col" or "[words]@line:col".
std::vector<std::string> describe(const std::vector<WordRef>& refs) {
  std::vector<std::string> out;
  for (const auto& ref : refs) {
    std::string words;
    for (const auto& word : ref.words) words += (words.empty() ? "" : " ") + word;
    out.push_back((ref.set.empty() ? "[" + words + "]" : ref.set) + "@" + std::to_string(ref.line) + ":" +
                  std::to_string(ref.column));
  }
  return out;
}

TEST(RulesImageTest, WordSetsPatternsSensesAndTheNewVocabularySurviveWriteAndRead) {
  const RuleSet rules = language_rules();
  const Extractor extractor(rules, Extractor::Matcher::build);
  const RuleSet read = RulesImage::read_rules(RulesImage::write(rules, extractor));

  ASSERT_EQ(read.word_sets.size(), 2u);
  for (std::size_t s = 0; s < 2; ++s) {
    EXPECT_EQ(read.word_sets[s].name, rules.word_sets[s].name);
    EXPECT_EQ(read.word_sets[s].words, rules.word_sets[s].words);
    EXPECT_EQ(read.word_sets[s].file, "language.yaml");
    EXPECT_EQ(read.word_sets[s].line, rules.word_sets[s].line);
  }
  EXPECT_EQ(read.word_sets[1].line, 3);

  ASSERT_EQ(read.rules.size(), 2u);
  const auto& patterns = read.rules[0].patterns;
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_EQ(describe(patterns[0].terms), (std::vector<std::string>{"lead-verbs@10:10", "team-nouns@10:35"}));
  EXPECT_EQ(patterns[0].gaps, std::vector<int>{4});
  EXPECT_EQ(patterns[0].unordered, std::vector<bool>{false});
  EXPECT_EQ(patterns[0].line, 10);
  EXPECT_EQ(describe(patterns[1].terms),
            (std::vector<std::string>{"[plan organize]@11:10", "[work]@11:39", "team-nouns@11:47"}));
  EXPECT_EQ(patterns[1].gaps, (std::vector<int>{2, 0}));
  EXPECT_EQ(patterns[1].unordered, (std::vector<bool>{true, false}));
  EXPECT_EQ(patterns[1].line, 11);

  const auto& rule_wide = read.rules[0].senses;
  ASSERT_EQ(rule_wide.size(), 1u);
  EXPECT_TRUE(rule_wide[0].keywords.empty());
  EXPECT_TRUE(rule_wide[0].requires_any.empty());
  EXPECT_EQ(describe(rule_wide[0].forbids_any), std::vector<std::string>{"[sports]@13:23"});
  EXPECT_EQ(rule_wide[0].line, 13);

  const auto& senses = read.rules[1].senses;
  ASSERT_EQ(senses.size(), 1u);
  EXPECT_EQ(senses[0].keywords, (std::vector<std::string>{"security", "SOC"}));
  EXPECT_EQ(describe(senses[0].requires_any), (std::vector<std::string>{"team-nouns@22:24", "[information cyber]@22:36"}));
  EXPECT_EQ(describe(senses[0].forbids_any), std::vector<std::string>{"[family]@23:23"});
  EXPECT_EQ(senses[0].line, 21);

  EXPECT_EQ(read.vocabulary.required_markers, (std::vector<std::string>{"required", "must"}));
  EXPECT_EQ(read.vocabulary.paragraph_cues, rules.vocabulary.paragraph_cues);
  EXPECT_EQ(read.vocabulary.paragraph_cues[4], std::vector<std::string>{"apply"});
  EXPECT_EQ(read.vocabulary.strong_evidence, (std::vector<std::string>{"own", "lead"}));
  EXPECT_EQ(RulesImage::matching_fingerprint(read), RulesImage::matching_fingerprint(rules));
}

TEST(RulesImageTest, AnImageOfPatternsAndSensesRestoresAMatcherThatFindsTheSame) {
  const RuleSet rules = language_rules();
  const Extractor built(rules, Extractor::Matcher::build);
  const std::string image = RulesImage::write(rules, built);
  Extractor restored(rules, Extractor::Matcher::build);
  ASSERT_TRUE(RulesImage::restore(image, restored));
  EXPECT_TRUE(RulesImage::write(rules, restored) == image);
  KeywordMatcher::Scratch scratch{built.matcher()};
  const PostingText posting{"p.txt", "", "Title\n\nYou will lead a team and plan the work staff need.\n"
                                         "Owns the information security program.\nSecurity for your family.\n", 0};
  std::vector<std::string> found[2];
  for (int e = 0; e < 2; ++e) {
    const Extractor& extractor = e == 0 ? built : restored;
    for (const auto& hit : extractor.hits(posting, scratch)) {
      found[e].push_back(rules.rules[hit.rule].id + " " + hit.keyword + " " + std::to_string(hit.line) + " " +
                         to_string(hit.status));
    }
  }
  EXPECT_EQ(found[0], (std::vector<std::string>{"team-leadership lead a team 3 counted",
                                                "team-leadership plan the work staff 3 counted",
                                                "cybersecurity security 4 counted", "cybersecurity Security 5 other-sense"}));
  EXPECT_EQ(found[1], found[0]);
}

TEST(RulesImageTest, EveryNewFieldTheMatcherIsBuiltFromChangesTheFingerprint) {
  const RuleSet rules = language_rules();
  const std::uint64_t original = RulesImage::matching_fingerprint(rules);
  using Change = void (*)(RuleSet&);
  const std::vector<std::pair<const char*, Change>> changes = {
      {"word set words", [](RuleSet& r) { r.word_sets[0].words.push_back("guide"); }},
      {"word set name", [](RuleSet& r) { r.word_sets[0].name = "leading-verbs"; }},
      {"word set removed", [](RuleSet& r) { r.word_sets.pop_back(); }},
      {"pattern gap", [](RuleSet& r) { r.rules[0].patterns[0].gaps[0] = 3; }},
      {"pattern order", [](RuleSet& r) { r.rules[0].patterns[0].unordered[0] = true; }},
      {"pattern term set", [](RuleSet& r) { r.rules[0].patterns[0].terms[0].set = "team-nouns"; }},
      {"pattern term words", [](RuleSet& r) { r.rules[0].patterns[1].terms[1].words.push_back("projects"); }},
      {"pattern removed", [](RuleSet& r) { r.rules[0].patterns.pop_back(); }},
      {"sense keywords", [](RuleSet& r) { r.rules[1].senses[0].keywords.pop_back(); }},
      {"sense requires_any", [](RuleSet& r) { r.rules[1].senses[0].requires_any.pop_back(); }},
      {"sense forbids_any", [](RuleSet& r) { r.rules[1].senses[0].forbids_any[0].words[0] = "kids"; }},
      {"sense added", [](RuleSet& r) { r.rules[1].senses.push_back(r.rules[0].senses[0]); }},
      {"required markers", [](RuleSet& r) { r.vocabulary.required_markers.push_back("mandatory"); }},
      {"role cues", [](RuleSet& r) { r.vocabulary.paragraph_cues[0].push_back("your role"); }},
      {"employer cues", [](RuleSet& r) { r.vocabulary.paragraph_cues[1].push_back("founded"); }},
      {"benefits cues", [](RuleSet& r) { r.vocabulary.paragraph_cues[2].push_back("dental"); }},
      {"legal cues", [](RuleSet& r) { r.vocabulary.paragraph_cues[3].push_back("e-verify"); }},
      {"apply cues", [](RuleSet& r) { r.vocabulary.paragraph_cues[4].push_back("resume"); }},
      {"a cue moved to another kind",
       [](RuleSet& r) {
         r.vocabulary.paragraph_cues[4].pop_back();
         r.vocabulary.paragraph_cues[3].push_back("apply");
       }},
      {"strong evidence", [](RuleSet& r) { r.vocabulary.strong_evidence.push_back("direct"); }},
  };
  for (const auto& [name, change] : changes) {
    RuleSet changed = rules;
    change(changed);
    EXPECT_NE(RulesImage::matching_fingerprint(changed), original) << name;
  }
  // Where a rule or a word is written does not change what the matcher is built from.
  RuleSet moved = rules;
  moved.word_sets[0].line = 40;
  moved.word_sets[0].file = "other.yaml";
  moved.rules[0].patterns[0].line = 41;
  moved.rules[0].patterns[0].terms[0].column = 3;
  moved.rules[1].senses[0].line = 42;
  EXPECT_EQ(RulesImage::matching_fingerprint(moved), original);
}

}  // namespace
}  // namespace cio_gap
