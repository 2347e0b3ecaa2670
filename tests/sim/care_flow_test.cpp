// Care-flow mechanisms of whole runs: ageing out, seasonality and trend, competing risks,
// severity routing, moves, initial stock, conservation and capacity.
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

using careflow::testing::model_from_yaml;
using careflow::testing::z_tolerance;

constexpr double days_per_year = 365.25;

using careflow::testing::replicate;
using careflow::testing::state_index;
using careflow::testing::year_of;

std::uint64_t left_as(const YearStateMetrics& y, TransitionType type) {
    return y.left_by_type[static_cast<std::size_t>(type)];
}

double as_double(std::uint64_t n) { return static_cast<double>(n); }

/// Expects the mean of `values` (one per replication) within z_tolerance standard errors of
/// `theory`, the standard error being the replications' own.
void expect_mean_near(const std::vector<double>& values, double theory, const std::string& what) {
    const Summary s = summarize(values);
    const double se = s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n));
    EXPECT_NEAR(s.mean, theory, z_tolerance * se) << what << ": theory " << theory << ", SE " << se;
}

// ---------------------------------------------------------------------------------------
// Ageing out. Referrals aged 17.0 to 17.001 reach 18 between 364.885 and 365.25 days later.

constexpr double youngest_at_referral = 17.0;
constexpr double oldest_at_referral = 17.001;

TEST(CareFlow, YouthsReferredAtSeventeenAgeOutOfCareExactlyAtEighteen) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 4 years, replications: 1, seed: 1}
states:
  - name: residential
    kind: residential
    capacity: unlimited
    length_of_stay: {deterministic: 10 years}
    next: {exit: 1}
arrivals:
  - {to: residential, per_year: 200, age: [[17.0, 17.001, 1]]}
)");
    const double shortest = (18.0 - oldest_at_referral) * days_per_year;
    const double longest = (18.0 - youngest_at_referral) * days_per_year;
    const auto runs = replicate(*model, 11, 20);
    std::vector<double> aged_out_per_year;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        SCOPED_TRACE("replication " + std::to_string(r));
        for (std::size_t year = 1; year < 4; ++year) {
            const YearStateMetrics& y = year_of(runs[r], year, 0);
            // Every stay ends by ageing out, a year after it began: nobody completes the
            // ten-year stay, nobody older than 18 is left in care at the year's end.
            EXPECT_GE(y.stay_days_mean, shortest - 1e-9) << "year " << year;
            EXPECT_LE(y.stay_days_mean, longest + 1e-9) << "year " << year;
            const std::vector<std::uint64_t> want{y.completions, y.completions, 0};
            const std::vector<std::uint64_t> got{y.aged_out, runs[r].exits_by_year[year],
                                                 left_as(y, TransitionType::completion)};
            EXPECT_EQ(got, want) << "year " << year << ": aged out, exits, completed stays";
            EXPECT_LE(y.stock_end, y.admissions) << "year " << year;
            aged_out_per_year.push_back(as_double(y.aged_out));
        }
    }
    // Those aged out in a year are the previous year's referrals, shifted by under a day.
    const double mean_age = (youngest_at_referral + oldest_at_referral) / 2.0;
    expect_mean_near(aged_out_per_year, 200.0 * (18.0 - mean_age), "aged out per year");
}

