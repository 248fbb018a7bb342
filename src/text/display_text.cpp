#include "cio_gap/text/display_text.h"

#include <algorithm>

namespace cio_gap {

namespace {

bool is_display_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// display_text's whitespace collapsing of text[from..]: each run of spaces, tabs and line breaks
// becomes one space, none at the start. Stops once `limit` bytes are written, so that only a
// window of a long sentence is ever collapsed.
struct Collapsed {
  std::string out;
  std::size_t shown_focus = 0;  // where `focus` falls in `out` (a pending space counted)
  std::size_t limit_at = 0;     // one past the byte of text that made `out` reach `limit`
};

Collapsed collapse(std::string_view text, std::size_t from, std::size_t limit, std::size_t focus = std::string_view::npos) {
  Collapsed result;
  std::string& out = result.out;
  bool space = false;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (i == focus) result.shown_focus = out.size() + (space && !out.empty() ? 1 : 0);
    if (out.size() >= limit && (focus == std::string_view::npos || i > focus)) break;
    const char c = text[i];
    if (is_display_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() >= limit && result.limit_at == 0) result.limit_at = i + 1;
  }
  return result;
}

// Where to start collapsing so that `wanted` shown bytes come before `focus`, or 0: a byte
// that is not whitespace, so that the collapsed window is the end of the whole text's.
std::size_t window_start(std::string_view text, std::size_t focus, std::size_t wanted) {
  std::size_t shown = 0;
  std::size_t i = focus;
  while (i > 0) {
    if (is_display_space(text[i - 1])) {
      while (i > 0 && is_display_space(text[i - 1])) --i;
      ++shown;
      continue;
    }
    --i;
    if (++shown >= wanted) return i;
  }
  return 0;
}

// The end of display_text: `out` is the collapsed text from some point on, or enough of it
// (more than begin + max_bytes bytes when there is more).
std::string shown_window(const std::string& out, std::size_t begin, std::size_t max_bytes, bool cut_before) {
  auto is_continuation = [&](std::size_t at) {
    return at < out.size() && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80;
  };
  std::size_t end = std::min(out.size(), begin + max_bytes);
  if (end < out.size()) {
    const auto space_at = out.rfind(' ', end);
    if (space_at != std::string::npos && space_at > begin + max_bytes / 2) end = space_at;
    while (is_continuation(end)) --end;
  }
  std::string shown = cut_before ? "\xE2\x80\xA6" : "";
  shown += out.substr(begin, end - begin);
  if (end < out.size()) shown += "\xE2\x80\xA6";
  return shown;
}

}  // namespace

std::string display_text(std::string_view text, std::size_t max_bytes, std::size_t focus,
                         std::size_t focus_end) {
  // Only the start of the text and a window around the focus are collapsed: the work is
  // bounded by max_bytes (and the whitespace in the window), whatever the text's length, so
  // citing every mention in a long sentence stays linear.
  Collapsed head = collapse(text, 0, max_bytes + 1);
  if (head.out.size() <= max_bytes) return head.out;
  const bool has_focus = focus < text.size();
  const bool has_focus_end = focus_end > 0 && focus_end <= text.size();
  // The window moves off the start only when the focus ends beyond it.
  if (!has_focus || !has_focus_end || focus_end < head.limit_at) return shown_window(head.out, 0, max_bytes, false);
  // Start a third of the window before the focus, so the cited words sit near the front.
  const std::size_t from = window_start(text, focus, max_bytes / 3 + 2);
  const std::size_t shown_focus = collapse(text, from, 0, focus).shown_focus;
  std::size_t begin = shown_focus > max_bytes / 3 ? shown_focus - max_bytes / 3 : 0;
  // Enough to show max_bytes from any begin up to the focus, and to tell whether more follows.
  const Collapsed window = collapse(text, from, shown_focus + max_bytes + 8, focus);
  const std::string& out = window.out;
  const auto space_at = out.find(' ', begin);
  if (space_at != std::string::npos && space_at < shown_focus) begin = space_at + 1;
  while (begin < out.size() && (static_cast<unsigned char>(out[begin]) & 0xC0) == 0x80) ++begin;
  return shown_window(out, begin, max_bytes, begin > 0);
}

}  // namespace cio_gap
