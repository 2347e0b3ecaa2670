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

/// After a listed share of `state` changed (a typed setter): the remainder provider's share of
/// it, if it has one, is 1 minus the listed shares again. The providers stay those of the
/// nominal model, so every replication reports the same rows.
void refresh_remainder(Model& model, StateId state);

/// Shares of a changed model that no longer add up: more than all of a state's admissions,
/// or less than all where no remainder provider takes the rest.
[[nodiscard]] std::vector<std::string> provider_share_problems(const Model& model);

}  // namespace careflow::scenario
