// What waiting costs: support priced per calendar day on the line (per day or per week, each
// wait's year rounded to the cent), and the cost of waiting: that support plus the bridging
// care and the escalations out of the line it buys.
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace careflow::testing {
namespace {

/// Euros to whole cents, so that sums of doubles compare exactly.
std::int64_t cents(double euros) { return std::llround(euros * 100.0); }

// 2019 has 365 days, 2020 366. `care`: 2 places, 5 youths from day 0 whose stays never
// end, so 3 wait every day of both years. `short`: 1 place, 4 youths, stays of exactly 10
// days, so the 2nd, 3rd and 4th wait 10, 20 and 30 days from day 0.
constexpr const char* fixed_lines_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 731 days, replications: 2, seed: 3}
states:
  - {name: care, capacity: 2, length_of_stay: {deterministic: 100 years}, next: {exit: 1}}
  - name: short
    capacity: 1
    waitlist: {norm: 2 weeks}
    length_of_stay: {deterministic: 10 days}
    next: {exit: 1}
  - {name: advice, capacity: unlimited, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: advice, per_year: 10}]
initial_stock:
  - {state: care, count: 5}
  - {state: short, count: 4}
strategies:
  - name: daily
    contracts:
      - {state: care, scheme: day_price, price: 100, waiting: {per_day: 2.50}}
      - {state: short, scheme: day_price, price: 100, waiting: {per_week: 10}}
  - name: weekly
    contracts:
      - {state: care, scheme: day_price, price: 100, waiting: {per_week: 17.50}}
      - {state: short, scheme: day_price, price: 100, waiting: {per_week: 10}}
)";

struct YearCosts {
    std::string year;
    std::int64_t care_line_cents;   ///< 3 youths x days x EUR 2.50
    std::int64_t short_line_cents;  ///< waits of 10, 20 and 30 days at EUR 10 a week
};

TEST(WaitingSupport, IsPricedPerCalendarDayOnTheLineEachWaitRoundedOnItsOwn) {
    const auto model = model_from_yaml(fixed_lines_yaml);
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 3});
    // Each wait of `short` is rounded to the cent on its own: 1428.57 + 2857.14 + 4285.71
    // cents round to 1429 + 2857 + 4286 = 8572, not to round(8571.43).
    const std::vector<YearCosts> years{{"2019", 3 * 365 * 250, 8572}, {"2020", 3 * 366 * 250, 0}};
    for (const char* strategy : {"daily", "weekly"}) {
        for (const YearCosts& y : years) {
            const std::string what = std::string(strategy) + " " + y.year;
            const std::int64_t support = y.care_line_cents + y.short_line_cents;
            for (std::size_t r = 0; r < 2; ++r) {
                const auto at = [&](const char* metric, const char* state) {
                    return cents(column(batch, metric, state, y.year, strategy)[r]);
                };
                EXPECT_EQ(at("cost_waiting_support", ""), support) << what;
                EXPECT_EQ(at("cost_of_waiting", ""), support) << what;
                EXPECT_EQ(at("cost_of_waiting", "care"), y.care_line_cents) << what;
                EXPECT_EQ(at("cost_of_waiting", "short"), y.short_line_cents) << what;
                EXPECT_EQ(at("cost_of_waiting", "advice"), 0) << what;
            }
        }
    }
}

TEST(WaitingSupport, IsBookedAsTheWaitingComponentOfTheStateWaitedFor) {
    const auto model = model_from_yaml(fixed_lines_yaml);
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 3});
    const MetricTable& costs = batch.costs;
    std::vector<std::int64_t> got;
    for (std::size_t k = 0; k < costs.keys.size(); ++k) {
        const MetricKey& key = costs.keys[k];
        if (key.metric != "waiting" || key.strategy != "daily" || key.year != "2019") continue;
        got.push_back(cents(costs.values[0][k]));
    }
    EXPECT_EQ(got, (std::vector<std::int64_t>{3 * 365 * 250, 8572, 0}))
        << "care, short and advice in 2019";
}

