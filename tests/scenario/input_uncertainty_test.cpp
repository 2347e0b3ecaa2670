// Uncertain inputs: distributions where numbers belong, drawn once per replication.
#include "scenario/uncertain_inputs.hpp"
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace careflow {
namespace {

using testing::column;

/// One care state fed by one arrival stream; `rate`, `stay_mean` and `places` are spliced in.
std::string scenario(const std::string& rate, const std::string& stay_mean = "73 days",
                     const std::string& places = "unlimited") {
    return "version: 2\n"
           "run: {horizon: 2 years, warmup: 1 year, replications: 10, seed: 7}\n"
           "states:\n"
           "  - name: care\n"
           "    capacity: " + places + "\n"
           "    length_of_stay: {exponential: {mean: " + stay_mean + "}}\n"
           "    next: {exit: 1}\n"
           "arrivals:\n"
           "  - {to: care, per_year: " + rate + "}\n";
}

LoadedScenario load(const std::string& text, const std::vector<std::string>& overrides = {}) {
    return load_scenario_text(text, "test.yaml", overrides);
}

std::string replications_text(const LoadedScenario& loaded, unsigned threads,
                              std::uint32_t replications = 8) {
    const BatchResult batch = run_batch(*loaded.model,
                                        {.replications = replications, .seed = 11,
                                         .threads = threads,
                                         .uncertainty = loaded.uncertainty.get()});
    return replications_csv(batch.metrics);
}

/// The values of one input drawn in replications 0..n-1 under seed 3 (the values alone,
/// without resolving a model for each).
std::vector<double> draws(const InputUncertainty& uncertainty, std::size_t input,
                          std::uint32_t n) {
    const auto& inputs = dynamic_cast<const scenario::UncertainInputs&>(uncertainty);
    std::vector<double> values;
    for (std::uint32_t r = 0; r < n; ++r) values.push_back(inputs.values(3, r)[input]);
    EXPECT_EQ(uncertainty.draw(3, n - 1).values[input], values.back());
    return values;
}

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double sd(const std::vector<double>& v) {
    const double m = mean(v);
    double sum = 0.0;
    for (const double x : v) sum += (x - m) * (x - m);
    return std::sqrt(sum / static_cast<double>(v.size() - 1));
}

/// The empirical p-quantile (the order statistic at floor(p n)).
double sample_quantile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size()))];
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const double mx = mean(x);
    const double my = mean(y);
    double sxy = 0.0;
    double sxx = 0.0;
    double syy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

TEST(InputUncertainty, AScenarioOfPlainNumbersHasNone) {
    EXPECT_EQ(load(scenario("120")).uncertainty, nullptr);
}

TEST(InputUncertainty, KeysNameEachInputByItsSetPathInFileOrder) {
    const auto loaded = load(scenario("{lognormal: {median: 120, sd_log: 0.2}}",
                                      "{uniform: {min: 60 days, max: 90 days}}",
                                      "{triangular: {min: 20, mode: 25, max: 40}}"));
    ASSERT_NE(loaded.uncertainty, nullptr);
    const std::vector<MetricKey> want{
        {.metric = "input", .state = "states.care.capacity"},
        {.metric = "input", .state = "states.care.length_of_stay.exponential.mean"},
        {.metric = "input", .state = "arrivals.0.per_year"}};
    EXPECT_EQ(loaded.uncertainty->keys(), want);
}

TEST(InputUncertainty, TheNominalModelIsTheModelWithTheNominalValuesWrittenAsNumbers) {
    const auto uncertain = load(scenario("{lognormal: {median: 120, sd_log: 0.2}}",
                                         "{gamma: {mean: 75 days, sd: 10 days}}",
                                         "{triangular: {min: 20, mode: 25, max: 40}}"));
    const auto plain = load(scenario("120", "75 days", "25"));
    EXPECT_EQ(uncertain.model->arrivals.front().rate_per_day,
              plain.model->arrivals.front().rate_per_day);
    EXPECT_EQ(uncertain.model->states.front().places, plain.model->states.front().places);
    // Identical models run identically: compare the whole output of a batch without draws.
    const auto nominal_run = [](const LoadedScenario& s) {
        return replications_csv(run_batch(*s.model, {.replications = 4, .seed = 5}).metrics);
    };
    EXPECT_EQ(nominal_run(uncertain), nominal_run(plain));
}

