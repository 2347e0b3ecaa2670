// Little's law per state, from the simulation's own counts: L = lambda W, for the waitlist
// and for care. In a stationary window the boundary terms cancel in expectation, so the
// per-replication difference must average to zero within its standard error.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

namespace careflow::testing {
namespace {

constexpr const char* network_yaml = R"(
version: 1
run: {horizon: 20000 days, warmup: 3000 days, replications: 40, seed: 5}
states:
  - name: ambulatory
    capacity: 4
    length_of_stay: {gamma: {mean: 3 days, cv: 0.7}}
    next: {foster: 0.2, residential: 0.1, exit: 0.7}
  - name: foster
    capacity: 3
    length_of_stay: {lognormal: {mean: 5 days, sd: 4 days}}
    next: {ambulatory: 0.2, exit: 0.8}
  - name: residential
    capacity: 2
    length_of_stay: {weibull: {shape: 1.5, scale: 6 days}}
    next: {foster: 0.3, exit: 0.7}
  - name: crisis
    capacity: unlimited
    length_of_stay: {uniform: {min: 1 day, max: 3 days}}
    next: {residential: 0.5, ambulatory: 0.5}
arrivals:
  - {to: ambulatory, per_year: 300}
  - {to: crisis, per_year: 40}
)";

/// Checks mean over replications of (area / T - count / T * mean time) is 0 within z SE.
void expect_littles_law(const BatchResult& batch, const char* state, const char* area_metric,
                        const char* count_metric, const char* time_metric, double horizon) {
    const auto area = column(batch, area_metric, state);
    const auto count = column(batch, count_metric, state);
    const auto time = column(batch, time_metric, state);
    std::vector<double> relative_gap(area.size());
    for (std::size_t r = 0; r < area.size(); ++r) {
        const double lambda_w = count[r] / horizon * time[r];
        relative_gap[r] = (area[r] - lambda_w) / area[r];
    }
    const Summary gap = summarize(relative_gap);
    const double se = *gap.sd / std::sqrt(static_cast<double>(gap.n));
    EXPECT_NEAR(gap.mean, 0.0, z_tolerance * se) << state << " " << area_metric;
    EXPECT_LT(std::abs(gap.mean), 0.01) << state << " " << area_metric;
}

TEST(LittlesLaw, HoldsForWaitlistAndCareInEveryState) {
    const auto model = model_from_yaml(network_yaml);
    const auto batch = run_batch(*model, {.replications = 40, .seed = 5});
    for (const char* state : {"ambulatory", "foster", "residential", "crisis"}) {
        expect_littles_law(batch, state, "in_care_mean", "completions", "stay_days_mean", 20000);
        if (std::string(state) != "crisis") {  // unlimited places: nobody waits
            expect_littles_law(batch, state, "waiting_mean", "admissions", "wait_days_mean",
                               20000);
        }
    }
}

}  // namespace
}  // namespace careflow::testing
