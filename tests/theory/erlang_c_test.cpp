// M/M/1 and M/M/c with heavy waiting against Erlang C: P(wait), Wq and Lq.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace careflow::testing {
namespace {

struct MmcCase {
    const char* name;
    unsigned servers;
    double utilisation;
    std::uint32_t replications;
};

std::string mmc_yaml(const MmcCase& c) {
    // Service mean 1 day (mu = 1); lambda = c * rho per day.
    const double lambda_per_year = c.servers * c.utilisation * 365.25;
    return fmt::format(R"(
version: 1
run: {{horizon: 100000 days, warmup: 5000 days, replications: {}, seed: 20261125}}
states:
  - name: queue
    capacity: {}
    length_of_stay: {{exponential: {{mean: 1 day}}}}
    next: {{exit: 1}}
arrivals:
  - {{to: queue, per_year: {}}}
)", c.replications, c.servers, lambda_per_year);
}

void expect_within_tolerance(const Estimate& got, double want, const char* what) {
    // The tolerance must be tight enough to mean something: 3 % of the value at most.
    EXPECT_LT(z_tolerance * got.standard_error, 0.03 * want) << what << ": too few replications";
    EXPECT_NEAR(got.mean, want, z_tolerance * got.standard_error)
        << what << ": mean " << got.mean << " ± " << got.standard_error << " vs theory " << want;
}

class ErlangC : public ::testing::TestWithParam<MmcCase> {};

TEST_P(ErlangC, WaitingMatchesTheory) {
    const MmcCase c = GetParam();
    const auto model = model_from_yaml(mmc_yaml(c));
    const auto batch = run_batch(*model, {.replications = c.replications, .seed = 20261125});
    const MmcTheory theory = erlang_c(c.servers * c.utilisation, 1.0, c.servers);

    expect_within_tolerance(estimate(batch, "waited_share", "queue"), theory.p_wait, "P(wait)");
    expect_within_tolerance(estimate(batch, "wait_days_mean", "queue"), theory.mean_wait, "Wq");
    expect_within_tolerance(estimate(batch, "waiting_mean", "queue"), theory.mean_queue, "Lq");
    expect_within_tolerance(estimate(batch, "in_care_mean", "queue"), theory.mean_in_service,
                            "busy servers");
}

INSTANTIATE_TEST_SUITE_P(HeavyTraffic, ErlangC,
                         ::testing::Values(MmcCase{"MM1_rho_0_80", 1, 0.80, 60},
                                           MmcCase{"MM1_rho_0_90", 1, 0.90, 120},
                                           MmcCase{"MM2_rho_0_85", 2, 0.85, 60},
                                           MmcCase{"MM3_rho_0_90", 3, 0.90, 80},
                                           MmcCase{"MM5_rho_0_95", 5, 0.95, 120}),
                         [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace careflow::testing
