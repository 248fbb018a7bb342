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

}  // namespace
}  // namespace cio_gap
