// A valid scenario resolves to the expected Model: ids for names, days for durations.
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

namespace careflow {
namespace {

constexpr double days_per_year = 365.25;
constexpr double days_per_month = days_per_year / 12.0;

// Twelve significant digits: exact for the unit conversions, yet blind to the last-bit
// differences of computing a moment in another order.
std::string num(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return text;
}

std::string numbers(const std::vector<double>& values) {
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) text += (i == 0 ? "" : ", ") + num(values[i]);
    return text + "]";
}

std::string dump(const Distribution& d) {
    return "kind=" + std::to_string(static_cast<int>(d.kind)) + " shape=" + num(d.shape) +
           " scale=" + num(d.scale) + " low=" + num(d.low) + " high=" + num(d.high) +
           " values_days=" + numbers(d.values_days) + " cumulative=" + numbers(d.cumulative) +
           " interpolate=" + (d.interpolate ? "true" : "false") + " mean=" + num(d.mean_days) +
           " variance=" + num(d.variance_days2);
}

std::string dump(StateId id) {
    return id == StateId::exit ? std::string("exit") : std::to_string(index(id));
}

/// The whole model as text, one field a line, so a mismatch shows as a readable diff.
std::string dump(const Model& m) {
    std::string text = "version " + std::to_string(m.version) + "\nname '" + m.name +
                       "'\ndescription '" + m.description + "'\nrun warmup " +
                       num(m.run.warmup_days) + " horizon " + num(m.run.horizon_days) +
                       " replications " + std::to_string(m.run.replications) + " seed " +
                       std::to_string(m.run.seed) + "\n";
    for (std::size_t i = 0; i < m.states.size(); ++i) {
        const CareState& s = m.states[i];
        text += "state " + std::to_string(i) + " '" + s.name + "' label '" + s.label +
                "' segment '" + s.segment + "' places " +
                (s.places ? std::to_string(*s.places) : std::string("unlimited")) +
                " waitlist " + std::to_string(static_cast<int>(s.waitlist.order)) + "\n  stay " +
                (s.length_of_stay ? dump(*s.length_of_stay) : std::string("none")) + "\n";
        for (const Route& r : s.next) {
            text += "  next " + dump(r.to) + " p " + num(r.probability) + "\n";
        }
    }
    for (const ArrivalStream& a : m.arrivals) {
        text += "arrivals '" + a.name + "' to";
        for (StateId to : a.to_by_severity) text += " " + dump(to);
        text += " per_day " + num(a.rate_per_day) + "\n";
    }
    return text;
}

constexpr StateId intake = make_id<StateId>(0);
constexpr StateId care = make_id<StateId>(1);
constexpr StateId home = make_id<StateId>(2);

TEST(LoadScenario, ResolvesNamesUnitsRoutesAndRunSettings) {
    const auto got = testing::model_from_yaml(R"(
# A small region, with comments everywhere.
version: 1   # the format version
name: test-region
description: Three states and three referral streams

run:              # run settings
  horizon: 2 years
  warmup: 6 months
  replications: 40
  seed: 12345
  # end of the run settings

states:
  # the first state
  - name: intake
    label: Local team
    segment: A
    capacity: unlimited   # free access
    length_of_stay: {deterministic: 2 weeks}
    next: {care: 0.25, exit: 0.75}

  - name: care
    segment: B
    capacity: 60
    waitlist: fifo
    length_of_stay:
      gamma: {mean: 90 days, cv: 0.5}   # shape 4, scale 22.5 days
    next:
      intake: 0.1   # back to the local team
      exit: 0.9

  - name: home      # no capacity: unlimited
    length_of_stay: {uniform: {min: 1 month, max: 1 year}}
    next: {exit: 1}

arrivals:
  - {name: via GP, to: care, per_year: 73.05}
  - to: intake      # unnamed: takes the state's name
    per_year: 365.25
  - {to: home, per_year: 12}
# the end
)");
    const double width = days_per_year - days_per_month;
    const Model want{
        .version = 1,
        .name = "test-region",
        .description = "Three states and three referral streams",
        .states = {
            CareState{.name = "intake", .label = "Local team", .segment = "A",
                      .length_of_stay = Distribution{.kind = DistributionKind::deterministic, .scale = 14.0,
                                         .mean_days = 14.0, .variance_days2 = 0.0},
                      .next = {{care, 0.25}, {StateId::exit, 0.75}}},
            CareState{.name = "care", .segment = "B", .places = 60,
                      .length_of_stay = Distribution{.kind = DistributionKind::gamma, .shape = 4.0,
                                         .scale = 22.5, .mean_days = 90.0,
                                         .variance_days2 = 2025.0},
                      .next = {{intake, 0.1}, {StateId::exit, 0.9}}},
            CareState{.name = "home",
                      .length_of_stay = Distribution{.kind = DistributionKind::uniform,
                                         .low = days_per_month, .high = days_per_year,
                                         .mean_days = (days_per_month + days_per_year) / 2.0,
                                         .variance_days2 = width * width / 12.0},
                      .next = {{StateId::exit, 1.0}}},
        },
        .arrivals = {{.name = "via GP", .to_by_severity = {care}, .rate_per_day = 0.2},
                     {.name = "intake", .to_by_severity = {intake}, .rate_per_day = 1.0},
                     {.name = "home", .to_by_severity = {home},
                      .rate_per_day = 12.0 / days_per_year}},
        .run = {.warmup_days = 182.625, .horizon_days = 730.5, .replications = 40,
                .seed = 12345},
    };
    EXPECT_EQ(dump(*got), dump(want));
}

TEST(LoadScenario, WarmupNameAndDescriptionAreOptional) {
    const auto got = testing::model_from_yaml(R"(
version: 1
run: {horizon: 100 days, replications: 1, seed: 0}
states:
  - {name: care, capacity: 0, length_of_stay: {exponential: {mean: 1 week}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 1}]
)");
    const Model want{
        .states = {CareState{.name = "care", .places = 0,
                             .length_of_stay = Distribution{.kind = DistributionKind::exponential,
                                                .scale = 7.0, .mean_days = 7.0,
                                                .variance_days2 = 49.0},
                             .next = {{StateId::exit, 1.0}}}},
        .arrivals = {{.name = "care", .to_by_severity = {make_id<StateId>(0)},
                      .rate_per_day = 1.0 / days_per_year}},
        .run = {.warmup_days = 0.0, .horizon_days = 100.0, .replications = 1, .seed = 0},
    };
    EXPECT_EQ(dump(*got), dump(want));
}

TEST(LoadScenario, RoutesWithProbabilityZeroAreDropped) {
    const auto got = testing::model_from_yaml(R"(
version: 1
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - {name: intake, length_of_stay: {deterministic: 1 day}, next: {care: 0, exit: 1.0}}
  - {name: care, length_of_stay: {deterministic: 1 day}, next: {intake: 0.5, exit: 0.5}}
arrivals: [{to: intake, per_year: 10}]
)");
    EXPECT_EQ(dump(got->state(intake).next.at(0).to), "exit");
    EXPECT_EQ(got->state(intake).next.size(), 1u);
    EXPECT_EQ(got->state(care).next.size(), 2u);
}

TEST(LoadScenario, EveryDistributionKindResolvesToItsSamplerParametersAndMoments) {
    const auto got = testing::model_from_yaml(R"(
version: 1
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - {name: exponential, length_of_stay: {exponential: {mean: 3 years}}, next: {exit: 1}}
  - {name: gamma, length_of_stay: {gamma: {shape: 2, scale: 10 days}}, next: {exit: 1}}
  - {name: lognormal, length_of_stay: {lognormal: {median: 100 days, sd_log: 0.5}},
     next: {exit: 1}}
  - {name: weibull, length_of_stay: {weibull: {shape: 2, scale: 100 days}}, next: {exit: 1}}
  - {name: steps, next: {exit: 1},
     length_of_stay: {empirical: {table: [[1 week, 0.5], [1 month, 0.5]]}}}
  - name: linear
    next: {exit: 1}
    length_of_stay:
      empirical:
        interpolate: true
        table:             # uniform on [0, 20] days, in two pieces
          - [10 days, 0.5]
          - [20 days, 0.5]
arrivals: [{to: exponential, per_year: 1}]
)");
    const double pi = std::numbers::pi;
    const double lognormal_mean = 100.0 * std::exp(0.125);
    const std::vector<Distribution> want{
        {.kind = DistributionKind::exponential, .scale = 1095.75, .mean_days = 1095.75,
         .variance_days2 = 1095.75 * 1095.75},
        {.kind = DistributionKind::gamma, .shape = 2.0, .scale = 10.0, .mean_days = 20.0,
         .variance_days2 = 200.0},
        {.kind = DistributionKind::lognormal, .shape = 0.5, .scale = 100.0,
         .mean_days = lognormal_mean,
         .variance_days2 = (std::exp(0.25) - 1.0) * lognormal_mean * lognormal_mean},
        {.kind = DistributionKind::weibull, .shape = 2.0, .scale = 100.0,
         .mean_days = 100.0 * std::sqrt(pi) / 2.0, .variance_days2 = 10000.0 * (1.0 - pi / 4.0)},
        {.kind = DistributionKind::empirical, .values_days = {7.0, days_per_month},
         .cumulative = {0.5, 1.0}, .mean_days = (7.0 + days_per_month) / 2.0,
         .variance_days2 = 0.25 * (days_per_month - 7.0) * (days_per_month - 7.0)},
        {.kind = DistributionKind::empirical, .values_days = {10.0, 20.0},
         .cumulative = {0.5, 1.0}, .interpolate = true, .mean_days = 10.0,
         .variance_days2 = 400.0 / 12.0},
    };
    ASSERT_EQ(got->state_count(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(dump(*got->states[i].length_of_stay), dump(want[i])) << got->states[i].name;
    }
}

TEST(LoadScenario, LognormalGivenMeanAndSdKeepsThatMeanAndSd) {
    const auto got = testing::model_from_yaml(R"(
version: 1
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - {name: care, length_of_stay: {lognormal: {mean: 285 days, sd: 250 days}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 1}]
)");
    const Distribution& d = *got->states.at(0).length_of_stay;
    EXPECT_EQ(d.kind, DistributionKind::lognormal);
    EXPECT_NEAR(d.mean_days, 285.0, 1e-9);
    EXPECT_NEAR(std::sqrt(d.variance_days2), 250.0, 1e-9);
    // The sampler draws exp(N(log(median), sd_log)): median and sd_log follow from the moments.
    const double sigma2 = std::log1p((250.0 * 250.0) / (285.0 * 285.0));
    EXPECT_NEAR(d.shape, std::sqrt(sigma2), 1e-12);
    EXPECT_NEAR(d.scale, 285.0 * std::exp(-sigma2 / 2.0), 1e-9);
}

TEST(LoadScenario, WarningsDoNotStopAModelFromLoading) {
    // 365.25 referrals a year x 30 days = 30 places offered to 10.
    const LoadedScenario loaded = load_scenario_text(R"(version: 1
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - {name: care, capacity: 10, length_of_stay: {deterministic: 30 days}, next: {exit: 1}}
arrivals: [{to: care, per_year: 365.25}]
)", "test.yaml");
    ASSERT_NE(loaded.model, nullptr);
    ASSERT_EQ(loaded.warnings.size(), 1u);
    EXPECT_EQ(loaded.warnings.front().severity, Severity::warning);
    EXPECT_EQ(loaded.model->states.at(0).places, 10u);
}

TEST(LoadScenario, ALineHasAtMost256WaitingClocks) {
    // Each join draws over every clock of the line, and the kernel keeps a clock's index in
    // 16 bits: the count is bounded before anything is spent on it.
    auto scenario_with = [](int clocks) {
        std::string text = R"(version: 2
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - name: care
    capacity: 1
    length_of_stay: {deterministic: 30 days}
    next: {exit: 1}
    waitlist:
      while_waiting:
)";
        for (int i = 0; i < clocks; ++i) text += "        - {type: recovery, per_year: 0.1}\n";
        return text + "arrivals: [{to: care, per_year: 10}]\n";
    };
    EXPECT_EQ(load_scenario_text(scenario_with(256), "ok.yaml").model->states[0]
                  .waitlist.clocks.size(),
              256u);
    try {
        (void)load_scenario_text(scenario_with(257), "bad.yaml");
        FAIL() << "257 clocks were accepted";
    } catch (const ScenarioError& e) {
        ASSERT_EQ(e.diagnostics().size(), 1u);
        EXPECT_EQ(e.diagnostics().front().message,
                  "states.care.waitlist.while_waiting has 257 clocks, more than the 256 a line "
                  "may have");
        EXPECT_EQ(e.diagnostics().front().where.line, 10);  // the list's first item
    }
}

}  // namespace
}  // namespace careflow
