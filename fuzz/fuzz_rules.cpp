// Any bytes as a third-party rule pack: parse_rule_file may reject them with cio_gap::Error;
// a pack it accepts must also compile into an Extractor and match its own test sentences.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/error.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  cio_gap::RuleSet rules;
  try {
    cio_gap::parse_rule_file("fuzz.yaml", content, rules);
  } catch (const cio_gap::Error&) {
    return 0;
  }
  if (rules.rules.empty()) return 0;
  try {
    const cio_gap::Extractor extractor(rules);
    cio_gap::KeywordMatcher::Scratch scratch(extractor.matcher());
    for (const cio_gap::Rule& rule : rules.rules) {
      for (const cio_gap::RuleExample& example : rule.must_match) extractor.hits_in_text(example.text, scratch);
    }
  } catch (const cio_gap::Error&) {
  }
  return 0;
}
