#pragma once

#include <string>
#include <vector>

namespace cio_gap {

/// One word of a page as a PDF's text layer places it: its text and its box in points, the
/// origin at the top left of the page (y grows downwards).
struct WordBox {
  std::string text;
  double x0 = 0;  ///< left
  double y0 = 0;  ///< top
  double x1 = 0;  ///< right
  double y1 = 0;  ///< bottom
};

/// One line of a page after layout, with what joining lines across wraps needs to know.
struct LaidOutLine {
  std::string text;          ///< the words of the line, one space between words apart
  double x1 = 0;             ///< right end of the line
  double y0 = 0;             ///< top of the line
  double y1 = 0;             ///< bottom of the line
  double column_right = 0;   ///< right end of the widest line of its column
  double first_word_width = 0;  ///< width of its first word
  double space_width = 0;    ///< the width a space takes at the line's size
  bool paragraph_break = false;  ///< a blank space (more than about half a line) above it
};

/// A page's words in reading order: words grouped into lines by their vertical position, and
/// when a vertical gutter splits the page into two columns, lines that cross it (a heading
/// over both columns) read in place and the lines between them read left column first.
std::vector<LaidOutLine> lay_out_page(std::vector<WordBox> words);

/// A document's text with the line each page starts on.
struct PagedText {
  std::string text;  ///< lines joined by '\n', a blank line between paragraphs
  /// page_lines[i]: the first line of `text` (1-based) that starts on page i + 1; the number
  /// of the next line to come when no line starts there (an empty page).
  std::vector<int> page_lines;
};

/// Joins laid-out pages into one text: running headers, footers and page numbers dropped (in
/// a document of two pages or more, a line among the first or last two of a page that,
/// digits aside, recurs there on more than half the pages), lines that wrap (the next line's
/// first word would have fitted on them) joined with a space, a word hyphenated at a line
/// end ("manage-" then "ment") joined without its hyphen, paragraph breaks kept as a blank
/// line. Lines that start a list item ("-", "•", "1.") are never joined to the line above.
PagedText join_pages(const std::vector<std::vector<LaidOutLine>>& pages);

}  // namespace cio_gap
