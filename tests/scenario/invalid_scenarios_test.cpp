// Bad scenarios give exactly the diagnostics in their golden .err files; good ones load.
#include <careflow/careflow.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace careflow {
namespace {

const std::filesystem::path source_dir{CAREFLOW_SOURCE_DIR};

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Listed by hand, not globbed: a file that goes missing fails the test instead of vanishing.
// Each name has tests/scenarios/invalid/<name>.yaml and its golden <name>.err.
const std::vector<std::string> invalid_scenarios{
    "capacity_not_a_number",
    "distribution_two_kinds",
    "duplicate_key",
    "duplicate_state",
    "duration_without_unit",
    "empirical_not_increasing",
    "empirical_probabilities_not_summing",
    "empty",
    "exit_unreachable",
    "gamma_mean_and_shape",
    "malformed_indentation",
    "malformed_unclosed_bracket",
    "missing_horizon",
    "missing_length_of_stay",
    "missing_next",
    "missing_version",
    "negative_capacity",
    "negative_duration",
    "negative_rate",
    "negative_seed",
    "probabilities_not_summing",
    "probability_out_of_range",
    "replications_too_many",
    "replications_zero",
    "several_problems",
    "uniform_max_not_above_min",
    "unknown_key_in_run",
    "unknown_key_in_state",
    "unknown_state_in_arrivals",
    "unknown_state_in_next",
    "unknown_top_level_key",
    "unsupported_version",
    "wrong_type_list_for_map",
    "wrong_type_text_for_number",
    "zero_duration",
    "zero_rate",
    "gamma_mixed_forms",
    "repeated_route",
    "malformed_tab",
    "duplicate_state_with_errors",
    "seed_too_large",
    "version_1_with_new_keys",
    "behaviour_upcoding_out_of_range",
    "contract_key_not_for_scheme",
    "contract_missing_price",
    "contract_unknown_key",
    "duplicate_contract",
    "money_three_decimals",
    "price_level_missing",
    "provider_names",
    "provider_not_delivering_state",
    "provider_shares_over_one",
    "strategy_unknown_scheme",
    "version_1_with_strategies",
    "input_sd_log_negative",
    "input_unknown_kind",
    "input_uniform_min_above_max",
    "input_draws_outside_range",
    "input_share_above_one",
    "input_route_cannot_vary",
    "input_in_run",
    "input_contract_price_negative",
    "input_ceiling_share_above_one",
    "input_ceiling_can_be_zero",
    "input_min_can_exceed_max",
    "waiting_clock_unknown_type",
    "waiting_escalation_without_to",
    "waiting_to_on_renege",
    "waiting_escalation_to_itself",
    "waiting_clock_negative_rate",
    "waiting_comes_back_not_renege",
    "waiting_severity_shift_out_of_range",
    "waiting_support_day_and_week",
};

class InvalidScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidScenario, IsRejectedWithExactlyTheGoldenDiagnostics) {
    const std::filesystem::path folder = source_dir / "tests" / "scenarios" / "invalid";
    const std::string& name = GetParam();
    const std::string text = read_text(folder / (name + ".yaml"));
    const std::string want = read_text(folder / (name + ".err"));
    try {
        (void)load_scenario_text(text, "invalid/" + name + ".yaml");
        FAIL() << "invalid/" << name << ".yaml loaded without a ScenarioError";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(format_all(e.diagnostics()), want);
        EXPECT_TRUE(std::all_of(e.diagnostics().begin(), e.diagnostics().end(),
                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
    }
}

INSTANTIATE_TEST_SUITE_P(Golden, InvalidScenario, ::testing::ValuesIn(invalid_scenarios),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                             return param.param;
                         });

TEST(ScenarioErrors, SeveralProblemsAreAllReportedInLineOrder) {
    const std::string text =
        read_text(source_dir / "tests" / "scenarios" / "invalid" / "several_problems.yaml");
    try {
        (void)load_scenario_text(text, "several_problems.yaml");
        FAIL() << "several_problems.yaml loaded without a ScenarioError";
    } catch (const ScenarioError& e) {
        const auto& found = e.diagnostics();
        EXPECT_EQ(found.size(), 6u);
        EXPECT_TRUE(std::is_sorted(found.begin(), found.end(),
                                   [](const Diagnostic& a, const Diagnostic& b) {
                                       return a.where.line < b.where.line;
                                   }));
    }
}

TEST(BundledScenarios, AllLoadWithoutErrors) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir / "scenarios")) {
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        try {
            const LoadedScenario loaded = load_scenario(file.string());  // resolves `extends`
            EXPECT_GT(loaded.model->state_count(), 0u) << file;
        } catch (const ScenarioError& e) {
            ADD_FAILURE() << file << " does not load:\n" << format_all(e.diagnostics());
        }
    }
}

TEST(BundledScenarios, TheDefaultScenarioHasNoWarnings) {
    const std::filesystem::path file = source_dir / "scenarios" / "youth-care-region.yaml";
    const LoadedScenario loaded = load_scenario_text(read_text(file), "youth-care-region.yaml");
    EXPECT_EQ(format_all(loaded.warnings), "");
}

TEST(OverloadWarning, AnOverloadedCapacitatedStateWarnsButLoads) {
    // 120 admissions a year x 73.05 days = 24 places offered to 20.
    const std::string text = "version: 1\n"
                             "run: {horizon: 5 years, replications: 10, seed: 1}\n"
                             "states:\n"
                             "  - name: care\n"
                             "    capacity: 20\n"
                             "    length_of_stay: {exponential: {mean: 73.05 days}}\n"
                             "    next: {exit: 1}\n"
                             "  - name: advice\n"
                             "    capacity: unlimited\n"
                             "    length_of_stay: {exponential: {mean: 1 year}}\n"
                             "    next: {exit: 1}\n"
                             "arrivals:\n"
                             "  - {to: care, per_year: 120}\n"
                             "  - {to: advice, per_year: 1000}\n";
    const LoadedScenario loaded = load_scenario_text(text, "overloaded.yaml");
    EXPECT_EQ(format_all(loaded.warnings),
              "overloaded.yaml:5:15: warning: state 'care' is offered a load of 24.0 places "
              "(120 admissions per year x mean stay 73.05 days), at or above its capacity of 20; "
              "its waitlist will grow without bound\n"
              "  hint: add places, shorten stays or route fewer youths here\n");
    ASSERT_EQ(loaded.warnings.size(), 1u);
    EXPECT_EQ(loaded.warnings.front().severity, Severity::warning);
}

TEST(OverloadWarning, ALoadBelowCapacityGivesNoWarning) {
    const std::string text = "version: 1\n"
                             "run: {horizon: 5 years, replications: 10, seed: 1}\n"
                             "states:\n"
                             "  - name: care\n"
                             "    capacity: 25\n"
                             "    length_of_stay: {exponential: {mean: 73.05 days}}\n"
                             "    next: {exit: 1}\n"
                             "arrivals:\n"
                             "  - {to: care, per_year: 120}\n";
    EXPECT_TRUE(load_scenario_text(text, "fine.yaml").warnings.empty());
}

}  // namespace
}  // namespace careflow