TEST(CareFlow, ExtendedCareKeepsYouthsUntilTheStatesMaxAgeOfTwentyThree) {
    const auto model = model_from_yaml(R"(
version: 2
youth: {leave_age: 18}
run: {horizon: 8 years, replications: 1, seed: 1}
states:
  - name: family_home
    kind: family_home
    max_age: 23
    capacity: unlimited
    length_of_stay: {deterministic: 20 years}
    next: {exit: 1}
arrivals:
  - {to: family_home, per_year: 100, age: [[17.0, 17.001, 1]]}
)");
    const double shortest = (23.0 - oldest_at_referral) * days_per_year;
    const double longest = (23.0 - youngest_at_referral) * days_per_year;
    for (const ReplicationMetrics& m : replicate(*model, 12, 5)) {
        std::vector<std::uint64_t> completions_before_six_years;
        for (std::size_t year = 0; year < 5; ++year) {
            completions_before_six_years.push_back(year_of(m, year, 0).completions);
        }
        EXPECT_EQ(completions_before_six_years, std::vector<std::uint64_t>(5, 0))
            << "nobody leaves at 18 in a state with max_age 23";
        for (std::size_t year = 6; year < 8; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            ASSERT_GT(y.completions, 0u) << "year " << year;
            EXPECT_EQ(y.aged_out, y.completions) << "year " << year;
            EXPECT_GE(y.stay_days_mean, shortest - 1e-9) << "year " << year;
            EXPECT_LE(y.stay_days_mean, longest + 1e-9) << "year " << year;
        }
    }
}

TEST(CareFlow, YouthsWaitingForAFullStateAgeOutAtItsMaxAge) {
    // Stock without an age never ages out, so both states stay full: every referral waits.
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 4 years, replications: 1, seed: 1}
states:
  - name: closed
    kind: closed_residential
    capacity: 3
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
  - name: aftercare
    kind: family_home
    max_age: 23
    capacity: 2
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
arrivals:
  - {to: closed, per_year: 150, age: [[17.0, 17.001, 1]]}
  - {to: aftercare, per_year: 100, age: [[22.0, 22.001, 1]]}
initial_stock:
  - {state: closed, count: 3}
  - {state: aftercare, count: 2}
)");
    const auto runs = replicate(*model, 13, 20);
    std::vector<std::vector<double>> aged_out(2);
    for (std::size_t r = 0; r < runs.size(); ++r) {
        SCOPED_TRACE("replication " + std::to_string(r));
        const ReplicationMetrics& m = runs[r];
        for (std::size_t year = 0; year < 4; ++year) {
            const YearStateMetrics& closed = year_of(m, year, 0);
            const YearStateMetrics& aftercare = year_of(m, year, 1);
            const std::vector<std::uint64_t> want{3, 2, 0, 0, closed.aged_out + aftercare.aged_out};
            const std::vector<std::uint64_t> got{closed.stock_end, aftercare.stock_end,
                                                 closed.admissions, aftercare.admissions,
                                                 m.exits_by_year[year]};
            EXPECT_EQ(got, want) << "year " << year;
            EXPECT_GT(closed.waitlist_end, 0u) << "year " << year;
            EXPECT_GT(aftercare.waitlist_end, 0u) << "year " << year << ": 22-year-olds wait";
            // Whoever waits at a year's end was referred that year: a year of waiting ends it.
            EXPECT_LE(closed.waitlist_end + aftercare.waitlist_end, m.referrals_by_year[year])
                << "year " << year;
            if (year == 0) continue;
            EXPECT_GE(closed.aged_out, year_of(m, year - 1, 0).waitlist_end) << "year " << year;
            EXPECT_GE(aftercare.aged_out, year_of(m, year - 1, 1).waitlist_end)
                << "year " << year;
            aged_out[0].push_back(as_double(closed.aged_out));
            aged_out[1].push_back(as_double(aftercare.aged_out));
        }
    }
    const double years_waited = 18.0 - (youngest_at_referral + oldest_at_referral) / 2.0;
    expect_mean_near(aged_out[0], 150.0 * years_waited, "aged out of the closed waitlist");
    expect_mean_near(aged_out[1], 100.0 * years_waited, "aged out of the aftercare waitlist");
}

// ---------------------------------------------------------------------------------------
// Referral streams: seasonality and trend, sampled by thinning.

constexpr std::array<double, 12> multipliers{1.0, 0.9, 0.9, 1.0, 1.0, 1.6,
                                             0.8, 0.5, 1.0, 1.1, 1.8, 0.9};

