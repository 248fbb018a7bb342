#include "cio_gap/load/record_warnings.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

TEST(RecordWarningsTest, OneRecordIsSaidAsItWasManyOnceForAll) {
  RecordWarnings warnings("a.json", "records");
  std::vector<std::string> first = {"a.json#1: skipped: no description"};
  warnings.add("a.json#1", "#1", 1, first);
  warnings.add("skipped: not a JSON object", 1048575, "#0", 0, "a.json#0: skipped: not a JSON object");
  std::vector<std::string> field = {"a.json#7: HTML nested too deep; field ignored"};
  warnings.add("a.json#7", "#7", 7, field);
  std::vector<std::string> again = {"a.json#9: HTML nested too deep; field ignored"};
  warnings.add("a.json#9", "#9", 9, again);
  Diagnostics diagnostics;
  warnings.flush(diagnostics);
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"a.json: 1,048,575 records skipped: not a JSON object (first at #0)",
                                      "a.json#1: skipped: no description",
                                      "a.json: 2 records: HTML nested too deep; field ignored (first at #7)"}));
}

TEST(RecordWarningsTest, ReasonsBeyondSixteenAreCountedTogether) {
  RecordWarnings warnings("b.json", "records");
  for (std::size_t i = 0; i < 20; ++i) {
    std::vector<std::string> one = {"b.json#" + std::to_string(i) + ": reason " + std::to_string(i)};
    warnings.add("b.json#" + std::to_string(i), "#" + std::to_string(i), i, one);
  }
  Diagnostics diagnostics;
  warnings.flush(diagnostics);
  ASSERT_EQ(diagnostics.warnings.size(), 17u);
  EXPECT_EQ(diagnostics.warnings.front(), "b.json#0: reason 0");
  EXPECT_EQ(diagnostics.warnings.back(), "b.json: 4 more records with other warnings (first at #16)");
}

TEST(RecordWarningsTest, GroupsDigits) {
  EXPECT_EQ(group_digits(0), "0");
  EXPECT_EQ(group_digits(999), "999");
  EXPECT_EQ(group_digits(1000), "1,000");
  EXPECT_EQ(group_digits(1048575), "1,048,575");
}

}  // namespace
}  // namespace cio_gap
