#include "cio_gap/analyze/posting_fit.h"

#include <gtest/gtest.h>

namespace cio_gap {
namespace {

// Rules 0-4; the person has 0, has 1 partly, lacks 2, 3 and 4.
const std::vector<Status> kStatus = {Status::have, Status::partial, Status::missing, Status::missing, Status::missing};

PostingSummary posting(std::string source, std::vector<DemandedRule> demands, std::optional<int> years = std::nullopt) {
  PostingSummary summary;
  summary.source = std::move(source);
  summary.years_required = years;
  summary.qualifications = static_cast<int>(demands.size());
  summary.demands = std::move(demands);
  return summary;
}

TEST(PostingFitTest, RequiredWeighOneAndPreferredHalfPartialCountingHalf) {
  // Required: 0 (have, 1), 1 (partial, 0.5), 2 (missing, 0); preferred: 3 (missing, 0 of 0.5).
  // Held 1.5 of 3.5 = 42.857...% -> 42.9.
  const PostingFit fit = fit_posting(posting("a.txt", {{0, false}, {1, false}, {2, false}, {3, true}}, 10), kStatus, 12);
  ASSERT_TRUE(fit.fit.has_value());
  EXPECT_DOUBLE_EQ(*fit.fit, 42.9);
  EXPECT_EQ(fit.required_held, 1);
  EXPECT_EQ(fit.required_total, 3);
  EXPECT_EQ(fit.missing_required, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(fit.years_met, std::optional<bool>(true));
}

TEST(PostingFitTest, PreferredOnlyPostingsAndFullFits) {
  // Preferred 0 (have) and 1 (partial): 0.5 + 0.25 of 1 = 75.
  const PostingFit preferred = fit_posting(posting("b.txt", {{0, true}, {1, true}}), kStatus, 5);
  EXPECT_DOUBLE_EQ(*preferred.fit, 75.0);
  EXPECT_EQ(preferred.required_total, 0);
  EXPECT_TRUE(preferred.missing_required.empty());
  EXPECT_EQ(preferred.years_met, std::nullopt);  // the posting states no years
  const PostingFit full = fit_posting(posting("c.txt", {{0, false}}, 15), kStatus, 12);
  EXPECT_DOUBLE_EQ(*full.fit, 100.0);
  EXPECT_EQ(full.years_met, std::optional<bool>(false));
  const PostingFit none = fit_posting(posting("d.txt", {{4, false}}, 15), kStatus, std::nullopt);
  EXPECT_DOUBLE_EQ(*none.fit, 0.0);
  EXPECT_EQ(none.years_met, std::nullopt);  // the profile states no years
}

TEST(PostingFitTest, DuplicatesAndDiagnosedPostingsHaveNoFit) {
  PostingSummary duplicate = posting("e.txt", {}, 5);
  duplicate.duplicate = true;
  const PostingFit of_duplicate = fit_posting(duplicate, kStatus, 12);
  EXPECT_FALSE(of_duplicate.fit.has_value());
  EXPECT_EQ(of_duplicate.required_total, 0);
  EXPECT_EQ(of_duplicate.years_met, std::optional<bool>(true));
  PostingSummary diagnosed = posting("f.txt", {});
  diagnosed.diagnosis = Diagnosis::no_role_text;
  EXPECT_FALSE(fit_posting(diagnosed, kStatus, 12).fit.has_value());
}

TEST(PostingFitTest, RankedBestFirstTiesBySourceWithoutFitLeftOut) {
  PostingSpool postings;
  std::vector<std::uint64_t> at;
  at.push_back(postings.append(posting("z.txt", {{0, false}, {2, false}})));  // 50
  at.push_back(postings.append(posting("m.txt", {{2, false}})));              // 0
  at.push_back(postings.append(posting("d.txt", {})));                        // none
  at.push_back(postings.append(posting("a.txt", {{1, false}})));              // 50
  at.push_back(postings.append(posting("q.txt", {{0, false}})));              // 100
  EXPECT_EQ(rank_fits(postings, kStatus, std::nullopt, false), (std::vector<std::uint64_t>{at[4], at[3], at[0], at[1]}));
  // Sources known to come in order: ties stay in file order, no source read.
  EXPECT_EQ(rank_fits(postings, kStatus, std::nullopt, true), (std::vector<std::uint64_t>{at[4], at[0], at[3], at[1]}));
}

}  // namespace
}  // namespace cio_gap
