// summarize(): mean, sd, t interval and type-7 percentiles, checked by hand arithmetic.
#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace careflow {
namespace {

TEST(Summary, MatchesHandArithmeticForFiveValues) {
    const std::vector<double> values{2, 4, 4, 5, 10};
    const Summary s = summarize(values);
    EXPECT_EQ(s.n, 5u);
    EXPECT_DOUBLE_EQ(s.mean, 5.0);
    EXPECT_DOUBLE_EQ(*s.sd, std::sqrt(36.0 / 4.0));  // squares: 9+1+1+0+25
    const double half = 2.7764451051977987 * 3.0 / std::sqrt(5.0);  // t(0.975, 4)
    EXPECT_NEAR(*s.ci_low, 5.0 - half, 1e-12);
    EXPECT_NEAR(*s.ci_high, 5.0 + half, 1e-12);
    EXPECT_DOUBLE_EQ(s.p50, 4.0);
    EXPECT_DOUBLE_EQ(s.p05, 2.0 + 0.2 * 2.0);   // position 0.2 between 2 and 4
    EXPECT_DOUBLE_EQ(s.p95, 5.0 + 0.8 * 5.0);   // position 3.8 between 5 and 10
}

TEST(Summary, OneValueHasNoSpreadOrInterval) {
    const std::vector<double> values{3.5};
    const Summary s = summarize(values);
    EXPECT_EQ(s.n, 1u);
    EXPECT_DOUBLE_EQ(s.mean, 3.5);
    EXPECT_FALSE(s.sd.has_value());
    EXPECT_FALSE(s.ci_low.has_value());
    EXPECT_DOUBLE_EQ(s.p05, 3.5);
}

TEST(Summary, UndefinedReplicationValuesAreLeftOutAndCounted) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> values{1.0, nan, 3.0};
    const Summary s = summarize(values);
    EXPECT_EQ(s.n, 2u);
    EXPECT_DOUBLE_EQ(s.mean, 2.0);
}

TEST(Summary, TCriticalValueApproachesTheNormalQuantile) {
    EXPECT_NEAR(t_critical_95(1), 12.706204736174698, 1e-9);
    EXPECT_NEAR(t_critical_95(100000), 1.959963984540054, 1e-4);
}

}  // namespace
}  // namespace careflow
