#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cio_gap {

/// How raw bytes were turned into UTF-8.
/// `utf8_repaired`: UTF-8 with some bytes that are not (each read as Windows-1252);
/// `windows1252`: a file mostly not UTF-8, read as Windows-1252 as a whole.
enum class Encoding { utf8, utf8_repaired, utf16le, utf16be, windows1252, binary };

struct DecodedText {
  std::string text;  ///< UTF-8, BOM removed, line ends normalised to '\n'; empty when binary
  Encoding encoding = Encoding::utf8;
  std::size_t invalid_bytes = 0;       ///< bytes that were not valid UTF-8
  std::size_t first_invalid_line = 0;  ///< 1-based line of the first of them; 0 when none
};

/// The length of the strict UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF) starting at `text[at]`: 1 for ASCII, 2 to 4 for a valid multi-byte
/// sequence, 0 for a byte that starts no valid sequence there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// The code point of the valid sequence of `length` bytes at `text[at]` (see utf8_sequence_length).
char32_t utf8_code_point(std::string_view text, std::size_t at, std::size_t length);

/// Decodes a file's bytes to UTF-8 once: strips a UTF-8 BOM, transcodes UTF-16 with a BOM,
/// and reports NUL-bearing bytes as binary. Bytes that are not valid UTF-8 are read one by
/// one as Windows-1252 while every valid sequence stays as it is (`utf8_repaired`); a file
/// without one valid multi-byte sequence is reported as `windows1252` (read as a whole).
DecodedText decode_to_utf8(std::string_view bytes);

}  // namespace cio_gap
