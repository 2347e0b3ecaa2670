// The shipped what-if scenarios (scenarios/c-to-b-to-a.yaml, staff-shortage.yaml,
// matched-care.yaml, national.yaml): each loads, runs a few replications, and shows the effect
// it exists to show, against its comparison run with the same seed.
//
// A directional check "A below B" passes only when the difference of the means exceeds
// `se_multiple` standard errors of that difference (the replications of the two runs taken as
// independent samples), so that it is not a Monte Carlo accident and keeps holding when the
// engine's random streams change. The effect sizes are documented at the top of each scenario;
// each is at least ~6 standard errors at the replication counts used here.
#include "support/scenario_text.hpp"

#include <careflow/careflow.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <iomanip>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace careflow::testing {
namespace {

const std::string scenarios_dir = CAREFLOW_SOURCE_DIR "/scenarios/";
constexpr double se_multiple = 4.0;

/// Per replication: the sum over `states` of (metric, state) over `years`.
std::vector<double> sum_per_replication(const BatchResult& batch, const std::string& metric,
                                        std::initializer_list<const char*> states,
                                        std::initializer_list<const char*> years) {
    const MetricTable& table = batch.metrics;
    std::vector<double> sums(table.values.size(), 0.0);
    for (const char* state : states) {
        for (const char* year : years) {
            bool found = false;
            for (std::size_t k = 0; k < table.keys.size(); ++k) {
                const MetricKey& key = table.keys[k];
                if (key.metric != metric || key.state != state || key.year != year) continue;
                for (std::size_t r = 0; r < table.values.size(); ++r) sums[r] += table.values[r][k];
                found = true;
                break;
            }
            if (!found) {
                throw std::invalid_argument("no metric " + metric + " for state '" + state +
                                            "' in " + year);
            }
        }
    }
    return sums;
}

Estimate estimate_of(const std::vector<double>& values) {
    const Summary s = summarize(values);
    return {s.mean, s.sd.value_or(0.0) / std::sqrt(static_cast<double>(s.n)), s.n};
}

/// Difference of the means (a - b) and its standard error.
struct Difference {
    double a = 0.0;
    double b = 0.0;
    double diff = 0.0;
    double se = 0.0;
};

Difference difference(const std::vector<double>& a, const std::vector<double>& b) {
    const Estimate ea = estimate_of(a);
    const Estimate eb = estimate_of(b);
    return {ea.mean, eb.mean, ea.mean - eb.mean,
            std::sqrt(ea.standard_error * ea.standard_error +
                      eb.standard_error * eb.standard_error)};
}

void report(const char* what, const Difference& d) {
    std::cout << std::fixed << std::setprecision(2) << "  " << what << ": " << d.a << " vs "
              << d.b << " (difference " << d.diff << " ± " << d.se << " SE)\n";
}

/// Expects the mean of `a` to lie below that of `b` by more than se_multiple SE.
void expect_below(const char* what, const Difference& d) {
    report(what, d);
    EXPECT_GT(d.se, 0.0) << what << ": no variation at all is suspicious";
    EXPECT_LT(d.diff, -se_multiple * d.se)
        << what << ": " << d.a << " is not clearly below " << d.b;
}

BatchResult run(const LoadedScenario& loaded, std::uint32_t replications) {
    return run_batch(*loaded.model, {.replications = replications, .seed = loaded.model->run.seed});
}

// c-to-b-to-a: from 2026 residential admissions move down a tier (redirects to intensive
// ambulatory care, JZ+ to open residential care, sooner step-downs, referrals to the local
// team). In 2028 the residential states (JZ+, specialist residential, treatment groups) admit
// fewer youths than in the baseline run to 2031 with the same seed (~63 vs ~85 a year); before
// 2026 the scenario tracks the baseline.
TEST(ShippedScenarios, CToBToAHasFewerResidentialAdmissionsIn2028) {
    constexpr std::uint32_t replications = 30;
    const LoadedScenario scenario = load_scenario(scenarios_dir + "c-to-b-to-a.yaml");
    const LoadedScenario baseline =
        load_scenario(scenarios_dir + "noord-veluwe-2019.yaml", {"run.horizon=13 years"});
    for (const Diagnostic& w : scenario.warnings) ADD_FAILURE() << w.message;
    ASSERT_EQ(scenario.model->run.seed, baseline.model->run.seed);
    ASSERT_DOUBLE_EQ(scenario.model->run.horizon_days, baseline.model->run.horizon_days);
    const BatchResult s = run(scenario, replications);
    const BatchResult b = run(baseline, replications);

    const auto residential = {"jz_plus", "specialist_residential", "treatment_groups"};
    const Difference y2028 =
        difference(sum_per_replication(s, "admissions", residential, {"2028"}),
                   sum_per_replication(b, "admissions", residential, {"2028"}));
    expect_below("residential admissions 2028, c-to-b-to-a vs baseline", y2028);
    EXPECT_LT(y2028.a, 0.9 * y2028.b) << "the shift should cut residential admissions by >10 %";

    // Before the policies (2025) specialist ambulatory care, the largest state, admits about as
    // many youths as in the baseline: the local team's flows were taken off the streams.
    const Difference y2025 =
        difference(sum_per_replication(s, "admissions", {"ambulatory"}, {"2025"}),
                   sum_per_replication(b, "admissions", {"ambulatory"}, {"2025"}));
    report("specialist ambulatory admissions 2025, c-to-b-to-a vs baseline", y2025);
    EXPECT_LT(std::abs(y2025.diff), se_multiple * y2025.se + 0.03 * y2025.b);
}

// staff-shortage: places follow staff that leave at 10 % a year and are replaced for 70 %. At
// the end of 2023 the places are below the baseline's (treatment groups: 15 fixed places;
// specialist ambulatory care: unlimited in the baseline, so below the youths the baseline has
// in care there), and far more youths wait.
TEST(ShippedScenarios, StaffShortageShrinksPlacesAndLengthensWaitingBy2023) {
    constexpr std::uint32_t replications = 30;
    const LoadedScenario scenario = load_scenario(scenarios_dir + "staff-shortage.yaml");
    const LoadedScenario baseline = load_scenario(scenarios_dir + "noord-veluwe-2019.yaml");
    for (const Diagnostic& w : scenario.warnings) ADD_FAILURE() << w.message;
    const BatchResult s = run(scenario, replications);
    const BatchResult b = run(baseline, replications);

    expect_below("treatment-group places end 2023, staff-shortage vs baseline",
                 difference(sum_per_replication(s, "places_end", {"treatment_groups"}, {"2023"}),
                            sum_per_replication(b, "places_end", {"treatment_groups"}, {"2023"})));
    expect_below("ambulatory places end 2023 vs the baseline's youths in ambulatory care",
                 difference(sum_per_replication(s, "places_end", {"ambulatory"}, {"2023"}),
                            sum_per_replication(b, "stock_end", {"ambulatory"}, {"2023"})));
    expect_below("ambulatory staff end 2023 vs end 2019",
                 difference(sum_per_replication(s, "staff_fte_end", {"ambulatory"}, {"2023"}),
                            sum_per_replication(s, "staff_fte_end", {"ambulatory"}, {"2019"})));

    const auto staffed = {"ambulatory", "intensive_ambulatory", "specialist_residential",
                          "treatment_groups"};
    expect_below("youths waiting end 2023, baseline vs staff-shortage",
                 difference(sum_per_replication(b, "waitlist_end", staffed, {"2023"}),
                            sum_per_replication(s, "waitlist_end", staffed, {"2023"})));
    expect_below("mean wait for ambulatory care 2023 (days), baseline vs staff-shortage",
                 difference(sum_per_replication(b, "wait_days_mean", {"ambulatory"}, {"2023"}),
                            sum_per_replication(s, "wait_days_mean", {"ambulatory"}, {"2023"})));
}

// staff-shortage against its baseline, what waiting does: the lines grow, so more youths get
// worse and escalate while waiting, more go into crisis care, more ask for an out-of-home place
// (out-of-home admissions themselves are held by the places, which the shortage shrinks or
// which are full), and waiting costs more. The harm rates are uncertain inputs, so each run's
// spread includes them. Effects in 2023 (100 replications, README): deteriorations +240,
// escalations +134, crisis admissions +42, out-of-home entries +53, cost of waiting +EUR 2.0 M.
TEST(ShippedScenarios, StaffShortageMakesWaitingYouthsWorseAndCostsMoreWaiting) {
    constexpr std::uint32_t replications = 30;
    const LoadedScenario scenario = load_scenario(scenarios_dir + "staff-shortage.yaml");
    const LoadedScenario baseline = load_scenario(scenarios_dir + "noord-veluwe-2019.yaml");
    const BatchResult s = run(scenario, replications);
    const BatchResult b = run(baseline, replications);
    for (const char* metric : {"waiting_deteriorations", "waiting_escalations",
                               "crisis_admissions", "out_of_home_entries", "cost_of_waiting"}) {
        const std::string what = std::string(metric) + " 2022-2023, baseline vs staff-shortage";
        expect_below(what.c_str(),
                     difference(sum_per_replication(b, metric, {""}, {"2022", "2023"}),
                                sum_per_replication(s, metric, {""}, {"2022", "2023"})));
    }
}

// c-to-b-to-a-base is c-to-b-to-a without its policies: with the same seed both give the same
// numbers in every replication until the policies start in 2026, and differ after.
TEST(ShippedScenarios, CToBToABaseEqualsTheScenarioUntilItsPoliciesStart) {
    constexpr std::uint32_t replications = 4;
    const BatchResult with = run(load_scenario(scenarios_dir + "c-to-b-to-a.yaml"), replications);
    const BatchResult without =
        run(load_scenario(scenarios_dir + "c-to-b-to-a-base.yaml"), replications);
    ASSERT_EQ(with.metrics.keys.size(), without.metrics.keys.size());
    std::size_t compared = 0;
    for (std::size_t k = 0; k < with.metrics.keys.size(); ++k) {
        const MetricKey& key = with.metrics.keys[k];
        ASSERT_EQ(key.metric, without.metrics.keys[k].metric);
        if (key.year.empty() || key.year >= "2026") continue;
        for (std::size_t r = 0; r < replications; ++r) {
            const double a = with.metrics.values[r][k];
            const double b = without.metrics.values[r][k];
            if (std::isnan(a) && std::isnan(b)) continue;
            ASSERT_EQ(a, b) << key.metric << " " << key.state << " " << key.year;
        }
        ++compared;
    }
    EXPECT_GT(compared, 1000u);
    const Difference d =
        difference(sum_per_replication(with, "waiting_escalations", {""}, {"2028"}),
                   sum_per_replication(without, "waiting_escalations", {""}, {"2028"}));
    expect_below("escalations out of waiting lines 2028, with vs without the policies", d);
}

// matched-care against stepped care: the same file with the GP stream sent to specialist
// ambulatory care for every severity again (which is the baseline's routing). Under matched
// care the severe referrals start intensive care at once instead of after a failed ambulatory
// trajectory, so many more youths start intensive care in 2019, without waiting; fewer escalate
// out of specialist ambulatory care, and fewer reach crisis care.
TEST(ShippedScenarios, MatchedCareGetsSevereYouthsToIntensiveCareSooner) {
    constexpr std::uint32_t replications = 40;
    const LoadedScenario matched = load_scenario(scenarios_dir + "matched-care.yaml");
    const std::string stepped_text =
        "extends: matched-care.yaml\n"
        "name: stepped-care\n"
        "arrivals:\n"
        "  - name: GP, local team and medical specialists to specialist ambulatory care\n"
        "    to: ambulatory\n";
    const LoadedScenario stepped =
        load_scenario_text(stepped_text, scenarios_dir + "stepped-care-inline.yaml");
    for (const Diagnostic& w : matched.warnings) ADD_FAILURE() << w.message;
    const BatchResult m = run(matched, replications);
    const BatchResult st = run(stepped, replications);

    const auto intensive = {"intensive_ambulatory", "intensive_matched"};
    const Difference starts =
        difference(sum_per_replication(st, "admissions", intensive, {"2019"}),
                   sum_per_replication(m, "admissions", intensive, {"2019"}));
    expect_below("intensive-care admissions 2019, stepped vs matched", starts);
    // ~330 severe referrals a year; stepped care brings only a few percent of them there.
    EXPECT_GT(-starts.diff, 200.0) << "most severe referrals should start intensive care at once";
    const Estimate wait =
        estimate_of(sum_per_replication(m, "wait_days_mean", {"intensive_matched"}, {"2019"}));
    EXPECT_EQ(wait.mean, 0.0) << "matched youths start intensive care without waiting";

    const auto years = {"2019", "2020", "2021", "2022", "2023"};
    expect_below("escalations out of specialist ambulatory care 2019-2023, matched vs stepped",
                 difference(sum_per_replication(m, "escalations", {"ambulatory"}, years),
                            sum_per_replication(st, "escalations", {"ambulatory"}, years)));
    expect_below("crisis admissions 2019-2023, matched vs stepped",
                 difference(sum_per_replication(m, "crisis_admissions", {""}, years),
                            sum_per_replication(st, "crisis_admissions", {""}, years)));
}

// national: FIGURES.md §8.1 at national scale. Its 2022 clients lie within ±10 % of the
// ~470,000 youths in care (CBS: 467k in 2022, 474k in 2023; FIGURES §1.1). Two replications of
// the first year keep the test short; the time per replication is printed.
TEST(ShippedScenarios, NationalClients2022WithinTenPercentOfFigures) {
    constexpr std::uint32_t replications = 2;
    constexpr double target = 470'000.0;
    const LoadedScenario scenario =
        load_scenario(scenarios_dir + "national.yaml", {"run.horizon=1 year"});
    for (const Diagnostic& w : scenario.warnings) ADD_FAILURE() << w.message;
    const auto started = std::chrono::steady_clock::now();
    const BatchResult batch = run(scenario, replications);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    const Estimate clients = estimate_of(sum_per_replication(batch, "clients", {""}, {"2022"}));
    std::cout << std::fixed << std::setprecision(0) << "  national clients 2022: "
              << clients.mean << " (target ~" << target << "); " << std::setprecision(2)
              << took.count() << " s for " << replications << " replications of one year\n";
    ASSERT_EQ(clients.n, replications);
    EXPECT_LT(std::abs(clients.mean - target), 0.10 * target);
    // The foster waiting list: 873 at the end of 2021 [P1], the start's line (W1); it holds.
    constexpr double foster_waiting = 873.0;
    const Estimate waiting =
        estimate_of(sum_per_replication(batch, "waitlist_end", {"foster_care"}, {"2022"}));
    std::cout << "  foster waiting list end 2022: " << waiting.mean << " (873 end 2021)\n";
    EXPECT_LT(std::abs(waiting.mean - foster_waiting), 0.25 * foster_waiting);
    const Estimate placed =
        estimate_of(sum_per_replication(batch, "stock_end", {"foster_care"}, {"2022"}));
    EXPECT_LT(std::abs(placed.mean - 17'652.0), 0.10 * 17'652.0) << "foster stock end 2022";
}

}  // namespace
}  // namespace careflow::testing
