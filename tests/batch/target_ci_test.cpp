// --target-ci: parsing METRIC=HALF_WIDTH, finding the row, judging the interval, batch sizes.
#include <careflow/diagnostics.hpp>
#include <careflow/replications.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace careflow {
namespace {

/// The diagnostics `parse` (a callable) throws, formatted; "" if it throws none.
template <typename F>
std::string error_text(F&& parse) {
    try {
        parse();
    } catch (const ScenarioError& e) {
        return format_all(e.diagnostics());
    }
    return "";
}

const std::string hint =
    "  hint: METRIC is metric/state/year/strategy as in summary.csv's columns, empty parts kept "
    "between slashes: clients//2019=5, wait_days_mean/residential=2\n";

TEST(TargetCi, ParsesMetricStateYearAndStrategyWithEmptyPartsKept) {
    const CiTarget got = parse_target("cost_total//2019/contracts-2019=50000");
    const CiTarget want{.flag = "--target-ci cost_total//2019/contracts-2019=50000",
                        .name = "cost_total//2019/contracts-2019",
                        .key = {.metric = "cost_total", .year = "2019",
                                .strategy = "contracts-2019"},
                        .half_width = 50000.0};
    EXPECT_EQ(got, want);
}

TEST(TargetCi, NamesDropTrailingEmptyParts) {
    EXPECT_EQ(parse_target("wait_days_mean/residential=2.5").name, "wait_days_mean/residential");
    EXPECT_EQ(parse_target("clients//2019/=5").name, "clients//2019");
    EXPECT_EQ(target_name({.metric = "clients", .year = "2019"}), "clients//2019");
    EXPECT_EQ(target_name({.metric = "referrals"}), "referrals");
}

TEST(TargetCi, RejectsMalformedTargetsCitingTheFlag) {
    EXPECT_EQ(error_text([] { (void)parse_target("clients"); }),
              "--target-ci clients: error: expected METRIC=HALF_WIDTH\n" + hint);
    EXPECT_EQ(error_text([] { (void)parse_target("clients=0"); }),
              "--target-ci clients=0: error: expected a positive number after '=', got '0'\n" +
                  hint);
    EXPECT_EQ(error_text([] { (void)parse_target("clients=5x"); }),
              "--target-ci clients=5x: error: expected a positive number after '=', got '5x'\n" +
                  hint);
    EXPECT_EQ(error_text([] { (void)parse_target("a/b/c/d/e=1"); }),
              "--target-ci a/b/c/d/e=1: error: expected metric[/state[/year[/strategy]]]\n" +
                  hint);
    EXPECT_EQ(error_text([] { (void)parse_target("/x=1"); }),
              "--target-ci /x=1: error: expected metric[/state[/year[/strategy]]]\n" + hint);
}

TEST(TargetCi, ReportsEveryMalformedTargetAtOnce) {
    try {
        (void)parse_targets({"a=1", "b", "c=-1"});
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.diagnostics().size(), 2u);
    }
}

const std::vector<MetricKey> keys = {
    {.metric = "clients", .year = "2019"},
    {.metric = "clients", .state = "foster", .year = "2019"},
    {.metric = "budget_use", .year = "2019", .strategy = "s", .provider = "p"},
    {.metric = "wait_days_mean", .state = "residential"},
};

TEST(TargetCi, FindsTheColumnOfEachTarget) {
    const auto got = find_targets(keys, {parse_target("wait_days_mean/residential=2"),
                                         parse_target("clients//2019=5")});
    EXPECT_EQ(got, (std::vector<std::size_t>{3, 0}));
}

TEST(TargetCi, AnUnknownMetricListsCloseMatches) {
    EXPECT_EQ(error_text([] { (void)find_targets(keys, {parse_target("clients/2019=5")}); }),
              "--target-ci clients/2019=5: error: no summary.csv row 'clients/2019'\n"
              "  did you mean: clients//2019\n");
    EXPECT_EQ(error_text([] { (void)find_targets(keys, {parse_target("nothing_alike=5")}); }),
              "--target-ci nothing_alike=5: error: no summary.csv row 'nothing_alike'\n" + hint);
}

TEST(TargetCi, ProviderRowsCannotBeTargets) {
    EXPECT_NE(error_text([] { (void)find_targets(keys, {parse_target("budget_use//2019/s=1")}); }),
              "");
}

TEST(TargetCi, ATargetIsMetWhenTheHalfWidthIsAtMostIt) {
    MetricTable table{.keys = {{.metric = "x"}}, .values = {{10.0}, {12.0}, {11.0}, {13.0}}};
    const std::vector<std::size_t> columns{0};
    const Summary s = summarize(std::vector<double>{10.0, 12.0, 11.0, 13.0});
    const double width = *s.ci_high - s.mean;  // about 2.05
    const auto loose = target_status(table, {parse_target("x=2.1")}, columns);
    const auto tight = target_status(table, {parse_target("x=2")}, columns);
    ASSERT_EQ(loose.size(), 1u);
    EXPECT_DOUBLE_EQ(*loose[0].half_width, width);
    EXPECT_TRUE(loose[0].met);
    EXPECT_FALSE(tight[0].met);
    EXPECT_TRUE(all_met(loose));
    EXPECT_FALSE(all_met(tight));
    EXPECT_FALSE(all_met({}));
}

TEST(TargetCi, OneValueHasNoIntervalAndMeetsNoTarget) {
    MetricTable table{.keys = {{.metric = "x"}}, .values = {{10.0}}};
    const auto got = target_status(table, {parse_target("x=1000")}, {0});
    EXPECT_FALSE(got[0].half_width.has_value());
    EXPECT_FALSE(got[0].met);
}

TEST(TargetCi, BatchesGrowByHalfAtLeast32AndStopAtTheCap) {
    EXPECT_EQ(next_batch_size(10, 10'000), 32u);
    EXPECT_EQ(next_batch_size(100, 10'000), 50u);
    EXPECT_EQ(next_batch_size(9'990, 10'000), 10u);
    EXPECT_EQ(next_batch_size(10'000, 10'000), 0u);
}

}  // namespace
}  // namespace careflow