TEST(CareFlow, MonthlyReferralsFollowTheSeasonalMultipliers) {
    // Nobody leaves, so a month's referrals are the growth of the stock over it.
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: crisis
    kind: crisis
    capacity: unlimited
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
arrivals:
  - to: crisis
    per_year: 1200
    seasonality: [1.0, 0.9, 0.9, 1.0, 1.0, 1.6, 0.8, 0.5, 1.0, 1.1, 1.8, 0.9]
)");
    constexpr double rate_per_day = 1200.0 / days_per_year;
    constexpr std::array<double, 12> days_2019{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const auto runs = replicate(*model, 21, 100);
    ASSERT_EQ(model->calendar.months(), 24u);
    std::vector<std::vector<double>> per_month(24);
    std::vector<std::vector<double>> per_year(2);
    for (const ReplicationMetrics& m : runs) {
        for (std::size_t month = 0; month < 24; ++month) {
            const double before = month == 0 ? 0.0 : m.month_stock[month - 1];
            per_month[month].push_back(m.month_stock[month] - before);
        }
        for (std::size_t year = 0; year < 2; ++year) {
            per_year[year].push_back(as_double(m.referrals_by_year[year]));
        }
    }
    std::array<double, 2> yearly_theory{};
    for (std::size_t month = 0; month < 24; ++month) {
        const bool leap_february = month == 13;  // 2020-02
        const double days = days_2019[month % 12] + (leap_february ? 1.0 : 0.0);
        const double theory = rate_per_day * multipliers[month % 12] * days;
        yearly_theory[month / 12] += theory;
        expect_mean_near(per_month[month], theory, model->calendar.month_labels[month]);
    }
    expect_mean_near(per_year[0], yearly_theory[0], "referrals in 2019");
    expect_mean_near(per_year[1], yearly_theory[1], "referrals in 2020");
}

TEST(CareFlow, ReferralsOfEachYearGrowWithTheTrendIntegratedOverThatYear) {
    // The trend counts from the window's start; the warm-up year runs below the base rate.
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 5 years, warmup: 1 year, replications: 1, seed: 1}
states:
  - name: local_team
    kind: local_team
    capacity: unlimited
    length_of_stay: {exponential: {mean: 1 day}}
    next: {exit: 1}
arrivals:
  - {to: local_team, per_year: 1000, trend_per_year: 0.10}
)");
    const auto runs = replicate(*model, 31, 60);
    for (std::size_t year = 0; year < 5; ++year) {
        std::vector<double> referrals;
        for (const ReplicationMetrics& m : runs) {
            referrals.push_back(as_double(m.referrals_by_year[year]));
        }
        // 1000 * integral of 1.1^t from k to k + 1.
        const double theory = 1000.0 * std::pow(1.1, static_cast<double>(year)) * 0.1 /
                              std::log(1.1);
        expect_mean_near(referrals, theory, "referrals in year " + std::to_string(year + 1));
    }
}

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

// ---------------------------------------------------------------------------------------
// Initial stock.

TEST(CareFlow, InitialStockIsInCareFromDayZeroAndStockBeyondThePlacesWaits) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: residential
    kind: residential
    capacity: unlimited
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
  - name: foster
    kind: foster
    capacity: 20
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
  - name: ambulatory
    kind: ambulatory
    capacity: unlimited
    length_of_stay: {exponential: {mean: 30 days}}
    next: {exit: 1}
arrivals:
  - {to: ambulatory, per_year: 100}
