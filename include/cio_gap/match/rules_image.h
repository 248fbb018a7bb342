#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cio_gap/match/extractor.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// The built-in rules compiled at build time: the RuleSet read from rules/*.yaml and the
/// extractor's matcher built from it, as one binary image linked into cio-gap. Parsing the YAML
/// and building the matcher take about 35 ms on every start; reading the image back takes
/// about one. The build makes the image with tools/compile_rules.cpp from the same files the
/// binary embeds, so the two always agree; an image is only used with the very rules it was
/// made from (see matching_fingerprint), any rule pack on top builds the matcher afresh.
class RulesImage {
 public:
  /// The image of `rules` and the extractor built from them.
  static std::string write(const RuleSet& rules, const Extractor& extractor);

  /// The rules an image holds. Throws std::runtime_error on a malformed image.
  static RuleSet read_rules(std::string_view image);

  /// Gives `extractor` the matcher of `image` when the image was made from rules that match
  /// exactly as `extractor.rules()` do; false (and nothing changed) otherwise. The matcher
  /// reads its largest arrays where the image holds them: the image must outlive the
  /// extractor, or `owner` keep it alive.
  static bool restore(std::string_view image, Extractor& extractor, std::shared_ptr<const void> owner = {});

  /// A hash of everything in a RuleSet that the extractor is built from.
  static std::uint64_t matching_fingerprint(const RuleSet& rules);

 private:
  static std::uint64_t layout();
};

/// The image linked into this program; empty in the build tool that makes it.
std::string_view built_in_rules_image();

}  // namespace cio_gap
