// Per-year and per-month metrics of whole runs: the bookkeeping identities every replication
// must satisfy exactly, and the yearly flow and stock of an M/M/inf state against theory.
#include "sim/simulation.hpp"
#include "support/queueing.hpp"
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace careflow::sim {
namespace {

using careflow::testing::model_from_yaml;
using careflow::testing::z_tolerance;

// Two capacitated states with feedback between them and into the unlimited intake; one
// segment of one state, one of two, and a state outside any segment. Exponential stays.
constexpr const char* states_yaml = R"(
states:
  - name: intake
    segment: A
    capacity: unlimited
    length_of_stay: {exponential: {mean: 30 days}}
    next: {therapy: 0.5, exit: 0.5}
  - name: therapy
    segment: B
    capacity: 20
    length_of_stay: {exponential: {mean: 60 days}}
    next: {residential: 0.2, intake: 0.1, exit: 0.7}
  - name: residential
    segment: B
    capacity: 8
    length_of_stay: {exponential: {mean: 120 days}}
    next: {therapy: 0.3, exit: 0.7}
  - name: prevention
    capacity: unlimited
    length_of_stay: {exponential: {mean: 20 days}}
    next: {exit: 1}
arrivals:
  - {to: intake, per_year: 200}
  - {to: prevention, per_year: 365}
)";

constexpr std::size_t intake = 0;
constexpr std::size_t prevention = 3;
constexpr double prevention_per_day = 1.0;
constexpr double prevention_stay_days = 20.0;

/// The scenario under test: five calendar years from 2019, after three years of warm-up.
std::shared_ptr<const Model> calendar_model() {
    return model_from_yaml(std::string(R"(
version: 2
start: 2019-01-01
run: {horizon: 5 years, warmup: 3 years, replications: 1, seed: 1}
)") + states_yaml);
}

/// The same network run for exactly the warm-up: its final stock is the other's at the start
/// of its window, since arrivals and stays come from streams keyed by seed and replication.
std::shared_ptr<const Model> warmup_only_model() {
    return model_from_yaml(std::string(R"(
version: 2
run: {horizon: 3 years, replications: 1, seed: 1}
)") + states_yaml);
}

struct Sample {
    std::uint64_t seed = 0;
    std::uint32_t replication = 0;
    ReplicationMetrics metrics;
    std::vector<std::uint32_t> window_start_stock;  ///< per state
};

/// Replications of several seeds, run once for all the identity tests.
const std::vector<Sample>& samples() {
    static const std::vector<Sample> all = [] {
        const auto model = calendar_model();
        const auto warmup = warmup_only_model();
        const std::size_t n_states = model->state_count();
        std::vector<Sample> out;
        for (const std::uint64_t seed : {1u, 7u, 2024u}) {
            for (std::uint32_t replication = 0; replication < 6; ++replication) {
                Sample s{seed, replication, Simulation(*model, seed, replication).run(), {}};
                const ReplicationMetrics before = Simulation(*warmup, seed, replication).run();
                const auto last_month = before.month_stock.end() - static_cast<long>(n_states);
                s.window_start_stock.assign(last_month, before.month_stock.end());
                out.push_back(std::move(s));
            }
        }
        return out;
    }();
    return all;
}

std::string describe(const Sample& s) {
    return "seed " + std::to_string(s.seed) + ", replication " + std::to_string(s.replication);
}

TEST(YearReport, AFiveYearHorizonFromAStartDateCoversFiveCalendarYearsAndSixtyMonths) {
    const auto model = calendar_model();
    EXPECT_EQ(model->run.horizon_days, 1826.0);  // 2019-01-01 to 2024-01-01, one leap day
    EXPECT_EQ(model->calendar.year_labels,
              (std::vector<std::string>{"2019", "2020", "2021", "2022", "2023"}));
    ASSERT_EQ(model->calendar.months(), 60u);
    EXPECT_EQ(model->calendar.month_labels.front(), "2019-01");
    EXPECT_EQ(model->calendar.month_labels.back(), "2023-12");

    const std::size_t n_states = model->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        const std::vector<std::size_t> want{5 * n_states, 5, 5 * 2, 60 * n_states,
                                            60 * n_states};
        const std::vector<std::size_t> got{m.years.size(), m.clients.size(),
                                           m.segment_clients.size(), m.month_stock.size(),
                                           m.month_waitlist.size()};
        EXPECT_EQ(got, want);
    }
}

TEST(YearReport, StockAtEachYearEndIsThePreviousStockPlusAdmissionsMinusCompletions) {
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        std::vector<std::int64_t> want;
        std::vector<std::int64_t> got;
        for (std::size_t year = 0; year < 5; ++year) {
            for (std::size_t state = 0; state < n_states; ++state) {
                const YearStateMetrics& now = m.years[year * n_states + state];
                const std::int64_t before =
                    year == 0 ? s.window_start_stock[state]
                              : m.years[(year - 1) * n_states + state].stock_end;
                want.push_back(before + static_cast<std::int64_t>(now.admissions) -
                               static_cast<std::int64_t>(now.completions));
                got.push_back(now.stock_end);
            }
        }
        EXPECT_EQ(got, want);
    }
}

TEST(YearReport, YearlyAdmissionsAndCompletionsAddUpToTheWindowsTotals) {
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        std::vector<std::uint64_t> want;
        std::vector<std::uint64_t> got(2 * n_states, 0);
        for (std::size_t state = 0; state < n_states; ++state) {
            want.push_back(m.states[state].admissions);
            want.push_back(m.states[state].completions);
            for (std::size_t year = 0; year < 5; ++year) {
                got[2 * state] += m.years[year * n_states + state].admissions;
                got[2 * state + 1] += m.years[year * n_states + state].completions;
            }
        }
        EXPECT_EQ(got, want);
    }
}