TEST(WaitingSupport, YouthDaysAndDaysOverTheNormAreCountedPerYear) {
    const auto model = model_from_yaml(fixed_lines_yaml);
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 3});
    EXPECT_NEAR(column(batch, "wait_youth_days", "care", "2019")[0], 3.0 * 365, 1e-9);
    EXPECT_NEAR(column(batch, "wait_youth_days", "care", "2020")[0], 3.0 * 366, 1e-9);
    EXPECT_NEAR(column(batch, "wait_youth_days", "short", "2019")[0], 10.0 + 20 + 30, 1e-9);
    // A norm of 14 days: (20 - 14) + (30 - 14) days over it; `care` has no norm.
    EXPECT_NEAR(column(batch, "over_norm_youth_days", "short", "2019")[0], 6.0 + 16, 1e-9);
    EXPECT_TRUE(std::isnan(column(batch, "over_norm_youth_days", "care", "2019")[0]));
    EXPECT_NEAR(column(batch, "wait_youth_days", "", "2019")[0], 3.0 * 365 + 60, 1e-9);
}

TEST(WaitingSupport, AWaitBegunInTheWarmUpIsPricedFromTheWindowsFirstDay) {
    // 100 days of warm-up: care's three still wait every day of the window; short's waits
    // (days 0 to 30 of the run) are over before the window opens.
    std::string text = fixed_lines_yaml;
    const std::string run = "run: {horizon: 731 days,";
    text.replace(text.find(run), run.size(), run + " warmup: 100 days,");
    const auto model = model_from_yaml(text);
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 3});
    for (const char* strategy : {"daily", "weekly"}) {
        const auto at = [&](const char* metric, const char* state, const char* year) {
            return cents(column(batch, metric, state, year, strategy)[0]);
        };
        EXPECT_EQ(at("cost_of_waiting", "care", "2019"), 3 * 365 * 250) << strategy;
        EXPECT_EQ(at("cost_of_waiting", "care", "2020"), 3 * 366 * 250) << strategy;
        EXPECT_EQ(at("cost_of_waiting", "short", "2019"), 0) << strategy;
    }
    EXPECT_NEAR(column(batch, "wait_youth_days", "care", "2019")[0], 3.0 * 365, 1e-9);
    EXPECT_EQ(column(batch, "wait_youth_days", "short", "2019")[0], 0.0);
}

// `placement`: 1 place, 3 youths from day 0 whose stays never end: the 2nd is bridged in
// `interim` (1 place) for good, the 3rd waits without care. `urgent`: 1 place, 2 youths; the
// 2nd escalates out of the line within minutes to 10 days of crisis care.
constexpr const char* bridged_and_escalated_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 731 days, replications: 2, seed: 4}
states:
  - name: placement
    capacity: 1
    waitlist: {bridging: interim}
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
  - {name: interim, capacity: 1, length_of_stay: {deterministic: 100 years}, next: {exit: 1}}
  - name: urgent
    capacity: 1
    waitlist:
      while_waiting: [{type: escalation, to: crisis, per_year: 100000}]
    length_of_stay: {deterministic: 100 years}
    next: {exit: 1}
  - {name: crisis, capacity: unlimited, length_of_stay: {deterministic: 10 days}, next: {exit: 1}}
arrivals: [{to: crisis, per_year: 0.000001}]
initial_stock:
  - {state: placement, count: 3}
  - {state: urgent, count: 2}
strategies:
  - name: priced
    contracts:
      - {state: placement, scheme: day_price, price: 100, waiting: {per_day: 2.50}}
      - {state: interim, scheme: day_price, price: 80, admin: {per_claim: 10}}
      - {state: urgent, scheme: day_price, price: 100, waiting: {per_day: 2.50}}
      - {state: crisis, scheme: day_price, price: 600, admin: {per_claim: 25}}
)";

TEST(CostOfWaiting, CountsBridgingCareAndTheCareAnEscalationOutOfTheLineBuys) {
    const auto model = model_from_yaml(bridged_and_escalated_yaml);
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 4});
    const auto at = [&](const char* metric, const char* state, const char* year) {
        return cents(column(batch, metric, state, year, "priced")[1]);
    };
    // 2019: two youths on placement's line (one of them bridged) x 365 days x EUR 2.50;
    // interim 365 days x EUR 80 + 12 monthly claims x EUR 10; the escalated youth left
    // urgent's line on the day it joined (no support) for 10 days of crisis at EUR 600 and
    // one claim of EUR 25.
    EXPECT_EQ(at("cost_waiting_support", "", "2019"), 2 * 365 * 250);
    EXPECT_EQ(at("cost_state", "interim", "2019"), 365 * 8000 + 12 * 1000);
    EXPECT_EQ(at("cost_state", "crisis", "2019"), 10 * 60000 + 2500);
    EXPECT_EQ(at("cost_of_waiting", "placement", "2019"), 2 * 365 * 250 + 365 * 8000 + 12 * 1000);
    EXPECT_EQ(at("cost_of_waiting", "urgent", "2019"), 10 * 60000 + 2500);
    EXPECT_EQ(at("cost_of_waiting", "interim", "2019"), 0);
    EXPECT_EQ(at("cost_of_waiting", "", "2019"),
              2 * 365 * 250 + 365 * 8000 + 12 * 1000 + 10 * 60000 + 2500);
    EXPECT_EQ(at("cost_of_waiting", "placement", "2020"), 2 * 366 * 250 + 366 * 8000 + 12 * 1000);
    EXPECT_EQ(at("cost_of_waiting", "urgent", "2020"), 0);
    EXPECT_EQ(column(batch, "waiting_escalations", "urgent", "2019")[1], 1.0);
}

