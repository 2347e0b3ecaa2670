// Waiting clocks in the kernel: every youth is accounted for while lines deteriorate, escalate,
// give up, come back and recover; the youth-days waited agree with the time-average line and
// drive the reneges; a deteriorated youth moves up a priority line by its ticket; and more
// places mean fewer escalations out of the line, replication by replication.
#include "sim/care_flow_support.hpp"
#include "support/queueing.hpp"
#include "support/replications.hpp"
#include "support/scenario_text.hpp"

#include <careflow/compare.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace careflow::sim {
namespace {

using namespace care_flow_testing;
using careflow::testing::model_from_yaml;
using careflow::testing::replicate;
using careflow::testing::state_index;
using careflow::testing::year_of;
using careflow::testing::z_tolerance;

// Every clock at once: `care` is overloaded, has a priority line with bridging care in
// `bridge` (used for nothing else), and youths leave its line by every route; crisis has a
// line of its own; youths age out, re-enter after leaving and come back after giving up.
// Only the renege clock has no factors: its rate is 3 a year for everyone on the line.
constexpr const char* all_clocks_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 4 years, replications: 1, seed: 1}
youth: {severity_levels: [light, medium, severe], age_bands: [0, 12, 16], leave_age: 18}
states:
  - name: bridge
    capacity: 6
    transitions:
      - {to: crisis, type: escalation, per_year: 0.5}
      - {to: exit, type: completion, per_year: 0.3}
  - name: care
    capacity: {places}
    waitlist:
      order: priority
      norm: 4 weeks
      bridging: bridge
      escalation_growth_per_week: 0.05
      while_waiting:
        - {type: deterioration, per_year: 2, growth_per_week: 0.05}
        - {type: escalation, to: crisis, per_year: 1, by_severity: {light: 0.5, severe: 2},
           growth_per_week: 0.02}
        - {type: renege, per_year: 3,
           comes_back: {share: 0.5, after: {exponential: {mean: 3 months}}, severity_shift: 1}}
        - {type: recovery, per_year: 0.5, in_bridging: 0}
    transitions:
      - {to: exit, type: completion, per_year: 2, by_severity: {severe: 0.7}}
      - {to: crisis, type: escalation, per_year: 0.2}
  - name: crisis
    kind: crisis
    capacity: 2
    length_of_stay: {exponential: {mean: 3 weeks}}
    next: {care: 0.4, exit: 0.6}
arrivals:
  - {to: care, per_year: 40, age: [[4, 18, 1]], severity: {light: 0.5, medium: 0.3, severe: 0.2}}
re_entry: {share: 0.2, within: 1 year, to: care}
initial_stock:
  - {state: care, count: 20, age: [[6, 17, 1]]}
)";

constexpr double renege_per_year = 3.0;
constexpr std::size_t years = 4;

std::shared_ptr<const Model> all_clocks_model(int places = 12) {
    return model_from_yaml(with(all_clocks_yaml, "places", std::to_string(places)));
}

std::int64_t as_signed(std::uint64_t n) { return static_cast<std::int64_t>(n); }

TEST(WaitingClocks, EveryYouthIsInCareWaitingOrCountedOutAtEveryYearEnd) {
    // Youths are counted in (referrals, comebacks, re-entries) and out (exits: leaving care,
    // giving up, recovering, ageing out) once each. A bridged youth holds a place in `bridge`
    // and stays on `care`'s line: it is in both stock_end and waitlist_end, so the bridge's
    // stock (bridged youths only) is taken off once.
    const auto model = all_clocks_model();
    const std::size_t n = model->state_count();
    const std::size_t bridge = state_index(*model, "bridge");
    std::uint64_t came_back = 0;
    std::uint64_t re_entries = 0;
    std::uint64_t bridged_at_year_end = 0;
    std::array<std::uint64_t, 3> by_clock{};
    for (const std::uint64_t seed : {1u, 77u}) {
        const auto runs = replicate(*model, seed, 10);
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const ReplicationMetrics& m = runs[r];
            std::vector<std::int64_t> want;
            std::vector<std::int64_t> got;
            std::int64_t before = 20;  // the initial stock: 12 in care, 6 bridged, 2 waiting
            for (std::size_t year = 0; year < years; ++year) {
                std::int64_t present = -std::int64_t{year_of(m, year, bridge).stock_end};
                std::int64_t arrived_again = 0;
                for (std::size_t s = 0; s < n; ++s) {
                    const YearStateMetrics& y = year_of(m, year, s);
                    present += std::int64_t{y.stock_end} + std::int64_t{y.waitlist_end};
                    arrived_again += as_signed(y.came_back);
                    came_back += y.came_back;
                    by_clock[0] += y.waiting_deteriorations;
                    by_clock[1] += y.waiting_escalations;
                    by_clock[2] += y.waiting_recoveries;
                }
                bridged_at_year_end += year_of(m, year, bridge).stock_end;
                re_entries += m.re_entries_by_year[year];
                want.push_back(before + as_signed(m.referrals_by_year[year]) + arrived_again +
                               as_signed(m.re_entries_by_year[year]) -
                               as_signed(m.exits_by_year[year]));
                got.push_back(present);
                before = present;
            }
            EXPECT_EQ(got, want) << "seed " << seed << ", replication " << r;
        }
    }
    // Every route is exercised, or the identity proves little.
    EXPECT_GT(came_back, 0u);
    EXPECT_GT(re_entries, 0u);
    EXPECT_GT(bridged_at_year_end, 0u);
    EXPECT_GT(by_clock[0], 0u) << "deteriorations";
    EXPECT_GT(by_clock[1], 0u) << "escalations";
    EXPECT_GT(by_clock[2], 0u) << "recoveries";
}

