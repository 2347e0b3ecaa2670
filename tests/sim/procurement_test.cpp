// Procurement in the kernel: providers' shares of admissions, places a lump sum funds (an
// M/M/c queue), ceilings that stop admissions, behaviour multipliers, substitution bonuses,
// and common random numbers between a strategy's own pass and the shared one.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include "finance/contract_table.hpp"
#include "sim/simulation.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

namespace careflow::testing {
namespace {

/// One replication of `model` with strategy 0 governing and priced.
sim::ReplicationMetrics run_governed(const Model& model, const finance::ContractTable& table,
                                     std::uint32_t replication, std::uint64_t seed) {
    const sim::Pass pass{.contracts = &table, .governing = 0, .priced = {0}};
    return sim::Simulation(model, seed, replication, pass).run();
}

void expect_near_theory(const Estimate& got, double want, const char* what) {
    EXPECT_LT(z_tolerance * got.standard_error, 0.03 * want) << what << ": too few replications";
    EXPECT_NEAR(got.mean, want, z_tolerance * got.standard_error)
        << what << ": " << got.mean << " ± " << got.standard_error << " vs " << want;
}

TEST(Providers, ShareTheAdmissionsAsTheScenarioSays) {
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 1 year, replications: 30, seed: 5}
states:
  - {name: care, capacity: unlimited, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 2000}]
providers:
  - {name: Big, delivers: {care: 0.7}}
  - {name: Small, delivers: {care: 0.3}}
strategies:
  - name: day
    contracts: [{state: care, scheme: day_price, price: 100}]
)");
    const finance::ContractTable table(*model);
    const StateId care = make_id<StateId>(0);
    const auto big = static_cast<std::size_t>(table.index_of(0, care, 0));
    const auto small = static_cast<std::size_t>(table.index_of(0, care, 1));
    std::vector<double> share;
    for (std::uint32_t r = 0; r < 30; ++r) {
        const auto m = run_governed(*model, table, r, 5);
        const auto& a = m.ledger.contract_year(0, big, 0);
        const auto& b = m.ledger.contract_year(0, small, 0);
        share.push_back(static_cast<double>(a.care_days) /
                        static_cast<double>(a.care_days + b.care_days));
        // Every care day of either provider is billed at EUR 100.00, nothing else.
        EXPECT_EQ(m.ledger.total(0, 0), (a.care_days + b.care_days) * 10'000);
    }
    const Summary s = summarize(share);
    EXPECT_NEAR(s.mean, 0.7, z_tolerance * *s.sd / std::sqrt(static_cast<double>(s.n)));
}

TEST(LumpSum, FundedPlacesMakeTheStateAnMmcQueue) {
    // Budget EUR 400,000 at EUR 100,000 a place-year funds 4 places: M/M/4 at rho = 0.8.
    const double lambda = 4 * 0.8;
    const auto model = model_from_yaml(fmt::format(R"(
version: 2
run: {{horizon: 50000 days, warmup: 1000 days, replications: 20, seed: 11}}
states:
  - {{name: queue, capacity: unlimited, length_of_stay: {{exponential: {{mean: 1 day}}}}, next: {{exit: 1}}}}
arrivals: [{{to: queue, per_year: {}}}]
strategies:
  - name: task
    contracts: [{{state: queue, scheme: lump_sum, budget: 400000, cost_per_place: 100000}}]
)", lambda * 365.25));
    const auto batch = run_batch(*model, {.replications = 20, .seed = 11});
    const MmcTheory theory = erlang_c(lambda, 1.0, 4);
    expect_near_theory(estimate(batch, "wait_days_mean", "queue", "", "task"), theory.mean_wait,
                       "Wq under funded places");
    expect_near_theory(estimate(batch, "waited_share", "queue", "", "task"), theory.p_wait,
                       "P(wait) under funded places");
    EXPECT_EQ(estimate(batch, "waited_share", "queue").mean, 0.0) << "the shared pass has no cap";
    // The budget is paid whatever the volume: the same amount in every replication.
    for (const double cost : column(batch, "cost_total", "", "year 2", "task")) {
        EXPECT_EQ(cost, 400'000.0);
    }
}

constexpr const char* ceiling_scenario = R"(
version: 2
start: 2019-01-01
run: {horizon: 2 years, replications: 20, seed: 7}
states:
  - {name: residential, capacity: unlimited, length_of_stay: {exponential: {mean: 60 days}}, next: {exit: 1}}
arrivals: [{to: residential, per_year: 100}]
strategies:
  - name: zeeland
    contracts:
      - state: residential
        scheme: day_price
        price: 200
        ceiling: {per_year: 1000000, then: stop_admissions}
)";

TEST(Ceiling, StopsAdmissionsAndIsNeverExceeded) {
    // Demand at full price is about 100 x 60 x EUR 200 = EUR 1.2 mln a year: above the ceiling.
    const auto model = model_from_yaml(ceiling_scenario);
    const auto batch = run_batch(*model, {.replications = 20, .seed = 7});
    for (const char* year : {"2019", "2020"}) {
        const auto care = column(batch, "cost_care", "", year, "zeeland");
        const auto unpaid = column(batch, "unpaid_above_ceiling", "residential", year, "zeeland");
        for (std::size_t r = 0; r < care.size(); ++r) {
            EXPECT_LE(care[r], 1'000'000.0) << year << " replication " << r;
            if (unpaid[r] > 0.0) {
                EXPECT_EQ(care[r], 1'000'000.0) << "billed is the ceiling";
            }
        }
        EXPECT_GT(estimate(batch, "unpaid_above_ceiling", "residential", year, "zeeland").mean,
                  0.0);
        EXPECT_GT(estimate(batch, "waitlist_end", "residential", year, "zeeland").mean, 1.0)
            << "youths wait for 1 January";
    }
    // The same referrals (common random numbers): a stop admits no one the free pass did not.
    const auto capped = column(batch, "admissions", "residential", "", "zeeland");
    const auto free = column(batch, "admissions", "residential");
    for (std::size_t r = 0; r < capped.size(); ++r) EXPECT_LE(capped[r], free[r]);
    EXPECT_LT(summarize(capped).mean, summarize(free).mean);
}

TEST(Behaviour, LengthOfStayMultiplierLengthensStaysAsLittlesLawSays) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 20 years, warmup: 2 years, replications: 20, seed: 9}
states:
  - {name: foster, capacity: unlimited, length_of_stay: {exponential: {mean: 100 days}}, next: {exit: 1}}
