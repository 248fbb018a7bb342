#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cio_gap {

/// Deepest element nesting accepted in HTML. gumbo looks through the open elements for most
/// tags, so time grows with depth times tags (100,000 nested <div>s take 15 s; 999 nested
/// <span>s and four million stray end tags 27 s).
inline constexpr int kMaxHtmlDepth = 256;
/// Most elements (start tags) accepted in HTML; a saved job page has a few thousand.
inline constexpr int kMaxHtmlElements = 100000;
/// Most tags, start and end, accepted in HTML: end tags cost a look through the open
/// elements too.
inline constexpr int kMaxHtmlTags = 200000;
/// Most attributes on one element: gumbo checks each new attribute against the earlier ones
/// (80,000 attributes on one element take 14 s).
inline constexpr int kMaxHtmlAttributes = 256;
/// Most formatting elements (<b>, <i>, <font>, ...) gumbo may reopen in one HTML document:
/// a formatting element left open when its paragraph closes is opened again in every later
/// paragraph, so 900 unclosed <b>s and 20,000 paragraphs make 18 million elements.
inline constexpr long kMaxHtmlReopened = 100000;

/// Reads HTML the way an HTML5 tokenizer does (tags and their attributes, comments including
/// "<!-->" and "<!--->", bogus comments, DOCTYPE, CDATA in SVG and MathML, the raw text of
/// script, style, textarea, title, xmp, iframe, noembed, noframes and plaintext, script's
/// escaped "<!--" sections) and estimates the tree gumbo would build from it: elements, tags,
/// depth (an end tag closes back to its start tag; void elements and elements that close
/// implicitly, such as <p> and <li>, do not nest), attributes per element, and formatting
/// elements reopened after their paragraph closed. One linear pass. Returns why the tree is
/// too big to build ("nested more than 256 levels deep", "has more than 100000 elements",
/// ...), or "" when it is within every limit.
std::string html_limit_exceeded(std::string_view html);

}  // namespace cio_gap
