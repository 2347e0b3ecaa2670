// --target-ci on the terminal: each target against its goal, counts grouped by thousands.
#include "target_text.hpp"

#include <careflow/replications.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace careflow::cli {
namespace {

TEST(TargetText, DescribesEachTargetAgainstItsGoal) {
    const std::vector<TargetStatus> statuses = {
        {parse_target("clients//2019=5"), 4.61234, true},
        {parse_target("cost_total//2019/s=50000"), 71234.4, false}};
    EXPECT_EQ(describe(statuses), "clients//2019 ± 4.61 ≤ 5, cost_total//2019/s ± 71234 > 50000");
}

TEST(TargetText, ATargetWithoutAnIntervalReadsNotAvailable) {
    const std::vector<TargetStatus> statuses = {{parse_target("x=1000"), std::nullopt, false}};
    EXPECT_EQ(describe(statuses), "x ± n/a > 1000");
}

TEST(TargetText, GroupsThousandsWithCommas) {
    EXPECT_EQ(with_thousands(999), "999");
    EXPECT_EQ(with_thousands(10'000), "10,000");
    EXPECT_EQ(with_thousands(1'234'567), "1,234,567");
}

}  // namespace
}  // namespace careflow::cli
