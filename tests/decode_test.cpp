#include "cio_gap/text/decode.h"

#include <gtest/gtest.h>

#include <string>

namespace cio_gap {
namespace {

using namespace std::string_literals;

TEST(DecodeTest, KeepsValidUtf8) {
  const DecodedText decoded = decode_to_utf8("Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\n");
  EXPECT_EQ(decoded.encoding, Encoding::utf8);
  EXPECT_EQ(decoded.text, "Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\n");
}

TEST(DecodeTest, EmptyInputIsEmptyUtf8) {
  const DecodedText decoded = decode_to_utf8("");
  EXPECT_EQ(decoded.encoding, Encoding::utf8);
  EXPECT_EQ(decoded.text, "");
}

TEST(DecodeTest, StripsUtf8ByteOrderMark) {
  const DecodedText decoded = decode_to_utf8("\xEF\xBB\xBFtitle,description\n");
  EXPECT_EQ(decoded.encoding, Encoding::utf8);
  EXPECT_EQ(decoded.text, "title,description\n");
}

TEST(DecodeTest, NormalisesCrLfAndCrLineEnds) {
  EXPECT_EQ(decode_to_utf8("a\r\nb\rc\n\r\nd\r").text, "a\nb\nc\n\nd\n");
}

TEST(DecodeTest, TranscodesUtf16LittleEndianWithBom) {
  // "Hi\r\n", "é", U+1F600 as a surrogate pair.
  const std::string bytes = "\xFF\xFE" "H\0i\0\r\0\n\0\xE9\0=\xD8\0\xDE"s;
  const DecodedText decoded = decode_to_utf8(bytes);
  EXPECT_EQ(decoded.encoding, Encoding::utf16le);
  EXPECT_EQ(decoded.text, "Hi\n\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(DecodeTest, TranscodesUtf16BigEndianWithBom) {
  const std::string bytes = "\xFE\xFF\0C\0I\0O\0\r\0\n\x20\xAC"s;
  const DecodedText decoded = decode_to_utf8(bytes);
  EXPECT_EQ(decoded.encoding, Encoding::utf16be);
  EXPECT_EQ(decoded.text, "CIO\n\xE2\x82\xAC");
}

TEST(DecodeTest, Utf16ReplacesLoneSurrogatesAndOddByte) {
  const std::string bytes = "\xFF\xFE" "\x3D\xD8" "A\0" "\x00\xDE" "B"s;
  EXPECT_EQ(decode_to_utf8(bytes).text, "\xEF\xBF\xBD" "A" "\xEF\xBF\xBD" "\xEF\xBF\xBD");
}

TEST(DecodeTest, NulBytesWithoutUtf16BomMeanBinary) {
  const DecodedText decoded = decode_to_utf8("PK\x03\x04\0\0binary"s);
  EXPECT_EQ(decoded.encoding, Encoding::binary);
  EXPECT_EQ(decoded.text, "");
}

TEST(DecodeTest, InvalidUtf8IsReadAsWindows1252) {
  const DecodedText decoded = decode_to_utf8("Caf\xE9 \x93quoted\x94 \x96 \x80""5\r\n");
  EXPECT_EQ(decoded.encoding, Encoding::windows1252);
  EXPECT_EQ(decoded.text,
            "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC" "5\n");
}

TEST(DecodeTest, MapsAllOfTheWindows1252HighControlBlock) {
  std::string bytes;
  for (int c = 0x80; c <= 0x9F; ++c) bytes.push_back(static_cast<char>(c));
  // The five codes Windows leaves undefined (81 8D 8F 90 9D) become the C1 controls.
  const std::string expected =
      "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D"
      "\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
      "\u0153\u009D\u017E\u0178";
  const DecodedText decoded = decode_to_utf8(bytes);
  EXPECT_EQ(decoded.encoding, Encoding::windows1252);
  EXPECT_EQ(decoded.text, expected);
}

TEST(DecodeTest, Latin1LettersAboveA0MapToTheSameCodePoints) {
  EXPECT_EQ(decode_to_utf8("\xA0\xC9\xFF").text, "\xC2\xA0\xC3\x89\xC3\xBF");
}

TEST(DecodeTest, RejectsOverlongSurrogateAndTruncatedUtf8) {
  EXPECT_EQ(decode_to_utf8("\xC0\xAF").encoding, Encoding::windows1252);      // overlong '/'
  EXPECT_EQ(decode_to_utf8("\xED\xA0\x80").encoding, Encoding::windows1252);  // surrogate
  EXPECT_EQ(decode_to_utf8("ok \xE2\x82").encoding, Encoding::windows1252);   // cut short
  EXPECT_EQ(decode_to_utf8("\xF4\x90\x80\x80").encoding, Encoding::windows1252);  // > U+10FFFF
}

TEST(DecodeTest, ByteOrderMarkThenInvalidUtf8FallsBackWithoutTheMark) {
  const DecodedText decoded = decode_to_utf8("\xEF\xBB\xBFna\xEFve");
  EXPECT_EQ(decoded.encoding, Encoding::windows1252);
  EXPECT_EQ(decoded.text, "na\xC3\xAFve");
}

TEST(DecodeTest, OneStrayByteLeavesTheUtf8Around) {
  // A UTF-8 file with one Windows-1252 byte: the en dash stays an en dash, the stray byte alone
  // is read as Windows-1252, and the count says how many there were.
  const DecodedText decoded = decode_to_utf8("Line one\n7\xE2\x80\x93" "10 years of experience\nCaf\xE9\n");
  EXPECT_EQ(decoded.encoding, Encoding::utf8_repaired);
  EXPECT_EQ(decoded.text, "Line one\n7\xE2\x80\x93" "10 years of experience\nCaf\xC3\xA9\n");
  EXPECT_EQ(decoded.invalid_bytes, 1u);
  EXPECT_EQ(decoded.first_invalid_line, 3u);
}

TEST(DecodeTest, StrayBytesAreCountedOneByOne) {
  const DecodedText decoded =
      decode_to_utf8("\xE2\x80\x94 \xE2\x80\x94 \xE2\x80\x94 \xE2\x80\x94 \xE2\x80\x94 \x96\x96 \xE2\x80");
  EXPECT_EQ(decoded.encoding, Encoding::utf8_repaired);
  EXPECT_EQ(decoded.invalid_bytes, 4u);  // two en dashes, and a sequence cut short (two bytes)
  EXPECT_EQ(decoded.text, "\u2014 \u2014 \u2014 \u2014 \u2014 \u2013\u2013 \u00E2\u20AC");
}

TEST(DecodeTest, LegacyFileWithAPairThatLooksLikeUtf8) {
  // "Ã©" is valid UTF-8 by chance; the other bytes are not: they alone are read as Windows-1252.
  const DecodedText decoded = decode_to_utf8("r\xE9sum\xE9 \xC3\xA9 na\xEFve");
  EXPECT_EQ(decoded.encoding, Encoding::utf8_repaired);
  EXPECT_EQ(decoded.text, "r\u00E9sum\u00E9 \u00E9 na\u00EFve");
  EXPECT_EQ(decoded.invalid_bytes, 3u);
}

TEST(DecodeTest, SequenceLengthAndCodePoint) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8_sequence_length("\xC2\x9B", 0), 2u);
  EXPECT_EQ(utf8_code_point("\xC2\x9B", 0, 2), U'\u009B');
  EXPECT_EQ(utf8_code_point("\xE2\x80\xAE", 0, 3), U'\u202E');
  EXPECT_EQ(utf8_code_point("\xF0\x9F\x98\x80", 0, 4), U'\U0001F600');
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);
  EXPECT_EQ(utf8_sequence_length("\xE2\x80", 0), 0u);
}

}  // namespace
}  // namespace cio_gap
