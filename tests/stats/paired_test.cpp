// Paired differences, Welch's interval and key matching, against hand arithmetic and R 4.2.2
// (t.test(v, b, paired = TRUE), t.test(v, b), qt, quantile type 7).
#include <careflow/compare.hpp>
#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace careflow {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Differences 1, 0, 3, 0, 2: mean 1.2, squares 0.04 + 1.44 + 3.24 + 1.44 + 0.64 = 6.8, so
// var 1.7. Base: mean 3, var 2.5; variant: mean 4.2, var 20.8 / 4 = 5.2.
const std::vector<double> base_values{1, 2, 3, 4, 5};
const std::vector<double> variant_values{2, 2, 6, 4, 7};

TEST(PairedDifference, MatchesHandArithmeticAndRsPairedTTest) {
    const PairedDifference d = paired_difference(base_values, variant_values);
    EXPECT_EQ(d.n, 5u);
    EXPECT_DOUBLE_EQ(d.base_mean, 3.0);
    EXPECT_DOUBLE_EQ(d.variant_mean, 4.2);
    EXPECT_DOUBLE_EQ(d.diff_mean, 1.2);
    const double half = 2.7764451051977987 * std::sqrt(1.7 / 5.0);  // t(0.975, 4)
    EXPECT_NEAR(*d.diff_ci_low, 1.2 - half, 1e-12);
    EXPECT_NEAR(*d.diff_ci_high, 1.2 + half, 1e-12);
    EXPECT_NEAR(*d.diff_ci_low, -0.41893178470870313, 1e-12);  // R
    EXPECT_NEAR(*d.diff_ci_high, 2.81893178470870343, 1e-12);
    // Sorted differences 0 0 1 2 3: positions 0.2, 2 and 3.8.
    EXPECT_DOUBLE_EQ(d.diff_p05, 0.0);
    EXPECT_DOUBLE_EQ(d.diff_p50, 1.0);
    EXPECT_DOUBLE_EQ(d.diff_p95, 2.0 + 0.8 * 1.0);
}

TEST(PairedDifference, UnpairedIntervalIsWelchsAsRComputesIt) {
    const PairedDifference d = paired_difference(base_values, variant_values);
    // se = sqrt(2.5/5 + 5.2/5); df = 1.54^2 / (0.5^2/4 + 1.04^2/4) = 7.1240612796635636.
    EXPECT_NEAR(*d.unpaired_ci_low, -1.7240941022961911, 1e-12);
    EXPECT_NEAR(*d.unpaired_ci_high, 4.1240941022961914, 1e-12);
}

TEST(PairedDifference, IdenticalSamplesDifferByExactlyZeroWithAZeroWidthPairedInterval) {
    const PairedDifference d = paired_difference(base_values, base_values);
    EXPECT_EQ(d.diff_mean, 0.0);
    EXPECT_EQ(*d.diff_ci_low, 0.0);
    EXPECT_EQ(*d.diff_ci_high, 0.0);
    EXPECT_EQ(d.diff_p05, 0.0);
    EXPECT_EQ(d.diff_p95, 0.0);
    // Unpaired, the same data look uncertain: Welch sees two samples of variance 2.5.
    EXPECT_GT(*d.unpaired_ci_high, 1.0);
}

TEST(PairedDifference, UndefinedValueDropsTheWholePair) {
    const std::vector<double> base{1, nan, 3, 4};
    const std::vector<double> variant{2, 5, nan, 6};
    const PairedDifference d = paired_difference(base, variant);
    EXPECT_EQ(d.n, 2u);  // replications 1 and 4 only
    EXPECT_DOUBLE_EQ(d.base_mean, 2.5);
    EXPECT_DOUBLE_EQ(d.variant_mean, 4.0);
    EXPECT_DOUBLE_EQ(d.diff_mean, 1.5);
    EXPECT_DOUBLE_EQ(d.diff_p50, 1.5);
}

TEST(PairedDifference, NoDefinedPairLeavesEverythingUndefined) {
    const std::vector<double> base{nan, 1};
    const std::vector<double> variant{2, nan};
    const PairedDifference d = paired_difference(base, variant);
    EXPECT_EQ(d.n, 0u);
    EXPECT_TRUE(std::isnan(d.base_mean));
    EXPECT_TRUE(std::isnan(d.diff_mean));
    EXPECT_TRUE(std::isnan(d.diff_p50));
    EXPECT_FALSE(d.diff_ci_low.has_value());
    EXPECT_FALSE(d.unpaired_ci_low.has_value());
}

