// Typed setters: a drawn value written into the nominal model by its binding gives exactly
// the model that resolving the YAML with the value written in gives.
#include "output/manifest.hpp"
#include "scenario/uncertain_inputs.hpp"
#include "scenario/validate.hpp"

#include <careflow/careflow.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace careflow {
namespace {

const scenario::UncertainInputs& inputs_of(const LoadedScenario& loaded) {
    return dynamic_cast<const scenario::UncertainInputs&>(*loaded.uncertainty);
}

/// What a model is, as far as anything can tell: its resolved parameters (the manifest's
/// scenario part) and the metrics of one replication.
/// (Behaviour::drawn marks the nominal model's drawn multipliers; what a model does never
/// depends on it, so it is left out.)
std::string fingerprint(Model model) {
    const BatchResult batch = run_batch(model, {.replications = 1, .seed = 5, .threads = 1});
    for (Strategy& strategy : model.strategies) {
        for (Contract& c : strategy.contracts) c.behaviour.drawn = false;
    }
    return output::manifest_json(model, RunRecord{}) + replications_csv(batch.metrics) +
           replications_csv(batch.costs);
}

/// For draws 0..n-1 under `seed`: the setters' model equals the resolved YAML's model.
void expect_setters_match_resolving(const LoadedScenario& loaded, std::uint32_t n) {
    const auto& inputs = inputs_of(loaded);
    ASSERT_TRUE(inputs.all_bound());
    for (std::uint32_t r = 0; r < n; ++r) {
        const auto values = inputs.values(17, r);
        std::vector<std::string> problems;
        const Model set = inputs.model_set(values, problems);
        EXPECT_TRUE(problems.empty()) << "replication " << r << ": " << problems.front();
        std::vector<Diagnostic> errors;
        const auto resolved = inputs.model_resolved(values, errors);
        ASSERT_TRUE(resolved.has_value()) << errors.front().message;
        EXPECT_EQ(fingerprint(set), fingerprint(*resolved)) << "replication " << r;
    }
}

/// Loads `text`, which has `inputs` uncertain inputs, and expects the setters' models of six
/// draws to equal the resolved ones.
void expect_scenario_matches(const char* text, std::size_t inputs) {
    const LoadedScenario loaded = load_scenario_text(text, "test.yaml", {});
    EXPECT_EQ(inputs_of(loaded).inputs().size(), inputs);
    expect_setters_match_resolving(loaded, 6);
}

// Every kind of value that has a binding, each uncertain.
const char* const every_bound_kind = R"(version: 2
run: {horizon: 1 year, warmup: 0.5 years, replications: 4, seed: 3}
states:
  - name: ambulatory
    capacity: {fte: {uniform: {min: 8, max: 12}}, caseload_per_fte: {uniform: {min: 1.5, max: 2.5}},
               attrition_per_year: {uniform: {min: 0.1, max: 0.3}}, hiring_per_year: {uniform: {min: 1, max: 3}},
               max_fte: {uniform: {min: 13, max: 15}}}
    max_age: {uniform: {min: 17, max: 19}}
    length_of_stay: {lognormal: {mean: {uniform: {min: 100 days, max: 140 days}}, sd: {uniform: {min: 40 days, max: 60 days}}}}
    next: {exit: 0.8, residential: 0.2}
    transitions:
      - {to: crisis, type: escalation, per_year: {uniform: {min: 0.05, max: 0.2}}, guardianship: {uniform: {min: 1, max: 2}}}
      - {to: exit, type: completion, after: {gamma: {mean: {uniform: {min: 200 days, max: 300 days}}, cv: {uniform: {min: 0.4, max: 0.8}}}}}
    waitlist:
      norm: {uniform: {min: 50 days, max: 100 days}}
      renege_per_year: {uniform: {min: 0.1, max: 0.3}}
      bridging: local_team
      escalation_growth_per_week: {uniform: {min: 0.01, max: 0.03}}
      while_waiting:
        - {type: deterioration, per_year: {uniform: {min: 0.2, max: 0.6}}, growth_per_week: {uniform: {min: 0, max: 0.05}}}
        - {type: escalation, to: crisis, per_year: {uniform: {min: 0.05, max: 0.2}}, in_bridging: {uniform: {min: 0.3, max: 0.7}}}
        - type: renege
          per_year: {uniform: {min: 0.1, max: 0.3}}
          comes_back: {share: {uniform: {min: 0.2, max: 0.6}}, after: {uniform: {min: {uniform: {min: 10 days, max: 20 days}}, max: {uniform: {min: 40 days, max: 60 days}}}}}
  - name: local_team
    capacity: {uniform: {min: 20, max: 40}}
    length_of_stay: {deterministic: {uniform: {min: 30 days, max: 60 days}}}
    next: {exit: 1}
  - name: residential
    capacity: 5
    length_of_stay: {weibull: {shape: {uniform: {min: 1.2, max: 2}}, scale: {uniform: {min: 150 days, max: 250 days}}}}
    next: {exit: 1}
  - name: crisis
    length_of_stay: {exponential: {mean: {uniform: {min: 10 days, max: 30 days}}}}
    next: {exit: 1}
arrivals:
  - name: referrals
    to: ambulatory
    per_year: {uniform: {min: 60, max: 120}}
    trend_per_year: {uniform: {min: -0.05, max: 0.1}}
    seasonality: [1, 1, {uniform: {min: 0.8, max: 1.2}}, 1, 1, 1, 1, 1, 1, 1, 1, 1]
)";

