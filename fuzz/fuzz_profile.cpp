// Any bytes as a self-assessment: parse_profile may reject them with cio_gap::Error and
// nothing else (no other exception, crash, hang, sanitizer report or blow-up).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/error.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/load/rule_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cio_gap::RuleSet rules = cio_gap::load_rules({});
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  try {
    cio_gap::parse_profile("fuzz.yaml", content, rules);
  } catch (const cio_gap::Error&) {
  }
  return 0;
}
