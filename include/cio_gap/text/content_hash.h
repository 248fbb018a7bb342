#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// FNV-1a over length-prefixed fields, so ("ab", "c") and ("a", "bc") differ: the fingerprint
/// of the rules image and of a report's rules. Written here rather than taken from a library:
/// it is a dozen lines, and the value must stay the same from one build to the next.
class ContentHash {
 public:
  void add(std::string_view text) {
    add_number(text.size());
    for (const char c : text) mix(static_cast<unsigned char>(c));
  }
  void add(const std::vector<std::string>& texts) {
    add_number(texts.size());
    for (const auto& text : texts) add(text);
  }
  void add_number(std::uint64_t value) {
    for (int byte = 0; byte < 8; ++byte) mix(static_cast<unsigned char>(value >> (8 * byte)));
  }
  std::uint64_t value() const { return hash_; }

 private:
  void mix(unsigned char byte) { hash_ = (hash_ ^ byte) * 0x100000001b3ULL; }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace cio_gap