initial_stock:
  - {state: residential, count: 250}
  - {state: foster, count: 30}
)");
    for (const ReplicationMetrics& m : replicate(*model, 71, 3)) {
        std::vector<std::uint32_t> got;
        std::vector<std::uint32_t> want;
        for (std::size_t month = 0; month < 24; ++month) {
            for (const std::size_t s : {0u, 1u}) {
                got.push_back(m.month_stock[month * 3 + s]);
                got.push_back(m.month_waitlist[month * 3 + s]);
            }
            want.insert(want.end(), {250, 0, 20, 10});
        }
        EXPECT_EQ(got, want) << "stock and waitlist of residential and foster, every month";
        const std::vector<std::uint64_t> clients{year_of(m, 0, 0).clients,
                                                 year_of(m, 0, 1).clients};
        EXPECT_EQ(clients, (std::vector<std::uint64_t>{250, 20})) << "clients of year 1";
    }
}

TEST(CareFlow, InitialStockWithTimeAlreadyInCareLeavesAsItsFixedStaysRunOut) {
    // A fixed stay of 360 days of which U(0, 360) have passed: the rest is U(0, 360), so the
    // stock falls linearly and every stay, counted from its true start, lasts 360 days.
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: foster
    kind: foster
    capacity: unlimited
    length_of_stay: {deterministic: 360 days}
    next: {exit: 1}
  - name: ambulatory
    capacity: unlimited
    length_of_stay: {exponential: {mean: 30 days}}
    next: {exit: 1}
arrivals:
  - {to: ambulatory, per_year: 10}
initial_stock:
  - {state: foster, count: 1000, in_care_for: {uniform: {min: 0 days, max: 360 days}}}
)");
    constexpr double count = 1000.0;
    constexpr double stay_days = 360.0;
    constexpr std::uint32_t replications = 20;
    const auto runs = replicate(*model, 81, replications);
    std::vector<std::vector<double>> stock(11);
    for (const ReplicationMetrics& m : runs) {
        const YearStateMetrics& first = year_of(m, 0, 0);
        EXPECT_EQ(first.completions, 1000u);
        EXPECT_NEAR(first.stay_days_mean, stay_days, 1e-9 * stay_days);
        std::vector<std::uint32_t> after_stays_end;
        for (std::size_t month = 11; month < 24; ++month) {
            after_stays_end.push_back(m.month_stock[month * 2]);
        }
        EXPECT_EQ(after_stays_end, std::vector<std::uint32_t>(13, 0));
        for (std::size_t month = 0; month < 11; ++month) {
            stock[month].push_back(m.month_stock[month * 2]);
        }
    }
    for (std::size_t month = 0; month < 11; ++month) {
        const double t = static_cast<double>(month + 1) * days_per_year / 12.0;
        const double p = 1.0 - t / stay_days;
        // Binomial(count, p) in each replication.
        const double se = std::sqrt(count * p * (1.0 - p) / replications);
        EXPECT_NEAR(summarize(stock[month]).mean, count * p, z_tolerance * se)
            << "stock at the end of month " << month + 1;
    }
}

// ---------------------------------------------------------------------------------------
// Conservation and capacity, in a region that uses every mechanism at once.

constexpr const char* region_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 5 years, replications: 1, seed: 1}
youth: {severity_levels: [light, medium, severe], age_bands: [0, 12, 16], leave_age: 18}
states:
  - name: local_team
    kind: local_team
    capacity: unlimited
    transitions:
      - {to: ambulatory, type: escalation, per_year: 1.5, by_severity: {medium: 2, severe: 4}}
      - {to: exit, type: completion, per_year: 3}
  - name: ambulatory
    kind: ambulatory
    capacity: 40
    transitions:
      - {to: foster, type: escalation, per_year: 0.6, by_age_band: {"0-11": 1.5}}
      - {to: residential, type: escalation, per_year: 0.3, by_severity: {severe: 3},
         guardianship: 2}
      - {to: local_team, type: step_down, per_year: 1}
      - {to: exit, type: completion, after: {gamma: {mean: 9 months, cv: 0.8}}}
  - name: foster
    kind: foster
    capacity: 25
    max_age: 21
    transitions:
      - {to: foster, type: breakdown, per_year: 0.8}
      - {to: residential, type: breakdown, per_year: 0.2}
      - {to: exit, type: completion, per_year: 0.3}
  - name: residential
    kind: residential
    capacity: 12
    length_of_stay: {lognormal: {mean: 10 months, sd: 6 months}}
    next: {foster: 0.3, ambulatory: 0.3, exit: 0.4}
  - name: crisis
    kind: crisis
    capacity: 3
    transitions:
      - {to: residential, type: escalation, per_year: 6}
      - {to: ambulatory, type: step_down, per_year: 12}
      - {to: exit, type: other, per_year: 6}
