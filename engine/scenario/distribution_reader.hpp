// Reading a duration distribution ("length_of_stay") from YAML, with its exact moments.
#pragma once

#include "scenario/node_reader.hpp"

#include <careflow/model.hpp>

#include <optional>
#include <string_view>

namespace careflow::scenario {

/// A one-key map naming the kind, e.g. `{gamma: {mean: 6 months, cv: 0.5}}`.
/// Reports every problem and returns nullopt if there was one. With `where` (where the
/// distribution will sit in the model), its two numbers are bound (of an empirical table, its
/// durations: its probabilities must sum to 1).
std::optional<Distribution> read_distribution(const YAML::Node& node, std::string_view path,
                                              NodeReader& reader,
                                              const Where<Distribution>& where = {});

/// The `empirical: {table: [[duration, probability], ...], interpolate: bool}` kind.
std::optional<Distribution> read_empirical(NodeReader& reader, const YAML::Node& params,
                                           std::string_view path);

/// The distribution kinds as written in scenarios, in enum order.
[[nodiscard]] std::string_view distribution_kind_name(DistributionKind kind);

}  // namespace careflow::scenario