TEST(InputUncertainty, DrawsDependOnlyOnSeedReplicationAndPath) {
    const auto loaded = load(scenario("{uniform: {min: 50, max: 500}}"));
    const auto& u = *loaded.uncertainty;
    EXPECT_EQ(u.draw(42, 3).values, u.draw(42, 3).values);
    EXPECT_NE(u.draw(42, 3).values, u.draw(42, 4).values);
    EXPECT_NE(u.draw(42, 3).values, u.draw(43, 3).values);
    // A variant that adds another uncertain input draws the same rate (common random numbers).
    const auto variant = load(scenario("{uniform: {min: 50, max: 500}}",
                                       "{uniform: {min: 60 days, max: 90 days}}"));
    ASSERT_EQ(variant.uncertainty->keys().size(), 2u);
    for (std::uint32_t r = 0; r < 5; ++r) {
        EXPECT_EQ(variant.uncertainty->draw(42, r).values[1], u.draw(42, r).values[0]);
    }
}

TEST(InputUncertainty, EachReplicationRunsTheModelOfItsDraw) {
    const auto loaded = load(scenario("{uniform: {min: 50, max: 500}}", "73 days",
                                      "{uniform: {min: 10, max: 20}}"));
    const auto draw = loaded.uncertainty->draw(42, 0);
    ASSERT_EQ(draw.values.size(), 2u);
    EXPECT_EQ(draw.values[0], std::round(draw.values[0]));  // places are whole
    EXPECT_EQ(draw.model->states.front().places, static_cast<std::uint32_t>(draw.values[0]));
    EXPECT_DOUBLE_EQ(draw.model->arrivals.front().rate_per_day * 365.25, draw.values[1]);
}

TEST(InputUncertainty, BatchOutputIsTheSameOnAnyThreadCount) {
    const auto loaded = load(scenario("{lognormal: {median: 120, sd_log: 0.3}}",
                                      "{normal: {mean: 73 days, sd: 10 days, min: 30 days}}"));
    const std::string one = replications_text(loaded, 1);
    EXPECT_EQ(one, replications_text(loaded, 3));
    EXPECT_EQ(one, replications_text(loaded, 8));
}

TEST(InputUncertainty, ABatchReportsTheDrawsAndTheOutcomeFollowsThem) {
    const auto loaded = load(scenario("{uniform: {min: 50, max: 500}}"));
    const BatchResult batch = run_batch(*loaded.model, {.replications = 30, .seed = 9,
                                                        .uncertainty = loaded.uncertainty.get()});
    const auto rate = column(batch, "input", "arrivals.0.per_year");
    ASSERT_EQ(rate.size(), 30u);
    EXPECT_GT(*std::max_element(rate.begin(), rate.end()) -
                  *std::min_element(rate.begin(), rate.end()), 200.0);
    EXPECT_GT(correlation(rate, column(batch, "admissions", "care")), 0.9);
}

// Sample moments and quantiles of 4000 draws against the distribution's, within four
// standard errors (a quantile's standard error is sqrt(p (1 - p) / n) / density).
constexpr std::uint32_t n_draws = 4000;

