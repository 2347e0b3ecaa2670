// Providers and strategies resolve to Model::providers, deliveries and strategies.
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

namespace careflow {
namespace {

std::string num(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return text;
}

template <typename T>
std::string list(const std::vector<T>& values) {
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        text += (i == 0 ? "" : ", ");
        if constexpr (std::is_floating_point_v<T>) {
            text += num(values[i]);
        } else {
            text += std::to_string(values[i]);
        }
    }
    return text + "]";
}

std::string dump(const Contract& c) {
    std::string text = "  contract state " + std::to_string(index(c.state)) + " provider " +
                       std::to_string(c.provider) + " scheme " +
                       std::to_string(static_cast<int>(c.scheme)) + " price " +
                       list(c.price_by_level) + " units " + list(c.units_per_week_by_level) +
                       " unit '" + c.unit + "' days " +
                       std::to_string(static_cast<int>(c.day_count)) + " pro_rata " +
                       (c.pro_rata ? "yes" : "no") + " max_days " +
                       (c.max_days ? num(*c.max_days) : std::string("none")) + " budget " +
                       std::to_string(c.budget_per_year) + " cost_per_place " +
                       (c.cost_per_place_per_year ? std::to_string(*c.cost_per_place_per_year)
                                                  : std::string("none")) +
                       "\n    ceiling ";
    if (c.ceiling) {
        text += std::to_string(c.ceiling->per_year) + " rule " +
                std::to_string(static_cast<int>(c.ceiling->rule)) + " reduced " +
                num(c.ceiling->reduced_share);
    } else {
        text += "none";
    }
    text += " level_changes";
    for (const LevelChange& change : c.level_changes) {
        text += " " + num(change.after_days) + ":" + std::to_string(change.by);
    }
    text += "\n    bonus " + std::to_string(c.substitution_bonus) + " " +
            std::to_string(c.outcome_bonus) + " savings " +
            (c.shared_savings ? std::to_string(c.shared_savings->baseline_per_year) + " x " +
                                    num(c.shared_savings->share)
                              : std::string("none")) +
            " admin " + std::to_string(c.admin_per_claim) + " " +
            std::to_string(c.admin_per_contract_year) + " behaviour " +
            num(c.behaviour.length_of_stay) + " " + num(c.behaviour.step_down) + " " +
            num(c.behaviour.upcoding) + " " + num(c.behaviour.readmission) + "\n";
    return text;
}

/// Providers, deliveries and strategies as text, one item a line, for readable diffs.
std::string dump_procurement(const Model& m) {
    std::string text;
    for (const Provider& p : m.providers) text += "provider '" + p.name + "'\n";
    for (const Delivery& d : m.deliveries) {
        text += "delivery provider " + std::to_string(d.provider) + " state " +
                std::to_string(index(d.state)) + " share " + num(d.share) + "\n";
    }
    for (const Strategy& s : m.strategies) {
        text += "strategy '" + s.name + "' '" + s.description + "' indexation " +
                num(s.indexation_per_year) + "\n";
        for (const Contract& c : s.contracts) text += dump(c);
    }
    return text;
}

const std::string region = R"(
version: 2
youth:
  severity_levels: [light, heavy]
run: {horizon: 3 years, replications: 2, seed: 1}
states:
  - name: ambulatory
    length_of_stay: {exponential: {mean: 90 days}}
    next: {exit: 0.9, residential: 0.1}
  - name: residential
    capacity: 40
    length_of_stay: {exponential: {mean: 1 year}}
    next: {exit: 1}
  - name: closed
    capacity: 10
    length_of_stay: {exponential: {mean: 6 months}}
    next: {exit: 1}
arrivals:
  - {to: ambulatory, per_year: 200}
  - {to: closed, per_year: 5}
)";

std::shared_ptr<const Model> with_region(const std::string& procurement) {
    return testing::model_from_yaml(region + procurement);
}