arrivals:
  - name: local teams
    to: {light: local_team, medium: local_team, severe: ambulatory}
    per_year: 300
    age: [[0, 12, 0.5], [12, 16, 0.3], [16, 18, 0.2]]
    severity: {light: 0.6, medium: 0.3, severe: 0.1}
    guardianship: 0.1
    trend_per_year: 0.05
    seasonality: [1, 1, 1, 1, 1, 1.3, 0.8, 0.7, 1, 1, 1.3, 1]
  - name: crisis line
    to: crisis
    per_year: 40
    age: [[12, 18, 1]]
    severity: {severe: 1}
    seasonality: [1, 1, 1, 1, 1, 1.5, 1, 1, 1, 1, 1.5, 1]
initial_stock:
  - {state: local_team, count: 60, age: [[4, 17, 1]],
     in_care_for: {uniform: {min: 0 days, max: 6 months}}}
  - {state: ambulatory, count: 45, age: [[6, 18, 1]],
     severity: {light: 0.5, medium: 0.3, severe: 0.2}}
  - {state: foster, count: 25, age: [[2, 18, 1]], guardianship: 0.5,
     in_care_for: {exponential: {mean: 2 years}}}
  - {state: residential, count: 14, age: [[12, 18, 1]],
     in_care_for: {uniform: {min: 0 days, max: 1 year}}}
  - {state: crisis, count: 2}
)";

struct RegionRuns {
    std::shared_ptr<const Model> model;
    std::vector<ReplicationMetrics> runs;
};

const RegionRuns& region_runs() {
    static const RegionRuns all = [] {
        auto model = model_from_yaml(region_yaml);
        std::vector<ReplicationMetrics> runs;
        for (const std::uint64_t seed : {1u, 2026u}) {
            for (ReplicationMetrics& m : replicate(*model, seed, 12)) runs.push_back(std::move(m));
        }
        return RegionRuns{std::move(model), std::move(runs)};
    }();
    return all;
}

/// Youths in care in each state at time 0: the stock up to the places.
std::vector<std::int64_t> initial_in_care(const Model& model) {
    std::vector<std::int64_t> in_care(model.state_count(), 0);
    for (const InitialStock& stock : model.initial_stock) in_care[index(stock.state)] += stock.count;
    for (std::size_t s = 0; s < model.state_count(); ++s) {
        if (const auto places = model.states[s].places) {
            in_care[s] = std::min<std::int64_t>(in_care[s], *places);
        }
    }
    return in_care;
}

TEST(CareFlow, EveryoneWhoEnteredIsInCareWaitingOrGoneAtEveryYearEnd) {
    const auto& [model, runs] = region_runs();
    std::int64_t initial = 0;
    for (const InitialStock& stock : model->initial_stock) initial += stock.count;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const ReplicationMetrics& m = runs[r];
        std::vector<std::int64_t> want;
        std::vector<std::int64_t> got;
        std::int64_t before = initial;
        for (std::size_t year = 0; year < 5; ++year) {
            std::int64_t present = 0;
            for (std::size_t s = 0; s < model->state_count(); ++s) {
                present += year_of(m, year, s).stock_end + year_of(m, year, s).waitlist_end;
            }
            want.push_back(before + static_cast<std::int64_t>(m.referrals_by_year[year]) -
                           static_cast<std::int64_t>(m.exits_by_year[year]));
            got.push_back(present);
            before = present;
        }
        EXPECT_EQ(got, want) << "replication " << r;
    }
}

