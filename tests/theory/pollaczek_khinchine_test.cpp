// M/D/1 and M/G/1 (gamma, lognormal stays) against the Pollaczek–Khinchine mean wait.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace careflow::testing {
namespace {

struct MG1Case {
    const char* name;
    const char* stay;          ///< the length_of_stay distribution, mean 1 day
    double second_moment;      ///< E[S^2] in days^2, by hand from the parameters
    double utilisation;
    std::uint32_t replications;
};

class PollaczekKhinchine : public ::testing::TestWithParam<MG1Case> {};

TEST_P(PollaczekKhinchine, MeanWaitAndQueueMatchTheory) {
    const MG1Case c = GetParam();
    const auto model = model_from_yaml(fmt::format(R"(
version: 1
run: {{horizon: 100000 days, warmup: 5000 days, replications: {}, seed: 7}}
states:
  - name: queue
    capacity: 1
    length_of_stay: {}
    next: {{exit: 1}}
arrivals:
  - {{to: queue, per_year: {}}}
)", c.replications, c.stay, c.utilisation * 365.25));
    const auto batch = run_batch(*model, {.replications = c.replications, .seed = 7});
    const double lambda = c.utilisation;  // per day, with mean service 1 day
    const double want_wait = pollaczek_khinchine_wait(lambda, 1.0, c.second_moment);

    const Estimate wait = estimate(batch, "wait_days_mean", "queue");
    EXPECT_LT(z_tolerance * wait.standard_error, 0.03 * want_wait);
    EXPECT_NEAR(wait.mean, want_wait, z_tolerance * wait.standard_error);
    const Estimate queue = estimate(batch, "waiting_mean", "queue");
    EXPECT_NEAR(queue.mean, lambda * want_wait, z_tolerance * queue.standard_error);
}

INSTANTIATE_TEST_SUITE_P(
    GeneralStays, PollaczekKhinchine,
    ::testing::Values(
        // Deterministic: E[S^2] = 1.
        MG1Case{"MD1", "{deterministic: 1 day}", 1.0, 0.85, 60},
        // Gamma mean 1, cv 0.5: Var = 0.25, E[S^2] = 1.25.
        MG1Case{"MG1_gamma", "{gamma: {mean: 1 day, cv: 0.5}}", 1.25, 0.85, 60},
        // Lognormal mean 1, sd 1: E[S^2] = 2.
        MG1Case{"MG1_lognormal", "{lognormal: {mean: 1 day, sd: 1 day}}", 2.0, 0.80, 80},
        // Uniform on [0.5, 1.5] days: Var = 1/12.
        MG1Case{"MG1_uniform", "{uniform: {min: 0.5 days, max: 1.5 days}}", 1.0 + 1.0 / 12.0,
                0.85, 60}),
    [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace careflow::testing
