// Any bytes as HTML: the pre-scan, then gumbo's tree building within the default memory budget
// and within a small one (so that abandoned parses are exercised too: their memory must all be
// freed, which the leak checker sees). fuzz/run gives it a tight -rss_limit_mb.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/text/html_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  cio_gap::html_to_text(html);
  cio_gap::html_to_text(html, std::size_t{64} << 10);
  cio_gap::decode_html_entities(html);
  return 0;
}
