// Care-flow mechanisms of whole runs: competing risks, escalation and step-down routing, age
// bands, matched care by severity, and foster moves within a state.
#include "sim/care_flow_support.hpp"
#include "sim/simulation.hpp"
#include "support/queueing.hpp"
#include "support/replications.hpp"
#include "support/scenario_text.hpp"

#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace careflow::sim {
namespace {

using namespace care_flow_testing;
using careflow::testing::model_from_yaml;
using careflow::testing::replicate;
using careflow::testing::state_index;
using careflow::testing::year_of;
using careflow::testing::z_tolerance;

// ---------------------------------------------------------------------------------------
// Competing risks: rates r_i per year give shares r_i / sum r and a mean stay 1 / sum r.
// Four copies of one state, each fed youths that one factor applies to.

constexpr const char* competing_yaml = R"(
version: 2
run: {horizon: 2 years, warmup: 1 year, replications: 1, seed: 1}
youth: {severity_levels: [light, severe], age_bands: [0, 12, 16]}
states:
  - name: plain
    capacity: unlimited
    transitions: &clocks
      - {to: residential, type: escalation, per_year: 2, by_severity: {severe: 3}}
      - {to: local_team, type: step_down, per_year: 3, by_age_band: {"12-15": 2}}
      - {to: exit, type: completion, per_year: 5, guardianship: 0.4}
  - {name: severe_case, capacity: unlimited, transitions: *clocks}
  - {name: guardianship_case, capacity: unlimited, transitions: *clocks}
  - {name: teen_case, capacity: unlimited, transitions: *clocks}
  - name: residential
    kind: residential
    capacity: unlimited
    length_of_stay: {exponential: {mean: 10 days}}
    next: {exit: 1}
  - name: local_team
    kind: local_team
    capacity: unlimited
    length_of_stay: {exponential: {mean: 10 days}}
    next: {exit: 1}
arrivals:
  - {to: plain, per_year: 1000}
  - {to: severe_case, per_year: 1000, severity: {severe: 1}}
  - {to: guardianship_case, per_year: 1000, guardianship: 1}
  - {to: teen_case, per_year: 1000, age: [[13, 14, 1]]}
)";

struct CompetingRuns {
    std::shared_ptr<const Model> model;
    std::vector<ReplicationMetrics> runs;
};

const CompetingRuns& competing_runs() {
    static const CompetingRuns all = [] {
        auto model = model_from_yaml(competing_yaml);
        auto runs = replicate(*model, 41, 40);
        return CompetingRuns{std::move(model), std::move(runs)};
    }();
    return all;
}

struct CompetingCase {
    const char* state;
    std::array<double, 3> per_year;  ///< escalation, step-down, completion, by hand
};

void PrintTo(const CompetingCase& c, std::ostream* os) {
    *os << c.state << " {" << c.per_year[0] << ", " << c.per_year[1] << ", " << c.per_year[2]
        << "} per year";
}

class CompetingRisks : public ::testing::TestWithParam<CompetingCase> {};

TEST_P(CompetingRisks, ExitSharesAreTheRatesSharesAndTheMeanStayIsOneOverTheirSum) {
    const CompetingCase c = GetParam();
    const auto& [model, runs] = competing_runs();
    const std::size_t s = state_index(*model, c.state);
    const double total = c.per_year[0] + c.per_year[1] + c.per_year[2];
    std::array<std::vector<double>, 3> shares;
    std::vector<double> stay_days;
    for (const ReplicationMetrics& m : runs) {
        std::array<double, 3> counts{};
        for (std::size_t year = 0; year < 2; ++year) {
            const YearStateMetrics& y = year_of(m, year, s);
            counts[0] += as_double(left_as(y, TransitionType::escalation));
            counts[1] += as_double(left_as(y, TransitionType::step_down));
            counts[2] += as_double(left_as(y, TransitionType::completion));
        }
        const double left = counts[0] + counts[1] + counts[2];
        ASSERT_GT(left, 0.0);
        for (std::size_t i = 0; i < 3; ++i) shares[i].push_back(counts[i] / left);
        stay_days.push_back(m.states[s].stay_days_mean);
    }
    constexpr std::array<const char*, 3> names{"escalation", "step-down", "completion"};
    for (std::size_t i = 0; i < 3; ++i) {
        expect_mean_near(shares[i], c.per_year[i] / total, std::string(names[i]) + " share");
    }
    expect_mean_near(stay_days, days_per_year / total, "mean stay in days");
}