arrivals: [{to: foster, per_year: 365.25}]
strategies:
  - name: slower
    contracts:
      - {state: foster, scheme: day_price, price: 50, behaviour: {length_of_stay: 1.5}}
)");
    const auto batch = run_batch(*model, {.replications = 20, .seed = 9});
    expect_near_theory(estimate(batch, "in_care_mean", "foster"), 100.0, "L, shared pass");
    expect_near_theory(estimate(batch, "in_care_mean", "foster", "", "slower"), 150.0,
                       "L with stays 1.5 x as long");
}

TEST(Incentives, ASubstitutionBonusIsPaidForEveryYouthRedirectedFromResidence) {
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 1 year, replications: 5, seed: 2}
states:
  - {name: residential, kind: residential, capacity: unlimited, length_of_stay: {exponential: {mean: 90 days}}, next: {exit: 1}}
  - {name: ambulatory, kind: ambulatory, capacity: unlimited, length_of_stay: {exponential: {mean: 90 days}}, next: {exit: 1}}
arrivals: [{to: residential, per_year: 200}]
policies:
  - {name: alternatives, from: 2019-01-01, changes: [{redirect: residential, to: ambulatory, share: 0.5}]}
strategies:
  - name: bonus
    contracts:
      - {state: ambulatory, scheme: day_price, price: 80, bonus: {substitution: 500}}
      - {state: residential, scheme: day_price, price: 280}
)");
    const auto batch = run_batch(*model, {.replications = 5, .seed = 2});
    const auto incentive = column(batch, "cost_incentive", "", "2019", "bonus");
    const auto redirected = column(batch, "redirected", "residential", "2019");
    for (std::size_t r = 0; r < incentive.size(); ++r) {
        EXPECT_GT(redirected[r], 50.0);
        EXPECT_EQ(incentive[r], 500.0 * redirected[r]) << "replication " << r;
    }
}

TEST(CommonRandomNumbers, AStrategyThatChangesNothingReproducesTheSharedPassExactly) {
    // 1,000 funded places never bind: the strategy's own pass sees the same youths, the same
    // providers and the same clocks as the shared pass.
    const auto model = model_from_yaml(R"(
version: 2
start: 2019-01-01
run: {horizon: 2 years, warmup: 1 year, replications: 8, seed: 4}
states:
  - {name: care, capacity: 20, length_of_stay: {exponential: {mean: 60 days}}, next: {exit: 0.7, other: 0.3}}
  - {name: other, capacity: unlimited, length_of_stay: {lognormal: {median: 100 days, sd_log: 0.5}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 110}]
providers:
  - {name: A, delivers: {care: 0.5, other: 1}}
  - {name: B, delivers: {care: 0.5}}
strategies:
  - name: roomy
    contracts:
      - {state: care, scheme: lump_sum, budget: 100000000, cost_per_place: 100000}
      - {state: other, scheme: day_price, price: 100}
)");
    const auto batch = run_batch(*model, {.replications = 8, .seed = 4});
    for (const char* metric : {"admissions", "in_care_mean", "wait_days_mean", "completions"}) {
        for (const char* state : {"care", "other"}) {
            EXPECT_EQ(column(batch, metric, state), column(batch, metric, state, "", "roomy"))
                << metric << " " << state;
        }
    }
}

}  // namespace
}  // namespace careflow::testing
