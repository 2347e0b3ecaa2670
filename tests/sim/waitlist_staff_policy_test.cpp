// Waitlists (priority, norm, reneging, never_waits), staff-derived capacity and dated policies,
// each checked against a closed form or an exact count.
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

using careflow::testing::erlang_c;
using careflow::testing::model_from_yaml;
using careflow::testing::z_tolerance;

constexpr double days_per_year = 365.25;

using careflow::testing::replicate;
using careflow::testing::state_index;
using careflow::testing::year_of;

double as_double(std::uint64_t n) { return static_cast<double>(n); }

/// `text` with every `{key}` replaced by `value`.
std::string with(std::string text, std::string_view key, std::string_view value) {
    const std::string marker = "{" + std::string(key) + "}";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
        text.replace(at, marker.size(), value);
    }
    return text;
}

struct Mean {
    double mean = 0.0;
    double standard_error = 0.0;
};

Mean mean_of(const std::vector<double>& values) {
    const Summary s = summarize(values);
    return {s.mean, s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n))};
}

/// Expects the mean of `values` (one per replication) within z_tolerance standard errors of
/// `theory`, the standard error being the replications' own.
void expect_mean_near(const std::vector<double>& values, double theory, const std::string& what) {
    const Mean m = mean_of(values);
    EXPECT_NEAR(m.mean, theory, z_tolerance * m.standard_error)
        << what << ": theory " << theory << ", SE " << m.standard_error;
}

/// One dated metric (a year's, or in the timeseries a month's) in every replication.
std::vector<double> dated_column(const MetricTable& table, std::string_view metric,
                                 std::string_view state, std::string_view when) {
    for (std::size_t k = 0; k < table.keys.size(); ++k) {
        const MetricKey& key = table.keys[k];
        if (key.metric != metric || key.state != state || key.year != when) continue;
        std::vector<double> values;
        for (const auto& replication : table.values) values.push_back(replication[k]);
        return values;
    }
    throw std::invalid_argument("no metric " + std::string(metric) + " for '" +
                                std::string(state) + "' in '" + std::string(when) + "'");
}

std::string year_label(std::size_t year) { return "year " + std::to_string(year + 1); }

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

// ---------------------------------------------------------------------------------------
// Staff. With attrition only each FTE leaves independently at rate a: the staff at t is
// Binomial(fte, exp(-a t)), so its mean is fte exp(-a t) and the places' mean is
// E[floor(caseload x F)] over that binomial.

double binomial_mean_of(unsigned n, double p, double (*f)(unsigned)) {
    double sum = 0.0;
    double choose = 1.0;
    for (unsigned k = 0; k <= n; ++k) {
        sum += choose * std::pow(p, k) * std::pow(1.0 - p, n - k) * f(k);
        choose = choose * (n - k) / (k + 1);
    }
    return sum;
}

TEST(StaffCapacity, WithAttritionOnlyStaffDecayExponentiallyAndPlacesFollowRoundedDown) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 5 years, replications: 1, seed: 1}
states:
  - name: residential
    capacity: {fte: 20, caseload_per_fte: 1.5, attrition_per_year: 0.2}
    length_of_stay: {exponential: {mean: 3 months}}
    next: {exit: 1}
  - name: shrinking
    capacity: {fte: 3, caseload_per_fte: 2.5, attrition_per_year: 4}
    length_of_stay: {exponential: {mean: 3 months}}
    next: {exit: 1}
arrivals:
  - {to: residential, per_year: 10}
  - {to: shrinking, per_year: 5}
)");
    const BatchResult batch = run_batch(*model, {.replications = 400, .seed = 71, .threads = 0});
    for (std::size_t year = 0; year < 5; ++year) {
        SCOPED_TRACE(year_label(year));
        const double survive = std::exp(-0.2 * static_cast<double>(year + 1));
        const auto fte = dated_column(batch.metrics, "staff_fte_end", "residential", year_label(year));
        const auto places = dated_column(batch.metrics, "places_end", "residential", year_label(year));
        expect_mean_near(fte, 20.0 * survive, "staff at the year's end, FTE");
        expect_mean_near(places,
                         binomial_mean_of(20, survive,
                                          [](unsigned k) { return std::floor(1.5 * k); }),
                         "places at the year's end");
        for (std::size_t r = 0; r < fte.size(); ++r) {
            ASSERT_EQ(places[r], std::floor(1.5 * fte[r] + 1e-9)) << "replication " << r;
        }
    }
    // At four times a year per FTE, 3 FTE are all gone within 5 years (each survives with
    // e^-20), and the places stop at 0: never below, never wrapped round.
    for (const std::string& month : model->calendar.month_labels) {
        for (double places : dated_column(batch.timeseries, "places", "shrinking", month)) {
            ASSERT_GE(places, 0.0) << month;
            ASSERT_LE(places, 7.0) << month;
        }
    }
    const auto last = dated_column(batch.metrics, "places_end", "shrinking", year_label(4));
    EXPECT_EQ(*std::max_element(last.begin(), last.end()), 0.0);
}

