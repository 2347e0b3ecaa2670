// Staff-derived capacity: attrition against the binomial decay, no eviction when places drop,
// and hiring up to the ceiling.
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

}  // namespace
}  // namespace careflow::sim
