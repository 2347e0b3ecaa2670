// Scenario inheritance (`extends:`) and command-line overrides (`--set PATH=VALUE`).
#include <careflow/careflow.hpp>

#include <gtest/gtest.h>

#include <string>

namespace careflow {
namespace {

const std::string dir = std::string(CAREFLOW_SOURCE_DIR) + "/tests/scenarios/extends/";

std::string errors_of(const std::string& file, const std::vector<std::string>& overrides = {}) {
    try {
        static_cast<void>(load_scenario(dir + file, overrides));
    } catch (const ScenarioError& e) {
        return format_all(e.diagnostics());
    }
    return "no error";
}

TEST(Extends, MergesStatesByNameReplacesValuesAndKeepsTheRestOfTheBase) {
    const auto model = load_scenario(dir + "child.yaml").model;
    EXPECT_EQ(model->name, "child");
    ASSERT_EQ(model->state_count(), 3u);
    EXPECT_EQ(model->states[0].name, "care");
    EXPECT_EQ(model->states[0].places, 20u);  // the child's
    EXPECT_EQ(model->states[0].length_of_stay->kind, DistributionKind::exponential);  // replaced
    EXPECT_EQ(model->states[0].next.size(), 1u);  // the base's routing kept
    EXPECT_EQ(model->states[1].name, "home");     // untouched base state
    EXPECT_EQ(model->states[2].name, "extra");    // appended
    EXPECT_EQ(model->arrivals.size(), 2u);
    EXPECT_EQ(model->run.replications, 4u);       // from the base
}

TEST(Extends, ErrorsNameTheFileTheValueCameFrom) {
    EXPECT_EQ(errors_of("bad_child.yaml"),
              dir + "bad_child.yaml:5:15: error: states.home.capacity must be a whole number of "
                    "places >= 0, 'unlimited', or staff, got '-3'\n"
                    "  hint: e.g. 'capacity: 12' or 'capacity: {fte: 10, caseload_per_fte: 1.2}'\n");
    EXPECT_NE(errors_of("child_of_bad.yaml").find(dir + "bad_base.yaml:5:28: error:"),
              std::string::npos)
        << errors_of("child_of_bad.yaml");
}

TEST(Extends, ACycleIsAnError) {
    EXPECT_NE(errors_of("cycle_a.yaml").find("extends itself"), std::string::npos)
        << errors_of("cycle_a.yaml");
}

TEST(Overrides, ReplaceAValueAddressedByStateName) {
    const auto model =
        load_scenario(dir + "child.yaml", {"states.home.capacity=7", "run.replications=2"}).model;
    EXPECT_EQ(model->states[1].places, 7u);
    EXPECT_EQ(model->run.replications, 2u);
}

TEST(Overrides, AcceptAFlowMapAsTheValue) {
    const auto model =
        load_scenario(dir + "base.yaml", {"states.care.capacity={fte: 4, caseload_per_fte: 2}"})
            .model;
    ASSERT_TRUE(model->states[0].staff.has_value());
    EXPECT_EQ(model->states[0].staff->fte, 4.0);
}

TEST(Overrides, ErrorsNameTheFlag) {
    EXPECT_EQ(errors_of("base.yaml", {"states.cure.capacity=3"}),
              "--set states.cure.capacity=3: error: no list item named 'cure'\n"
              "  known names: care, home\n"
              "  hint: or address an item by its index, 0 to 1\n");
    EXPECT_EQ(errors_of("base.yaml", {"states.2.capacity=3"}),
              "--set states.2.capacity=3: error: no list item at index 2 (the list has 2)\n"
              "  known names: care, home\n"
              "  hint: or address an item by its index, 0 to 1\n");
    EXPECT_EQ(errors_of("base.yaml", {"states.1.capacity=3"}), "no error");  // "home", by index
    EXPECT_EQ(errors_of("base.yaml", {"run.replications=many"}),
              "--set run.replications=many: error: run.replications must be a whole number, got "
              "'many'\n");
    EXPECT_EQ(errors_of("base.yaml", {"run.seeed=3"}),
              "--set run.seeed=3: error: unknown key 'seeed' in run\n"
              "  hint: did you mean 'seed'?\n"
              "  known keys: horizon, replications, seed, warmup\n");
    EXPECT_EQ(errors_of("base.yaml", {"run.horizon.x.y=1"}),
              "--set run.horizon.x.y=1: error: 'horizon' is a single value, so 'x' cannot be "
              "inside it\n");
    EXPECT_EQ(errors_of("base.yaml", {"run.seed="}),
              "--set run.seed=: error: expected a value after '='\n"
              "  hint: e.g. --set run.replications=50\n");
    EXPECT_EQ(errors_of("base.yaml", {"extends=child.yaml"}),
              "--set extends=child.yaml: error: 'extends' cannot be set on the command line\n"
              "  hint: bases are merged before --set applies; write extends in the file\n");
    EXPECT_EQ(errors_of("base.yaml", {"no-equals-sign"}),
              "--set no-equals-sign: error: expected PATH=VALUE\n"
              "  hint: e.g. --set states.residential.capacity=40\n");
}

}  // namespace
}  // namespace careflow
