#include "cio_gap/load/record_warnings.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

TEST(RecordWarningsTest, AReasonMetOnceIsSaidAsItWasMet) {
  RecordWarnings warnings("jobs.csv", "row");
  warnings.add("skipped: no description", 3, "jobs.csv#row=3: skipped: no description");
  Diagnostics diagnostics;
  warnings.flush(diagnostics);
  EXPECT_EQ(diagnostics.warnings, std::vector<std::string>{"jobs.csv#row=3: skipped: no description"});
}

TEST(RecordWarningsTest, AReasonMetOftenIsCountedOnce) {
  RecordWarnings warnings("big.csv", "row");
  for (std::size_t row = 2; row <= 1000001; ++row) {
    warnings.add("skipped: no description", row, "big.csv#row=" + std::to_string(row) + ": skipped: no description");
    if (row % 2 == 0) warnings.add("HTML has more than 100000 elements; field ignored", row, "alone");
  }
  warnings.add("with more than 1024 columns; the rest dropped", 7, "big.csv:7: more than 1024 columns");
  Diagnostics diagnostics;
  warnings.flush(diagnostics);
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"big.csv: 1000000 rows skipped: no description (first at row 2)",
                                      "big.csv: 500000 rows: HTML has more than 100000 elements; field ignored "
                                      "(first at row 2)",
                                      "big.csv:7: more than 1024 columns"}));
  // Flushed warnings are not given again.
  Diagnostics again;
  warnings.flush(again);
  EXPECT_TRUE(again.warnings.empty());
}

}  // namespace
}  // namespace cio_gap
