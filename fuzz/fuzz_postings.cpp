// Any bytes as a posting file, read as every format in turn (text, Markdown, HTML, JSON,
// JSON Lines, CSV): parse_postings never throws and never crashes, whatever the bytes.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/load/posting_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using cio_gap::PostingFormat;
  static constexpr std::array<PostingFormat, 6> kFormats = {PostingFormat::text, PostingFormat::markdown,
                                                            PostingFormat::html, PostingFormat::json,
                                                            PostingFormat::jsonl, PostingFormat::csv};
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const PostingFormat format : kFormats) {
    cio_gap::Diagnostics diagnostics;
    cio_gap::parse_postings("fuzz", bytes, format, diagnostics);
  }
  return 0;
}
