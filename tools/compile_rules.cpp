// Build tool: compiles the built-in rules (rules/*.yaml, embedded in this program) into the
// image cio-gap links (see RulesImage), so cio-gap starts without parsing YAML or building its
// matcher. Usage: cio_gap_compile_rules OUTPUT
#include <cstdio>
#include <exception>
#include <fstream>

#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/rules_image.h"

namespace cio_gap {

// This program is the one that makes the image, so it has none.
std::string_view built_in_rules_image() { return {}; }

}  // namespace cio_gap

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cio_gap_compile_rules OUTPUT\n");
    return 2;
  }
  try {
    const cio_gap::RuleSet rules = cio_gap::load_rules({true, {}});
    const cio_gap::Extractor extractor(rules, cio_gap::Extractor::Matcher::build);
    const std::string image = cio_gap::RulesImage::write(rules, extractor);
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "cio_gap_compile_rules: cannot write %s\n", argv[1]);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cio_gap_compile_rules: %s\n", e.what());
    return 1;
  }
  return 0;
}