TEST(StaffCapacity, ACapacityDropBelowOccupancyEvictsNobodyAndPausesAdmissions) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
states:
  - name: residential
    capacity: {fte: 10, caseload_per_fte: 1}
    length_of_stay: {deterministic: 2.5 years}
    next: {exit: 1}
arrivals:
  - {to: residential, per_year: 20}
initial_stock:
  - {state: residential, count: 10}
policies:
  - name: half the team on leave
    from: 6 months
    until: 2.9 years
    changes:
      - {staff: residential, fte: 4}
)");
    // Month 31 (index 30) ends at 943.6 days: after the ten stock stays end (913.1), before
    // the staff return (1059.2).
    constexpr std::size_t between = 30;
    for (const ReplicationMetrics& m : replicate(*model, 81, 20)) {
        std::uint64_t referred = 0;
        for (std::size_t year = 0; year < 2; ++year) {
            SCOPED_TRACE(year_label(year));
            const YearStateMetrics& y = year_of(m, year, 0);
            referred += m.referrals_by_year[year];
            // The ten stock youths stay on above the four places; everyone referred waits.
            const std::vector<double> want{4, 4, 10, 0, 0, as_double(referred)};
            const std::vector<double> got{y.fte_end,     y.places_end,
                                          as_double(y.stock_end), as_double(y.admissions),
                                          as_double(y.completions), as_double(y.waitlist_end)};
            EXPECT_EQ(got, want) << "FTE, places, stock, admissions, completions, waitlist";
        }
        // At 2.5 years the ten leave together; admissions resume once fewer than four are in
        // care, and fill the four places.
        const std::uint64_t by_then = referred + m.referrals_by_year[2];
        ASSERT_GE(by_then, 10u);
        EXPECT_EQ(m.month_stock[between], 4u);
        // When the staff return, six more of those waiting are admitted at once.
        const YearStateMetrics& y = year_of(m, 2, 0);
        const std::vector<double> want{10, 10, 10, 10, 10, as_double(by_then - 10)};
        const std::vector<double> got{y.fte_end,     y.places_end,
                                      as_double(y.stock_end), as_double(y.admissions),
                                      as_double(y.completions), as_double(y.waitlist_end)};
        EXPECT_EQ(got, want) << "FTE, places, stock, admissions, completions, waitlist";
    }
}

// Without attrition pressure the staff sit at the ceiling: a birth-death chain on
// 0..floor(max_fte) with hiring h below it and leaving k a at k FTE, whose stationary law is a
// Poisson(h / a) truncated there.
TEST(StaffCapacity, HiringNeverTakesTheStaffAboveMaxFte) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 5 years, replications: 1, seed: 1}
states:
  - name: ambulatory
    capacity: {fte: 5, caseload_per_fte: 10, attrition_per_year: 0.5, hiring_per_year: 3, max_fte: 7.5}
    length_of_stay: {exponential: {mean: 3 months}}
    next: {exit: 1}
arrivals:
  - {to: ambulatory, per_year: 100}
)");
    const BatchResult batch = run_batch(*model, {.replications = 400, .seed = 91, .threads = 0});
    for (std::size_t year = 0; year < 5; ++year) {
        for (double fte : dated_column(batch.metrics, "staff_fte_end", "ambulatory", year_label(year))) {
            ASSERT_LE(fte, 7.0) << year_label(year) << ": one more FTE would exceed 7.5";
        }
    }
    for (const std::string& month : model->calendar.month_labels) {
        for (double places : dated_column(batch.timeseries, "places", "ambulatory", month)) {
            ASSERT_LE(places, 70.0) << month;
        }
    }
    const double ratio = 3.0 / 0.5;
    double weight = 1.0;
    double total = 0.0;
    double weighted = 0.0;
    for (unsigned k = 0; k <= 7; ++k) {
        total += weight;
        weighted += k * weight;
        weight *= ratio / (k + 1);
    }
    const auto last = dated_column(batch.metrics, "staff_fte_end", "ambulatory", year_label(4));
    EXPECT_EQ(*std::max_element(last.begin(), last.end()), 7.0) << "the ceiling is reached";
    expect_mean_near(last, weighted / total, "staff after 5 years, FTE");
}

// ---------------------------------------------------------------------------------------
// Policies.

