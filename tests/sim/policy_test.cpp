// Dated policies: places, inflow, rates and redirects switching on and off, and a rates factor
// of zero.
#include "sim/care_flow_support.hpp"
#include "sim/simulation.hpp"
#include "support/queueing.hpp"
#include "support/replications.hpp"
#include "support/scenario_text.hpp"

#include <careflow/careflow.hpp>
#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace careflow::sim {
namespace {

using namespace care_flow_testing;
using careflow::testing::erlang_c;
using careflow::testing::model_from_yaml;
using careflow::testing::replicate;
using careflow::testing::state_index;
using careflow::testing::year_of;
using careflow::testing::z_tolerance;

// ---------------------------------------------------------------------------------------
// Policies.

TEST(Policies, APlacesPolicySetsThePlacesFromItsStartAndRestoresThemAtItsEnd) {
    const auto model = model_from_yaml(R"(
version: 2
start: 2020-01-01
run: {horizon: 2 years, replications: 2, seed: 1}
states:
  - name: foster
    capacity: 10
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: foster, per_year: 30}
policies:
  - name: by date
    from: 2020-04-15
    until: 2020-09-15
    changes:
      - {places: foster, to: 4}
  - name: by duration
    from: 15 months
    until: 18 months
    changes:
      - {places: foster, to: 25}
)");
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 101, .threads = 0});
    // Month ends are 1 May 00:00 for April, ...; 15 months after 2020-01-01 is 1 April 2021
    // 13:30 and 18 months is 1 July 2021 21:00.
    const std::vector<double> want{10, 10, 10, 4,  4,  4,  4,  4,  10, 10, 10, 10,
                                   10, 10, 10, 25, 25, 25, 10, 10, 10, 10, 10, 10};
    for (std::size_t r = 0; r < 2; ++r) {
        std::vector<double> got;
        for (const std::string& month : model->calendar.month_labels) {
            got.push_back(dated_column(batch.timeseries, "places", "foster", month)[r]);
        }
        EXPECT_EQ(got, want) << "places at each month's end, replication " << r;
    }
}

TEST(Policies, APolicyFromTheFirstOfJanuaryLeavesThePreviousYearEndsPlacesAlone) {
    const auto model = model_from_yaml(R"(
version: 2
start: 2020-01-01
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: foster
    capacity: 10
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: foster, per_year: 30}
policies:
  - {name: cut, from: 2021-01-01, changes: [{places: foster, to: 4}]}
)");
    const ReplicationMetrics m = Simulation(*model, 171, 0).run();
    const std::vector<double> want{10, 10, 4, 4};
    const std::vector<double> got{year_of(m, 0, 0).places_end, m.month_places[11],
                                  m.month_places[12], year_of(m, 1, 0).places_end};
    EXPECT_EQ(got, want) << "places_end 2020, places 2020-12, places 2021-01, places_end 2021";
}

TEST(Policies, PlacesSetByAPolicyOnAnUnlimitedStateAreReported) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: ambulatory
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: ambulatory, per_year: 30}
policies:
  - {name: cap, from: 1 year, changes: [{places: ambulatory, to: 2}]}
)");
    const ReplicationMetrics m = Simulation(*model, 181, 0).run();
    const YearStateMetrics& y = year_of(m, 1, 0);
    ASSERT_GT(y.waitlist_end, 0u) << "the state is full: it has places";
    const std::vector<double> want{2, 2};
    const std::vector<double> got{y.places_end, m.month_places.back()};
    EXPECT_EQ(got, want) << "places_end of year 2, places at the last month's end";
}

TEST(Policies, AnInflowFactorMultipliesItsStreamsReferralsOnlyWhileInForce) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 4 years, replications: 1, seed: 1}
states:
  - name: local_team
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
  - name: crisis
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {name: teams, to: local_team, per_year: 200}
  - {name: crisis line, to: crisis, per_year: 100}
policies:
  - name: fewer team referrals
    from: 1 year
    until: 3 years
    changes:
      - {inflow: teams, factor: 0.5}
  - name: a bad year
    from: 2 years
    until: 3 years
    changes:
      - {inflow: all, factor: 2}
)");
    const std::vector<double> want_teams{200, 100, 200, 200};
    const std::vector<double> want_crisis{100, 100, 200, 100};
    const auto runs = replicate(*model, 111, 200);
    for (std::size_t year = 0; year < 4; ++year) {
        std::vector<double> teams;
        std::vector<double> crisis;
        for (const ReplicationMetrics& m : runs) {
            teams.push_back(as_double(year_of(m, year, 0).admissions));
            crisis.push_back(as_double(year_of(m, year, 1).admissions));
        }
        expect_mean_near(teams, want_teams[year], "team referrals in " + year_label(year));
        expect_mean_near(crisis, want_crisis[year], "crisis referrals in " + year_label(year));
    }
}