INSTANTIATE_TEST_SUITE_P(
    CareFlow, CompetingRisks,
    ::testing::Values(CompetingCase{"plain", {2, 3, 5}},
                      CompetingCase{"severe_case", {6, 3, 5}},
                      CompetingCase{"guardianship_case", {2, 3, 2}},
                      CompetingCase{"teen_case", {2, 6, 5}}),
    [](const ::testing::TestParamInfo<CompetingCase>& param) {
        return std::string(param.param.state);
    });

TEST(CareFlow, EscalationsAndStepDownsAreAdmittedToTheirDestinationsAndCountedOnTheirOrigin) {
    const auto& [model, runs] = competing_runs();
    const std::size_t residential = state_index(*model, "residential");
    const std::size_t local_team = state_index(*model, "local_team");
    for (const ReplicationMetrics& m : runs) {
        for (std::size_t year = 0; year < 2; ++year) {
            std::uint64_t escalations = 0;
            std::uint64_t step_downs = 0;
            std::vector<std::uint64_t> want;
            std::vector<std::uint64_t> got;
            for (std::size_t s = 0; s < 4; ++s) {
                const YearStateMetrics& y = year_of(m, year, s);
                escalations += left_as(y, TransitionType::escalation);
                step_downs += left_as(y, TransitionType::step_down);
                want.push_back(y.completions);
                got.push_back(left_as(y, TransitionType::escalation) +
                              left_as(y, TransitionType::step_down) +
                              left_as(y, TransitionType::completion));
            }
            want.insert(want.end(), {escalations, step_downs});
            got.insert(got.end(), {year_of(m, year, residential).admissions,
                                   year_of(m, year, local_team).admissions});
            EXPECT_EQ(got, want) << "year " << year;
        }
    }
}

TEST(CareFlow, RatesChangeWhenAYouthEntersANewAgeBandDuringItsStay) {
    // Nobody under 12 leaves (factor 0); from 12 the exit rate is 1 a year, cut short by
    // ageing out at 18. Referred at 11.0 to 11.001, a stay lasts the wait until 12 plus
    // min(Exp(1 year), 6 years). Stationary after a warm-up of ten mean stays.
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 2 years, warmup: 10 years, replications: 1, seed: 1}
youth: {age_bands: [0, 12, 16]}
states:
  - name: ambulatory
    kind: ambulatory
    capacity: unlimited
    transitions:
      - {to: exit, type: completion, per_year: 1, by_age_band: {"0-11": 0}}
arrivals:
  - {to: ambulatory, per_year: 200, age: [[11.0, 11.001, 1]]}
)");
    std::vector<double> stay_days;
    std::vector<double> aged_out_share;
    for (const ReplicationMetrics& m : replicate(*model, 45, 30)) {
        stay_days.push_back(m.states[0].stay_days_mean);
        double aged_out = 0.0;
        for (std::size_t year = 0; year < 2; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            EXPECT_GE(y.stay_days_mean, (12.0 - 11.001) * days_per_year) << "year " << year;
            aged_out += as_double(y.aged_out);
        }
        aged_out_share.push_back(aged_out / as_double(m.states[0].completions));
    }
    const double until_twelve_days = (12.0 - 11.0005) * days_per_year;
    expect_mean_near(stay_days, until_twelve_days + days_per_year * (1.0 - std::exp(-6.0)),
                     "mean stay, days");
    expect_mean_near(aged_out_share, std::exp(-6.0), "share aged out");
}

// ---------------------------------------------------------------------------------------
// Matched care: referrals routed by severity.

TEST(CareFlow, MatchedCareSendsEachSeverityStraightToItsOwnState) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
youth: {severity_levels: [light, severe]}
states:
  - name: local_team
    kind: local_team
    capacity: unlimited
    length_of_stay: {exponential: {mean: 60 days}}
    next: {exit: 1}
  - name: residential
    kind: residential
    capacity: unlimited
    length_of_stay: {exponential: {mean: 200 days}}
    next: {exit: 1}