TEST(Policies, APlacesPolicySetsThePlacesFromItsStartAndRestoresThemAtItsEnd) {
    const auto model = model_from_yaml(R"(
version: 2
start: 2020-01-01
run: {horizon: 2 years, replications: 2, seed: 1}
states:
  - name: foster
    capacity: 10
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: foster, per_year: 30}
policies:
  - name: by date
    from: 2020-04-15
    until: 2020-09-15
    changes:
      - {places: foster, to: 4}
  - name: by duration
    from: 15 months
    until: 18 months
    changes:
      - {places: foster, to: 25}
)");
    const BatchResult batch = run_batch(*model, {.replications = 2, .seed = 101, .threads = 0});
    // Month ends are 1 May 00:00 for April, ...; 15 months after 2020-01-01 is 1 April 2021
    // 13:30 and 18 months is 1 July 2021 21:00.
    const std::vector<double> want{10, 10, 10, 4,  4,  4,  4,  4,  10, 10, 10, 10,
                                   10, 10, 10, 25, 25, 25, 10, 10, 10, 10, 10, 10};
    for (std::size_t r = 0; r < 2; ++r) {
        std::vector<double> got;
        for (const std::string& month : model->calendar.month_labels) {
            got.push_back(dated_column(batch.timeseries, "places", "foster", month)[r]);
        }
        EXPECT_EQ(got, want) << "places at each month's end, replication " << r;
    }
}

TEST(Policies, APolicyFromTheFirstOfJanuaryLeavesThePreviousYearEndsPlacesAlone) {
    const auto model = model_from_yaml(R"(
version: 2
start: 2020-01-01
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: foster
    capacity: 10
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: foster, per_year: 30}
policies:
  - {name: cut, from: 2021-01-01, changes: [{places: foster, to: 4}]}
)");
    const ReplicationMetrics m = Simulation(*model, 171, 0).run();
    const std::vector<double> want{10, 10, 4, 4};
    const std::vector<double> got{year_of(m, 0, 0).places_end, m.month_places[11],
                                  m.month_places[12], year_of(m, 1, 0).places_end};
    EXPECT_EQ(got, want) << "places_end 2020, places 2020-12, places 2021-01, places_end 2021";
}

TEST(Policies, PlacesSetByAPolicyOnAnUnlimitedStateAreReported) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 2 years, replications: 1, seed: 1}
states:
  - name: ambulatory
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: ambulatory, per_year: 30}
policies:
  - {name: cap, from: 1 year, changes: [{places: ambulatory, to: 2}]}
)");
    const ReplicationMetrics m = Simulation(*model, 181, 0).run();
    const YearStateMetrics& y = year_of(m, 1, 0);
    ASSERT_GT(y.waitlist_end, 0u) << "the state is full: it has places";
    const std::vector<double> want{2, 2};
    const std::vector<double> got{y.places_end, m.month_places.back()};
    EXPECT_EQ(got, want) << "places_end of year 2, places at the last month's end";
}

TEST(Policies, AnInflowFactorMultipliesItsStreamsReferralsOnlyWhileInForce) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 4 years, replications: 1, seed: 1}
states:
  - name: local_team
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
  - name: crisis
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {name: teams, to: local_team, per_year: 200}
  - {name: crisis line, to: crisis, per_year: 100}
policies:
  - name: fewer team referrals
    from: 1 year
    until: 3 years
    changes:
      - {inflow: teams, factor: 0.5}
  - name: a bad year
    from: 2 years
    until: 3 years
    changes:
      - {inflow: all, factor: 2}
)");
    const std::vector<double> want_teams{200, 100, 200, 200};
    const std::vector<double> want_crisis{100, 100, 200, 100};
    const auto runs = replicate(*model, 111, 200);
    for (std::size_t year = 0; year < 4; ++year) {
        std::vector<double> teams;
        std::vector<double> crisis;
        for (const ReplicationMetrics& m : runs) {
            teams.push_back(as_double(year_of(m, year, 0).admissions));
            crisis.push_back(as_double(year_of(m, year, 1).admissions));
        }
        expect_mean_near(teams, want_teams[year], "team referrals in " + year_label(year));
        expect_mean_near(crisis, want_crisis[year], "crisis referrals in " + year_label(year));
    }
}

TEST(Policies, ARatesFactorScalesTheRatesOfStaysAdmittedAfterTheSwitch) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 4 years, warmup: 1 year, replications: 1, seed: 1}
states:
  - name: ambulatory
    transitions:
      - {to: exit, type: completion, per_year: 4}
      - {to: residential, type: escalation, per_year: 2}
  - name: residential
    transitions: [{to: exit, type: completion, per_year: 12}]
arrivals:
  - {to: ambulatory, per_year: 100}
