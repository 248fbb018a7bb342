// CSV is parsed by hand: no CSV library is among the project's dependencies, and the files
// scrapers write need what general parsers lack: pandas' backslash escapes inside quotes,
// a three-character separator with comma-joined rows (a JobSpy fork), per-field size caps.

#include "cio_gap/load/csv_reader.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

#include "cio_gap/error.h"
#include "cio_gap/load/posting_builder.h"
#include "cio_gap/load/record_warnings.h"

namespace cio_gap {
namespace {

constexpr std::string_view kForkSeparator = "|~|";

std::string_view first_line(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

std::string mib(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

class CsvParser {
 public:
  CsvParser(std::string_view text, const CsvDialect& dialect, const std::string& source,
            Diagnostics& diagnostics)
      : text_(text), dialect_(dialect), source_(source), diagnostics_(diagnostics), line_warnings_(source, "lines") {}

  std::vector<CsvRecord> parse() {
    while (pos_ < text_.size()) read_record();
    line_warnings_.flush(diagnostics_);
    return std::move(records_);
  }

  /// As parse, handing each record to `sink` as soon as it is read instead of keeping it: a
  /// file's records never all sit in memory.
  void parse(const std::function<void(CsvRecord&&)>& sink) {
    sink_ = &sink;
    parse();
    sink_ = nullptr;
  }

  /// Problems met, each line's counted (the warnings say them once per reason).
  std::size_t problems() const { return problems_; }

 private:
  bool at_separator() const {
    return text_.compare(pos_, dialect_.separator.size(), dialect_.separator) == 0;
  }
  bool at_record_end() const { return text_[pos_] == dialect_.record_end; }

  // Consumes one character into the field, counting lines and honouring the size cap.
  void take(std::string& field, char c) {
    if (c == '\n') ++line_;
    if (field.size() < kMaxCsvFieldBytes) {
      field.push_back(c);
    } else {
      field_cut_ = true;
    }
  }

  void read_record() {
    CsvRecord record;
    record.line = line_;
    bool any_quoted = false;
    bool columns_dropped = false;
    while (true) {
      std::string field;
      field_cut_ = false;
      const int field_line = line_;
      if (dialect_.quoting && pos_ < text_.size() && text_[pos_] == '"') {
        any_quoted = true;
        read_quoted(field, field_line);
      }
      // Unquoted text, or what follows a closing quote before the separator (kept as is,
      // as lenient readers do, rather than dropping the record).
      while (pos_ < text_.size() && !at_separator() && !at_record_end()) take(field, text_[pos_++]);
      if (field_cut_) {
        warn_line("with a field longer than " + mib(kMaxCsvFieldBytes) + "; cut there", field_line,
                  "field longer than " + mib(kMaxCsvFieldBytes) + "; cut there");
      }
      if (record.fields.size() < kMaxCsvColumns) {
        record.fields.push_back(std::move(field));
      } else {
        columns_dropped = true;
      }
      if (pos_ < text_.size() && at_separator()) {
        pos_ += dialect_.separator.size();
        continue;
      }
      break;
    }
    if (pos_ < text_.size()) {  // the record end
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
    if (columns_dropped) {
      const std::string what = "more than " + std::to_string(kMaxCsvColumns) + " columns; the rest dropped";
      warn_line("with " + what, record.line, what);
    }
    const bool blank = record.fields.size() == 1 && record.fields.front().empty() && !any_quoted;
    if (blank) return;
    if (sink_ != nullptr) {
      (*sink_)(std::move(record));
    } else {
      records_.push_back(std::move(record));
    }
  }

  void read_quoted(std::string& field, int field_line) {
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\\' && dialect_.backslash_escapes && pos_ + 1 < text_.size() &&
          (text_[pos_ + 1] == '"' || text_[pos_ + 1] == '\\')) {
        take(field, text_[pos_ + 1]);
        pos_ += 2;
      } else if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          take(field, '"');
          pos_ += 2;
        } else {
          ++pos_;  // closing quote
          return;
        }
      } else {
        take(field, c);
        ++pos_;
      }
    }
    warn_line("with a quoted field never closed", field_line, "quoted field never closed; read to the end of the file");
  }

  void warn_line(const std::string& reason, int line, const std::string& message) {
    ++problems_;
    line_warnings_.add(reason, 1, "line " + std::to_string(line), static_cast<std::size_t>(line),
                       located(source_, line, 0, message));
  }

