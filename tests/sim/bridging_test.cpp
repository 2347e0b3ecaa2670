// Bridging care: youths waiting for a full state are cared for in a lighter one, where their
// escalation hazard grows with the time waited.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

namespace careflow::testing {
namespace {

// Residential is overloaded (offered ~25 places, 20 places); while waiting, youths are in
// ambulatory care, from which they escalate to crisis at 0.5 a year, times the growth factor.
std::string bridging_yaml(double growth_per_week) {
    return fmt::format(R"(
version: 2
start: 2019-01-01
run: {{horizon: 5 years, warmup: 2 years, replications: 40, seed: 11}}
states:
  - name: ambulatory
    capacity: unlimited
    transitions:
      - {{to: crisis, type: escalation, per_year: 0.5}}
      - {{to: exit, type: completion, per_year: 0.2}}
  - name: residential
    capacity: 20
    waitlist: {{bridging: ambulatory, escalation_growth_per_week: {}}}
    transitions:
      - {{to: exit, type: completion, per_year: 1}}
  - name: crisis
    capacity: unlimited
    length_of_stay: {{deterministic: 2 weeks}}
    next: {{exit: 1}}
arrivals:
  - {{to: residential, per_year: 25}}
)", growth_per_week);
}

double yearly_mean(const BatchResult& batch, const std::string& metric, const std::string& state,
                   const std::string& year) {
    const MetricTable& t = batch.metrics;
    for (std::size_t k = 0; k < t.keys.size(); ++k) {
        if (t.keys[k].metric != metric || t.keys[k].state != state || t.keys[k].year != year) {
            continue;
        }
        double sum = 0.0;
        for (const auto& row : t.values) sum += row[k];
        return sum / static_cast<double>(t.values.size());
    }
    throw std::invalid_argument("no metric " + metric);
}

/// Escalations from ambulatory care over all years of the window, per replication.
std::vector<double> escalations_over_window(const BatchResult& batch) {
    const MetricTable& t = batch.metrics;
    std::vector<double> totals(t.values.size(), 0.0);
    for (std::size_t k = 0; k < t.keys.size(); ++k) {
        if (t.keys[k].metric != "escalations" || t.keys[k].state != "ambulatory") continue;
        for (std::size_t r = 0; r < t.values.size(); ++r) totals[r] += t.values[r][k];
    }
    return totals;
}

TEST(Bridging, YouthsWaitingForAFullStateAreCaredForInTheBridgingState) {
    const auto model = model_from_yaml(bridging_yaml(0.0));
    const auto batch = run_batch(*model, {.replications = 40, .seed = 11});
    // Everyone who waits for residential is bridged in ambulatory care (it has no limit).
    EXPECT_GT(yearly_mean(batch, "bridged", "residential", "2021"), 1.0);
    EXPECT_GT(yearly_mean(batch, "escalations", "ambulatory", "2021"), 0.5);
    // A bridged youth does not hold a residential place: stock never exceeds the places.
    EXPECT_LE(yearly_mean(batch, "stock_end", "residential", "2021"), 20.0);
}

TEST(Bridging, EscalationsRiseMonotonicallyWithTheGrowthOfTheHazardWhileWaiting) {
    // Same seeds for every growth level: common random numbers make the paired difference
    // of each replication far less noisy than the two totals.
    std::vector<std::vector<double>> escalations;
    for (const double growth : {0.0, 0.05, 0.2}) {
        const auto model = model_from_yaml(bridging_yaml(growth));
        escalations.push_back(escalations_over_window(
            run_batch(*model, {.replications = 100, .seed = 11})));
    }
    for (std::size_t i = 1; i < escalations.size(); ++i) {
        std::vector<double> gain(escalations[i].size());
        for (std::size_t r = 0; r < gain.size(); ++r) {
            gain[r] = escalations[i][r] - escalations[i - 1][r];
        }
        const Summary s = summarize(gain);
        const double se = *s.sd / std::sqrt(static_cast<double>(s.n));
        EXPECT_GT(s.mean, z_tolerance * se) << "growth step " << i << ": gain " << s.mean;
    }
}

}  // namespace
}  // namespace careflow::testing
