// A three-state open network with feedback against Jackson's product-form solution.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

namespace careflow::testing {
namespace {

// Rates per day. intake (2 places, mean 2.5 days), treatment (1 place, mean 1.6 days),
// residential (3 places, mean 7 days), with feedback between all three.
constexpr const char* network_yaml = R"(
version: 1
run: {horizon: 100000 days, warmup: 5000 days, replications: 90, seed: 31}
states:
  - name: intake
    capacity: 2
    length_of_stay: {exponential: {mean: 2.5 days}}
    next: {treatment: 0.5, residential: 0.3, exit: 0.2}
  - name: treatment
    capacity: 1
    length_of_stay: {exponential: {mean: 1.6 days}}
    next: {intake: 0.2, residential: 0.3, exit: 0.5}
  - name: residential
    capacity: 3
    length_of_stay: {exponential: {mean: 7 days}}
    next: {intake: 0.1, exit: 0.9}
arrivals:
  - {to: intake, per_year: 182.625}     # 0.5 per day
  - {to: treatment, per_year: 73.05}    # 0.2 per day
)";

TEST(JacksonNetwork, MeanNumberInEachStateMatchesProductForm) {
    const auto model = model_from_yaml(network_yaml);
    const auto batch = run_batch(*model, {.replications = 90, .seed = 31});

    const std::vector<std::vector<double>> routing{
        {0.0, 0.5, 0.3}, {0.2, 0.0, 0.3}, {0.1, 0.0, 0.0}};
    const auto lambda = jackson_arrival_rates({0.5, 0.2, 0.0}, routing);
    const std::array<const char*, 3> names{"intake", "treatment", "residential"};
    const std::array<double, 3> mean_stay{2.5, 1.6, 7.0};
    const std::array<unsigned, 3> places{2, 1, 3};

    for (std::size_t i = 0; i < names.size(); ++i) {
        // Product form: each state behaves as an independent M/M/c with its own lambda.
        const MmcTheory theory = erlang_c(lambda[i], 1.0 / mean_stay[i], places[i]);
        const double want = theory.mean_queue + theory.mean_in_service;
        ASSERT_GT(theory.mean_in_service / places[i], 0.75) << names[i] << " should be busy";

        const auto in_care = column(batch, "in_care_mean", names[i]);
        const auto waiting = column(batch, "waiting_mean", names[i]);
        std::vector<double> in_state(in_care.size());
        for (std::size_t r = 0; r < in_care.size(); ++r) in_state[r] = in_care[r] + waiting[r];
        const Summary got = summarize(in_state);
        const double se = *got.sd / std::sqrt(static_cast<double>(got.n));
        EXPECT_LT(z_tolerance * se, 0.03 * want) << names[i];
        EXPECT_NEAR(got.mean, want, z_tolerance * se) << names[i];
    }
}

}  // namespace
}  // namespace careflow::testing