TEST(InputDraws, LognormalHasItsMedianAndSpread) {
    const auto loaded = load(scenario("{lognormal: {median: 0.3, sd_log: 0.2}}"));
    const auto v = draws(*loaded.uncertainty, 0, n_draws);
    const double se_log = 0.2 / std::sqrt(n_draws);
    EXPECT_NEAR(std::log(sample_quantile(v, 0.5)), std::log(0.3), 4 * 1.2533 * se_log);
    EXPECT_NEAR(std::log(sample_quantile(v, 0.9)), std::log(0.3) + 0.2 * 1.28155,
                4 * 1.7094 * se_log);
    EXPECT_NEAR(mean(v), 0.3 * std::exp(0.02), 4 * 0.3 * 0.2 / std::sqrt(n_draws));
}

TEST(InputDraws, TruncatedNormalStaysAboveItsMinWithTheTruncatedMean) {
    const auto loaded = load(scenario("{normal: {mean: 100, sd: 20, min: 80}}"));
    const auto v = draws(*loaded.uncertainty, 0, n_draws);
    EXPECT_GE(*std::min_element(v.begin(), v.end()), 80.0);
    // Mean of a normal cut below at mean - sd: mean + sd phi(-1) / (1 - Phi(-1)).
    EXPECT_NEAR(mean(v), 100.0 + 20.0 * 0.241971 / 0.841345, 4 * 20.0 / std::sqrt(n_draws));
}

TEST(InputDraws, UniformAndTriangularHaveTheirMeansAndBounds) {
    const auto uniform = load(scenario("{uniform: {min: 50, max: 500}}"));
    const auto u = draws(*uniform.uncertainty, 0, n_draws);
    EXPECT_NEAR(mean(u), 275.0, 4 * 450.0 / std::sqrt(12.0 * n_draws));
    EXPECT_NEAR(sample_quantile(u, 0.25), 162.5, 4 * 450.0 * std::sqrt(0.1875 / n_draws));
    const auto triangular = load(scenario("{triangular: {min: 10, mode: 20, max: 60}}"));
    const auto t = draws(*triangular.uncertainty, 0, n_draws);
    const double sd_t = std::sqrt((100.0 + 400.0 + 3600.0 - 200.0 - 600.0 - 1200.0) / 18.0);
    EXPECT_NEAR(mean(t), 30.0, 4 * sd_t / std::sqrt(n_draws));
    EXPECT_GT(*std::min_element(t.begin(), t.end()), 10.0);
    EXPECT_LT(*std::max_element(t.begin(), t.end()), 60.0);
}

TEST(InputDraws, BetaAndGammaHaveTheirMeanAndSd) {
    const std::string share_scenario =
        scenario("100") + "re_entry: {share: {beta: {mean: 0.3, sd: 0.05}}, within: 1 year, "
                          "to: care}\n";
    const auto beta = load(share_scenario);
    const auto b = draws(*beta.uncertainty, 0, n_draws);
    EXPECT_NEAR(mean(b), 0.3, 4 * 0.05 / std::sqrt(n_draws));
    EXPECT_NEAR(sd(b), 0.05, 4 * 0.05 / std::sqrt(2.0 * n_draws));
    const auto gamma = load(scenario("{gamma: {mean: 200, sd: 50}}"));
    const auto g = draws(*gamma.uncertainty, 0, n_draws);
    EXPECT_NEAR(mean(g), 200.0, 4 * 50.0 / std::sqrt(n_draws));
    EXPECT_NEAR(sd(g), 50.0, 4 * 50.0 * std::sqrt(1.5 / n_draws));  // kurtosis 3 + 6 / shape
}

TEST(InputUncertainty, AnAliasedDistributionIsOneInputDrawnEverywhereItStands) {
    const std::string text = scenario("&rate {uniform: {min: 50, max: 500}}") +
                             "  - {to: care, per_year: *rate}\n";
    const auto loaded = load(text);
    ASSERT_EQ(loaded.uncertainty->keys().size(), 1u);
    const auto draw = loaded.uncertainty->draw(1, 2);
    EXPECT_EQ(draw.model->arrivals[0].rate_per_day, draw.model->arrivals[1].rate_per_day);
    EXPECT_DOUBLE_EQ(draw.model->arrivals[1].rate_per_day * 365.25, draw.values[0]);
}

