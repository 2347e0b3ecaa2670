// Reading a state's capacity: a number of places, `unlimited`, or staff with a caseload.
#pragma once

#include "scenario/node_reader.hpp"

#include <careflow/model.hpp>

#include <string>

namespace careflow::scenario {

/// Sets `state.places` and `state.staff` from `capacity: 12`, `capacity: unlimited` or
/// `capacity: {fte: 40, caseload_per_fte: 1.5, attrition_per_year: 0.1, hiring_per_year: 4,
/// max_fte: 45}` (the last is format version 2).
void read_capacity(const YAML::Node& node, const std::string& path, int version,
                   CareState& state, NodeReader& reader, const Where<CareState>& where = {});

}  // namespace careflow::scenario
