// Every duration distribution: sample mean and variance match the model's exact moments.
#include "sim/sampling.hpp"

#include "support/scenario_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

namespace careflow::sim {
namespace {

struct DistributionCase {
    const char* name;
    const char* yaml;
    double mean_days;      ///< by hand from the parameters
    double variance_days2;
};

Distribution parse(const char* yaml) {
    const auto model = testing::model_from_yaml(fmt::format(R"(
version: 1
run: {{horizon: 1 year, replications: 1, seed: 1}}
states:
  - {{name: s, length_of_stay: {}, next: {{exit: 1}}}}
arrivals: [{{to: s, per_year: 1}}]
)", yaml));
    return *model->states[0].length_of_stay;
}

class Sampling : public ::testing::TestWithParam<DistributionCase> {};

TEST_P(Sampling, ModelMomentsAreTheHandComputedOnes) {
    const auto c = GetParam();
    const Distribution d = parse(c.yaml);
    EXPECT_NEAR(d.mean_days, c.mean_days, 1e-9 * c.mean_days);
    EXPECT_NEAR(d.variance_days2, c.variance_days2, 1e-9 * (1.0 + c.variance_days2));
}

TEST_P(Sampling, SampleMomentsMatchWithinMonteCarloError) {
    const auto c = GetParam();
    const Distribution d = parse(c.yaml);
    RandomStream rng({2026, 0, Purpose::youth, 1});
    constexpr int n = 200'000;
    std::vector<double> draws(n);
    double sum = 0.0;
    for (double& x : draws) {
        x = sample_days(d, rng);
        ASSERT_GE(x, 0.0);
        sum += x;
    }
    const double mean = sum / n;
    double m2 = 0.0;
    double m4 = 0.0;
    for (double x : draws) {
        const double dev = (x - mean) * (x - mean);
        m2 += dev;
        m4 += dev * dev;
    }
    const double variance = m2 / (n - 1);
    // Standard errors of the sample mean and of the sample variance (needs the 4th moment).
    const double se_mean = std::sqrt(c.variance_days2 / n);
    const double se_variance = std::sqrt((m4 / n - variance * variance) / n);
    EXPECT_NEAR(mean, c.mean_days, 4.0 * se_mean + 1e-12);
    EXPECT_NEAR(variance, c.variance_days2, 4.0 * se_variance + 1e-12);
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, Sampling,
    ::testing::Values(
        DistributionCase{"exponential", "{exponential: {mean: 2 weeks}}", 14.0, 196.0},
        DistributionCase{"gamma_mean_cv", "{gamma: {mean: 90 days, cv: 0.5}}", 90.0, 2025.0},
        DistributionCase{"gamma_shape_scale", "{gamma: {shape: 3, scale: 10 days}}", 30.0, 300.0},
        // median 100, sigma 0.5: mean 100 e^0.125, variance (e^0.25 - 1) mean^2
        DistributionCase{"lognormal_median", "{lognormal: {median: 100 days, sd_log: 0.5}}",
                         100.0 * std::exp(0.125),
                         std::expm1(0.25) * 10000.0 * std::exp(0.25)},
        DistributionCase{"lognormal_mean_sd", "{lognormal: {mean: 60 days, sd: 30 days}}", 60.0,
                         900.0},
        // shape 2, scale 100: mean 100 Gamma(1.5) = 50 sqrt(pi); var 100^2 (1 - pi/4)
        DistributionCase{"weibull", "{weibull: {shape: 2, scale: 100 days}}",
                         50.0 * std::sqrt(M_PI), 10000.0 * (1.0 - M_PI / 4.0)},
        DistributionCase{"deterministic", "{deterministic: 4 weeks}", 28.0, 0.0},
        DistributionCase{"uniform", "{uniform: {min: 10 days, max: 40 days}}", 25.0, 75.0},
        // steps: 10 (0.2), 20 (0.5), 60 (0.3): mean 30; E[X^2] = 20 + 200 + 1080 = 1300
        DistributionCase{"empirical_steps",
                         "{empirical: {table: [[10 days, 0.2], [20 days, 0.5], [60 days, 0.3]]}}",
                         30.0, 400.0},
        // linear: U(0,10) w 0.5, U(10,30) w 0.5: mean 0.5*5 + 0.5*20 = 12.5;
        // E[X^2] = 0.5 (0+0+100)/3 + 0.5 (100+300+900)/3 = 700/3; minus mean^2
        DistributionCase{"empirical_interpolated",
                         "{empirical: {table: [[10 days, 0.5], [30 days, 0.5]], interpolate: true}}",
                         12.5, 0.5 * 100.0 / 3.0 + 0.5 * 1300.0 / 3.0 - 12.5 * 12.5}),
    [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace careflow::sim
