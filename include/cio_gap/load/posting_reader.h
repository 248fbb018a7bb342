#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/load/job_files.h"
#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// The container formats postings come in.
enum class PostingFormat { text, markdown, html, json, jsonl, csv, pdf, docx, odt };

/// The format a file name implies (by extension, case-insensitive); text when unknown.
PostingFormat format_for_path(std::string_view path);

/// Parses the postings of one file already in memory (raw bytes, any encoding; PDF, DOCX and
/// ODT as they are stored, and any bytes starting "%PDF-" as a PDF).
/// `source` names the file in every posting and warning. Never throws on bad content:
/// problems become warnings and the postings that could be read are returned.
std::vector<PostingText> parse_postings(const std::string& source, std::string_view bytes,
                                        PostingFormat format, Diagnostics& diagnostics);

/// Reads one file (or standard input for "-") and parses its postings.
/// Unreadable or over-size files become warnings and yield no postings.
std::vector<PostingText> read_postings(const JobFile& file, const ReadLimits& limits,
                                       Diagnostics& diagnostics);

/// Reads one document file (PDF, DOCX, ODT, Markdown, text, HTML; a JSON or CSV file gives its
/// first record) into one PostingText, by path: the reader a résumé or any single document
/// goes through. Nothing, with warnings naming the file, when it cannot be read.
std::optional<PostingText> read_document(const std::string& path, const ReadLimits& limits,
                                         Diagnostics& diagnostics);

}  // namespace cio_gap
