#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cio_gap/load/docx_reader.h"
#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// The readers of PDF (read_pdf_posting: poppler) and of DOCX and ODT (read_office_posting:
/// libzip, pugixml). In the program they live in a module of their own, cio-gap-documents.so,
/// loaded the first time a run meets such a file: those libraries and the ones they pull in
/// (fonts, images, cryptography: some thirty shared objects) would otherwise be loaded and
/// relocated at every start, most of the start-up of a run on text postings. Programs that link
/// the readers in (tests, benchmarks, fuzz targets) call them directly.
struct DocumentReaders {
  const char* version;  ///< CIO_GAP_VERSION of the build that made the module
  std::optional<PostingText> (*pdf)(const std::string& source, std::string_view bytes, std::size_t max_text_bytes,
                                    Diagnostics& diagnostics);
  std::optional<PostingText> (*office)(const std::string& source, std::string_view bytes, OfficeFormat format,
                                       Diagnostics& diagnostics);
};

/// File name of the module: looked for beside the program, then in the folder it is installed
/// to, relative to the program's (CIO_GAP_MODULE_DIR: ../lib/cio-gap from bin/).
inline constexpr std::string_view kDocumentModuleName = "cio-gap-documents.so";

/// The readers, linked in or loaded once (thread-safe); null when the module cannot be loaded,
/// with `why` set to the reason, e.g. "cio-gap-documents.so is missing (looked in DIR and DIR)".
const DocumentReaders* document_readers(std::string& why);

/// Whether bytes start like a PDF ("%PDF-"), whatever the file is called.
bool looks_like_pdf(std::string_view bytes);

/// read_pdf_posting through document_readers(): when the module cannot be loaded, nothing,
/// with the warning "source: skipped: cannot read PDF files: why".
std::optional<PostingText> read_pdf_document(const std::string& source, std::string_view bytes,
                                             std::size_t max_text_bytes, Diagnostics& diagnostics);

/// read_office_posting through document_readers(), as read_pdf_document ("cannot read DOCX
/// files: why", or ODT).
std::optional<PostingText> read_office_document(const std::string& source, std::string_view bytes,
                                                OfficeFormat format, Diagnostics& diagnostics);

}  // namespace cio_gap
