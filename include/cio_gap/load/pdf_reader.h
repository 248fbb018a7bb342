#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// Most pages of a PDF read. A posting has a few; a PDF of a hundred thousand empty pages
/// must not keep the scan busy, so reading stops here with a warning.
inline constexpr int kMaxPdfPages = 200;

/// One PDF as one posting named `source`, its text in reading order (see lay_out_page and
/// join_pages) with the line each page starts on in `page_lines`. Reads at most
/// kMaxPdfPages pages and about `max_text_bytes` of text, with a warning when it stops early.
/// Nothing, with one warning "source: skipped: why", when the PDF is damaged, locked with a
/// password, or has no text layer (a scanned image). poppler's own messages are silenced.
std::optional<PostingText> read_pdf_posting(const std::string& source, std::string_view bytes,
                                            std::size_t max_text_bytes, Diagnostics& diagnostics);

}  // namespace cio_gap
