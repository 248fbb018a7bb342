#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cio_gap {

/// Collapses whitespace runs to one space and trims to at most about `max_bytes` (on word and
/// UTF-8 boundaries, "…" marking each cut), keeping the bytes at [focus, focus_end) of `text`
/// in view, for showing a sentence as evidence. Only the start of the text and a window around
/// the focus are read, so the work is bounded by max_bytes (and the whitespace in that window)
/// whatever the length of the text.
std::string display_text(std::string_view text, std::size_t max_bytes = 240,
                         std::size_t focus = 0, std::size_t focus_end = 0);

}  // namespace cio_gap
