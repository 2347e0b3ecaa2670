// Load-time check that no value an uncertain input can draw makes the scenario invalid.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/uncertain_inputs.hpp"

#include <vector>

namespace careflow::scenario {

/// Resolves the scenario with each input at the lowest and at the highest value it can draw
/// (the others nominal), then each two inputs of one value (a uniform's min and max) at
/// opposite ends, then all inputs at their lowest and all at their highest, and reports each
/// input whose extremes break a rule (a sum of probabilities, a range a reader checks itself,
/// a min below a max) at its node in `nodes`. Rules that tie inputs of different values in
/// opposite directions are beyond these probes; a draw that breaks one fails its replication.
void check_input_ranges(const UncertainInputs& uncertainty, const std::vector<YAML::Node>& nodes,
                        NodeReader& reader);

}  // namespace careflow::scenario
