// Sweep points: --vary parsing and its errors, the grid's order and size, the Latin hypercube.
#include <careflow/sweep.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace careflow {
namespace {

/// The formatted diagnostics parse_vary throws, or "" when it accepts the flags.
std::string vary_errors(const std::vector<std::string>& texts, SweepMode mode) {
    try {
        (void)parse_vary(texts, mode);
    } catch (const ScenarioError& e) {
        return format_all(e.diagnostics());
    }
    return "";
}

/// The stratum (0..n-1) of `value` when [low, high) is cut into n equal parts.
std::size_t stratum_of(double value, const SweepRange& range, std::size_t n) {
    const double offset = (value - range.low) / (range.high - range.low);
    return static_cast<std::size_t>(std::floor(offset * static_cast<double>(n)));
}

TEST(ParseVary, ReadsAGridListAndKeepsFlowListsWhole) {
    const std::vector<SweepParameter> want = {
        {"states.residential.capacity", {"40", "46", "52"}, {}},
        {"arrivals.0.seasonality", {"[1, 2]", "{a: 1, b: 2}"}, {}}};
    EXPECT_EQ(parse_vary({"states.residential.capacity=40,46,52",
                          "arrivals.0.seasonality=[1, 2],{a: 1, b: 2}"},
                         SweepMode::grid),
              want);
}

TEST(ParseVary, ReadsRangesWithAndWithoutInt) {
    const std::vector<SweepParameter> want = {
        {"states.residential.capacity", {}, {30.0, 60.0, true}},
        {"arrivals.crisis line.per_year", {}, {-1.5, 2e3, false}}};
    EXPECT_EQ(parse_vary({"states.residential.capacity=30..60:int",
                          "arrivals.crisis line.per_year=-1.5..2e3"},
                         SweepMode::latin_hypercube),
              want);
}

TEST(ParseVary, RejectsARangeInGridModeWithAHint) {
    EXPECT_EQ(vary_errors({"a.b=1..5"}, SweepMode::grid),
              "--vary a.b=1..5: error: a range LOW..HIGH needs --lhs N\n"
              "  hint: list the values for a grid (e.g. --vary "
              "states.residential.capacity=40,46,52), or draw N points from the range with "
              "--lhs N\n");
}

TEST(ParseVary, RejectsAListInLatinHypercubeModeWithAHint) {
    EXPECT_EQ(vary_errors({"a.b=1,2,3"}, SweepMode::latin_hypercube),
              "--vary a.b=1,2,3: error: --lhs draws from a range LOW..HIGH, not a list\n"
              "  hint: e.g. --vary states.residential.capacity=30..60:int; or drop --lhs for a "
              "grid of listed values\n");
}

TEST(ParseVary, ReportsEveryBadFlagAtOnce) {
    const std::string got = vary_errors(
        {"nopath", "=1", "a=", "b=1,,2", "c=1", "c=2", "run.seed=1,2"}, SweepMode::grid);
    EXPECT_NE(got.find("--vary nopath: error: expected PATH=VALUES"), std::string::npos) << got;
    EXPECT_NE(got.find("--vary =1: error: expected PATH=VALUES"), std::string::npos) << got;
    EXPECT_NE(got.find("--vary a=: error: expected values after '='"), std::string::npos) << got;
    EXPECT_NE(got.find("--vary b=1,,2: error: empty value in the list"), std::string::npos) << got;
    EXPECT_NE(got.find("--vary c=2: error: 'c' is varied twice"), std::string::npos) << got;
    EXPECT_NE(got.find("--vary run.seed=1,2: error: every point runs under the same seed"),
              std::string::npos)
        << got;
}

TEST(ParseVary, RejectsBadRanges) {
    const auto mode = SweepMode::latin_hypercube;
    EXPECT_NE(vary_errors({"a=5..1"}, mode).find("error: LOW must be below HIGH"),
              std::string::npos);
    EXPECT_NE(vary_errors({"a=x..1"}, mode).find("error: range bounds must be numbers, got 'x'"),
              std::string::npos);
    EXPECT_NE(vary_errors({"a=1..5:round"}, mode).find("error: unknown suffix ':round'"),
              std::string::npos);
    EXPECT_NE(vary_errors({"a=0.5..5:int"}, mode).find("bounds must be whole numbers"),
              std::string::npos);
    EXPECT_NE(vary_errors({"a=7"}, mode).find("error: expected a range LOW..HIGH"),
              std::string::npos);
    EXPECT_NE(vary_errors({"a=1..inf"}, mode).find("must be numbers"), std::string::npos);
}

TEST(ParseVary, RejectsNothingToVary) {
    EXPECT_NE(vary_errors({}, SweepMode::grid).find("--vary: error: nothing to vary"),
              std::string::npos);
}

TEST(GridDesign, HoldsEveryCombinationWithTheLastParameterFastest) {
    const SweepDesign design =
        grid_design({{"a", {"1", "2"}, {}}, {"b", {"x", "y", "z"}, {}}});
    const std::vector<std::vector<std::string>> want = {
        {"1", "x"}, {"1", "y"}, {"1", "z"}, {"2", "x"}, {"2", "y"}, {"2", "z"}};
    EXPECT_EQ(design.paths, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(design.values, want);
    EXPECT_EQ(design.overrides(4), (std::vector<std::string>{"a=2", "b=y"}));
    EXPECT_EQ(design.label(4), "point 5 (a=2, b=y)");
}

TEST(GridDesign, RefusesMoreThanTheLimitOfPoints) {
    std::vector<std::string> hundred;
    for (int i = 0; i < 100; ++i) hundred.push_back(std::to_string(i));
    EXPECT_NO_THROW((void)grid_design({{"a", hundred, {}}, {"b", hundred, {}}}));
    EXPECT_THROW((void)grid_design({{"a", hundred, {}}, {"b", hundred, {}}, {"c", {"1", "2"}, {}}}),
                 ScenarioError);
}

TEST(LatinHypercube, PutsOneValueInEachStratumOfEveryRange) {
    const std::vector<SweepRange> ranges = {{0.0, 1.0, false}, {-50.0, 150.0, false},
                                            {3.0, 3.5, false}};
    const std::size_t n = 17;
    const auto samples = latin_hypercube(ranges, n, 42);
    ASSERT_EQ(samples.size(), n);
    for (std::size_t j = 0; j < ranges.size(); ++j) {
        std::set<std::size_t> strata;
        for (const auto& sample : samples) {
            EXPECT_GE(sample[j], ranges[j].low);
            EXPECT_LT(sample[j], ranges[j].high);
            strata.insert(stratum_of(sample[j], ranges[j], n));
        }
        EXPECT_EQ(strata.size(), n) << "range " << j;
    }
}

TEST(LatinHypercube, IsReproducibleForASeedAndDiffersForAnother) {
    const std::vector<SweepRange> ranges = {{0.0, 10.0, false}, {1.0, 2.0, false}};
    const auto first = latin_hypercube(ranges, 8, 7);
    EXPECT_EQ(first, latin_hypercube(ranges, 8, 7));
    EXPECT_NE(first, latin_hypercube(ranges, 8, 8));
}

TEST(LatinHypercube, PermutesTheStrataIndependentlyPerRange) {
    const std::vector<SweepRange> ranges = {{0.0, 1.0, false}, {0.0, 1.0, false}};
    const auto samples = latin_hypercube(ranges, 20, 3);
    std::vector<std::size_t> first, second;
    for (const auto& sample : samples) {
        first.push_back(stratum_of(sample[0], ranges[0], 20));
        second.push_back(stratum_of(sample[1], ranges[1], 20));
    }
    EXPECT_NE(first, second);
}

TEST(LhsDesign, DrawsWholeNumbersForIntRangesBoundsIncluded) {
    const SweepDesign design = lhs_design({{"cap", {}, {1.0, 3.0, true}}}, 30, 11);
    std::set<std::string> seen;
    for (const auto& values : design.values) seen.insert(values[0]);
    EXPECT_EQ(seen, (std::set<std::string>{"1", "2", "3"}));
}

TEST(LhsDesign, WritesValuesThatReadBackExactly) {
    const std::vector<SweepRange> ranges = {{0.1, 0.9, false}};
    const SweepDesign design = lhs_design({{"share", {}, ranges[0]}}, 5, 99);
    const auto samples = latin_hypercube(ranges, 5, 99);
    ASSERT_EQ(design.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(std::stod(design.values[i][0]), samples[i][0]);
    }
}

}  // namespace
}  // namespace careflow