TEST(PairedDifference, OnePairHasADifferenceButNoInterval) {
    const std::vector<double> base{3};
    const std::vector<double> variant{5};
    const PairedDifference d = paired_difference(base, variant);
    EXPECT_EQ(d.n, 1u);
    EXPECT_DOUBLE_EQ(d.diff_mean, 2.0);
    EXPECT_DOUBLE_EQ(d.diff_p95, 2.0);
    EXPECT_FALSE(d.diff_ci_high.has_value());
    EXPECT_FALSE(d.unpaired_ci_high.has_value());
}

TEST(PairedDifference, ConstantSamplesGiveZeroWidthIntervalsBothWays) {
    const std::vector<double> base{4, 4, 4};
    const std::vector<double> variant{6, 6, 6};
    const PairedDifference d = paired_difference(base, variant);
    EXPECT_DOUBLE_EQ(d.diff_mean, 2.0);
    EXPECT_DOUBLE_EQ(*d.diff_ci_low, 2.0);
    EXPECT_DOUBLE_EQ(*d.unpaired_ci_low, 2.0);
    EXPECT_DOUBLE_EQ(*d.unpaired_ci_high, 2.0);
}

TEST(PairedDifference, RejectsSamplesOfDifferentLengths) {
    const std::vector<double> shorter{1, 2};
    EXPECT_THROW((void)paired_difference(base_values, shorter), std::invalid_argument);
}

TEST(WelchDegreesOfFreedom, MatchesR) {
    EXPECT_NEAR(*welch_degrees_of_freedom(2.5, 5, 5.2, 5), 7.1240612796635636, 1e-12);
}

TEST(WelchDegreesOfFreedom, IsNMinusOneWhenOneSampleIsConstantAndNoneWhenBothAre) {
    EXPECT_DOUBLE_EQ(*welch_degrees_of_freedom(0.0, 10, 3.0, 8), 7.0);
    EXPECT_FALSE(welch_degrees_of_freedom(0.0, 10, 0.0, 8).has_value());
}

TEST(WelchDegreesOfFreedom, DoesNotDependOnTheScaleOfTheVariances) {
    EXPECT_NEAR(*welch_degrees_of_freedom(2.5e-300, 5, 5.2e-300, 5), 7.1240612796635636, 1e-12);
    EXPECT_NEAR(*welch_degrees_of_freedom(2.5e200, 5, 5.2e200, 5), 7.1240612796635636, 1e-12);
}

TEST(TCritical95Real, AgreesWithTheIntegerVersionAndWithRBetweenIntegers) {
    EXPECT_DOUBLE_EQ(t_critical_95_real(4.0), t_critical_95(4));
    EXPECT_NEAR(t_critical_95_real(7.5), 2.3330396268649736, 1e-12);  // qt(0.975, 7.5)
    EXPECT_GT(t_critical_95_real(7.5), t_critical_95(8));
    EXPECT_LT(t_critical_95_real(7.5), t_critical_95(7));
    EXPECT_THROW((void)t_critical_95_real(0.0), std::invalid_argument);
}

TEST(CompareTables, PairsKeysOnAllFiveFieldsInTheBasesOrder) {
    MetricTable base;
    base.keys = {{"wait", "a", "", ""}, {"wait", "b", "", ""}, {"cost", "", "2024", "s", "p"}};
    base.values = {{1, 10, 100}, {2, 20, 200}};
    MetricTable variant;  // other order; "b" missing; an extra key; a key differing in provider
    variant.keys = {{"cost", "", "2024", "s", "q"}, {"cost", "", "2024", "s", "p"},
                    {"wait", "a", "", ""}, {"wait", "c", "", ""}};
    variant.values = {{0, 103, 2, 0}, {0, 205, 5, 0}};

    const std::vector<ComparedMetric> got = compare_tables(base, variant);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].key, (MetricKey{"wait", "a", "", ""}));
    EXPECT_DOUBLE_EQ(got[0].difference.diff_mean, 2.0);  // (2 - 1 + 5 - 2) / 2
    EXPECT_EQ(got[1].key, (MetricKey{"cost", "", "2024", "s", "p"}));
    EXPECT_DOUBLE_EQ(got[1].difference.diff_mean, 4.0);  // (3 + 5) / 2
}

}  // namespace
}  // namespace careflow
