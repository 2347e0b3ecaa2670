// The scenario pipeline: read bytes, parse YAML, resolve names, validate, freeze.
#include <careflow/scenario.hpp>

#include "scenario/node_reader.hpp"
#include "scenario/resolve.hpp"
#include "scenario/validate.hpp"
#include "scenario/yaml_reader.hpp"

#include <algorithm>

namespace careflow {

LoadedScenario load_scenario_text(const std::string& text, const std::string& display_name) {
    scenario::NodeReader reader(display_name);
    std::optional<Model> model;
    if (const auto root = scenario::parse_yaml(text, reader)) {
        scenario::ModelSource source;
        model = scenario::resolve(*root, reader, source);
        if (model) scenario::validate(*model, source, reader);
    }
    const bool failed = reader.has_errors();
    auto diagnostics = reader.take_diagnostics();
    if (failed) throw ScenarioError(std::move(diagnostics));
    return LoadedScenario{std::make_shared<const Model>(std::move(*model)),
                          std::move(diagnostics), text};
}

LoadedScenario load_scenario(const std::string& path) {
    return load_scenario_text(scenario::read_file_text(path), path);
}

}  // namespace careflow
