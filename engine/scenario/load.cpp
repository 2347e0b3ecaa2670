// The scenario pipeline: read bytes, parse YAML, resolve names, validate, freeze.
#include <careflow/scenario.hpp>

#include "scenario/extends.hpp"
#include "scenario/node_reader.hpp"
#include "scenario/overrides.hpp"
#include "scenario/resolve.hpp"
#include "scenario/uncertain_inputs.hpp"
#include "scenario/validate.hpp"
#include "scenario/yaml_reader.hpp"

#include <algorithm>

namespace careflow {

namespace {

/// The file's tree with its bases merged in and the overrides applied.
std::optional<YAML::Node> scenario_tree(const std::string& text, const std::string& name,
                                        const std::vector<std::string>& overrides,
                                        scenario::NodeReader& reader) {
    const auto root = scenario::parse_yaml(text, reader);
    if (!root) return std::nullopt;
    auto merged = scenario::apply_extends(*root, name, reader);
    if (!merged) return std::nullopt;
    scenario::apply_overrides(*merged, overrides, reader);
    return merged;
}

}  // namespace

LoadedScenario load_scenario_text(const std::string& text, const std::string& display_name,
                                  const std::vector<std::string>& overrides) {
    scenario::NodeReader reader(display_name);
    // A distribution where a number belongs is an uncertain input: the nominal model takes
    // its nominal value, each replication a draw.
    reader.set_input_mode(scenario::InputMode::uncertain);
    reader.record_bindings(true);  // typed setters for the uncertain inputs (and any others)
    std::optional<Model> model;
    std::shared_ptr<const InputUncertainty> uncertainty;
    if (const auto root = scenario_tree(text, display_name, overrides, reader)) {
        scenario::ModelSource source;
        model = scenario::resolve(*root, reader, source);
        if (model) scenario::validate(*model, source, reader);
        if (model && !reader.has_errors()) {
            uncertainty = scenario::make_uncertain_inputs(*root, reader, *model);
        }
    }
    const bool failed = reader.has_errors();
    auto diagnostics = reader.take_diagnostics();
    if (failed) throw ScenarioError(std::move(diagnostics));
    return LoadedScenario{std::make_shared<const Model>(std::move(*model)),
                          std::move(diagnostics), text, std::move(uncertainty)};
}

LoadedScenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
    return load_scenario_text(scenario::read_file_text(path), path, overrides);
}

}  // namespace careflow
