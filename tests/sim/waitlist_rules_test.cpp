// Waitlists in whole runs: priority order against Cobham's formula, the norm against the M/M/1
// wait tail, reneging, and never_waits overflow.
#include "sim/care_flow_support.hpp"
#include "sim/simulation.hpp"
#include "support/queueing.hpp"
#include "support/replications.hpp"
#include "support/scenario_text.hpp"

#include <careflow/careflow.hpp>
#include <careflow/summary.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace careflow::sim {
namespace {

using namespace care_flow_testing;
using careflow::testing::erlang_c;
using careflow::testing::model_from_yaml;
using careflow::testing::replicate;
using careflow::testing::state_index;
using careflow::testing::year_of;
using careflow::testing::z_tolerance;

// ---------------------------------------------------------------------------------------
// Priority. Two classes share an M/M/2 state; after care each class goes to its own state,
// where it stays until it turns 18. Referred at 17.5, a youth's stay there is the half year
// left minus its wait and its care, so each class's mean wait can be read from it. Theory:
// non-preemptive priority M/M/c with equal service rates (Cobham): W_k = W0 / ((1 - s_{k+1})
// (1 - s_k)), W0 = C(c, a) / (c mu), s_k the load of classes k and above; FIFO: Erlang C.

constexpr double priority_arrivals_per_year = 72.8;  // rho = 0.7
constexpr double priority_severe_share = 0.25;
constexpr double priority_service_per_year = 52.0;
constexpr unsigned priority_places = 2;

constexpr std::string_view priority_yaml = R"(
version: 2
youth: {severity_levels: [light, severe]}
run: {horizon: 4 years, warmup: 3 years, replications: 1, seed: 1}
states:
  - name: care
    capacity: 2
    waitlist: {order}
    transitions:
      - {to: after_light, type: completion, per_year: 52, by_severity: {light: 1, severe: 0}}
      - {to: after_severe, type: completion, per_year: 52, by_severity: {light: 0, severe: 1}}
  - name: after_light
    transitions: [{to: exit, type: completion, after: {deterministic: 10 years}}]
  - name: after_severe
    transitions: [{to: exit, type: completion, after: {deterministic: 10 years}}]
arrivals:
  - to: care
    per_year: 72.8
    age: [[17.5, 17.5001, 1]]
    severity: {light: 0.75, severe: 0.25}
)";

struct ClassWaits {
    std::vector<double> light;
    std::vector<double> severe;
    std::vector<double> light_minus_severe;
};

/// Each replication's mean wait per class, read from the stays until 18 after care.
ClassWaits class_waits(std::string_view order) {
    const auto model = model_from_yaml(with(std::string(priority_yaml), "order", order));
    const double until_eighteen = (18.0 - (17.5 + 17.5001) / 2.0) * days_per_year;
    const double care_days = days_per_year / priority_service_per_year;
    const std::size_t light = state_index(*model, "after_light");
    const std::size_t severe = state_index(*model, "after_severe");
    ClassWaits out;
    for (const ReplicationMetrics& m : replicate(*model, 31, 200)) {
        out.light.push_back(until_eighteen - care_days - m.states[light].stay_days_mean);
        out.severe.push_back(until_eighteen - care_days - m.states[severe].stay_days_mean);
        out.light_minus_severe.push_back(out.light.back() - out.severe.back());
    }
    return out;
}

TEST(WaitlistPriority, SevereYouthsWaitAsCobhamsPriorityFormulaSaysAndLightOnesLonger) {
    const double lambda = priority_arrivals_per_year / days_per_year;
    const double mu = priority_service_per_year / days_per_year;
    const double p_wait = erlang_c(lambda, mu, priority_places).p_wait;
    const double w0 = p_wait / (priority_places * mu);
    const double severe_load = priority_severe_share * lambda / (priority_places * mu);
    const double load = lambda / (priority_places * mu);
    const double want_severe = w0 / (1.0 - severe_load);
    const double want_light = w0 / ((1.0 - severe_load) * (1.0 - load));

    const ClassWaits waits = class_waits("priority");
    expect_mean_near(waits.severe, want_severe, "severe mean wait, days");
    expect_mean_near(waits.light, want_light, "light mean wait, days");
    const Mean gap = mean_of(waits.light_minus_severe);
    EXPECT_GT(gap.mean, z_tolerance * gap.standard_error) << "light youths wait longer";
}