TEST(TypedSetters, GiveTheModelResolvingGivesForEveryBoundKind) {
    expect_scenario_matches(every_bound_kind, 31);
}

// The rest: youth mixes and factors, initial stock, policies, re-entry, come-backs.
const char* const more_bound_kinds = R"(version: 2
run: {horizon: 2 years, warmup: 0.5 years, replications: 4, seed: 3}
youth: {severity_levels: [light, severe], age_bands: [0, 12, 16]}
states:
  - name: care
    capacity: 30
    length_of_stay: {exponential: {mean: 100 days}}
    next: {exit: 1}
    transitions:
      - {to: crisis, type: escalation, per_year: 0.1,
         by_severity: {severe: {uniform: {min: 2, max: 4}}}, by_age_band: {12-15: {uniform: {min: 1, max: 2}}}}
    waitlist:
      while_waiting:
        - {type: renege, per_year: 0.5, comes_back: {share: 0.5, after: {exponential: {mean: 30 days}},
           severity_shift: {uniform: {min: 0, max: 1}}}}
  - {name: crisis, length_of_stay: {exponential: {mean: 20 days}}, next: {exit: 1}}
arrivals:
  - {to: care, per_year: 150, age: [[{uniform: {min: 4, max: 8}}, 12, 0.5], [12, 18, 0.5]],
     severity: {light: 0.7, severe: 0.3}, guardianship: {uniform: {min: 0.05, max: 0.15}}}
initial_stock:
  - {state: care, count: {uniform: {min: 20, max: 30}}, age: [[0, 18, 1]],
     in_care_for: {exponential: {mean: {uniform: {min: 50 days, max: 150 days}}}}}
policies:
  - name: more places
    from: {uniform: {min: 0.5 years, max: 1 year}}
    until: {uniform: {min: 1.5 years, max: 1.9 years}}
    changes:
      - {places: care, to: {uniform: {min: 35, max: 45}}}
      - {rates: care, factor: {uniform: {min: 0.5, max: 1}}}
re_entry: {share: {uniform: {min: 0.05, max: 0.15}}, within: {uniform: {min: 100 days, max: 300 days}}, to: care}
)";

TEST(TypedSetters, GiveTheModelResolvingGivesForMixesStocksPoliciesAndReEntry) {
    expect_scenario_matches(more_bound_kinds, 13);
}

TEST(TypedSetters, CoverEveryUncertainInputOfNoordVeluwe) {
    const LoadedScenario loaded =
        load_scenario(std::string(CAREFLOW_SOURCE_DIR) + "/scenarios/noord-veluwe-2019.yaml");
    expect_setters_match_resolving(loaded, 3);
}

