// Scenario inheritance: `extends: base.yaml` merges a base scenario under this one.
#pragma once

#include "scenario/node_reader.hpp"

#include <optional>
#include <string>

namespace careflow::scenario {

/// The tree of `root` with its `extends` chain merged in: maps merge key by key, `states`,
/// `arrivals`, `policies` and `initial_stock` merge item by item by `name` (stock by
/// `state`), anything else the child gives (a state's `transitions`, say) replaces the base's. `path` is the file `root` came from (relative bases resolve against
/// it). Reports unreadable or cyclic bases and returns nullopt.
std::optional<YAML::Node> apply_extends(const YAML::Node& root, const std::string& path,
                                        NodeReader& reader);

}  // namespace careflow::scenario
