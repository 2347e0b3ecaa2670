// Clocks that run while a youth waits, against queueing theory: giving up (or escalating) at a
// constant rate is the Erlang A queue M/M/c+M; deterioration in a FIFO M/M/1 line follows
// from the exponential wait; a hazard that grows with the wait gives a known mean time to give
// up, read through Little's law on a line nobody leaves for care.
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <careflow/summary.hpp>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <ostream>
#include <string>
#include <vector>

namespace careflow::testing {
namespace {

constexpr double days_per_year = 365.25;
constexpr double days_per_week = 7.0;

/// Mean and standard error of one value per replication.
Estimate over_replications(const std::vector<double>& values) {
    const Summary s = summarize(values);
    return {s.mean, s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n)), s.n};
}

/// A per-year count summed over the measured years, one value per replication.
std::vector<double> summed_over_years(const BatchResult& batch, const Model& model,
                                      const std::string& metric, const std::string& state) {
    std::vector<double> sums;
    for (const std::string& year : model.calendar.year_labels) {
        const auto values = column(batch, metric, state, year);
        sums.resize(values.size(), 0.0);
        for (std::size_t r = 0; r < values.size(); ++r) sums[r] += values[r];
    }
    return sums;
}

std::vector<double> divided(const std::vector<double>& numerator,
                            const std::vector<double>& denominator) {
    std::vector<double> out(numerator.size());
    for (std::size_t r = 0; r < out.size(); ++r) out[r] = numerator[r] / denominator[r];
    return out;
}

/// Within z_tolerance standard errors of theory, and the tolerance itself below `tight` of the
/// value, so that too few replications cannot pass vacuously.
void expect_matches_theory(const Estimate& got, double want, double tight,
                           const std::string& what) {
    EXPECT_LT(z_tolerance * got.standard_error, tight * want)
        << what << ": too few replications (" << got.mean << " ± " << got.standard_error << ")";
    EXPECT_NEAR(got.mean, want, z_tolerance * got.standard_error)
        << what << ": mean " << got.mean << " ± " << got.standard_error << " vs theory " << want;
    ::testing::Test::RecordProperty(what, fmt::format("{:.5f} ± {:.5f} vs theory {:.5f}",
                                                      got.mean, got.standard_error, want));
}

// ---------------------------------------------------------------------------------------
// The closed forms themselves, before they judge the kernel.

TEST(ErlangAClosedForm, ReducesToErlangCWhenNobodyGivesUp) {
    const ErlangATheory a = erlang_a(2.4, 1.0, 3, 1e-12);
    const MmcTheory c = erlang_c(2.4, 1.0, 3);
    EXPECT_NEAR(a.p_wait, c.p_wait, 1e-9);
    EXPECT_NEAR(a.mean_wait_admitted, c.mean_wait, 1e-8);
    EXPECT_NEAR(a.mean_queue, c.mean_queue, 1e-8);
    EXPECT_NEAR(a.p_abandon, 0.0, 1e-9);
}

TEST(ErlangAClosedForm, CountsTheAbandonedAlikeByLittlesLawAndByTheirPathThroughTheLine) {
    for (const unsigned servers : {1u, 3u, 10u}) {
        const ErlangATheory a = erlang_a(1.2 * servers, 1.0, servers, 0.5);
        EXPECT_NEAR(a.p_abandon, a.p_abandon_by_path, 1e-12) << servers << " servers";
        // Departures balance arrivals: served ones finish at the rate of busy servers.
        EXPECT_NEAR(a.mean_in_service, 1.2 * servers * (1.0 - a.p_abandon), 1e-9);
    }
}

TEST(GrowingHazardClosedForm, MatchesTheErrorFunctionFormAndTheExponentialWithoutGrowth) {
    EXPECT_NEAR(growing_hazard_mean_time(0.25, 0.0), 4.0, 1e-9);
    // The integral of exp(-a t - b t^2) is sqrt(pi / 4b) exp(a^2 / 4b) erfc(a / (2 sqrt b)).
    const double rate = 12.0 / days_per_year;
    const double growth = 0.5 / days_per_week;
    const double a = rate;
    const double b = rate * growth / 2.0;
    const double want = std::sqrt(std::numbers::pi / (4.0 * b)) * std::exp(a * a / (4.0 * b)) *
                        std::erfc(a / (2.0 * std::sqrt(b)));
    EXPECT_NEAR(growing_hazard_mean_time(rate, growth), want, 1e-9 * want);
}

