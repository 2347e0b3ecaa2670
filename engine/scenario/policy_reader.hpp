// Reading dated policies: capacity and staff changes, rate and inflow multipliers, redirects.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/transition_reader.hpp"

#include <careflow/model.hpp>

#include <optional>
#include <string>

namespace careflow::scenario {

/// One entry of `policies`:
/// `{name, from: 2026-01-01, until: 2028-01-01, changes: [{rates: residential, factor: 0.8}]}`.
/// Dates need the scenario's `start`; without one, `from` and `until` are durations after the
/// start of the measured window.
std::optional<Policy> read_policy(const YAML::Node& node, const std::string& path,
                                  const Model& model, const StateLookup& lookup,
                                  NodeReader& reader,
                                  const Where<Policy>& where = {});

}  // namespace careflow::scenario
