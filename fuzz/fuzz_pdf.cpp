// Any bytes as a PDF: read_pdf_posting never throws, crashes or hangs, whatever the bytes
// (poppler parses them; the layout of its words into lines and columns is ours).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/load/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  cio_gap::Diagnostics diagnostics;
  cio_gap::read_pdf_posting("fuzz.pdf", bytes, 1u << 20, diagnostics);
  return 0;
}