// ---------------------------------------------------------------------------------------
// Erlang A. Stays exponential with mean 1 day (mu = 1), lambda = load * c per day; every youth
// in line has one or more constant-rate clocks that take it out of the line, theta per day in
// all. Which clock fires does not matter to the line: a renege, an escalation to another state
// with unlimited places and a recovery are alike to it, so each must give Erlang A.
//
// The share leaving the line is counted per replication as (leavings over the window) /
// (referrals over the window). Referrals are a Poisson process: their expectation is lambda T
// whatever the line holds when the window opens. Leavings come at rate theta Lq(t), lambda
// P(abandon) T in expectation once the line is in steady state. Dividing instead by
// (leavings + admissions) would count referrals + Lq(0) - Lq(T): also right in expectation in
// steady state, as Lq(0) and Lq(T) then have one law, but it carries the warm-up's error in
// the denominator too. Either ratio of two counts has a bias of order 1 / (arrivals per
// replication), here 20 000 to 80 000: far below the standard error.
// Each case has its own seed: with a shared one, renege and escalation would give the very same
// line (see the test after these) and so only one independent check.

struct LeavingCount {
    const char* metric;  ///< a per-year count of the line's state
    double share;        ///< its clock's share of theta
};

struct ErlangACase {
    const char* name;
    unsigned servers;
    double load;           ///< lambda / (c mu)
    double theta_per_day;  ///< all the clocks that take a youth out of the line
    const char* waitlist;  ///< the state's waitlist, YAML
    std::vector<LeavingCount> leaving;
    std::uint32_t replications;
    std::uint64_t seed;
};

void PrintTo(const ErlangACase& c, std::ostream* os) { *os << c.name; }

std::string erlang_a_yaml(const ErlangACase& c) {
    return fmt::format(R"(
version: 2
run: {{horizon: 60 years, warmup: 1 year, replications: {}, seed: {}}}
states:
  - name: queue
    capacity: {}
    length_of_stay: {{exponential: {{mean: 1 day}}}}
    next: {{exit: 1}}
    waitlist: {}
  - name: elsewhere
    capacity: unlimited
    length_of_stay: {{exponential: {{mean: 3 days}}}}
    next: {{exit: 1}}
arrivals:
  - {{to: queue, per_year: {}}}
)", c.replications, c.seed, c.servers, c.waitlist, c.load * c.servers * days_per_year);
}

class ErlangA : public ::testing::TestWithParam<ErlangACase> {};

TEST_P(ErlangA, ShareLeavingTheLineAndMeanWaitOfTheAdmittedMatchTheory) {
    const ErlangACase c = GetParam();
    const auto model = model_from_yaml(erlang_a_yaml(c));
    const auto batch = run_batch(*model, {.replications = c.replications, .seed = c.seed});
    const double lambda = c.load * c.servers;
    const ErlangATheory theory = erlang_a(lambda, 1.0, c.servers, c.theta_per_day);

    const auto referrals = column(batch, "referrals");
    std::vector<double> left(referrals.size(), 0.0);
    for (const LeavingCount& count : c.leaving) {
        const auto by_this = summed_over_years(batch, *model, count.metric, "queue");
        for (std::size_t r = 0; r < left.size(); ++r) left[r] += by_this[r];
        if (c.leaving.size() > 1) {
            expect_matches_theory(over_replications(divided(by_this, referrals)),
                                  count.share * theory.p_abandon, 0.04,
                                  std::string("share leaving by ") + count.metric);
        }
    }
    expect_matches_theory(over_replications(divided(left, referrals)), theory.p_abandon, 0.03,
                          "share leaving the line");
    expect_matches_theory(estimate(batch, "wait_days_mean", "queue"), theory.mean_wait_admitted,
                          0.03, "mean wait of the admitted, days");
    expect_matches_theory(estimate(batch, "waiting_mean", "queue"), theory.mean_queue, 0.03,
                          "mean line length");
    expect_matches_theory(estimate(batch, "in_care_mean", "queue"), theory.mean_in_service, 0.03,
                          "mean places taken");
}

