#include "cio_gap/load/posting_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <system_error>

#include "cio_gap/error.h"
#include "cio_gap/load/csv_reader.h"
#include "cio_gap/load/document_readers.h"
#include "cio_gap/load/file_reader.h"
#include "cio_gap/load/html_reader.h"
#include "cio_gap/load/json_reader.h"
#include "cio_gap/load/posting_builder.h"
#include "cio_gap/text/decode.h"

namespace cio_gap {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<PostingText> read_text_posting(const std::string& source, std::string text,
                                           Diagnostics& diagnostics) {
  if (text.find_first_not_of(" \t\n\f\v") == std::string::npos) {
    diagnostics.warn(source + ": skipped: no text");
    return {};
  }
  PostingText posting;
  posting.source = source;
  posting.title = title_from_text(text);
  posting.text = std::move(text);
  return {std::move(posting)};
}

std::vector<PostingText> parse_decoded(const std::string& source, std::string text,
                                       PostingFormat format, Diagnostics& diagnostics) {
  switch (format) {
    case PostingFormat::text:
    case PostingFormat::markdown:
      return read_text_posting(source, std::move(text), diagnostics);
    case PostingFormat::html: {
      std::optional<PostingText> posting = read_html_posting(source, text, diagnostics);
      if (!posting) return {};
      return {std::move(*posting)};
    }
    case PostingFormat::json:
      return read_json_postings(source, text, diagnostics);
    case PostingFormat::jsonl:
      return read_jsonl_postings(source, text, diagnostics);
    case PostingFormat::csv:
      return read_csv_postings(source, text, diagnostics);
    case PostingFormat::pdf:
    case PostingFormat::docx:
    case PostingFormat::odt:
      break;  // read from their bytes, never decoded (see parse_binary)
  }
  return {};
}

// PDF, DOCX and ODT are read from their stored bytes, not as text; a file whose bytes start
// "%PDF-" is a PDF whatever its name says. nullopt when the bytes are for the text readers.
std::optional<std::vector<PostingText>> parse_binary(const std::string& source, std::string_view bytes,
                                                     PostingFormat format, std::size_t max_text_bytes,
                                                     Diagnostics& diagnostics) {
  std::optional<PostingText> posting;
  if (format == PostingFormat::pdf || looks_like_pdf(bytes)) {
    posting = read_pdf_document(source, bytes, max_text_bytes, diagnostics);
  } else if (format == PostingFormat::docx) {
    posting = read_office_document(source, bytes, OfficeFormat::docx, diagnostics);
  } else if (format == PostingFormat::odt) {
    posting = read_office_document(source, bytes, OfficeFormat::odt, diagnostics);
  } else {
    return std::nullopt;
  }
  std::vector<PostingText> postings;
  if (posting) postings.push_back(std::move(*posting));
  return postings;
}

// Standard input has no name to go by, so its first character decides.
PostingFormat sniff_format(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\n\f\v");
  if (first == std::string_view::npos) return PostingFormat::text;
  if (text[first] == '[') return PostingFormat::json;
  if (text[first] == '{') {
    return parse_json(text, {true, true, {}}).error.empty() ? PostingFormat::json : PostingFormat::jsonl;
  }
  if (text[first] == '<') {
    const std::string start = lowercase(text.substr(first, 256));
    if (start.starts_with("<!doctype html") || start.starts_with("<html") ||
        start.find("<body") != std::string::npos || start.find("<div") != std::string::npos ||
        start.find("<p>") != std::string::npos) {
      return PostingFormat::html;
    }
  }
  return PostingFormat::text;
}

// Decodes to UTF-8 once; nullopt (with a warning) for binary content.
std::optional<std::string> decode(const std::string& source, std::string_view bytes,
                                  Diagnostics& diagnostics) {
  DecodedText decoded = decode_to_utf8(bytes);
  if (decoded.encoding == Encoding::binary) {
    diagnostics.warn(source + ": skipped: binary file");
    return std::nullopt;
  }
  if (decoded.encoding == Encoding::windows1252) {
    diagnostics.warn(source + ": not valid UTF-8; read as Windows-1252");
  } else if (decoded.encoding == Encoding::utf8_repaired) {
    diagnostics.warn(fmt::format("{}: {} not valid UTF-8 (first on line {}); read as Windows-1252, the rest as UTF-8",
                                 source, decoded.invalid_bytes == 1 ? "1 byte" : group_digits(decoded.invalid_bytes) + " bytes",
                                 decoded.first_invalid_line));
  }
  return std::move(decoded.text);
}

std::string describe_limit(std::uintmax_t bytes) {
  constexpr std::uintmax_t kKiB = 1024;
  constexpr std::uintmax_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string too_large(const ReadLimits& limits) {
  return "larger than " + describe_limit(limits.max_filesize) + " (--max-filesize)";
}

// Reads standard input up to one byte past the limit, enough to tell that it is too large.
std::optional<std::string> read_standard_input(const ReadLimits& limits, std::string& problem) {
  std::string bytes;
  char buffer[65536];
  while (bytes.size() <= limits.max_filesize) {
    std::cin.read(buffer, sizeof buffer);
    const std::streamsize got = std::cin.gcount();
    if (got <= 0) break;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  if (std::cin.bad()) {
    problem = "cannot read standard input";
    return std::nullopt;
  }
  if (bytes.size() > limits.max_filesize) {
    problem = too_large(limits);
    return std::nullopt;
  }
  return bytes;
}

// read_file's messages start with the path; findings name the source instead.
std::string reason_of(const Error& error, const std::string& path) {
  std::string_view message = error.what();
  if (message.starts_with(path + ": ")) message.remove_prefix(path.size() + 2);
  return std::string(message);
}

}  // namespace

PostingFormat format_for_path(std::string_view path) {
  const std::string name = lowercase(path);
  if (ends_with(name, ".md") || ends_with(name, ".markdown")) return PostingFormat::markdown;
  if (ends_with(name, ".html") || ends_with(name, ".htm")) return PostingFormat::html;
  if (ends_with(name, ".json")) return PostingFormat::json;
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return PostingFormat::jsonl;
  if (ends_with(name, ".csv") || ends_with(name, ".tsv")) return PostingFormat::csv;
  if (ends_with(name, ".pdf")) return PostingFormat::pdf;
  if (ends_with(name, ".docx")) return PostingFormat::docx;
  if (ends_with(name, ".odt")) return PostingFormat::odt;
  return PostingFormat::text;
}

std::vector<PostingText> parse_postings(const std::string& source, std::string_view bytes,
                                        PostingFormat format, Diagnostics& diagnostics) {
  if (auto postings = parse_binary(source, bytes, format, ReadLimits{}.max_filesize, diagnostics)) return *postings;
  std::optional<std::string> text = decode(source, bytes, diagnostics);
  if (!text) return {};
  return parse_decoded(source, std::move(*text), format, diagnostics);
}

std::vector<PostingText> read_postings(const JobFile& file, const ReadLimits& limits,
                                       Diagnostics& diagnostics) {
  const std::size_t warnings_before = diagnostics.warnings.size();
  auto skipped = [&](const std::string& why) {
    diagnostics.warn(file.source + ": skipped: " + why);
    ++diagnostics.files_skipped;
    return std::vector<PostingText>();
  };

  std::string bytes;
  PostingFormat format = format_for_path(file.path);
  if (file.path == "-") {
    std::string problem;
    std::optional<std::string> input = read_standard_input(limits, problem);
    if (!input) return skipped(problem);
    bytes = std::move(*input);
  } else {
    // read_file looks at the size before opening, so an over-size file costs nothing.
    try {
      bytes = read_file(file.path, limits.max_filesize,
                        file.inside_folder ? SymbolicLinks::refuse : SymbolicLinks::follow);
    } catch (const FileTooLarge&) {
      return skipped(too_large(limits));
    } catch (const Error& e) {
      return skipped(reason_of(e, file.path));
    }
  }

  std::vector<PostingText> postings;
  if (auto binary = parse_binary(file.source, bytes, format, limits.max_filesize, diagnostics)) {
    postings = std::move(*binary);
  } else {
    std::optional<std::string> text = decode(file.source, bytes, diagnostics);
    if (!text) {
      ++diagnostics.files_skipped;
      return {};
    }
    if (file.path == "-") format = sniff_format(*text);
    postings = parse_decoded(file.source, std::move(*text), format, diagnostics);
  }
  if (postings.empty()) {
    // Say why nothing came of the file, unless a reader already did.
    if (diagnostics.warnings.size() == warnings_before) {
      diagnostics.warn(file.source + ": skipped: no postings found");
    }
    ++diagnostics.files_skipped;
  } else {
    ++diagnostics.files_read;
  }
  return postings;
}

std::optional<PostingText> read_document(const std::string& path, const ReadLimits& limits,
                                         Diagnostics& diagnostics) {
  std::vector<PostingText> postings = read_postings({path, path, false}, limits, diagnostics);
  if (postings.empty()) return std::nullopt;
  if (postings.size() > 1) {
    diagnostics.warn(path + ": holds " + std::to_string(postings.size()) + " records; read the first");
  }
  return std::move(postings.front());
}

}  // namespace cio_gap
