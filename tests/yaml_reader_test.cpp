#include "cio_gap/load/yaml_reader.h"

#include <gtest/gtest.h>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

using namespace std::string_literals;

std::string error_of(std::string_view yaml) {
  try {
    const YamlReader reader("in.yaml", yaml);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

// The number in `years: <text>`, or the error.
std::string integer_of(const std::string& text) {
  try {
    const YamlReader reader("in.yaml", "years: " + text + "\n");
    return std::to_string(reader.integer(reader.root()["years"], "years", 70));
  } catch (const Error& e) {
    return e.what();
  }
}

std::string nested(int levels, const std::string& open, const std::string& close) {
  std::string text;
  for (int i = 0; i < levels; ++i) text += open;
  for (int i = 0; i < levels; ++i) text += close;
  return text;
}

TEST(YamlReaderTest, ReadsOrdinaryYaml) {
  const YamlReader reader("in.yaml", "\xEF\xBB\xBFname: Dana  # a BOM and a comment\r\nlist: [a, b]\r\n");
  EXPECT_EQ(reader.root()["name"].Scalar(), "Dana");
  EXPECT_EQ(reader.root()["list"].size(), 2u);
  EXPECT_EQ(error_of("---\nname: x\n...\n"), "no error");
  EXPECT_EQ(error_of("text: \"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\"\nlist: [a,\tb]\n"), "no error");
}

TEST(YamlReaderTest, EmptyAndCommentOnlyFilesAreErrors) {
  EXPECT_EQ(error_of(""), "in.yaml: empty document");
  EXPECT_EQ(error_of("# nothing\n"), "in.yaml: empty document");
  EXPECT_EQ(error_of("---\n...\n"), "in.yaml: empty document");
  EXPECT_EQ(error_of("~\n"), "in.yaml: empty document");
}

TEST(YamlReaderTest, RejectsBytesThatAreNotText) {
  EXPECT_EQ(error_of("name: a\0b\n"s), "in.yaml:1:8: NUL byte (a binary file?)");
  EXPECT_EQ(error_of("name: Ren\xE9\n"), "in.yaml:1:10: invalid UTF-8 (save the file as UTF-8)");
  EXPECT_EQ(error_of("a: 1\nname: \xC0\xAF\n"), "in.yaml:2:7: invalid UTF-8 (save the file as UTF-8)");
  EXPECT_EQ(error_of("name: \xED\xA0\x80\n"), "in.yaml:1:7: invalid UTF-8 (save the file as UTF-8)");
  EXPECT_EQ(error_of("name: \xE2\x82"), "in.yaml:1:7: invalid UTF-8 (save the file as UTF-8)");
  EXPECT_EQ(error_of("name: \x1B[31mred\n"), "in.yaml:1:7: control character U+001B is not allowed");
  EXPECT_EQ(error_of("name: \x7F\n"), "in.yaml:1:7: control character U+007F is not allowed");
  EXPECT_EQ(error_of("name: \xC2\x9B" "31m\n"), "in.yaml:1:7: control character U+009B is not allowed");
  // Escapes in double quotes cannot smuggle them in either.
  EXPECT_EQ(error_of("name: \"\\e[31mred\"\n"), "in.yaml:1:7: control character U+001B is not allowed");
  EXPECT_EQ(error_of("name: \"a\\0b\"\n"), "in.yaml:1:7: control character U+0000 is not allowed");
  EXPECT_EQ(error_of("name: \"\\x85\\x9b\"\n"), "in.yaml:1:7: control character U+0085 is not allowed");
  EXPECT_EQ(error_of("name: \"\\ud800\"\n"), "in.yaml:1:14: invalid unicode: 55296");  // yaml-cpp's own check
  EXPECT_EQ(error_of("name: \"tab\\there\\nnewline \\u00e9\"\n"), "no error");
  EXPECT_EQ(error_of("\xFF\xFEn\0a\0"), "in.yaml: UTF-16 text; save the file as UTF-8");
  EXPECT_EQ(error_of(std::string(kMaxYamlBytes + 1, '#')), "in.yaml: larger than 1048576 bytes");
}

TEST(YamlReaderTest, RejectsAliases) {
  EXPECT_EQ(error_of("a: &x [1]\nb: *x\n"), "in.yaml:2:4: alias '*x' is not supported; write the value out in full");
  EXPECT_EQ(error_of("&a [*a]\n"), "in.yaml:1:5: alias '*a' is not supported; write the value out in full");
  EXPECT_EQ(error_of("base: &b {x: 1}\nmore:\n  <<: *b\n"),
            "in.yaml:3:7: alias '*b' is not supported; write the value out in full");
  // A billion laughs stops at the first alias, before any tree exists.
  std::string laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char prev = static_cast<char>(c - 1);
    laughs += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev +
              ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
  }
  EXPECT_EQ(error_of(laughs), "in.yaml:2:8: alias '*a' is not supported; write the value out in full");
  EXPECT_EQ(error_of("a: *nowhere\n"), "in.yaml:1:4: alias '*nowhere' is not supported; write the value out in full");
  EXPECT_EQ(error_of("a: &anchor 1\n"), "no error");  // an anchor alone builds nothing shared
}

TEST(YamlReaderTest, LimitsNesting) {
  EXPECT_EQ(error_of(nested(kMaxYamlDepth, "[", "]")), "no error");
  EXPECT_EQ(error_of(nested(kMaxYamlDepth + 1, "[", "]")), "in.yaml:1:65: nested deeper than 64 levels");
  EXPECT_EQ(error_of(nested(100000, "[", "]")), "in.yaml:1:65: nested deeper than 64 levels");
  EXPECT_EQ(error_of(nested(100000, "{a: ", "}")), "in.yaml:1:257: nested deeper than 64 levels");
  std::string block;
  for (int i = 0; i < 70; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  EXPECT_EQ(error_of(block), "in.yaml:65:65: nested deeper than 64 levels");
  std::string dashes;
  for (int i = 0; i < 5000; ++i) dashes += "- ";
  EXPECT_EQ(error_of(dashes + "x\n"), "in.yaml:1:129: nested deeper than 64 levels");
}

TEST(YamlReaderTest, LimitsTheNumberOfNodes) {
  std::string many = "[";
  for (int i = 0; i < kMaxYamlNodes - 2; ++i) many += "a,";
  EXPECT_EQ(error_of(many + "a]"), "no error");
  EXPECT_EQ(error_of(many + "a,b]"), "in.yaml:1:100000: more than 50000 nodes");
}

TEST(YamlReaderTest, RejectsDuplicateKeysNamingBothLines) {
  EXPECT_EQ(error_of("name: A\nskills: {}\nname: B\n"), "in.yaml:3:1: duplicate key 'name' (first on line 1)");
  EXPECT_EQ(error_of("a: {x: 1, 'x': 2}\n"), "in.yaml:1:11: duplicate key 'x' (first on line 1)");
  EXPECT_EQ(error_of("a:\n  - k: 1\n    j: 2\n    k: 3\n"), "in.yaml:4:5: duplicate key 'k' (first on line 2)");
  EXPECT_EQ(error_of("{a: 1, : 2, : 3}\n"), "in.yaml:1:13: duplicate key '~' (first on line 1)");
  // The same key in different mappings, and keys equal to values, are fine.
  EXPECT_EQ(error_of("a: {x: x}\nb: {x: a}\nc: [{x: 1}, {x: 2}]\n"), "no error");
}

TEST(YamlReaderTest, RejectsASecondDocument) {
  EXPECT_EQ(error_of("name: A\n---\nname: B\n"), "in.yaml:2:1: a second document starts here; a file holds one document");
  EXPECT_EQ(error_of("name: A\n...\nname: B\n"), "in.yaml:3:1: unexpected text after the end of the document");
  EXPECT_EQ(error_of("name: A\n...\n"), "no error");
}

TEST(YamlReaderTest, ReportsSyntaxErrorsWithTheirPosition) {
  EXPECT_EQ(error_of("a: [b\n"), "in.yaml:2:1: a list opened with '[' is not closed with ']'");
  EXPECT_EQ(error_of("a: b: c\n"), "in.yaml:1:5: unexpected ':' here: a key above may lack its ':', a value with ': ' in it needs quotes, or this line's indentation does not line up with the lines above");
  EXPECT_EQ(error_of("a: {b: 1\n"), "in.yaml:2:1: a mapping opened with '{' is not closed with '}'");
}

TEST(YamlReaderTest, IntegersAreDecimalDigitsOnly) {
  EXPECT_EQ(integer_of("14"), "14");
  EXPECT_EQ(integer_of("0"), "0");
  EXPECT_EQ(integer_of("70"), "70");
  EXPECT_EQ(integer_of("\"14\""), "14");
  for (const char* bad : {"71", "-3", "+5", "-0", "017", "0o17", "0x1F", "1e3", "1_000", "14.0", ".nan", ".inf",
                          "-.inf", "9999999999", "99999999999999999999999", "1 year"}) {
    EXPECT_EQ(integer_of(bad), std::string("in.yaml:1:8: years must be a whole number from 0 to 70, not '") +
                                   bad + "'")
        << bad;
  }
  EXPECT_EQ(integer_of("[1]"), "in.yaml:1:8: years must be a single value");
  EXPECT_EQ(integer_of("~"), "in.yaml:1:8: years must be a single value");
}

}  // namespace
}  // namespace cio_gap