TEST(WaitlistPriority, WithFifoBothSeverityLevelsWaitTheErlangCWait) {
    const double lambda = priority_arrivals_per_year / days_per_year;
    const double mu = priority_service_per_year / days_per_year;
    const double want = erlang_c(lambda, mu, priority_places).mean_wait;

    const ClassWaits waits = class_waits("fifo");
    expect_mean_near(waits.severe, want, "severe mean wait, days");
    expect_mean_near(waits.light, want, "light mean wait, days");
    expect_mean_near(waits.light_minus_severe, 0.0, "light minus severe wait, days");
}

// ---------------------------------------------------------------------------------------
// Norm breaches. In an M/M/1 queue under FIFO the wait is 0 with probability 1 - rho and
// otherwise exponential with rate mu - lambda: P(W > t) = rho exp(-(mu - lambda) t).

TEST(WaitlistNorm, ShareOverTheNormIsTheMM1TailProbabilityOfTheWait) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 10 years, warmup: 2 years, replications: 1, seed: 1}
states:
  - name: care
    capacity: 1
    waitlist: {order: fifo, norm: 2 weeks}
    length_of_stay: {exponential: {mean: 14 days}}
    next: {exit: 1}
arrivals:
  - {to: care, per_year: 13}
)");
    const double lambda = 13.0 / days_per_year;
    const double mu = 1.0 / 14.0;
    const double rho = lambda / mu;
    const double norm_days = 14.0;
    std::vector<double> over_norm;
    std::vector<double> mean_wait;
    for (const ReplicationMetrics& m : replicate(*model, 41, 400)) {
        double breaches = 0.0;
        double admissions = 0.0;
        for (std::size_t year = 0; year < model->calendar.years(); ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            if (y.admissions == 0) continue;
            breaches += y.over_norm_share * as_double(y.admissions);
            admissions += as_double(y.admissions);
        }
        over_norm.push_back(breaches / admissions);
        mean_wait.push_back(m.states[0].wait_days_mean);
    }
    expect_mean_near(over_norm, rho * std::exp(-(mu - lambda) * norm_days),
                     "share of admissions that waited over 2 weeks");
    expect_mean_near(mean_wait, erlang_c(lambda, mu, 1).mean_wait, "mean wait, days");
}

// ---------------------------------------------------------------------------------------
// Reneging.

TEST(WaitlistReneging, WithNoPlacesEveryReferralRenegesAfterAMeanWaitOfOneOverTheRate) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, warmup: 2 years, replications: 1, seed: 1}
states:
  - name: closed
    capacity: 0
    waitlist: {renege_per_year: 4}
    length_of_stay: {exponential: {mean: 30 days}}
    next: {exit: 1}
arrivals:
  - {to: closed, per_year: 100}
)");
    const double referrals_per_year = 100.0;
    const double renege_per_year = 4.0;
    std::vector<double> reneged;
    std::vector<double> waiting;
    for (const ReplicationMetrics& m : replicate(*model, 51, 200)) {
        double total = 0.0;
        for (std::size_t year = 0; year < 3; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            EXPECT_EQ(y.admissions, 0u) << "nobody is admitted to a state without places";
            EXPECT_EQ(m.exits_by_year[year], y.reneged) << "giving up is the only way out";
            total += as_double(y.reneged);
        }
        reneged.push_back(total);
        waiting.push_back(m.states[0].waiting_mean);
    }
    // Steady state of an M/M/infinity waiting room: the giving up balances the referrals,
    // and by Little's law the number waiting is the referral rate times the mean wait 1/R.
    expect_mean_near(reneged, 3.0 * referrals_per_year, "reneged in 3 years");
    expect_mean_near(waiting, referrals_per_year / renege_per_year, "mean number waiting");
}

TEST(WaitlistReneging, RenegedCountMatchesTheRateTimesTheTimeWaitedInAFullState) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, warmup: 1 year, replications: 1, seed: 1}
states:
  - name: care
    capacity: 1
    waitlist: {renege_per_year: 2}
    length_of_stay: {exponential: {mean: 30 days}}
    next: {exit: 1}
