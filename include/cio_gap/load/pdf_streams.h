#pragma once

#include <cstdint>
#include <string_view>

namespace cio_gap {

/// Most bytes the streams of a PDF that poppler turns into text (page contents, forms, object
/// streams; not images or fonts) may unpack to. poppler keeps every glyph of a page it reads,
/// about 40 bytes of memory per byte of content: a 300 KB PDF whose one page unpacks to
/// 100 MB of text operators would take 4 GB and half a minute. A posting's pages hold tens of
/// kilobytes each.
inline constexpr std::uint64_t kMaxPdfContentBytes = 8u * 1024u * 1024u;

/// How many bytes the PDF's text-bearing streams unpack to, counting up to `stop_after` and
/// no further (a deflate bomb is inflated only that far, its output discarded). Streams are
/// found in the raw bytes ("stream" after a dictionary, up to "endstream"); those whose
/// dictionary marks an image or a font are not counted; FlateDecode streams count what they
/// inflate to, others their stored length. A guard run before poppler, not a parser.
std::uint64_t pdf_content_bytes(std::string_view pdf, std::uint64_t stop_after);

}  // namespace cio_gap
