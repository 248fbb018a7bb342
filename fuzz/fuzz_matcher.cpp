// Any bytes as posting text (decoded to UTF-8 first, as every reader does) through the
// Extractor with the built-in rules: sections, sentences, keywords, negation, years.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/text/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cio_gap::RuleSet rules = cio_gap::load_rules({});
  static const cio_gap::Extractor extractor(rules);
  cio_gap::DecodedText decoded = cio_gap::decode_to_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (decoded.encoding == cio_gap::Encoding::binary) return 0;
  cio_gap::KeywordMatcher::Scratch scratch(extractor.matcher());
  cio_gap::PostingText posting;
  posting.source = "fuzz";
  posting.text = std::move(decoded.text);
  extractor.extract(posting, scratch);
  extractor.hits_in_text(posting.text, scratch);
  return 0;
}