TEST(CareFlow, EachStatesStockChangesOnlyByItsAdmissionsAndCompletions) {
    const auto& [model, runs] = region_runs();
    const std::size_t n = model->state_count();
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const ReplicationMetrics& m = runs[r];
        std::vector<std::int64_t> want;
        std::vector<std::int64_t> got;
        std::vector<std::int64_t> before = initial_in_care(*model);
        for (std::size_t year = 0; year < 5; ++year) {
            for (std::size_t s = 0; s < n; ++s) {
                const YearStateMetrics& y = year_of(m, year, s);
                want.push_back(before[s] + static_cast<std::int64_t>(y.admissions) -
                               static_cast<std::int64_t>(y.completions));
                got.push_back(y.stock_end);
                before[s] = y.stock_end;
            }
        }
        EXPECT_EQ(got, want) << "replication " << r;
    }
}

TEST(CareFlow, EveryDepartureIsCountedOnceByItsTypeOrAsAgedOut) {
    // A move is counted by type (breakdown) without a completion; every other way out of a
    // place counts one completion and either one type or aged_out. Ageing out while waiting
    // counts aged_out alone, so in a state with places the types and aged_out exceed
    // completions and moves by those youths, at most all who aged out.
    const auto& [model, runs] = region_runs();
    const std::size_t n = model->state_count();
    std::uint64_t moves = 0;
    std::uint64_t aged_out = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const ReplicationMetrics& m = runs[r];
        std::vector<std::int64_t> want;
        std::vector<std::int64_t> got;
        for (std::size_t k = 0; k < m.years.size(); ++k) {
            const YearStateMetrics& y = m.years[k];
            std::uint64_t by_type = 0;
            for (const std::uint64_t left : y.left_by_type) by_type += left;
            const auto aged_out_waiting = static_cast<std::int64_t>(by_type + y.aged_out) -
                                          static_cast<std::int64_t>(y.completions + y.moves);
            const bool has_places = model->states[k % n].places.has_value();
            const std::int64_t clamped = std::clamp<std::int64_t>(
                aged_out_waiting, 0, has_places ? static_cast<std::int64_t>(y.aged_out) : 0);
            want.push_back(clamped);
            got.push_back(aged_out_waiting);
            moves += y.moves;
            aged_out += y.aged_out;
        }
        EXPECT_EQ(got, want) << "replication " << r << ": types + aged_out - completions - "
                                "moves, per year and state";
    }
    EXPECT_GT(moves, 0u) << "the region should see foster moves";
    EXPECT_GT(aged_out, 0u) << "the region should see youths age out";
}

TEST(CareFlow, AFullStateEvictsNobodyAndNeverHoldsMoreThanItsPlaces) {
    const auto& [model, runs] = region_runs();
    const std::size_t n = model->state_count();
    const std::size_t months = model->calendar.months();
    std::uint32_t longest_waitlist = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const ReplicationMetrics& m = runs[r];
        for (std::size_t s = 0; s < n; ++s) {
            const auto places = model->states[s].places;
            if (!places) continue;
            std::vector<std::uint32_t> over;  // months over the places, or waiting beside a free one
            for (std::size_t month = 0; month < months; ++month) {
                const std::uint32_t stock = m.month_stock[month * n + s];
                const std::uint32_t waiting = m.month_waitlist[month * n + s];
                longest_waitlist = std::max(longest_waitlist, waiting);
                if (stock > *places || (waiting > 0 && stock < *places)) {
                    over.push_back(static_cast<std::uint32_t>(month));
                }
            }
            EXPECT_EQ(over, std::vector<std::uint32_t>{})
                << "replication " << r << ", state " << model->states[s].name;
        }
    }
    EXPECT_GT(longest_waitlist, 0u) << "some state should be full with youths waiting";
}

}  // namespace
}  // namespace careflow::sim
