// Loading a scenario file into a validated Model.
#pragma once

#include <careflow/diagnostics.hpp>
#include <careflow/model.hpp>

#include <memory>
#include <string>
#include <vector>

namespace careflow {

/// A model ready to run, with the warnings found while checking it.
struct LoadedScenario {
    std::shared_ptr<const Model> model;
    std::vector<Diagnostic> warnings;
    std::string text;  ///< the file's bytes, for hashing into the manifest
};

/// Reads, resolves and validates a scenario file. Throws ScenarioError listing every
/// problem, or std::system_error when the file cannot be read.
[[nodiscard]] LoadedScenario load_scenario(const std::string& path);

/// The same for scenario text already in memory; `display_name` is used in messages.
[[nodiscard]] LoadedScenario load_scenario_text(const std::string& text,
                                                const std::string& display_name);

}  // namespace careflow