TEST(Procurement, AFullExampleResolvesEveryFieldExpandsContractsAndAddsOther) {
    const auto model = with_region(R"(
providers:
  - name: Pluryn
    delivers: {residential: 0.6, closed: 1.0}
  - name: Lindenhout
    delivers: {residential: 0.4, ambulatory: 0.25}
strategies:
  - name: day-price
    description: Day prices for residential care
    indexation: 0.025
    contracts:
      - state: residential            # no provider: one contract for Pluryn, one for Lindenhout
        scheme: day_price
        price: 280.5
        days: both
        ceiling: {per_year: 2000000, then: reduced_tariff, reduced_share: 0.7}
        level_changes: [{after: 1 year, by: -1}, {after: 90 days, by: -1}]
        bonus: {substitution: 500, outcome: 1000.01, shared_savings: {baseline: 2000000, share: 0.5}}
        admin: {per_claim: 12.50, per_contract_year: 2500}
        behaviour: {length_of_stay: 1.1, step_down: 0.9, upcoding: 0.1, readmission: 1.2}
      - state: ambulatory
        provider: Lindenhout
        scheme: per_unit
        price: {heavy: 120.05, light: 95}
        units_per_week: {light: 1.5, heavy: 3}
        unit: day_part
      - state: ambulatory
        provider: other               # the provider of the 0.75 nobody listed takes
        scheme: monthly
        price: 1500
        months: pro_rata
        ceiling: {per_year: 100000.99, then: stop_admissions}
  - name: budget
    indexation: -0.01
    contracts:
      - {state: closed, scheme: lump_sum, budget: 1200000, cost_per_place: 100000}
      - {state: residential, provider: Pluryn, scheme: trajectory, price: 40000, max_duration: 1 year}
      - {state: ambulatory, scheme: per_unit, price: 60, units_per_week: 2}
)");
    const std::string want =
        "provider 'Pluryn'\n"
        "provider 'Lindenhout'\n"
        "provider 'other'\n"
        "delivery provider 0 state 1 share 0.6\n"
        "delivery provider 0 state 2 share 1\n"
        "delivery provider 1 state 1 share 0.4\n"
        "delivery provider 1 state 0 share 0.25\n"
        "delivery provider 2 state 0 share 0.75\n"
        "strategy 'day-price' 'Day prices for residential care' indexation 0.025\n"
        "  contract state 1 provider 0 scheme 1 price [28050] units [] unit '' days 1 pro_rata "
        "no max_days none budget 0 cost_per_place none\n"
        "    ceiling 200000000 rule 1 reduced 0.7 level_changes 90:-1 365.25:-1\n"
        "    bonus 50000 100001 savings 200000000 x 0.5 admin 1250 250000 behaviour 1.1 0.9 0.1 "
        "1.2\n"
        "  contract state 1 provider 1 scheme 1 price [28050] units [] unit '' days 1 pro_rata "
        "no max_days none budget 0 cost_per_place none\n"
        "    ceiling 200000000 rule 1 reduced 0.7 level_changes 90:-1 365.25:-1\n"
        "    bonus 50000 100001 savings 200000000 x 0.5 admin 1250 250000 behaviour 1.1 0.9 0.1 "
        "1.2\n"
        "  contract state 0 provider 1 scheme 0 price [9500, 12005] units [1.5, 3] unit "
        "'day_part' days 0 pro_rata no max_days none budget 0 cost_per_place none\n"
        "    ceiling none level_changes\n"
        "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
        "  contract state 0 provider 2 scheme 2 price [150000] units [] unit '' days 0 pro_rata "
        "yes max_days none budget 0 cost_per_place none\n"
        "    ceiling 10000099 rule 0 reduced 0 level_changes\n"
        "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
        "strategy 'budget' '' indexation -0.01\n"
        "  contract state 2 provider 0 scheme 4 price [] units [] unit '' days 0 pro_rata no "
        "max_days none budget 120000000 cost_per_place 10000000\n"
        "    ceiling none level_changes\n"
        "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
        "  contract state 1 provider 0 scheme 3 price [4000000] units [] unit '' days 0 "
        "pro_rata no max_days 365.25 budget 0 cost_per_place none\n"
        "    ceiling none level_changes\n"
        "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
        "  contract state 0 provider 1 scheme 0 price [6000] units [2] unit 'hour' days 0 "
        "pro_rata no max_days none budget 0 cost_per_place none\n"
        "    ceiling none level_changes\n"
        "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
        "  contract state 0 provider 2 scheme 0 price [6000] units [2] unit 'hour' days 0 "
        "pro_rata no max_days none budget 0 cost_per_place none\n"
        "    ceiling none level_changes\n"
        "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n";
    EXPECT_EQ(dump_procurement(*model), want);
    EXPECT_TRUE(model->strategies[0].changes_flows());   // behaviour
    EXPECT_TRUE(model->strategies[1].changes_flows());   // funded places
    EXPECT_EQ(model->strategies[1].contracts[0].funded_places(), 12u);
}

TEST(Procurement, WithoutProvidersOrStrategiesTheModelHasNone) {
    const auto model = with_region("");
    EXPECT_TRUE(model->providers.empty());
    EXPECT_TRUE(model->deliveries.empty());
    EXPECT_TRUE(model->strategies.empty());
}

TEST(Procurement, StrategiesWithoutProvidersLeaveEveryStateToOther) {
    const auto model = with_region(R"(
strategies:
  - name: flat
    contracts:
      - {state: residential, scheme: day_price, price: 250}
)");
    EXPECT_EQ(dump_procurement(*model),
              "provider 'other'\n"
              "delivery provider 0 state 0 share 1\n"
              "delivery provider 0 state 1 share 1\n"
              "delivery provider 0 state 2 share 1\n"
              "strategy 'flat' '' indexation 0\n"
              "  contract state 1 provider 0 scheme 1 price [25000] units [] unit '' days 0 "
              "pro_rata no max_days none budget 0 cost_per_place none\n"
              "    ceiling none level_changes\n"
              "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n");
}

