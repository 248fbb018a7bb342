#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// Deepest XML element nesting walked in a DOCX or ODT; deeper documents are refused.
inline constexpr int kMaxOfficeXmlDepth = 256;

/// Which word processor's format a zip holds.
enum class OfficeFormat { docx, odt };

/// One DOCX or ODT document as one posting named `source`, as headed text like the HTML
/// reader's: each heading (a Title or Heading1..9 style, a style with an outline level in
/// word/styles.xml, an ODT text:h) on a line of its own directly above what follows,
/// paragraphs separated by a blank line, list items as "- item" lines, each table cell's
/// paragraphs as lines of their own. The title is the Title paragraph, else the first
/// top-level heading, else the first line. The zip's entries are size-checked before they
/// are read (see ZipArchive). Nothing, with one warning "source: skipped: why", for a file
/// that is not a zip, lacks its document, holds malformed XML or has no text.
std::optional<PostingText> read_office_posting(const std::string& source, std::string_view bytes,
                                               OfficeFormat format, Diagnostics& diagnostics);

/// As read_office_posting, from the document's XML already out of the zip (word/document.xml
/// or content.xml), without styles.xml: for the fuzz target and tests.
std::optional<PostingText> read_office_xml(const std::string& source, std::string_view xml, OfficeFormat format,
                                           Diagnostics& diagnostics);

}  // namespace cio_gap