arrivals:
  - name: matched
    to: {light: local_team, severe: residential}
    per_year: 1000
    severity: {light: 0.7, severe: 0.3}
)");
    std::array<std::vector<double>, 2> admissions;
    std::vector<double> severe_share;
    for (const ReplicationMetrics& m : replicate(*model, 51, 40)) {
        for (std::size_t year = 0; year < 3; ++year) {
            const auto light = year_of(m, year, 0).admissions;
            const auto severe = year_of(m, year, 1).admissions;
            EXPECT_EQ(light + severe, m.referrals_by_year[year]) << "year " << year;
            admissions[0].push_back(as_double(light));
            admissions[1].push_back(as_double(severe));
            severe_share.push_back(as_double(severe) / as_double(light + severe));
        }
    }
    expect_mean_near(admissions[0], 700.0, "local team admissions per year");
    expect_mean_near(admissions[1], 300.0, "residential admissions per year");
    expect_mean_near(severe_share, 0.3, "share admitted to residential");
}

// ---------------------------------------------------------------------------------------
// Foster breakdowns that move the child to another family: a transition to the same state.
// Stationary after a warm-up of eight mean stays: 300 in care, 600 moves and 300 exits a year.

constexpr const char* foster_yaml = R"(
version: 2
run: {horizon: 2 years, warmup: 8 years, replications: 1, seed: 1}
states:
  - name: foster
    kind: foster
    capacity: unlimited
    transitions:
      - {to: foster, type: breakdown, per_year: 2}
      - {to: exit, type: completion, per_year: 1}
arrivals:
  - {to: foster, per_year: 300}
)";

const std::vector<ReplicationMetrics>& foster_runs() {
    static const std::vector<ReplicationMetrics> runs =
        replicate(*model_from_yaml(foster_yaml), 61, 40);
    return runs;
}

TEST(CareFlow, AFosterMoveIsABreakdownThatKeepsTheYouthAndItsPlaceInTheState) {
    for (const ReplicationMetrics& m : foster_runs()) {
        for (std::size_t year = 0; year < 2; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            ASSERT_GT(y.moves, 0u);
            const std::vector<std::uint64_t> want{y.moves, m.referrals_by_year[year],
                                                  left_as(y, TransitionType::completion),
                                                  m.exits_by_year[year]};
            const std::vector<std::uint64_t> got{left_as(y, TransitionType::breakdown),
                                                 y.admissions, y.completions, y.completions};
            EXPECT_EQ(got, want) << "year " << year;
            if (year == 0) continue;
            const std::int64_t stock_before = year_of(m, 0, 0).stock_end;
            EXPECT_EQ(std::int64_t{y.stock_end},
                      stock_before + static_cast<std::int64_t>(y.admissions) -
                          static_cast<std::int64_t>(y.completions));
        }
    }
}

TEST(CareFlow, FosterMovesHappenAtTheBreakdownRateTimesTheStock) {
    std::vector<double> moves;
    std::vector<double> exits;
    std::vector<double> stock;
    for (const ReplicationMetrics& m : foster_runs()) {
        for (std::size_t year = 0; year < 2; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            moves.push_back(as_double(y.moves));
            exits.push_back(as_double(left_as(y, TransitionType::completion)));
            stock.push_back(y.stock_end);
        }
    }
    expect_mean_near(moves, 600.0, "moves per year");
    expect_mean_near(exits, 300.0, "exits per year");
    expect_mean_near(stock, 300.0, "in care at the year's end");
}

TEST(CareFlow, AStayWithMovesLastsFromAdmissionToLeavingTheState) {
    // Moves do not change the exit clock (rate 1 a year), so a stay lasts 365.25 days on
    // average, and Little's law links the state's own time-average stock, completions and
    // mean stay. Measured from the last move instead, a stay would average a third of that.
    std::vector<double> stay_days;
    std::vector<double> littles_gap;
    for (const ReplicationMetrics& m : foster_runs()) {
        const StateMetrics& s = m.states[0];
        stay_days.push_back(s.stay_days_mean);
        const double window_days = 2.0 * days_per_year;
        littles_gap.push_back(s.in_care_mean -
                              as_double(s.completions) / window_days * s.stay_days_mean);
    }
    expect_mean_near(stay_days, days_per_year, "mean stay in foster care, days");
    expect_mean_near(littles_gap, 0.0, "in_care_mean - completions / T * stay_days_mean");
}

}  // namespace
}  // namespace careflow::sim