TEST(Procurement, ProvidersWithoutStrategiesStillGetOtherForTheRest) {
    const auto model = with_region(R"(
providers:
  - {name: Pluryn, delivers: {residential: 0.5}}
)");
    EXPECT_EQ(dump_procurement(*model),
              "provider 'Pluryn'\n"
              "provider 'other'\n"
              "delivery provider 0 state 1 share 0.5\n"
              "delivery provider 1 state 0 share 1\n"
              "delivery provider 1 state 1 share 0.5\n"
              "delivery provider 1 state 2 share 1\n");
}

TEST(Procurement, StatesWhollyDeliveredByListedProvidersNeedNoOther) {
    const auto model = with_region(R"(
providers:
  - {name: A, delivers: {ambulatory: 0.1, residential: 0.7, closed: 1}}
  - {name: B, delivers: {ambulatory: 0.2, residential: 0.3}}
  - {name: C, delivers: {ambulatory: 0.7}}
)");
    ASSERT_EQ(model->providers.size(), 3u);
    EXPECT_EQ(model->providers.back().name, "C");
    EXPECT_EQ(model->deliveries.size(), 6u);
}

TEST(Procurement, SharesMayExceedOneByRoundingOnly) {
    EXPECT_NO_THROW(static_cast<void>(with_region(R"(
providers:
  - {name: A, delivers: {residential: 0.3333334}}
  - {name: B, delivers: {residential: 0.3333334}}
  - {name: C, delivers: {residential: 0.3333334}}
)")));
    EXPECT_THROW(static_cast<void>(with_region(R"(
providers:
  - {name: A, delivers: {residential: 0.5}}
  - {name: B, delivers: {residential: 0.50001}}
)")),
                 ScenarioError);
}

const std::string extends_dir = std::string(CAREFLOW_SOURCE_DIR) + "/tests/scenarios/extends/";

// The child's contract for Pluryn is added to the base's contract for every provider of
// `care`, and beats it for Pluryn: Lindenhout and other keep the base's day price.
TEST(Procurement, ExtendsMergesProvidersAndStrategiesByNameAndAContractForOneProviderBeatsTheBase) {
    const auto model = load_scenario(extends_dir + "procurement_child.yaml").model;
    EXPECT_EQ(dump_procurement(*model),
              "provider 'Pluryn'\n"
              "provider 'Lindenhout'\n"
              "provider 'other'\n"
              "delivery provider 0 state 0 share 0.5\n"  // the child's share, merged by name
              "delivery provider 1 state 0 share 0.3\n"
              "delivery provider 2 state 0 share 0.2\n"
              "delivery provider 2 state 1 share 1\n"
              "strategy 'day-price' 'from the base' indexation 0.03\n"
              "  contract state 0 provider 0 scheme 2 price [150000] units [] unit '' days 0 "
              "pro_rata no max_days none budget 0 cost_per_place none\n"
              "    ceiling none level_changes\n"
              "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
              "  contract state 0 provider 1 scheme 1 price [28000] units [] unit '' days 0 "
              "pro_rata no max_days none budget 0 cost_per_place none\n"
              "    ceiling none level_changes\n"
              "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
              "  contract state 0 provider 2 scheme 1 price [28000] units [] unit '' days 0 "
              "pro_rata no max_days none budget 0 cost_per_place none\n"
              "    ceiling none level_changes\n"
              "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n"
              "strategy 'budget' '' indexation 0\n"
              "  contract state 1 provider 2 scheme 4 price [] units [] unit '' days 0 pro_rata "
              "no max_days none budget 50000000 cost_per_place none\n"
              "    ceiling none level_changes\n"
              "    bonus 0 0 savings none admin 0 0 behaviour 1 1 0 1\n");
}

TEST(Procurement, OverridesAddressStrategiesAndProvidersByName) {
    const auto model = load_scenario(extends_dir + "procurement_child.yaml",
                                     {"strategies.day-price.indexation=0.05",
                                      "providers.Lindenhout.delivers.care=0.5"})
                           .model;
    EXPECT_EQ(model->strategies[0].indexation_per_year, 0.05);
    EXPECT_EQ(model->deliveries[1].share, 0.5);
    ASSERT_EQ(model->deliveries.size(), 3u);  // Pluryn and Lindenhout take all of care ...
    EXPECT_EQ(model->deliveries[2].provider, 2u);  // ... and "other" all of home
    EXPECT_EQ(model->deliveries[2].state, make_id<StateId>(1));
}

}  // namespace
}  // namespace careflow
