// Reading a state's competing transitions.
#pragma once

#include "scenario/node_reader.hpp"

#include <careflow/model.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace careflow::scenario {

/// Resolves a state name (or `exit`) at a node, reporting unknown names.
using StateLookup = std::function<std::optional<StateId>(const YAML::Node&, const std::string&)>;

/// `transitions: [{to: foster, type: step_down, per_year: 1.5, by_severity: {...}}, ...]`.
std::vector<Transition> read_transitions(const YAML::Node& node, const std::string& path,
                                         const Population& population, const StateLookup& lookup,
                                         NodeReader& reader,
                                         const Where<std::vector<Transition>>& where = {});

}  // namespace careflow::scenario
