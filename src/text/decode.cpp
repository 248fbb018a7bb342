#include "cio_gap/text/decode.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace cio_gap {
namespace {

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

constexpr std::uint32_t kReplacement = 0xFFFD;

// Windows-1252's 0x80-0x9F block. The five codes Windows leaves undefined map to the C1
// controls of the same value, as the WHATWG Encoding Standard does, so no byte is lost.
constexpr std::array<std::uint16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_windows1252(std::string& out, unsigned char c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0xA0) {
    append_utf8(out, kWindows1252High[c - 0x80u]);
  } else {
    append_utf8(out, c);
  }
}

// What is valid UTF-8 in some bytes: multi-byte sequences, and bytes that start none.
struct Utf8Census {
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  std::size_t first_invalid = std::string_view::npos;
};

Utf8Census utf8_census(std::string_view bytes) {
  Utf8Census census;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) {
      if (census.invalid++ == 0) census.first_invalid = i;
      ++i;
    } else {
      ++census.multibyte;
      i += length;
    }
  }
  return census;
}

// Valid UTF-8 sequences stay as they are; each byte that starts none is read as Windows-1252.
std::string repair_utf8(std::string_view bytes, bool whole_file_windows1252) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t length = c < 0x80 || whole_file_windows1252 ? 0 : utf8_sequence_length(bytes, i);
    if (length > 1) {
      out.append(bytes.substr(i, length));
      i += length;
    } else {
      append_windows1252(out, c);
      ++i;
    }
  }
  return out;
}

std::string from_utf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  const std::size_t units = bytes.size() / 2;
  auto unit_at = [&](std::size_t index) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[2 * index]);
    const auto b = static_cast<unsigned char>(bytes[2 * index + 1]);
    return little_endian ? (static_cast<std::uint32_t>(b) << 8 | a)
                         : (static_cast<std::uint32_t>(a) << 8 | b);
  };
  for (std::size_t i = 0; i < units; ++i) {
    const std::uint32_t unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const std::uint32_t next = i + 1 < units ? unit_at(i + 1) : 0;
      if (next >= 0xDC00 && next <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
        ++i;
      } else {
        append_utf8(out, kReplacement);
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      append_utf8(out, kReplacement);
    } else if (unit != 0) {  // a NUL carries no text and would end C strings downstream
      append_utf8(out, unit);
    }
  }
  if (bytes.size() % 2 != 0) append_utf8(out, kReplacement);
  return out;
}

std::string normalize_line_ends(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char c = p[at];
  if (c < 0x80) return 1;
  std::size_t extra = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    extra = 1;
  } else if (c == 0xE0) {
    extra = 2;
    low = 0xA0;
  } else if (c == 0xED) {
    extra = 2;
    high = 0x9F;
  } else if (c >= 0xE1 && c <= 0xEF) {
    extra = 2;
  } else if (c == 0xF0) {
    extra = 3;
    low = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3) {
    extra = 3;
  } else if (c == 0xF4) {
    extra = 3;
    high = 0x8F;
  } else {
    return 0;
  }
  if (n - at <= extra) return 0;
  if (p[at + 1] < low || p[at + 1] > high) return 0;
  for (std::size_t k = 2; k <= extra; ++k) {
    if (p[at + k] < 0x80 || p[at + k] > 0xBF) return 0;
  }
  return extra + 1;
}

char32_t utf8_code_point(std::string_view text, std::size_t at, std::size_t length) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data() + at);
  switch (length) {
    case 1: return p[0];
    case 2: return static_cast<char32_t>((p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu));
    case 3: return static_cast<char32_t>((p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu));
    default:
      return static_cast<char32_t>((p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu));
  }
}

DecodedText decode_to_utf8(std::string_view bytes) {
  DecodedText decoded;
  if (starts_with(bytes, "\xFF\xFE")) {
    decoded.encoding = Encoding::utf16le;
    decoded.text = normalize_line_ends(from_utf16(bytes.substr(2), true));
    return decoded;
  }
  if (starts_with(bytes, "\xFE\xFF")) {
    decoded.encoding = Encoding::utf16be;
    decoded.text = normalize_line_ends(from_utf16(bytes.substr(2), false));
    return decoded;
  }
  if (!bytes.empty() && std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    decoded.encoding = Encoding::binary;
    return decoded;
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const Utf8Census census = utf8_census(bytes);
  if (census.invalid == 0) {
    decoded.text = normalize_line_ends(std::string(bytes));
    return decoded;
  }
  decoded.invalid_bytes = census.invalid;
  decoded.first_invalid_line =
      1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(census.first_invalid), '\n'));
  // Stray bytes in a UTF-8 file must not re-read its every dash and accent: sequences are
  // judged one by one, and only the bytes that start none are read as Windows-1252. A file
  // without one valid multi-byte sequence is a legacy file, read as Windows-1252 as a whole
  // (which reads each byte the same way). In a legacy file two accented letters can pair up
  // as valid UTF-8 by chance ("Ã©"); they are then read as UTF-8, a rare and local error.
  const bool legacy = census.multibyte == 0;
  decoded.encoding = legacy ? Encoding::windows1252 : Encoding::utf8_repaired;
  decoded.text = normalize_line_ends(repair_utf8(bytes, legacy));
  return decoded;
}

}  // namespace cio_gap