TEST(TypedSetters, AnAliasedValueIsWrittenEverywhereItIsUsed) {
    const std::string text = R"(version: 2
run: {horizon: 1 year, replications: 2, seed: 3}
states:
  - name: a
    length_of_stay: {exponential: {mean: &stay {uniform: {min: 20 days, max: 40 days}}}}
    next: {exit: 1}
  - name: b
    length_of_stay: {exponential: {mean: *stay}}
    next: {exit: 1}
arrivals: [{to: a, per_year: 50}, {to: b, per_year: 50}]
)";
    const LoadedScenario loaded = load_scenario_text(text, "alias.yaml", {});
    ASSERT_EQ(inputs_of(loaded).inputs().size(), 1U);
    std::vector<std::string> problems;
    const Model set = inputs_of(loaded).model_set({33.0}, problems);
    EXPECT_EQ(set.states[0].length_of_stay->mean_days, 33.0);
    EXPECT_EQ(set.states[1].length_of_stay->mean_days, 33.0);
}

// Contract terms, each uncertain: one entry for two providers (two contracts), aliases shared
// by two strategies.
const char* const uncertain_contracts = R"(version: 2
run: {horizon: 2 years, warmup: 0.5 years, replications: 4, seed: 3}
youth: {severity_levels: [light, heavy]}
states:
  - {name: care, capacity: 40, length_of_stay: {exponential: {mean: 120 days}}, next: {exit: 0.9, home: 0.1}}
  - {name: home, length_of_stay: {exponential: {mean: 200 days}}, next: {exit: 1}}
arrivals:
  - {to: care, per_year: 120, severity: {light: 0.6, heavy: 0.4}}
providers:
  - {name: a, delivers: {care: 0.5}}
  - {name: b, delivers: {care: 0.5, home: 1}}
strategies:
  - name: day
    indexation: {uniform: {min: 0.01, max: 0.04}}
    contracts:
      - state: care
        scheme: day_price
        price: {light: {uniform: {min: 200, max: 260}}, heavy: 300}
        ceiling: {per_year: {uniform: {min: 2000000, max: 3000000}}, then: reduced_tariff, reduced_share: {uniform: {min: 0.5, max: 0.9}}}
        admin: {per_claim: {uniform: {min: 10, max: 15}}, per_contract_year: 2500}
        waiting: {per_week: {uniform: {min: 20, max: 40}}}
        bonus: {substitution: {uniform: {min: 300, max: 700}}, shared_savings: {baseline: {uniform: {min: 1000000, max: 2000000}}, share: 0.5}}
      - &home {state: home, scheme: per_unit, price: 78, units_per_week: {light: {uniform: {min: 0.5, max: 1.5}}, heavy: 2}}
  - name: budget
    contracts:
      - {state: care, scheme: lump_sum, budget: {uniform: {min: 3000000, max: 4000000}}, cost_per_place: {uniform: {min: 90000, max: 110000}}}
      - *home
  - name: trajectory
    contracts:
      - {state: care, scheme: trajectory, price: {uniform: {min: 20000, max: 30000}}, max_duration: {uniform: {min: 200 days, max: 400 days}},
         behaviour: {upcoding: {uniform: {min: 0, max: 0.2}}}}
      - *home
)";

TEST(TypedSetters, GiveTheModelResolvingGivesForContractTerms) {
    expect_scenario_matches(uncertain_contracts, 14);
}

TEST(TypedSetters, ReachOnlyTheContractsAnEntryStillSets) {
    // The first entry covers both providers; the second names b and takes b's contract over,
    // so the first entry's drawn price reaches a's contract alone.
    const std::string text = R"(version: 2
run: {horizon: 1 year, replications: 2, seed: 3}
states:
  - {name: care, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: care, per_year: 50}]
providers:
  - {name: a, delivers: {care: 0.5}}
  - {name: b, delivers: {care: 0.5}}
strategies:
  - name: s
    contracts:
      - {state: care, scheme: day_price, price: {uniform: {min: 100, max: 200}}}
      - {state: care, provider: b, scheme: day_price, price: {uniform: {min: 300, max: 400}}}
)";
    const LoadedScenario loaded = load_scenario_text(text, "override.yaml", {});
    const auto& inputs = inputs_of(loaded);
    ASSERT_TRUE(inputs.all_bound());
    std::vector<std::string> problems;
    const Model set = inputs.model_set({123.45, 345.67}, problems);
    const auto& contracts = set.strategies[0].contracts;
    ASSERT_EQ(contracts.size(), 2U);
    for (const Contract& c : contracts) {
        const Cents want = set.providers[c.provider].name == "a" ? 12345 : 34567;
        EXPECT_EQ(c.price_by_level.front(), want) << set.providers[c.provider].name;
    }
}