// theta = 0.5 per day = 182.625 per year.
INSTANTIATE_TEST_SUITE_P(
    AbandonmentAtAConstantRate, ErlangA,
    ::testing::Values(
        ErlangACase{"MM1_load_0_90_renege", 1, 0.90, 0.5,
                    "{while_waiting: [{type: renege, per_year: 182.625}]}",
                    {{"reneged", 1.0}}, 40, 20261211},
        ErlangACase{"MM1_load_0_90_escalation", 1, 0.90, 0.5,
                    "{while_waiting: [{type: escalation, to: elsewhere, per_year: 182.625}]}",
                    {{"waiting_escalations", 1.0}}, 40, 20261212},
        ErlangACase{"MM3_load_1_20_renege", 3, 1.20, 0.5,
                    "{while_waiting: [{type: renege, per_year: 182.625}]}",
                    {{"reneged", 1.0}}, 40, 20261213},
        ErlangACase{"MM3_load_1_20_escalation", 3, 1.20, 0.5,
                    "{while_waiting: [{type: escalation, to: elsewhere, per_year: 182.625}]}",
                    {{"waiting_escalations", 1.0}}, 40, 20261214},
        ErlangACase{"MM3_load_1_20_short_form_renege", 3, 1.20, 0.5,
                    "{order: fifo, renege_per_year: 182.625}", {{"reneged", 1.0}}, 40, 20261215},
        // 0.3 + 0.2 per day: the line sees 0.5, split 60:40 between the two ways out.
        ErlangACase{"MM3_load_1_20_renege_and_recovery", 3, 1.20, 0.5,
                    "{while_waiting: [{type: renege, per_year: 109.575}, "
                    "{type: recovery, per_year: 73.05}]}",
                    {{"reneged", 0.6}, {"waiting_recoveries", 0.4}}, 40, 20261216}),
    [](const auto& test) { return std::string(test.param.name); });

// Escalating out of the line and giving up draw the same uniform (one per clock, in order), and
// each youth draws from its own stream: with the same seed the line must be the same, youth
// for youth, whatever happens to the escalated afterwards.
TEST(WaitingClocks, EscalationAndRenegeAtTheSameRateLeaveTheSameLineUnderTheSameSeed) {
    ErlangACase c{"", 3, 1.20, 0.5, "", {}, 4, 77};
    c.waitlist = "{while_waiting: [{type: renege, per_year: 182.625}]}";
    const auto renege_model = model_from_yaml(erlang_a_yaml(c));
    c.waitlist = "{while_waiting: [{type: escalation, to: elsewhere, per_year: 182.625}]}";
    const auto escalation_model = model_from_yaml(erlang_a_yaml(c));
    const auto renege = run_batch(*renege_model, {.replications = 4, .seed = 77});
    const auto escalation = run_batch(*escalation_model, {.replications = 4, .seed = 77});

    for (const char* metric : {"wait_days_mean", "waiting_mean", "admissions", "in_care_mean"}) {
        EXPECT_EQ(column(renege, metric, "queue"), column(escalation, metric, "queue")) << metric;
    }
    EXPECT_EQ(summed_over_years(renege, *renege_model, "reneged", "queue"),
              summed_over_years(escalation, *escalation_model, "waiting_escalations", "queue"));
    const auto none = std::vector<double>(4, 0.0);
    EXPECT_EQ(summed_over_years(renege, *renege_model, "waiting_escalations", "queue"), none);
    EXPECT_EQ(summed_over_years(escalation, *escalation_model, "reneged", "queue"), none);
    // The escalated are admitted to the other state at once (unlimited places), the others never.
    EXPECT_EQ(column(escalation, "admissions", "elsewhere"),
              summed_over_years(escalation, *escalation_model, "waiting_escalations", "queue"));
    EXPECT_EQ(column(renege, "admissions", "elsewhere"), none);
}

// ---------------------------------------------------------------------------------------
// Deterioration in a FIFO M/M/1 line (lambda = 0.7, mu = 1 per day): it changes severity
// only, not the order or the stays, so the wait stays M/M/1 — 0 with probability 1 - rho,
// else exponential with rate mu - lambda. A clock of constant rate theta then fires before
// the wait ends with probability theta / (theta + mu - lambda): with two levels (one step
// possible) the share of arrivals that deteriorate is rho theta / (theta + mu - lambda); with
// thirty levels (the top never reached: P(29 steps) < 2e-6) the steps per arrival are
// theta E[Wq] = theta rho / (mu - lambda).

constexpr double deterioration_lambda = 0.7;
constexpr double deterioration_theta = 0.5;

std::string deterioration_yaml(const std::string& levels, std::uint32_t replications) {
    return fmt::format(R"(
version: 2
youth: {{severity_levels: [{}]}}
run: {{horizon: 100 years, warmup: 1 year, replications: {}, seed: 20261202}}
states:
  - name: queue
    capacity: 1
    length_of_stay: {{exponential: {{mean: 1 day}}}}
    next: {{exit: 1}}
    waitlist:
      order: fifo
      while_waiting:
        - {{type: deterioration, per_year: {}}}
arrivals:
  - {{to: queue, per_year: {}, severity: {{l0: 1}}}}
)", levels, replications, deterioration_theta * days_per_year,
                       deterioration_lambda * days_per_year);
}

