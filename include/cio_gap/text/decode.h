#pragma once

#include <string>
#include <string_view>

namespace cio_gap {

/// How raw bytes were turned into UTF-8.
enum class Encoding { utf8, utf16le, utf16be, windows1252, binary };

struct DecodedText {
  std::string text;  ///< UTF-8, BOM removed, line ends normalised to '\n'; empty when binary
  Encoding encoding = Encoding::utf8;
};

/// Decodes a file's bytes to UTF-8 once: strips a UTF-8 BOM, transcodes UTF-16 with a BOM,
/// reads invalid UTF-8 as Windows-1252, and reports NUL-bearing bytes as binary.
DecodedText decode_to_utf8(std::string_view bytes);

}  // namespace cio_gap
