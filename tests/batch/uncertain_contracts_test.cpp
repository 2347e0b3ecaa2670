// Uncertain contract terms: a drawn price, ceiling or behaviour acts in its own replication,
// and the pass plan simulates every strategy whose draws can change flows.
#include "output/procurement_json.hpp"
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace careflow::testing {
namespace {

constexpr std::uint32_t replications = 8;
constexpr std::uint64_t seed = 21;
const std::string price_path = "strategies.0.contracts.0.price";

/// One care state, one strategy with one day-price contract; `terms` are spliced into the
/// contract's map after its price, `youth` (if given) is the scenario's youth map.
std::string scenario(const std::string& price, const std::string& terms = "",
                     const std::string& youth = "") {
    return "version: 2\n" + (youth.empty() ? "" : "youth: " + youth + "\n") +
           "start: 2019-01-01\n"
           "run: {horizon: 3 years, warmup: 1 year, replications: 8, seed: 21}\n"
           "states:\n"
           "  - name: care\n"
           "    capacity: unlimited\n"
           "    length_of_stay: {exponential: {mean: 30 days}}\n"
           "    next: {exit: 1}\n"
           "arrivals: [{to: care, per_year: 300}]\n"
           "strategies:\n"
           "  - name: bought\n"
           "    contracts:\n"
           "      - {state: care, scheme: day_price, price: " + price +
           (terms.empty() ? "" : ", " + terms) + "}\n";
}

LoadedScenario load(const std::string& text) { return load_scenario_text(text, "test.yaml"); }

BatchResult run(const LoadedScenario& loaded, unsigned threads = 2,
               std::uint32_t count = replications) {
    return run_batch(*loaded.model, {.replications = count, .seed = seed,
                                     .threads = threads,
                                     .uncertainty = loaded.uncertainty.get()});
}

std::int64_t cents(double euros) { return std::llround(euros * 100.0); }

/// An amount as a scenario writes it: "152.37".
std::string amount_text(double euros) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(2) << euros;
    return text.str();
}

bool has_key(const BatchResult& batch, const std::string& metric, const std::string& strategy) {
    return std::any_of(batch.metrics.keys.begin(), batch.metrics.keys.end(),
                       [&](const MetricKey& k) {
                           return k.metric == metric && k.strategy == strategy;
                       });
}

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
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

/// With the price drawn, each replication's care cost is its care days times its own draw.
/// The care days come from the same scenario at EUR 1 a day: a price changes no flow, so
/// under the same seed both runs bill the same days (common random numbers).
void expect_cost_is_days_times_drawn_price(const std::string& terms) {
    const auto uncertain = load(scenario("{uniform: {min: 100, max: 200}}", terms));
    const auto per_day = load(scenario("1", terms));
    const BatchResult drawn = run(uncertain);
    const BatchResult days = run(per_day);
    const auto prices = column(drawn, "input", price_path);
    EXPECT_EQ(std::set<double>(prices.begin(), prices.end()).size(), prices.size())
        << "every replication draws its own price";
    for (const std::string& year : uncertain.model->calendar.year_labels) {
        const auto cost = column(drawn, "cost_care", "", year, "bought");
        const auto care_days = column(days, "cost_care", "", year, "bought");
        for (std::uint32_t r = 0; r < replications; ++r) {
            ASSERT_GT(care_days[r], 0.0);
            ASSERT_EQ(cents(care_days[r]) % 100, 0);
            EXPECT_EQ(cents(cost[r]), cents(care_days[r]) / 100 * cents(prices[r]))
                << "year " << year << ", replication " << r + 1 << ", price " << prices[r];
        }
    }
}

TEST(UncertainContracts, EachReplicationPaysItsOwnDrawnPrice) {
    expect_cost_is_days_times_drawn_price("");
}

TEST(UncertainContracts, AStrategyOnItsOwnPassPaysItsDrawnPriceToo) {
    expect_cost_is_days_times_drawn_price("behaviour: {length_of_stay: 1.2}");
}

TEST(UncertainContracts, AFixedPriceEqualToADrawGivesThatReplicationsCost) {
    const auto uncertain = load(scenario("{uniform: {min: 100, max: 200}}"));
    const BatchResult drawn = run(uncertain);
    constexpr std::uint32_t r = 5;
    const double price = column(drawn, "input", price_path)[r];
    const BatchResult fixed = run(load(scenario(amount_text(price))));
    for (const std::string& year : uncertain.model->calendar.year_labels) {
        EXPECT_EQ(column(fixed, "cost_care", "", year, "bought")[r],
                  column(drawn, "cost_care", "", year, "bought")[r])
            << "year " << year;
    }
}

TEST(UncertainContracts, ADrawnPriceOrUpcodingAloneAddsNoPass) {
    const auto loaded = load(scenario("{lognormal: {median: 150, sd_log: 0.2}}",
                                      "behaviour: {upcoding: {beta: {mean: 0.1, sd: 0.03}}}"));
    EXPECT_FALSE(loaded.model->strategies.front().changes_flows());
    const BatchResult batch = run(loaded);
    EXPECT_TRUE(has_key(batch, "admissions", ""));
    EXPECT_FALSE(has_key(batch, "admissions", "bought"));
    EXPECT_FALSE(has_key(batch, "stay_days_mean", "bought"));
    EXPECT_TRUE(has_key(batch, "cost_care", "bought"));
}

TEST(UncertainContracts, ADrawnBehaviourWithANeutralNominalIsSimulatedOnItsOwn) {
    // Nominal 1: the nominal model alone would price the strategy on the shared pass and
    // ignore every draw.
    const auto loaded = load(scenario("100", "behaviour: {length_of_stay: "
                                             "{uniform: {min: 0.5, max: 1.5}}}"));
    EXPECT_EQ(loaded.model->strategies.front().contracts.front().behaviour.length_of_stay, 1.0);
    EXPECT_TRUE(loaded.model->strategies.front().changes_flows());
    EXPECT_EQ(output::procurement_json(*loaded.model)["strategies"][0]["simulated_on_its_own"],
              true);
    const BatchResult batch = run(loaded);
    ASSERT_TRUE(has_key(batch, "stay_days_mean", "bought"));
    const auto drawn = column(batch, "input", "strategies.0.contracts.0.behaviour.length_of_stay");
    const auto own = column(batch, "stay_days_mean", "care", "", "bought");
    const auto shared = column(batch, "stay_days_mean", "care", "", "");
    std::vector<double> ratios;
    for (std::uint32_t r = 0; r < replications; ++r) {
        ratios.push_back(own[r] / shared[r]);
        // Same youths, same stays, each stretched by the draw: only the stays the window cuts
        // differ, a few per cent of them.
        EXPECT_NEAR(ratios.back(), drawn[r], 0.05 * drawn[r]) << "replication " << r + 1;
    }
    EXPECT_GT(correlation(ratios, drawn), 0.95);
}

TEST(UncertainContracts, ADrawnCeilingThatStopsAdmissionsGatesAtItsDraw) {
    // About 25 youths in care bill EUR 2,500 a day, EUR 900,000 a year: every drawn ceiling
    // stops admissions within the year, later the higher it is.
    const auto loaded = load(scenario(
        "100", "ceiling: {per_year: {uniform: {min: 200000, max: 600000}}, "
               "then: stop_admissions}"));
    constexpr std::uint32_t count = 24;
    const BatchResult batch = run(loaded, 2, count);
    const auto ceilings = column(batch, "input", "strategies.0.contracts.0.ceiling.per_year");
    const std::string& year = loaded.model->calendar.year_labels.front();
    const auto admitted = column(batch, "admissions", "care", year, "bought");
    // Poisson noise in the admissions blurs the line; at the nominal ceiling they would not
    // follow the draws at all.
    EXPECT_GT(correlation(admitted, ceilings), 0.8);
    // Billing stops at the ceiling drawn, not at the nominal one.
    const auto cost = column(batch, "cost_care", "", year, "bought");
    for (std::uint32_t r = 0; r < count; ++r) {
        EXPECT_EQ(cents(cost[r]), cents(ceilings[r])) << "replication " << r + 1;
    }
}

TEST(UncertainContracts, ResultsAreTheSameOnOneAndTwoThreads) {
    const auto loaded = load(scenario(
        "{uniform: {min: 100, max: 200}}",
        "ceiling: {per_year: {uniform: {min: 200000, max: 600000}}, then: stop_admissions}, "
        "behaviour: {length_of_stay: {uniform: {min: 0.8, max: 1.2}}}"));
    const BatchResult one = run(loaded, 1);
    const BatchResult two = run(loaded, 2);
    EXPECT_EQ(replications_csv(one.metrics), replications_csv(two.metrics));
    EXPECT_EQ(one.costs.values, two.costs.values);
}

TEST(UncertainContracts, APriceIsDrawnForAllLevelsOrLevelByLevel) {
    const std::string levels = "{severity_levels: [light, heavy]}";
    const auto all = load(scenario("{uniform: {min: 100, max: 200}}", "", levels));
    const auto by_level =
        load(scenario("{light: {uniform: {min: 100, max: 200}}, heavy: 300}", "", levels));
    ASSERT_NE(all.uncertainty, nullptr);
    ASSERT_NE(by_level.uncertainty, nullptr);
    EXPECT_EQ(all.uncertainty->keys().front().state, price_path);
    EXPECT_EQ(by_level.uncertainty->keys().front().state, price_path + ".light");
    EXPECT_EQ(all.model->strategies.front().contracts.front().price_by_level,
              std::vector<Cents>{15000});
    EXPECT_EQ(by_level.model->strategies.front().contracts.front().price_by_level,
              (std::vector<Cents>{15000, 30000}));
}

TEST(UncertainContracts, ALevelChangeCannotBeDrawn) {
    const std::string text = scenario(
        "100", "level_changes: [{after: 90 days, by: {uniform: {min: -2, max: 1}}}]");
    try {
        (void)load(text);
        FAIL() << "a drawn level change loaded";
    } catch (const ScenarioError& e) {
        EXPECT_NE(format_all(e.diagnostics()).find(
                      "level_changes[0].by cannot be given as a distribution"),
                  std::string::npos)
            << format_all(e.diagnostics());
    }
}

}  // namespace
}  // namespace careflow::testing
