// Any bytes as a DOCX or ODT: a zip (read_office_posting, through libzip and the entry size
// checks) when they start like one, else the document's XML itself (read_office_xml), so the
// fuzzer reaches the XML walk without having to forge zip checksums.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cio_gap/load/docx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using cio_gap::OfficeFormat;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const OfficeFormat format : {OfficeFormat::docx, OfficeFormat::odt}) {
    cio_gap::Diagnostics diagnostics;
    if (bytes.starts_with("PK")) {
      cio_gap::read_office_posting("fuzz", bytes, format, diagnostics);
    } else {
      cio_gap::read_office_xml("fuzz", bytes, format, diagnostics);
    }
  }
  return 0;
}
