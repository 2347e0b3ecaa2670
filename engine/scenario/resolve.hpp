// Turning the YAML tree of a scenario into a Model: names to ids, durations to days.
#pragma once

#include "scenario/node_reader.hpp"

#include <careflow/model.hpp>

#include <optional>
#include <vector>

namespace careflow::scenario {

/// Where the parts of a resolved model were written, so later checks can point at them.
struct ModelSource {
    std::vector<YAML::Node> state_nodes;     ///< per state: its map
    std::vector<YAML::Node> next_nodes;      ///< per state: its `next` map
    std::vector<YAML::Node> capacity_nodes;  ///< per state: its `capacity` (or its map)
    YAML::Node run_node;
};

/// The model described by `root`, or nullopt when `reader` has recorded errors.
std::optional<Model> resolve(const YAML::Node& root, NodeReader& reader, ModelSource& source);

}  // namespace careflow::scenario