TEST(TypedSetters, KeepLevelChangesSortedByWhenTheyApply) {
    const std::string text = R"(version: 2
run: {horizon: 1 year, replications: 2, seed: 3}
youth: {severity_levels: [light, heavy]}
states:
  - {name: a, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: a, per_year: 50}]
strategies:
  - name: s
    contracts:
      - {state: a, scheme: day_price, price: {light: 100, heavy: 200},
         level_changes: [{after: {uniform: {min: 50 days, max: 150 days}}, by: 1},
                         {after: 120 days, by: -1}]}
)";
    const LoadedScenario loaded = load_scenario_text(text, "level-changes.yaml", {});
    expect_setters_match_resolving(loaded, 8);
    std::vector<std::string> problems;
    const Model set = inputs_of(loaded).model_set({140.0}, problems);
    const auto& changes = set.strategies[0].contracts[0].level_changes;
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[0].after_days, 120.0);
    EXPECT_EQ(changes[0].by, -1);
    EXPECT_EQ(changes[1].after_days, 140.0);
}

TEST(TypedSetters, MoveTheRemainderProviderWithADrawnShare) {
    const std::string text = R"(version: 2
run: {horizon: 1 year, replications: 2, seed: 3}
states:
  - {name: a, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: a, per_year: 80}]
providers:
  - {name: p, delivers: {a: {uniform: {min: 0.3, max: 0.6}}}}
  - {name: q, delivers: {a: 0.2}}
strategies:
  - name: s
    contracts: [{state: a, scheme: day_price, price: 100}]
)";
    const LoadedScenario loaded = load_scenario_text(text, "shares.yaml", {});
    expect_setters_match_resolving(loaded, 8);
    std::vector<std::string> problems;
    const Model set = inputs_of(loaded).model_set({0.55}, problems);
    ASSERT_EQ(set.providers.back().name, "other");
    EXPECT_DOUBLE_EQ(set.deliveries.back().share, 1.0 - (0.55 + 0.2));
}

TEST(TypedSetters, RefuseAtLoadAShareThatLeavesAdmissionsToNoProvider) {
    // The listed shares sum to 1, so there is no 'other' provider to take what a lower draw
    // leaves: the providers would change from one replication to the next.
    const std::string text = R"(version: 2
run: {horizon: 1 year, replications: 2, seed: 3}
states:
  - {name: a, length_of_stay: {exponential: {mean: 30 days}}, next: {exit: 1}}
arrivals: [{to: a, per_year: 80}]
providers:
  - {name: p, delivers: {a: {triangular: {min: 0.4, mode: 0.5, max: 0.5}}}}
  - {name: q, delivers: {a: 0.5}}
)";
    try {
        (void)load_scenario_text(text, "shares.yaml", {});
        FAIL() << "expected a ScenarioError";
    } catch (const ScenarioError& e) {
        const std::string text_of = format_all(e.diagnostics());
        EXPECT_NE(text_of.find("shares.yaml:7:29"), std::string::npos) << text_of;
        EXPECT_NE(text_of.find("no provider 'other' takes the rest"), std::string::npos) << text_of;
    }
}

TEST(CheckModel, ReportsAUniformWhoseMinPassedItsMax) {
    Model model;
    model.run = {.horizon_days = 365.0, .replications = 1, .seed = 1};
    CareState state{.name = "care"};
    Distribution stay{.kind = DistributionKind::uniform, .low = 50.0, .high = 40.0,
                      .mean_days = 45.0};
    state.length_of_stay = stay;
    state.next = {{StateId::exit, 1.0}};
    model.states.push_back(state);
    const auto problems = scenario::check_model(model);
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_NE(problems.front().find("states.care.length_of_stay"), std::string::npos);
    EXPECT_NE(problems.front().find("must be greater than its min"), std::string::npos);
    model.states.front().length_of_stay->high = 60.0;
    EXPECT_TRUE(scenario::check_model(model).empty());
}

}  // namespace
}  // namespace careflow