// `bridge` cares only for youths waiting for `care`; `crisis` is reached only by escalating
// out of care's line or out of bridging care. So all their care is a cost of waiting.
constexpr const char* waiting_cost_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 3 years, warmup: 1 year, replications: 12, seed: 5}
youth: {severity_levels: [light, medium, severe], age_bands: [0, 12, 16], leave_age: 18}
states:
  - name: bridge
    capacity: 5
    transitions:
      - {to: crisis, type: escalation, per_year: 0.8}
      - {to: exit, type: completion, per_year: 0.3}
  - name: care
    capacity: 10
    waitlist:
      order: priority
      bridging: bridge
      escalation_growth_per_week: 0.05
      while_waiting:
        - {type: deterioration, per_year: 2}
        - {type: escalation, to: crisis, per_year: 1, by_severity: {light: 0.5, severe: 2},
           growth_per_week: 0.02}
        - {type: renege, per_year: 2,
           comes_back: {share: 0.5, after: {exponential: {mean: 3 months}}, severity_shift: 1}}
        - {type: recovery, per_year: 0.5, in_bridging: 0}
    transitions:
      - {to: exit, type: completion, per_year: 2}
  - name: crisis
    kind: crisis
    capacity: 2
    length_of_stay: {exponential: {mean: 3 weeks}}
    next: {care: 0.4, exit: 0.6}
arrivals:
  - {to: care, per_year: 35, age: [[4, 18, 1]], severity: {light: 0.5, medium: 0.3, severe: 0.2}}
re_entry: {share: 0.2, within: 1 year, to: care}
strategies:
  - name: priced
    contracts:
      - {state: care, scheme: day_price, price: 120.55, admin: {per_claim: 15}, waiting: {per_week: 35}}
      - {state: bridge, scheme: day_price, price: 80.10, admin: {per_claim: 10}}
      - {state: crisis, scheme: day_price, price: 600.35, admin: {per_claim: 25}}
)";

TEST(CostOfWaiting, IsTheSupportPlusAllCareOfTheBridgeAndOfCrisisToTheCent) {
    const auto model = model_from_yaml(waiting_cost_yaml);
    const BatchResult batch = run_batch(*model, {.replications = 12, .seed = 5});
    std::int64_t bridge_total = 0;
    std::int64_t crisis_total = 0;
    std::int64_t support_total = 0;
    for (const std::string& year : model->calendar.year_labels) {
        const auto of_waiting = column(batch, "cost_of_waiting", "", year, "priced");
        const auto for_care = column(batch, "cost_of_waiting", "care", year, "priced");
        const auto bridge = column(batch, "cost_state", "bridge", year, "priced");
        const auto crisis = column(batch, "cost_state", "crisis", year, "priced");
        const auto support = column(batch, "cost_waiting_support", "", year, "priced");
        std::vector<std::int64_t> want;
        std::vector<std::int64_t> got;
        for (std::size_t r = 0; r < of_waiting.size(); ++r) {
            want.push_back(cents(bridge[r]) + cents(crisis[r]) + cents(support[r]));
            got.push_back(cents(of_waiting[r]));
            bridge_total += cents(bridge[r]);
            crisis_total += cents(crisis[r]);
            support_total += cents(support[r]);
        }
        EXPECT_EQ(got, want) << year << ": cost_of_waiting by replication";
        std::vector<std::int64_t> of_care;
        for (const double euros : for_care) of_care.push_back(cents(euros));
        EXPECT_EQ(of_care, want) << year << ": every cost of waiting is care's";
    }
    EXPECT_GT(bridge_total, 0);
    EXPECT_GT(crisis_total, 0);
    EXPECT_GT(support_total, 0);
}

}  // namespace
}  // namespace careflow::testing
