// Reading providers: who delivers each care state, and their shares of its admissions.
#pragma once

#include "scenario/node_reader.hpp"
#include "scenario/transition_reader.hpp"

#include <careflow/model.hpp>

#include <string_view>

namespace careflow::scenario {

/// The provider the resolver adds for the admissions no listed provider takes.
inline constexpr std::string_view remainder_provider = "other";

/// `providers: [{name: Pluryn, delivers: {residential: 0.6, closed: 1}}, ...]`, appended to
/// model.providers and model.deliveries. Each share lies in (0, 1]; a state's shares over
/// all providers sum to at most 1.
void read_providers(const YAML::Node& list, const StateLookup& lookup, Model& model,
                    NodeReader& reader);

/// Appends the provider "other", delivering each state's remaining share (1 minus the listed
/// shares; all of a state no listed provider delivers), if any state has one.
void add_remainder_provider(Model& model);

}  // namespace careflow::scenario
