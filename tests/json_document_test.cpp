// parse_json: errors where they are (a number overflow too), what a hostile scraper output is
// repaired into, and top-level arrays that keep only their objects.

#include "cio_gap/load/json_document.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

TEST(JsonDocumentTest, NumberOverflowIsAnErrorAtItsFirstDigit) {
  const std::string text = "{\"a\": 1,\n  \"salary\": 1e999}";
  const JsonDocument document = parse_json(text);
  EXPECT_EQ(document.error, "number overflow parsing '1e999'");
  EXPECT_EQ(document.line, 2);
  EXPECT_EQ(document.column, 13);
}

TEST(JsonDocumentTest, RepairReadsAnOverflowingNumberAsNull) {
  const JsonDocument document = parse_json("[{\"n\": -2e400, \"m\": 1e308, \"k\": 1e-999}]", {true, false, {}});
  ASSERT_EQ(document.error, "");
  EXPECT_TRUE(document.value[0]["n"].is_null());
  EXPECT_EQ(document.value[0]["m"], 1e308);
  EXPECT_EQ(document.value[0]["k"], 0.0);
  EXPECT_EQ(document.overflows.count, 1u);
  EXPECT_EQ(document.overflows.first_offset, 7u);
  EXPECT_EQ(document.overflows.first_text, "-2e400");
}

TEST(JsonDocumentTest, LoneSurrogatesAreErrorsUnlessRepaired) {
  const std::string text = R"([{"t": "cut \ud83d"}, {"t": "pair \ud83d\ude00"}, {"t": "low \udc00 x"}, {"t": "\\ud83d"}])";
  EXPECT_NE(parse_json(text).error, "");
  const JsonDocument document = parse_json(text, {true, false, {}});
  ASSERT_EQ(document.error, "");
  EXPECT_EQ(document.value[0]["t"], "cut \xEF\xBF\xBD");
  EXPECT_EQ(document.value[1]["t"], "pair \xF0\x9F\x98\x80");
  EXPECT_EQ(document.value[2]["t"], "low \xEF\xBF\xBD x");
  EXPECT_EQ(document.value[3]["t"], "\\ud83d");  // an escaped backslash, not an escape
  EXPECT_EQ(document.surrogates.count, 2u);
  EXPECT_EQ(document.surrogates.first_text, "\\ud83d");
}

TEST(JsonDocumentTest, TopLevelArrayKeepsOnlyObjectsWhenAsked) {
  const JsonDocument document = parse_json(R"([0, {"a": 1}, "x", [1, [2]], null, {"b": [3, 4]}])", {false, true, {}});
  ASSERT_EQ(document.error, "");
  ASSERT_EQ(document.value.size(), 2u);
  EXPECT_EQ(document.value[1]["b"][1], 4);
  EXPECT_EQ(document.kept_indices, (std::vector<std::size_t>{1, 5}));
  EXPECT_EQ(document.skipped, 4u);
  EXPECT_EQ(document.first_skipped, 0u);
  // Without the option every element stays.
  EXPECT_EQ(parse_json(R"([0, {"a": 1}])").value.size(), 2u);
}

TEST(JsonDocumentTest, ErrorInATopLevelArrayKeepsTheElementsBeforeIt) {
  const JsonDocument document = parse_json("[{\"a\": 1}, {\"b\": 2}, {\"c\": oops}, {\"d\": 4}]", {false, true, {}});
  EXPECT_EQ(document.line, 1);
  EXPECT_EQ(document.column, 28);
  EXPECT_TRUE(document.partial);
  ASSERT_EQ(document.value.size(), 2u);
  EXPECT_EQ(document.value[1]["b"], 2);
  EXPECT_EQ(document.kept_indices, (std::vector<std::size_t>{0, 1}));
}

TEST(JsonDocumentTest, PositionOfAnOffset) {
  EXPECT_EQ(json_position("ab\ncd", 0), std::make_pair(1, 1));
  EXPECT_EQ(json_position("ab\ncd", 4), std::make_pair(2, 2));
}

}  // namespace
}  // namespace cio_gap