TEST(WaitingClocks, BridgedYouthsStayOnTheLineTheyWaitFor) {
    // `bridge` takes nobody but youths waiting for `care`: its stock is part of care's line.
    const auto model = all_clocks_model();
    const std::size_t bridge = state_index(*model, "bridge");
    const std::size_t care = state_index(*model, "care");
    const std::size_t months = model->calendar.months();
    const std::size_t n = model->state_count();
    for (const ReplicationMetrics& m : replicate(*model, 5, 10)) {
        std::vector<std::size_t> broken;  // months with more bridged than waiting, or a bridge line
        for (std::size_t month = 0; month < months; ++month) {
            if (m.month_stock[month * n + bridge] > m.month_waitlist[month * n + care] ||
                m.month_waitlist[month * n + bridge] != 0) {
                broken.push_back(month);
            }
        }
        EXPECT_EQ(broken, std::vector<std::size_t>{});
    }
}

TEST(WaitingClocks, YouthDaysWaitedAddUpToTheTimeAverageLineOverTheWindow) {
    const auto model = all_clocks_model();
    const double window_days = model->run.horizon_days;
    for (const ReplicationMetrics& m : replicate(*model, 3, 10)) {
        for (const char* name : {"care", "crisis"}) {
            const std::size_t s = state_index(*model, name);
            double youth_days = 0.0;
            for (std::size_t year = 0; year < years; ++year) {
                youth_days += year_of(m, year, s).wait_youth_days;
            }
            const double want = m.states[s].waiting_mean * window_days;
            EXPECT_GT(want, 0.0) << name;
            EXPECT_NEAR(youth_days, want, 1e-6 * want) << name;
        }
    }
}

TEST(WaitingClocks, RenegesPerYearAreTheRateTimesTheYouthYearsWaited) {
    // N(t) - rate x (time at risk) is a martingale: in each year, E[reneged] equals
    // 3 a year x E[youth-years on the line] (bridged youths renege at the same rate).
    const auto model = all_clocks_model();
    const std::size_t care = state_index(*model, "care");
    constexpr std::uint32_t replications = 200;
    const auto runs = replicate(*model, 2024, replications);
    for (std::size_t year = 0; year < years; ++year) {
        std::vector<double> excess;
        double reneged = 0.0;
        for (const ReplicationMetrics& m : runs) {
            const YearStateMetrics& y = year_of(m, year, care);
            excess.push_back(as_double(y.reneged) -
                             renege_per_year * y.wait_youth_days / days_per_year);
            reneged += as_double(y.reneged) / replications;
        }
        const Mean d = mean_of(excess);
        EXPECT_LT(z_tolerance * d.standard_error, 0.1 * reneged)
            << model->calendar.year_labels[year] << ": too few replications to tell";
        EXPECT_NEAR(d.mean, 0.0, z_tolerance * d.standard_error)
            << model->calendar.year_labels[year] << ": " << reneged << " reneges a replication";
    }
}

// Priority line, one place, stays of exactly 100 days. Day 0: A (light, 5) takes the place;
// B (light, 5) joins the line, then C (light, 11.9), then D (light, 16). Only youths of 12
// or more deteriorate, at once: D at once, C when it turns 12 (about day 35). After care a
// light youth leaves; a severe one passes through `onward` (in minutes) to `young` (under
// 16) or `old`.
constexpr const char* ticket_order_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 365 days, replications: 1, seed: 1}
youth: {severity_levels: [light, severe], age_bands: [0, 12, 16], leave_age: 18}
states:
  - name: care
    capacity: 1
    waitlist:
      order: {order}
      while_waiting:
        - {type: deterioration, per_year: 100000, by_age_band: {"0-11": 0}}
    transitions:
      - {to: onward, type: step_down, after: {deterministic: 100 days}, by_severity: {light: 0}}
      - {to: exit, type: completion, after: {deterministic: 100 days}, by_severity: {severe: 0}}
  - name: onward
    capacity: unlimited
    transitions:
      - {to: young, type: step_down, per_year: 100000, by_age_band: {"16+": 0}}
      - {to: old, type: step_down, per_year: 100000, by_age_band: {"0-11": 0, "12-15": 0}}
  - {name: young, capacity: unlimited, length_of_stay: {deterministic: 100 years}, next: {exit: 1}}
  - {name: old, capacity: unlimited, length_of_stay: {deterministic: 100 years}, next: {exit: 1}}
