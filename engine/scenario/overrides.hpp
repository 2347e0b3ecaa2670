// Command-line overrides: `--set states.residential.capacity=40` applied to the YAML tree.
#pragma once

#include "scenario/node_reader.hpp"

#include <string>
#include <vector>

namespace careflow::scenario {

/// Applies each `PATH=VALUE` to `root`. PATH is dot-separated keys; list items are chosen by
/// their `name` (or a number, counting from 0). VALUE is YAML (a number, text, or a flow map
/// such as `{fte: 30, caseload_per_fte: 1.2}`). Problems are reported naming the flag.
void apply_overrides(YAML::Node& root, const std::vector<std::string>& overrides,
                     NodeReader& reader);

}  // namespace careflow::scenario