policies:
  - name: more escalation
    from: 1 year
    changes:
      - {rates: ambulatory, type: escalation, factor: 3}
)");
    // Before: rates 4 + 2 a year; from year 2 on: 4 + 3 x 2 (a year after the switch, all but
    // e^-10 of the youths admitted before it have left).
    const std::vector<std::size_t> years{0, 2, 3};
    const std::vector<double> total_rate{6.0, 10.0, 10.0};
    const std::vector<double> escalating{2.0, 6.0, 6.0};
    const auto runs = replicate(*model, 121, 200);
    for (std::size_t i = 0; i < years.size(); ++i) {
        std::vector<double> stay;
        std::vector<double> share;
        for (const ReplicationMetrics& m : runs) {
            const YearStateMetrics& y = year_of(m, years[i], 0);
            stay.push_back(y.stay_days_mean);
            share.push_back(
                as_double(y.left_by_type[static_cast<std::size_t>(TransitionType::escalation)]) /
                as_double(y.completions));
        }
        expect_mean_near(stay, days_per_year / total_rate[i], "mean stay in " + year_label(years[i]));
        expect_mean_near(share, escalating[i] / total_rate[i],
                         "escalation share in " + year_label(years[i]));
    }
}

TEST(Policies, ARatesPolicyRedrawsTheClocksOfYouthsAlreadyInCareAtItsStartAndEnd) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
states:
  - name: foster
    transitions: [{to: exit, type: completion, per_year: 0.1}]
  - name: other
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {to: other, per_year: 10}
initial_stock:
  - {state: foster, count: 100}
policies:
  - name: intensive step-down
    from: 1 year
    until: 2 years
    changes:
      - {rates: foster, factor: 10}
)");
    // Memoryless clocks: a youth still in care survives each year with e^-(rate x 1 year).
    const std::vector<double> want{100.0 * std::exp(-0.1), 100.0 * std::exp(-1.1),
                                   100.0 * std::exp(-1.2)};
    const auto runs = replicate(*model, 131, 200);
    for (std::size_t year = 0; year < 3; ++year) {
        std::vector<double> stock;
        for (const ReplicationMetrics& m : runs) stock.push_back(year_of(m, year, 0).stock_end);
        expect_mean_near(stock, want[year], "foster stock at the end of " + year_label(year));
    }
}

TEST(Policies, ARedirectSendsItsShareOfEntrantsElsewhereAndCountsThem) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
states:
  - name: residential
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
  - name: intensive_ambulatory
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: residential, per_year: 300}
policies:
  - name: ambulatory first
    from: 1 year
    until: 2 years
    changes:
      - {redirect: residential, to: intensive_ambulatory, share: 0.3}
)");
    std::vector<double> share;
    for (const ReplicationMetrics& m : replicate(*model, 141, 200)) {
        for (std::size_t year = 0; year < 3; ++year) {
            SCOPED_TRACE(year_label(year));
            const YearStateMetrics& from = year_of(m, year, 0);
            const YearStateMetrics& to = year_of(m, year, 1);
            EXPECT_EQ(from.admissions + from.redirected, m.referrals_by_year[year]);
            EXPECT_EQ(to.admissions, from.redirected) << "only redirected youths come here";
            if (year != 1) {
                EXPECT_EQ(from.redirected, 0u) << "no redirect outside the policy";
            }
        }
        share.push_back(as_double(year_of(m, 1, 0).redirected) / as_double(m.referrals_by_year[1]));
    }
    expect_mean_near(share, 0.3, "share redirected while in force");
}

// ---------------------------------------------------------------------------------------
// Stays without any clock: a factor of 0 stops a clock ("a clock whose factor is 0 never
// runs out"), so a youth whose every clock has factor 0 stays until the factor changes.

TEST(Policies, ARatesFactorOfZeroStopsYouthsInCareFromLeaving) {
    const auto model = model_from_yaml(R"(
version: 2
run: {horizon: 1 year, replications: 1, seed: 1}
states:
  - name: residential
    transitions: [{to: exit, type: completion, per_year: 1}]
  - name: other
    length_of_stay: {exponential: {mean: 1 month}}
    next: {exit: 1}
arrivals:
  - {to: other, per_year: 10}
initial_stock:
  - {state: residential, count: 100}
policies:
  - name: nobody leaves
    from: 1 month
    changes:
      - {rates: residential, factor: 0}
)");
    for (const ReplicationMetrics& m : replicate(*model, 151, 20)) {
        const YearStateMetrics& y = year_of(m, 0, 0);
        // About 8 leave in the first month (1 - e^(-1/12)); after that nobody.
        EXPECT_EQ(y.stock_end + y.completions, 100u);
        EXPECT_LT(y.completions, 25u) << "youths kept leaving at the rate before the policy";
    }
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
