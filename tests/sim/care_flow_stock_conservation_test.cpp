// Care-flow mechanisms of whole runs: the initial stock, and conservation and capacity in a
// region that uses every mechanism at once.
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
