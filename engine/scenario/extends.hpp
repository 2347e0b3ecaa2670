// Scenario inheritance: `extends: base.yaml` merges a base scenario under this one.
#pragma once

#include "scenario/node_reader.hpp"

#include <optional>
#include <string>

namespace careflow::scenario {

/// The tree of `root` with its `extends` chain merged in: maps merge key by key, `states`,
/// `arrivals` and `policies` merge item by item by `name`, anything else the child gives
/// replaces the base's. `path` is the file `root` came from (relative bases resolve against
/// it). Reports unreadable or cyclic bases and returns nullopt.
std::optional<YAML::Node> apply_extends(const YAML::Node& root, const std::string& path,
                                        NodeReader& reader);

}  // namespace careflow::scenario