arrivals:
  - {to: young, per_year: 0.000001}
initial_stock:
  - {state: care, count: 2, age: [[5, 5.01, 1]], severity: {light: 1}}
  - {state: care, count: 1, age: [[11.9, 11.91, 1]], severity: {light: 1}}
  - {state: care, count: 1, age: [[16, 16.01, 1]], severity: {light: 1}}
)";

/// Stock of `young` and `old` at each month end of 2019.
std::vector<std::vector<std::uint32_t>> onward_stock(const std::string& order) {
    const auto model = model_from_yaml(with(ticket_order_yaml, "order", order));
    const ReplicationMetrics m = replicate(*model, 9, 1).front();
    const std::size_t n = model->state_count();
    const std::size_t young = state_index(*model, "young");
    const std::size_t old = state_index(*model, "old");
    std::vector<std::vector<std::uint32_t>> stock;
    for (std::size_t month = 0; month < 12; ++month) {
        stock.push_back({m.month_stock[month * n + young], m.month_stock[month * n + old]});
    }
    EXPECT_EQ(year_of(m, 0, 0).waiting_deteriorations, 2u) << order << ": C and D, not B";
    return stock;
}

TEST(WaitingClocks, ADeterioratedYouthMovesUpAPriorityLineInTheOrderItJoined) {
    // Day 100: C, severe and in line before D, is admitted ahead of B (earlier, but light)
    // and of D (severe first): C leaves for `young` on day 200 (July), D for `old` on day 300
    // (October); B is admitted last.
    using Row = std::vector<std::uint32_t>;
    const std::vector<Row> want{{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0},
                                {1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
    EXPECT_EQ(onward_stock("priority"), want) << "young and old, each month end";
}

TEST(WaitingClocks, ADeterioratedYouthKeepsItsPlaceInAFifoLine) {
    // B first (leaves on day 200), then C (to `young` on day 300), then D (to `old`, day 400).
    using Row = std::vector<std::uint32_t>;
    const std::vector<Row> want{{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0},
                                {0, 0}, {0, 0}, {0, 0}, {1, 0}, {1, 0}, {1, 0}};
    EXPECT_EQ(onward_stock("fifo"), want) << "young and old, each month end";
}

TEST(WaitingClocks, MorePlacesMeanFewerEscalationsOutOfTheLineUnderCommonRandomNumbers) {
    constexpr std::uint32_t replications = 40;
    std::vector<std::vector<double>> escalations;
    for (const int places : {12, 15}) {
        const auto model = all_clocks_model(places);
        const std::size_t care = state_index(*model, "care");
        std::vector<double> totals;
        for (const ReplicationMetrics& m : replicate(*model, 31, replications)) {
            double total = 0.0;
            for (std::size_t year = 0; year < years; ++year) {
                total += as_double(year_of(m, year, care).waiting_escalations);
            }
            totals.push_back(total);
        }
        escalations.push_back(std::move(totals));
    }
    const PairedDifference d = paired_difference(escalations[0], escalations[1]);
    ASSERT_EQ(d.n, replications);
    ASSERT_TRUE(d.diff_ci_high.has_value());
    EXPECT_LT(d.diff_mean, 0.0);
    EXPECT_LT(*d.diff_ci_high, 0.0) << "paired 95 % interval [" << *d.diff_ci_low << ", "
                                    << *d.diff_ci_high << "], base mean " << d.base_mean;
}

std::string all_outputs(const Model& model, unsigned threads) {
    const BatchResult batch = run_batch(model, {.replications = 6, .seed = 8, .threads = threads});
    return summary_csv(batch.metrics, summarize(batch.metrics)) +
           replications_csv(batch.metrics) +
           timeseries_csv(batch.timeseries, summarize(batch.timeseries)) +
           costs_csv(model, batch.costs, summarize(batch.costs));
}

TEST(WaitingClocks, GiveTheSameBytesOnOneThreadAndOnTwo) {
    const auto model = model_from_yaml(with(all_clocks_yaml, "places", "12") + R"(
strategies:
  - name: supported
    contracts:
      - {state: care, scheme: day_price, price: 120, waiting: {per_week: 35}}
      - {state: bridge, scheme: day_price, price: 80}
      - {state: crisis, scheme: day_price, price: 600}
)");
    const std::string one_thread = all_outputs(*model, 1);
    EXPECT_NE(one_thread.find("waiting_escalations"), std::string::npos);
    EXPECT_EQ(one_thread, all_outputs(*model, 2));
}

}  // namespace
}  // namespace careflow::sim
