// `careflow validate`: load and check a scenario, print its problems, run nothing.
#include "command_options.hpp"
#include "commands.hpp"

#include <careflow/careflow.hpp>

#include <fmt/format.h>

#include <iostream>

namespace careflow::cli {

void add_validate_command(CLI::App& app, ValidateOptions& options) {
    auto* cmd = app.add_subcommand("validate", "Check a scenario file and report every problem");
    cmd->add_option("scenario", options.scenario, "Scenario YAML file")->required();
    add_repeatable_option(*cmd, "--set", options.overrides,
                          "Override a scenario value, e.g. --set run.replications=50 (repeatable)");
}

int validate_command(const ValidateOptions& options) {
    const LoadedScenario loaded = load_scenario(options.scenario, options.overrides);
    std::cerr << format_all(loaded.warnings);
    const Model& model = *loaded.model;
    // Counted only when the scenario buys care, so older scenarios print what they always did.
    const std::string procurement =
        model.providers.empty() ? std::string()
                                : fmt::format(", {} providers, {} strategies",
                                              model.providers.size(), model.strategies.size());
    std::cout << fmt::format("{}: ok ({} states, {} arrival streams{}, {} warning(s))\n",
                             options.scenario, model.state_count(), model.arrivals.size(),
                             procurement, loaded.warnings.size());
    return exit_ok;
}

}  // namespace careflow::cli
