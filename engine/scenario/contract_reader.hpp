// Reading the terms of a contract: how it pays (scheme and prices) and what else it sets.
#pragma once

#include "scenario/node_reader.hpp"

#include <careflow/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace careflow::scenario {

/// The terms of one entry of a strategy's `contracts`, all but its `state` and `provider`
/// (which the caller reads): the scheme and its price and keys, the ceiling, level changes,
/// bonuses, administration costs and behaviour. Reports unknown keys and keys that do not
/// apply to the scheme. Nullopt when `node` is not a map or names no valid scheme.
std::optional<Contract> read_contract_terms(const YAML::Node& node, const std::string& path,
                                            const Population& population, NodeReader& reader);

/// The numbers of a contract entry's terms, each with its setter relative to the contract:
/// prices and units per level, the scheme's amounts, the ceiling, bonuses, administration,
/// waiting support, behaviour and each level change's `after` (the changes sorted again).
[[nodiscard]] std::vector<PartBinding<Contract>> contract_term_bindings(
    const YAML::Node& node, const std::string& path, const Population& population);

/// `ceiling: {per_year: 2000000, then: reduced_tariff, reduced_share: 0.7}`.
std::optional<Ceiling> read_ceiling(const YAML::Node& node, const std::string& path,
                                    NodeReader& reader);

/// Sorts level changes by `after`, ties in the order the scenario lists them.
void sort_level_changes(std::vector<LevelChange>& changes);

/// `level_changes: [{after: 90 days, by: -1}, ...]`, sorted by `after`.
std::vector<LevelChange> read_level_changes(const YAML::Node& node, const std::string& path,
                                            NodeReader& reader);

/// `bonus: {substitution: 500, outcome: 1000, shared_savings: {baseline: 2e6, share: 0.5}}`.
void read_bonus(const YAML::Node& node, const std::string& path, Contract& contract,
                NodeReader& reader);

/// `waiting: {per_day: 4.50}` or `waiting: {per_week: 30}`: support while on the waitlist.
void read_waiting_support(const YAML::Node& node, const std::string& path, Contract& contract,
                          NodeReader& reader);

/// `admin: {per_claim: 12.50, per_contract_year: 2500}`.
void read_admin(const YAML::Node& node, const std::string& path, Contract& contract,
                NodeReader& reader);

/// `behaviour: {length_of_stay: 1.1, step_down: 0.9, upcoding: 0.1, readmission: 1}`.
Behaviour read_behaviour(const YAML::Node& node, const std::string& path, NodeReader& reader);

}  // namespace careflow::scenario
