#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// Most bytes kept of one CSV field; the rest is cut with a warning.
inline constexpr std::size_t kMaxCsvFieldBytes = 4u * 1024u * 1024u;
/// Most columns kept of one CSV record; the rest are dropped with a warning.
inline constexpr std::size_t kMaxCsvColumns = 1024;

/// How a CSV file separates and quotes its fields.
struct CsvDialect {
  std::string separator = ",";  ///< one character, or "|~|" for the JobSpy fork's format
  char record_end = '\n';       ///< ',' for the JobSpy fork's format, which joins rows with commas
  bool quoting = true;          ///< fields may be "quoted" (with "" for a quote inside)
  bool backslash_escapes = true;  ///< inside quotes, \" and \\ stand for " and \ (pandas escapechar)
};

/// Guesses the dialect from the header line: the separator among , ; tab | ~ that occurs
/// most often outside quotes (comma on a tie), or "|~|" with comma-joined records when the
/// header holds "|~|" (a JobSpy fork writes "|~|".join(fields) and ",".join(rows), having
/// deleted every comma from the values).
CsvDialect sniff_csv_dialect(std::string_view text);

/// One record of a CSV file.
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  ///< 1-based line of the file where the record starts
};

/// Splits CSV text (UTF-8, '\n' line ends) into records: RFC 4180 quoting with fields over
/// several lines and doubled quotes, plus the dialect's backslash escapes. Blank lines are
/// skipped. Problems (an unterminated quote, an over-long field, too many columns) become
/// warnings "source:line: ...".
std::vector<CsvRecord> parse_csv(std::string_view text, const CsvDialect& dialect,
                                 const std::string& source, Diagnostics& diagnostics);

/// Postings from a CSV file, one per data row, named "source#row=N" (N = 1-based data row,
/// blank lines not counted). The header decides the columns (see field_meaning): the title,
/// the description, and extra columns each under a heading of its own (NYC's "Minimum Qual
/// Requirements" under "Minimum Qualification Requirements", LinkedIn's skills_desc under
/// "Skills", ...). Rows without text are skipped with a warning.
std::vector<PostingText> read_csv_postings(const std::string& source, std::string_view text,
                                           Diagnostics& diagnostics);

}  // namespace cio_gap