TEST(YearReport, TheLastMonthOfEachYearShowsThatYearsEndStockAndWaitlist) {
    const auto model = calendar_model();
    const std::size_t n_states = model->state_count();
    bool any_waitlist = false;
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        std::vector<std::uint32_t> want;
        std::vector<std::uint32_t> got;
        for (std::size_t year = 0; year < 5; ++year) {
            const std::size_t december = 12 * year + 11;
            ASSERT_EQ(model->calendar.month_year[december], year);
            for (std::size_t state = 0; state < n_states; ++state) {
                const YearStateMetrics& y = m.years[year * n_states + state];
                want.push_back(y.stock_end);
                want.push_back(y.waitlist_end);
                got.push_back(m.month_stock[december * n_states + state]);
                got.push_back(m.month_waitlist[december * n_states + state]);
                any_waitlist = any_waitlist || y.waitlist_end > 0;
            }
        }
        EXPECT_EQ(got, want);
    }
    EXPECT_TRUE(any_waitlist) << "the scenario should leave someone waiting at some year end";
}

TEST(YearReport, AWaitlistAtAMonthsEndMeansEveryPlaceIsTaken) {
    const auto model = calendar_model();
    const std::size_t n_states = model->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        for (std::size_t month = 0; month < 60; ++month) {
            for (std::size_t state = 0; state < n_states; ++state) {
                const auto places = model->states[state].places;
                const std::uint32_t stock = m.month_stock[month * n_states + state];
                const std::uint32_t waiting = m.month_waitlist[month * n_states + state];
                if (!places) {
                    EXPECT_EQ(waiting, 0u) << "month " << month << ", state " << state;
                    continue;
                }
                EXPECT_LE(stock, *places) << "month " << month << ", state " << state;
                if (waiting > 0) {
                    EXPECT_EQ(stock, *places) << "month " << month << ", state " << state;
                }
            }
        }
    }
}

TEST(YearReport, ClientsOfAStateLieBetweenItsStockAtTheYearsStartAndThatPlusAdmissions) {
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        for (std::size_t year = 0; year < 5; ++year) {
            for (std::size_t state = 0; state < n_states; ++state) {
                const YearStateMetrics& y = m.years[year * n_states + state];
                const std::uint64_t at_start =
                    year == 0 ? s.window_start_stock[state]
                              : m.years[(year - 1) * n_states + state].stock_end;
                const std::uint64_t least = std::max<std::uint64_t>(
                    at_start, y.admissions > 0 ? 1 : 0);
                EXPECT_GE(y.clients, least) << "year " << year << ", state " << state;
                EXPECT_LE(y.clients, at_start + y.admissions)
                    << "year " << year << ", state " << state;
            }
        }
    }
}

TEST(YearReport, ClientsOfAStateNobodyReentersAreItsStockAtTheYearsStartPlusAdmissions) {
    // Prevention takes only fresh referrals and sends everyone to exit, so each admission is
    // a different youth, and none of them was already in care when the year began.
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        std::vector<std::uint64_t> want;
        std::vector<std::uint64_t> got;
        for (std::size_t year = 0; year < 5; ++year) {
            const std::uint64_t at_start =
                year == 0 ? s.window_start_stock[prevention]
                          : m.years[(year - 1) * n_states + prevention].stock_end;
            want.push_back(at_start + m.years[year * n_states + prevention].admissions);
            got.push_back(m.years[year * n_states + prevention].clients);
        }
        EXPECT_EQ(got, want);
    }
}

