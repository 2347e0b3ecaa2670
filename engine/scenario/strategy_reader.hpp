// Reading strategies: named sets of contracts, with their yearly indexation.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/transition_reader.hpp"

#include <careflow/model.hpp>

#include <vector>

namespace careflow::scenario {

/// `strategies: [{name, description, indexation, contracts: [...]}, ...]`. Needs the model's
/// states, population, providers and deliveries (the provider "other" included). A contract
/// without `provider` becomes one identical contract per provider delivering its state; a
/// strategy has at most one contract per state and provider.
std::vector<Strategy> read_strategies(const YAML::Node& list, const Model& model,
                                      const StateLookup& lookup, NodeReader& reader);

}  // namespace careflow::scenario
