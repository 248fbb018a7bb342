#include "cio_gap/load/document_readers.h"

#include <dlfcn.h>

#include <filesystem>
#include <system_error>
#include <vector>

#ifndef CIO_GAP_MODULE_DIR  // where the module is installed, relative to the program's folder
#define CIO_GAP_MODULE_DIR "../lib/cio-gap"
#endif

// Defined by the readers' own objects (src/load/document_module.cpp) where they are linked in;
// absent (null) in the program, which loads them from the module.
extern "C" const cio_gap::DocumentReaders* cio_gap_document_readers() __attribute__((weak));

namespace cio_gap {
namespace {

struct Loaded {
  const DocumentReaders* readers = nullptr;
  std::string why;
};

Loaded load_module() {
  Loaded out;
  if (cio_gap_document_readers != nullptr) {
    out.readers = cio_gap_document_readers();
    return out;
  }
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  std::vector<std::filesystem::path> folders;
  if (!error) {
    folders.push_back(program.parent_path());
    folders.push_back((program.parent_path() / CIO_GAP_MODULE_DIR).lexically_normal());
  }
  for (const auto& folder : folders) {
    const std::filesystem::path path = folder / kDocumentModuleName;
    if (!std::filesystem::exists(path, error)) continue;
    // RTLD_NOW: a module that does not fit this program fails here, not in the middle of a file.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* message = dlerror();
      out.why = message ? message : path.string() + " cannot be loaded";
      return out;
    }
    using Entry = const DocumentReaders* (*)();
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, "cio_gap_document_readers"));
    const DocumentReaders* readers = entry ? entry() : nullptr;
    if (readers == nullptr) {
      out.why = path.string() + " is not a cio-gap document module";
    } else if (std::string_view(readers->version) != CIO_GAP_VERSION) {
      out.why = path.string() + " is of cio-gap " + readers->version + ", not " + CIO_GAP_VERSION;
    } else {
      out.readers = readers;
    }
    return out;  // the handle stays open for the rest of the run
  }
  out.why = std::string(kDocumentModuleName) + " is missing (looked in ";
  for (std::size_t i = 0; i < folders.size(); ++i) out.why += (i ? " and " : "") + folders[i].string();
  out.why += ")";
  return out;
}

}  // namespace

const DocumentReaders* document_readers(std::string& why) {
  static const Loaded loaded = load_module();  // once, whichever thread asks first
  why = loaded.why;
  return loaded.readers;
}

bool looks_like_pdf(std::string_view bytes) { return bytes.starts_with("%PDF-"); }

std::optional<PostingText> read_pdf_document(const std::string& source, std::string_view bytes,
                                             std::size_t max_text_bytes, Diagnostics& diagnostics) {
  std::string why;
  const DocumentReaders* readers = document_readers(why);
  if (readers == nullptr) {
    diagnostics.warn(source + ": skipped: cannot read PDF files: " + why);
    return std::nullopt;
  }
  return readers->pdf(source, bytes, max_text_bytes, diagnostics);
}

std::optional<PostingText> read_office_document(const std::string& source, std::string_view bytes,
                                                OfficeFormat format, Diagnostics& diagnostics) {
  std::string why;
  const DocumentReaders* readers = document_readers(why);
  if (readers == nullptr) {
    diagnostics.warn(source + ": skipped: cannot read " + (format == OfficeFormat::docx ? "DOCX" : "ODT") +
                     " files: " + why);
    return std::nullopt;
  }
  return readers->office(source, bytes, format, diagnostics);
}

}  // namespace cio_gap
