#include "cio_gap/analyze/fingerprint_set.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

TEST(FingerprintSetTest, SecondInsertOfAFingerprintIsARepeat) {
  FingerprintSet set;
  EXPECT_TRUE(set.insert(42));
  EXPECT_TRUE(set.insert(0));  // zero is a fingerprint like any other
  EXPECT_FALSE(set.insert(42));
  EXPECT_FALSE(set.insert(0));
  EXPECT_EQ(set.size(), 2u);
}

TEST(FingerprintSetTest, EveryValueKeptAcrossGrowth) {
  FingerprintSet set;
  // Values that share their low bits, and enough of them to grow the table several times.
  for (std::uint64_t i = 1; i <= 20000; ++i) ASSERT_TRUE(set.insert(i << 32)) << i;
  for (std::uint64_t i = 1; i <= 20000; ++i) ASSERT_FALSE(set.insert(i << 32)) << i;
  EXPECT_TRUE(set.insert(20001ULL << 32));
  EXPECT_EQ(set.size(), 20001u);
}

}  // namespace
}  // namespace cio_gap