  std::string_view text_;
  const CsvDialect& dialect_;
  const std::string& source_;
  Diagnostics& diagnostics_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool field_cut_ = false;
  std::vector<CsvRecord> records_;
  RecordWarnings line_warnings_;
  std::size_t problems_ = 0;
  const std::function<void(CsvRecord&&)>* sink_ = nullptr;
};

// How many problems reading the text with `dialect` meets: the parser's, plus every record
// whose field count differs from the header's. Nothing is kept.
std::size_t count_problems(std::string_view text, const CsvDialect& dialect, const std::string& source) {
  Diagnostics ignored;
  CsvParser parser(text, dialect, source, ignored);
  std::size_t mismatches = 0;
  std::optional<std::size_t> columns;
  parser.parse([&](CsvRecord&& record) {
    if (!columns) columns = record.fields.size();
    if (record.fields.size() != *columns) ++mismatches;
  });
  return parser.problems() + mismatches;
}

// Backslash escapes are what JobSpy's pandas writes, but a plain RFC 4180 file may hold a
// literal backslash before a closing quote ("C:\"); read it both ways and keep the reading
// whose records line up better.
CsvDialect best_dialect(std::string_view text, CsvDialect dialect, const std::string& source) {
  if (!dialect.backslash_escapes || text.find('\\') == std::string_view::npos) return dialect;
  const std::size_t escaped = count_problems(text, dialect, source);
  if (escaped == 0) return dialect;
  CsvDialect literal = dialect;
  literal.backslash_escapes = false;
  return count_problems(text, literal, source) < escaped ? literal : dialect;
}

std::string row_source(const std::string& source, std::size_t row) {
  return source + "#row=" + std::to_string(row);
}

}  // namespace

CsvDialect sniff_csv_dialect(std::string_view text) {
  CsvDialect dialect;
  const std::string_view header = first_line(text);
  if (header.find(kForkSeparator) != std::string_view::npos) {
    dialect.separator = std::string(kForkSeparator);
    dialect.quoting = false;
    dialect.backslash_escapes = false;
    // The writer deleted every comma from the values, so a comma on the first line can only
    // be the one joining the header to the first row.
    if (header.find(',') != std::string_view::npos) dialect.record_end = ',';
    return dialect;
  }
  static constexpr std::array<char, 5> kCandidates = {',', ';', '\t', '|', '~'};
  std::array<std::size_t, kCandidates.size()> counts{};
  bool in_quotes = false;
  for (const char c : header) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
      if (c == kCandidates[k]) ++counts[k];
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kCandidates.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  dialect.separator = std::string(1, kCandidates[best]);
  return dialect;
}

std::vector<CsvRecord> parse_csv(std::string_view text, const CsvDialect& dialect,
                                 const std::string& source, Diagnostics& diagnostics) {
  return CsvParser(text, dialect, source, diagnostics).parse();
}

std::vector<PostingText> read_csv_postings(const std::string& source, std::string_view text,
                                           Diagnostics& diagnostics) {
  std::vector<PostingText> postings;
  const CsvDialect dialect = best_dialect(text, sniff_csv_dialect(text), source);
  // Rows are read as the parser hands them over, so that a file of a million rows never holds
  // them all; the header comes first.
  bool header_read = false;
  std::size_t header_size = 0;
  std::vector<FieldMeaning> meanings;
  bool has_text_column = false;
  std::size_t row = 0;
  // A file of a million bad rows gets one warning per reason, not a million.
  RecordWarnings row_warnings(source, "rows");
  const auto at_row = [](std::size_t number) { return "row " + std::to_string(number); };
  Diagnostics field_diagnostics;
  auto read_row = [&](CsvRecord&& record) {
    const std::vector<std::string>& fields = record.fields;
    if (!header_read) {
      header_read = true;
      header_size = fields.size();
      for (const std::string& name : fields) {
        meanings.push_back(field_meaning(name));
        const auto role = meanings.back().role;
        has_text_column = has_text_column || role == FieldMeaning::Role::description ||
                          role == FieldMeaning::Role::section;
      }
      return;
    }
    ++row;
    if (!has_text_column) return;
    const std::string name = row_source(source, row);
    PostingBuilder builder;
    for (std::size_t column = 0; column < fields.size() && column < header_size; ++column) {
      const FieldMeaning& meaning = meanings[column];
      if (meaning.role == FieldMeaning::Role::ignored) continue;
      builder.add(meaning, meaning.role == FieldMeaning::Role::title
                               ? fields[column]
                               : field_text(fields[column], name, field_diagnostics));
      for (std::string& warning : field_diagnostics.warnings) {
        // "NAME: HTML ...; field ignored": the reason is what follows the row's name.
        row_warnings.add(warning.substr(std::min(warning.size(), name.size() + 2)), 1, at_row(row), row, std::move(warning));
      }
      field_diagnostics.warnings.clear();
    }
    const std::string shape = fields.size() == header_size
                                  ? std::string()
                                  : "the row has " + std::to_string(fields.size()) +
                                        " fields, the header " + std::to_string(header_size);
    std::optional<PostingText> posting = builder.build(name);
    if (!posting) {
      row_warnings.add("skipped: no description", 1, at_row(row), row,
                       name + ": skipped: no description" + (shape.empty() ? "" : " (" + shape + ")"));
      return;
    }
    if (!shape.empty()) row_warnings.add("with more or fewer fields than the header", 1, at_row(row), row, name + ": " + shape);
    postings.push_back(std::move(*posting));
  };
  CsvParser(text, dialect, source, diagnostics).parse(read_row);
  if (!header_read) {
    diagnostics.warn(source + ": skipped: no header line");
    return postings;
  }
  if (!has_text_column) {
    diagnostics.warn(source +
                     ": skipped: no description column (expected a header such as "
                     "\"description\" or \"Job Description\")");
    return postings;
  }
  row_warnings.flush(diagnostics);
  if (row == 0) diagnostics.warn(source + ": skipped: no rows below the header");
  return postings;
}

}  // namespace cio_gap
