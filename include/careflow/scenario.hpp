// Loading a scenario file into a validated Model.
#pragma once

#include <careflow/diagnostics.hpp>
#include <careflow/model.hpp>

#include <memory>
#include <string>
#include <vector>

namespace careflow {

/// A model ready to run, with the warnings found while checking it.
class InputUncertainty;

struct LoadedScenario {
    std::shared_ptr<const Model> model;
    std::vector<Diagnostic> warnings;
    std::string text;  ///< the file's bytes, for hashing into the manifest
    /// Parameters given as distributions (null or empty: none); pass to BatchOptions.
    std::shared_ptr<const InputUncertainty> uncertainty;
};

/// Reads, resolves and validates a scenario file (with its `extends` chain), after applying
/// `overrides` ("PATH=VALUE", as from --set). Throws ScenarioError listing every problem, or
/// std::system_error when the file cannot be read.
[[nodiscard]] LoadedScenario load_scenario(const std::string& path,
                                           const std::vector<std::string>& overrides = {});

/// The same for scenario text already in memory; `display_name` is used in messages and
/// relative `extends` paths resolve against it.
[[nodiscard]] LoadedScenario load_scenario_text(const std::string& text,
                                                const std::string& display_name,
                                                const std::vector<std::string>& overrides = {});

}  // namespace careflow