TEST(Policies, ARatesFactorScalesTheRatesOfStaysAdmittedAfterTheSwitch) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 4 years, warmup: 1 year, replications: 1, seed: 1}
states:
  - name: ambulatory
    transitions:
      - {to: exit, type: completion, per_year: 4}
      - {to: residential, type: escalation, per_year: 2}
  - name: residential
    transitions: [{to: exit, type: completion, per_year: 12}]
arrivals:
  - {to: ambulatory, per_year: 100}
policies:
  - name: more escalation
    from: 1 year
    changes:
      - {rates: ambulatory, type: escalation, factor: 3}
)");
    // Before: rates 4 + 2 a year; from year 2 on: 4 + 3 x 2 (a year after the switch, all but
    // e^-10 of the youths admitted before it have left).
    const std::vector<std::size_t> years{0, 2, 3};
    const std::vector<double> total_rate{6.0, 10.0, 10.0};
    const std::vector<double> escalating{2.0, 6.0, 6.0};
    const auto runs = replicate(*model, 121, 200);
    for (std::size_t i = 0; i < years.size(); ++i) {
        std::vector<double> stay;
        std::vector<double> share;
        for (const ReplicationMetrics& m : runs) {
            const YearStateMetrics& y = year_of(m, years[i], 0);
            stay.push_back(y.stay_days_mean);
            share.push_back(
                as_double(y.left_by_type[static_cast<std::size_t>(TransitionType::escalation)]) /
                as_double(y.completions));
        }
        expect_mean_near(stay, days_per_year / total_rate[i], "mean stay in " + year_label(years[i]));
        expect_mean_near(share, escalating[i] / total_rate[i],
                         "escalation share in " + year_label(years[i]));
    }
}

TEST(Policies, ARatesPolicyRedrawsTheClocksOfYouthsAlreadyInCareAtItsStartAndEnd) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
states:
  - name: foster
    transitions: [{to: exit, type: completion, per_year: 0.1}]
  - name: other
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {to: other, per_year: 10}
initial_stock:
  - {state: foster, count: 100}
policies:
  - name: intensive step-down
    from: 1 year
    until: 2 years
    changes:
      - {rates: foster, factor: 10}
)");
    // Memoryless clocks: a youth still in care survives each year with e^-(rate x 1 year).
    const std::vector<double> want{100.0 * std::exp(-0.1), 100.0 * std::exp(-1.1),
                                   100.0 * std::exp(-1.2)};
    const auto runs = replicate(*model, 131, 200);
    for (std::size_t year = 0; year < 3; ++year) {
        std::vector<double> stock;
        for (const ReplicationMetrics& m : runs) stock.push_back(year_of(m, year, 0).stock_end);
        expect_mean_near(stock, want[year], "foster stock at the end of " + year_label(year));
    }
}

TEST(Policies, ARedirectSendsItsShareOfEntrantsElsewhereAndCountsThem) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
states:
  - name: residential
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
  - name: intensive_ambulatory
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: residential, per_year: 300}
policies:
  - name: ambulatory first
    from: 1 year
    until: 2 years
    changes:
      - {redirect: residential, to: intensive_ambulatory, share: 0.3}
)");
    std::vector<double> share;
    for (const ReplicationMetrics& m : replicate(*model, 141, 200)) {
        for (std::size_t year = 0; year < 3; ++year) {
            SCOPED_TRACE(year_label(year));
            const YearStateMetrics& from = year_of(m, year, 0);
            const YearStateMetrics& to = year_of(m, year, 1);
            EXPECT_EQ(from.admissions + from.redirected, m.referrals_by_year[year]);
            EXPECT_EQ(to.admissions, from.redirected) << "only redirected youths come here";
            if (year != 1) {
                EXPECT_EQ(from.redirected, 0u) << "no redirect outside the policy";
            }
        }
        share.push_back(as_double(year_of(m, 1, 0).redirected) / as_double(m.referrals_by_year[1]));
    }
    expect_mean_near(share, 0.3, "share redirected while in force");
}

// ---------------------------------------------------------------------------------------
// Stays without any clock: a factor of 0 stops a clock ("a clock whose factor is 0 never
// runs out"), so a youth whose every clock has factor 0 stays until the factor changes.

TEST(Policies, ARatesFactorOfZeroStopsYouthsInCareFromLeaving) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - name: residential
    transitions: [{to: exit, type: completion, per_year: 1}]
  - name: other
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {to: other, per_year: 10}
initial_stock:
  - {state: residential, count: 100}
policies:
  - name: nobody leaves
    from: 1 month
    changes:
      - {rates: residential, factor: 0}
)");
    for (const ReplicationMetrics& m : replicate(*model, 151, 20)) {
        const YearStateMetrics& y = year_of(m, 0, 0);
        // About 8 leave in the first month (1 - e^(-1/12)); after that nobody.
        EXPECT_EQ(y.stock_end + y.completions, 100u);
        EXPECT_LT(y.completions, 25u) << "youths kept leaving at the rate before the policy";
    }
}

}  // namespace
}  // namespace careflow::sim
