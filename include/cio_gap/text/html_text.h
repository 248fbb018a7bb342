#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/text/html_parse.h"
#include "cio_gap/text/html_scan.h"

namespace cio_gap {

/// What a reader needs from an HTML page or fragment.
struct HtmlText {
  /// The visible text: block elements on lines of their own, a blank line between paragraphs,
  /// headings on a line of their own directly above what follows them, list items prefixed
  /// with "- ", table cells joined by " | ", entities decoded, whitespace runs collapsed.
  /// Never includes script, style, noscript, template, head, form controls, nav, page-level
  /// header and footer, or anything hidden (hidden, aria-hidden="true", display:none,
  /// screen-reader-only classes). When the page has one <main>, or else one <article>, holding
  /// most of the text, only that element is read, to leave site chrome out.
  std::string text;
  std::string heading;  ///< the first visible <h1>, whitespace collapsed; empty when none
  /// Contents of the <script type="application/ld+json"> blocks, in page order.
  std::vector<std::string> json_ld;
  /// Why the HTML was not parsed ("nested more than 256 levels deep", "has more than
  /// 100000 elements", "needs more than 96 MiB of memory to parse"); empty when it was.
  std::string refusal;
};

/// Parses HTML (a whole page or a fragment such as a JSON field's value) with gumbo, after
/// html_limit_exceeded found it within the limits, and within html_parse_budget's memory.
HtmlText html_to_text(std::string_view html);

/// As html_to_text, with gumbo's memory budget given in bytes.
HtmlText html_to_text(std::string_view html, std::size_t parse_budget);

/// Whether a field value is HTML rather than plain text: it holds common block or inline
/// tags such as <p>, <br>, <li>, <div>.
bool looks_like_html(std::string_view text);

/// Decodes character references ("&lt;p&gt;" -> "<p>") leaving everything else as it is;
/// used for HTML that was entity-escaped once more, as Greenhouse's `content` is.
std::string decode_html_entities(std::string_view text);

}  // namespace cio_gap