TEST(InputUncertainty, SetAndExtendsCanGiveOrReplaceADistribution) {
    const auto set = load(scenario("120"),
                          {"arrivals.0.per_year={gamma: {mean: 120, sd: 20}}"});
    ASSERT_NE(set.uncertainty, nullptr);
    EXPECT_EQ(set.uncertainty->keys().front().state, "arrivals.0.per_year");
    // Back to a number on the command line: nothing left to draw.
    const auto fixed = load(scenario("{gamma: {mean: 120, sd: 20}}"), {"arrivals.0.per_year=90"});
    EXPECT_EQ(fixed.uncertainty, nullptr);
}

TEST(InputUncertainty, InExtendsAChildsDistributionOrNumberReplacesTheBasesWhole) {
    const auto child = load_scenario(std::string(CAREFLOW_SOURCE_DIR) +
                                     "/tests/scenarios/extends/uncertain_child.yaml");
    ASSERT_NE(child.uncertainty, nullptr);
    const std::vector<MetricKey> want{{.metric = "input", .state = "arrivals.0.per_year"}};
    EXPECT_EQ(child.uncertainty->keys(), want);
    EXPECT_DOUBLE_EQ(child.model->arrivals.front().rate_per_day * 365.25, 110.0);  // (80 + 140) / 2
    EXPECT_EQ(child.model->states.front().max_age_years, 18.0);
}

TEST(InputUncertainty, TwoInputsOfOneValueThatCanBreakARuleTogetherFailTheLoad) {
    // Each end of each range is fine with the other input nominal, and all lows and all highs
    // are fine together; a high min with a low max is not, and the load says so.
    const std::string text =
        "version: 2\n"
        "run: {horizon: 1 year, replications: 10, seed: 7}\n"
        "states:\n"
        "  - name: care\n"
        "    length_of_stay: {uniform: {min: {uniform: {min: 5 days, max: 15 days}},\n"
        "                               max: {uniform: {min: 12 days, max: 30 days}}}}\n"
        "    next: {exit: 1}\n"
        "arrivals:\n"
        "  - {to: care, per_year: 10}\n";
    try {
        (void)load(text);
        FAIL() << "a min that can be drawn above its max loaded";
    } catch (const ScenarioError& e) {
        const std::string message = e.diagnostics().front().message;
        EXPECT_EQ(message,
                  "states.care.length_of_stay.uniform.min can be drawn as 15 days and "
                  "states.care.length_of_stay.uniform.max as 12 days in the same replication, "
                  "which makes the scenario invalid");
    }
    // Ranges that cannot cross load, and every draw keeps min below max.
    std::string apart = text;
    apart.replace(apart.find("min: 12 days"), 12, "min: 16 days");
    const auto loaded = load(apart);
    for (std::uint32_t r = 0; r < 200; ++r) EXPECT_NO_THROW((void)loaded.uncertainty->draw(1, r));
}

TEST(InputUncertainty, ValuesThatShapeTheRunCannotBeDistributions) {
    const std::string text = "version: 2\n"
                             "run: {horizon: 2 years, replications: {uniform: {min: 5, max: 9}}, "
                             "seed: 1}\n"
                             "states:\n"
                             "  - {name: care, length_of_stay: {exponential: {mean: 9 days}}, "
                             "next: {exit: 1}}\n"
                             "arrivals:\n"
                             "  - {to: care, per_year: 10}\n";
    try {
        (void)load(text);
        FAIL() << "a distribution for run.replications loaded";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(format_all(e.diagnostics()),
                  "test.yaml:2:39: error: run.replications cannot be given as a distribution\n"
                  "  note: the run's settings are the same for every replication\n"
                  "  hint: write one value here; distributions are for model parameters such "
                  "as rates, shares, stays and places\n");
    }
}

}  // namespace
}  // namespace careflow