std::string level_names(int count) {
    std::string names = "l0";
    for (int i = 1; i < count; ++i) names += fmt::format(", l{}", i);
    return names;
}

TEST(WaitingDeterioration, WithTwoLevelsTheShareDeterioratingIsRhoThetaOverThetaPlusMuMinusLambda) {
    constexpr std::uint32_t replications = 80;
    const auto model = model_from_yaml(deterioration_yaml(level_names(2), replications));
    const auto batch = run_batch(*model, {.replications = replications, .seed = 20261202});
    const double rho = deterioration_lambda;  // mu = 1
    const double gap = 1.0 - deterioration_lambda;

    const auto steps = summed_over_years(batch, *model, "waiting_deteriorations", "queue");
    expect_matches_theory(over_replications(divided(steps, column(batch, "referrals"))),
                          rho * deterioration_theta / (deterioration_theta + gap), 0.03,
                          "share deteriorating");
    expect_matches_theory(estimate(batch, "wait_days_mean", "queue"), rho / gap, 0.03,
                          "mean wait, days");
}

TEST(WaitingDeterioration, WithManyLevelsTheStepsPerArrivalAreThetaTimesTheMeanWait) {
    constexpr std::uint32_t replications = 80;
    const auto model = model_from_yaml(deterioration_yaml(level_names(30), replications));
    const auto batch = run_batch(*model, {.replications = replications, .seed = 20261203});
    const double mean_wait = deterioration_lambda / (1.0 - deterioration_lambda);

    const auto steps = summed_over_years(batch, *model, "waiting_deteriorations", "queue");
    expect_matches_theory(over_replications(divided(steps, column(batch, "referrals"))),
                          deterioration_theta * mean_wait, 0.03, "deteriorations per arrival");
    expect_matches_theory(estimate(batch, "wait_days_mean", "queue"), mean_wait, 0.03,
                          "mean wait, days");
    // The region's count is the sum over states; here there is one.
    EXPECT_EQ(steps, summed_over_years(batch, *model, "waiting_deteriorations", ""));
}

// ---------------------------------------------------------------------------------------
// A renege hazard that grows with the wait: r (1 + g t) per day at wait t. Nobody is ever
// admitted (no places), so every youth leaves by giving up, after a time with survival
// exp(-r t - r g t^2 / 2). In steady state, Little's law on the line: youth-days in line over
// the window / youths giving up over the window = the mean time to give up.

constexpr double growing_per_year = 12.0;
constexpr double growing_per_week = 0.5;
constexpr double growing_arrivals_per_year = 3652.5;  // 10 a day

TEST(WaitingGrowingHazard, MeanTimeToGiveUpIsTheIntegralOfTheSurvival) {
    constexpr std::uint32_t replications = 20;
    const auto model = model_from_yaml(fmt::format(R"(
version: 2
run: {{horizon: 10 years, warmup: 1 year, replications: {}, seed: 20261204}}
states:
  - name: nowhere
    capacity: 0
    length_of_stay: {{exponential: {{mean: 1 day}}}}
    next: {{exit: 1}}
    waitlist:
      while_waiting:
        - {{type: renege, per_year: {}, growth_per_week: {}}}
arrivals:
  - {{to: nowhere, per_year: {}}}
)", replications, growing_per_year, growing_per_week, growing_arrivals_per_year));
    const auto batch = run_batch(*model, {.replications = replications, .seed = 20261204});
    const double want = growing_hazard_mean_time(growing_per_year / days_per_year,
                                                 growing_per_week / days_per_week);

    const auto youth_days = summed_over_years(batch, *model, "wait_youth_days", "nowhere");
    const auto reneged = summed_over_years(batch, *model, "reneged", "nowhere");
    expect_matches_theory(over_replications(divided(youth_days, reneged)), want, 0.03,
                          "mean time to give up, days");
    const double years = static_cast<double>(model->calendar.year_labels.size());
    std::vector<double> per_year(reneged.size());
    for (std::size_t r = 0; r < reneged.size(); ++r) per_year[r] = reneged[r] / years;
    expect_matches_theory(over_replications(per_year), growing_arrivals_per_year, 0.03,
                          "giving up per year");
    EXPECT_EQ(estimate(batch, "admissions", "nowhere").mean, 0.0);
}

}  // namespace
}  // namespace careflow::testing
