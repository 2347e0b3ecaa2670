// Care-flow mechanisms of whole runs: ageing out (also while waiting, and in extended care),
// and referral streams with seasonality and trend.
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

}  // namespace
}  // namespace careflow::sim