TEST(YearReport, ClientsOfTheRegionAndOfASegmentLieBetweenItsLargestStateAndTheSum) {
    const auto model = calendar_model();
    const std::size_t n_states = model->state_count();
    const std::size_t n_segments = model->segments.size();
    ASSERT_EQ(model->segments, (std::vector<std::string>{"A", "B"}));
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        const ReplicationMetrics& m = s.metrics;
        for (std::size_t year = 0; year < 5; ++year) {
            std::uint64_t region_max = 0;
            std::uint64_t region_sum = 0;
            std::vector<std::uint64_t> segment_max(n_segments, 0);
            std::vector<std::uint64_t> segment_sum(n_segments, 0);
            for (std::size_t state = 0; state < n_states; ++state) {
                const std::uint64_t clients = m.years[year * n_states + state].clients;
                // Prevention's youths are in no other state, so they add to any other's.
                if (state != prevention) region_max = std::max(region_max, clients);
                region_sum += clients;
                if (const auto g = model->states[state].segment_index) {
                    segment_max[*g] = std::max(segment_max[*g], clients);
                    segment_sum[*g] += clients;
                }
            }
            const std::uint64_t prevention_clients =
                m.years[year * n_states + prevention].clients;
            EXPECT_GE(m.clients[year], region_max + prevention_clients) << "year " << year;
            EXPECT_LE(m.clients[year], region_sum) << "year " << year;
            for (std::size_t g = 0; g < n_segments; ++g) {
                const std::uint64_t clients = m.segment_clients[year * n_segments + g];
                EXPECT_GE(clients, segment_max[g]) << "year " << year << ", segment " << g;
                EXPECT_LE(clients, segment_sum[g]) << "year " << year << ", segment " << g;
            }
            // Youths move between therapy and residential, so segment B counts some twice
            // over its states: the sum bound is not the value.
        }
    }
}

TEST(YearReport, TheNinetiethPercentileWaitIsNeverNegative) {
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        for (std::size_t k = 0; k < s.metrics.years.size(); ++k) {
            const YearStateMetrics& y = s.metrics.years[k];
            ASSERT_GT(y.admissions, 0u) << "every state admits someone every year here";
            EXPECT_GE(y.wait_days_p90, 0.0) << "year " << k / n_states << ", state "
                                            << k % n_states;
            EXPECT_GE(y.wait_days_mean, 0.0) << "year " << k / n_states << ", state "
                                             << k % n_states;
        }
    }
}

TEST(YearReport, NobodyWaitsInAStateWithUnlimitedPlaces) {
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        std::vector<double> got;
        for (std::size_t year = 0; year < 5; ++year) {
            for (const std::size_t state : {intake, prevention}) {
                got.push_back(s.metrics.years[year * n_states + state].wait_days_mean);
            }
        }
        EXPECT_EQ(got, std::vector<double>(got.size(), 0.0));
    }
}

TEST(YearReport, TheNinetiethPercentileWaitIsZeroInAStateWithUnlimitedPlaces) {
    const std::size_t n_states = calendar_model()->state_count();
    for (const Sample& s : samples()) {
        SCOPED_TRACE(describe(s));
        std::vector<double> got;
        for (std::size_t year = 0; year < 5; ++year) {
            for (const std::size_t state : {intake, prevention}) {
                got.push_back(s.metrics.years[year * n_states + state].wait_days_p90);
            }
        }
        EXPECT_EQ(got, std::vector<double>(got.size(), 0.0));
    }
}

TEST(YearReport, AnUnlimitedStateAdmitsLambdaTimesTheDaysOfEachYearAndHoldsLambdaTimesTheStay) {
    const auto model = calendar_model();
    const std::size_t n_states = model->state_count();
    constexpr std::uint32_t replications = 200;
    const std::vector<double> days_in_year{365, 366, 365, 365, 365};

    std::vector<std::vector<double>> admissions(5), stock_end(5);
    for (std::uint32_t r = 0; r < replications; ++r) {
        const ReplicationMetrics m = Simulation(*model, 99, r).run();
        for (std::size_t year = 0; year < 5; ++year) {
            const YearStateMetrics& y = m.years[year * n_states + prevention];
            admissions[year].push_back(static_cast<double>(y.admissions));
            stock_end[year].push_back(y.stock_end);
        }
    }
    // M/M/inf after a warm-up of 55 mean stays: Poisson arrivals at lambda per day, and a
    // Poisson(lambda * m) number in care at any instant.
    for (std::size_t year = 0; year < 5; ++year) {
        const Summary a = summarize(admissions[year]);
        const Summary n = summarize(stock_end[year]);
        const double root_n = std::sqrt(static_cast<double>(replications));
        EXPECT_NEAR(a.mean, prevention_per_day * days_in_year[year],
                    z_tolerance * *a.sd / root_n)
            << "admissions in " << model->calendar.year_labels[year];
        EXPECT_NEAR(n.mean, prevention_per_day * prevention_stay_days,
                    z_tolerance * *n.sd / root_n)
            << "stock at the end of " << model->calendar.year_labels[year];
    }
}

}  // namespace
}  // namespace careflow::sim
