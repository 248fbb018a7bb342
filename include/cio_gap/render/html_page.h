#pragma once

#include <string>
#include <string_view>

namespace cio_gap {

/// Text from inputs as HTML text or attribute value: `& < > " '` become entities and control
/// characters (other than tab and newline) become spaces, so no input can open markup.
std::string html_escape(std::string_view text);

/// A complete, self-contained HTML document: the report style sheet inline (screen and print,
/// A4 and Letter alike), no script, nothing fetched from the network. `title` is escaped;
/// `body` is markup, already escaped by its maker.
std::string html_document(std::string_view title, std::string_view body);

/// What html_document puts before the body, and after it: for a page written piece by piece.
std::string html_document_head(std::string_view title);
std::string_view html_document_tail();

}  // namespace cio_gap