arrivals:
  - {to: care, per_year: 50}
)");
    const double renege_per_day = 2.0 / days_per_year;
    const double window_days = model->run.horizon_days;
    std::vector<double> excess;
    for (const ReplicationMetrics& m : replicate(*model, 52, 200)) {
        double reneged = 0.0;
        for (std::size_t year = 0; year < 3; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            reneged += as_double(y.reneged);
            if (year == 0) continue;
            // Everyone referred joins this one state: the waitlist only changes by referrals,
            // admissions and giving up.
            const auto before = year_of(m, year - 1, 0).waitlist_end;
            EXPECT_EQ(before + m.referrals_by_year[year], y.admissions + y.reneged + y.waitlist_end)
                << "year " << year;
        }
        // Giving up is a Poisson process of rate R per waiting youth: its count minus
        // R x (youth-days waited) has mean zero.
        excess.push_back(reneged - renege_per_day * m.states[0].waiting_mean * window_days);
    }
    EXPECT_GT(mean_of(excess).standard_error, 0.0);
    expect_mean_near(excess, 0.0, "reneged minus rate x days waited");
}

// ---------------------------------------------------------------------------------------
// never_waits: the state is an M/M/infinity system; by PASTA an arrival finds N >= places
// with N ~ Poisson(a), a = lambda x mean stay, and each such arrival is an overflow.

double poisson_tail(double mean, unsigned at_least) {
    double term = std::exp(-mean);
    double below = 0.0;
    for (unsigned k = 0; k < at_least; ++k) {
        below += term;
        term *= mean / (k + 1);
    }
    return 1.0 - below;
}

TEST(NeverWaits, CrisisAdmitsEveryoneAndCountsArrivalsFindingItFullAsOverflows) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, warmup: 6 months, replications: 1, seed: 1}
states:
  - name: crisis
    kind: crisis
    capacity: 3
    never_waits: true
    waitlist: {renege_per_year: 50}
    length_of_stay: {exponential: {mean: 14 days}}
    next: {exit: 1}
arrivals:
  - {to: crisis, per_year: 78}
)");
    const double load = 78.0 * 14.0 / days_per_year;
    std::vector<double> overflow_share;
    std::vector<double> in_care;
    std::uint32_t most_in_care = 0;
    for (const ReplicationMetrics& m : replicate(*model, 61, 200)) {
        const StateMetrics& s = m.states[0];
        const std::vector<double> nobody_waits{0.0, 0.0, 0.0};
        EXPECT_EQ((std::vector<double>{s.waiting_mean, s.wait_days_mean, s.waited_share}),
                  nobody_waits)
            << "waiting mean, wait days, waited share";
        double overflows = 0.0;
        for (std::size_t year = 0; year < 3; ++year) {
            const YearStateMetrics& y = year_of(m, year, 0);
            EXPECT_EQ(y.waitlist_end, 0u);
            EXPECT_EQ(y.reneged, 0u);
            EXPECT_EQ(y.places_end, 3.0);
            overflows += as_double(y.overflows);
        }
        for (std::uint32_t stock : m.month_stock) most_in_care = std::max(most_in_care, stock);
        overflow_share.push_back(overflows / as_double(s.admissions));
        in_care.push_back(s.in_care_mean);
    }
    EXPECT_GT(most_in_care, 3u) << "overflow placements take the stock above the places";
    expect_mean_near(overflow_share, poisson_tail(load, 3), "overflows per admission");
    expect_mean_near(in_care, load, "mean number in care");
}

TEST(WaitlistReneging, AYouthAdmittedFromTheWaitlistNeverRenegesLater) {
    const auto model = model_from_yaml(R"(
version: 2
youth: {severity_levels: [light, frozen]}
run: {horizon: 5 years, replications: 1, seed: 1}
states:
  - name: care
    capacity: 1
    waitlist: {renege_per_year: 0.5}
    transitions:
      - {to: exit, type: completion, per_year: 12, by_severity: {light: 1, frozen: 0}}
  - name: other
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {to: other, per_year: 10}
initial_stock:
  - {state: care, count: 1}
  - {state: care, count: 1, severity: {frozen: 1}}
)");
    // The light youth leaves after about a month; the frozen youth waiting behind it is then
    // admitted (or, in 4 % of runs, gives up first) and, with no clock, stays for good.
    for (const ReplicationMetrics& m : replicate(*model, 161, 50)) {
        std::uint64_t admitted = 0;
        std::uint64_t reneged = 0;
        for (std::size_t year = 0; year < 5; ++year) {
            admitted += year_of(m, year, 0).admissions;
            reneged += year_of(m, year, 0).reneged;
            EXPECT_LE(year_of(m, year, 0).waitlist_end, 1u) << year_label(year);
        }
        EXPECT_EQ(admitted + reneged, 1u) << "admitted " << admitted << ", reneged " << reneged;
    }
}

}  // namespace
}  // namespace careflow::sim
