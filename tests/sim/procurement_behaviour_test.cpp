// Behaviour a contract sets, and bonuses that depend on what youths do after care: step-down
// and readmission multipliers against competing-risk arithmetic, and the outcome bonus for
// youths who stay away a year.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace careflow::testing {
namespace {

/// Per replication, numerator / denominator; their mean with its standard error.
Estimate ratio(const std::vector<double>& numerator, const std::vector<double>& denominator) {
    std::vector<double> values;
    for (std::size_t r = 0; r < numerator.size(); ++r) {
        values.push_back(numerator[r] / denominator[r]);
    }
    const Summary s = summarize(values);
    return {s.mean, s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n)), s.n};
}

void expect_near(const Estimate& got, double want, const char* what) {
    EXPECT_NEAR(got.mean, want, z_tolerance * got.standard_error)
        << what << ": " << got.mean << " ± " << got.standard_error << " vs " << want;
}

TEST(Behaviour, AStepDownMultiplierShiftsTheCompetingRisks) {
    // Step-down at 1/year and completion at 3/year compete: a share 1/4 of those leaving step
    // down; with step-downs twice as fast, 2/5.
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 3 years, warmup: 1 year, replications: 40, seed: 12}
states:
  - name: residential
    kind: residential
    capacity: unlimited
    transitions:
      - {to: ambulatory, type: step_down, per_year: 1}
      - {to: exit, type: completion, per_year: 3}
  - {name: ambulatory, capacity: unlimited, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: residential, per_year: 400}]
strategies:
  - name: faster-step-down
    contracts:
      - {state: residential, scheme: day_price, price: 280, behaviour: {step_down: 2}}
)");
    const auto batch = run_batch(*model, {.replications = 40, .seed = 12});
    for (const char* year : {"2020", "2021"}) {
        expect_near(ratio(column(batch, "step_downs", "residential", year),
                          column(batch, "completions", "residential", year)),
                    0.25, "share stepping down, shared pass");
        expect_near(ratio(column(batch, "step_downs", "residential", year, "faster-step-down"),
                          column(batch, "completions", "residential", year, "faster-step-down")),
                    0.4, "share stepping down, twice as fast");
    }
}

TEST(Behaviour, AReadmissionMultiplierScalesTheShareWhoReturn) {
    // Share 0.2 returns within 30 days; a contract doubling readmission makes it 0.4.
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 2 years, warmup: 1 year, replications: 40, seed: 13}
states:
  - {name: care, capacity: unlimited, length_of_stay: {exponential: {mean: 60 days}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 500}]
re_entry: {share: 0.2, within: 30 days, to: care}
strategies:
  - name: revolving-door
    contracts:
      - {state: care, scheme: day_price, price: 100, behaviour: {readmission: 2}}
)");
    const auto batch = run_batch(*model, {.replications = 40, .seed = 13});
    expect_near(ratio(column(batch, "re_entries", "", "2020"), column(batch, "exits", "", "2020")),
                0.2, "returns, shared pass");
    expect_near(ratio(column(batch, "re_entries", "", "2020", "revolving-door"),
                      column(batch, "exits", "", "2020", "revolving-door")),
                0.4, "returns, readmission doubled");
}

TEST(Incentives, TheOutcomeBonusIsPaidForThoseWhoStayAwayAYear) {
    // Half of those leaving come back, uniformly within two years: a quarter within one. So
    // 3/4 of the youths leaving in 2019 earn the EUR 1,000 bonus, paid in 2020 (2019 has 365
    // days, so day + 365 always falls in 2020).
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 2 years, replications: 40, seed: 14}
states:
  - {name: care, capacity: unlimited, length_of_stay: {exponential: {mean: 60 days}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 300}]
re_entry: {share: 0.5, within: 730 days, to: care}
strategies:
  - name: outcome
    contracts:
      - {state: care, scheme: day_price, price: 100, bonus: {outcome: 1000}}
)");
    const auto batch = run_batch(*model, {.replications = 40, .seed = 14});
    std::vector<double> bonuses;
    for (const double euros : column(batch, "cost_incentive", "", "2020", "outcome")) {
        bonuses.push_back(euros / 1000.0);
    }
    expect_near(ratio(bonuses, column(batch, "exits", "", "2019")), 0.75,
                "bonuses paid in 2020 per youth leaving in 2019");
    for (const double euros : column(batch, "cost_incentive", "", "2019", "outcome")) {
        EXPECT_EQ(euros, 0.0) << "no one can have stayed away a year by the end of 2019";
    }
}

}  // namespace
}  // namespace careflow::testing
