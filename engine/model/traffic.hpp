// The traffic equations of an open network: the mean arrival rate each state must handle.
#pragma once

#include <careflow/model.hpp>

#include <optional>
#include <vector>

namespace careflow {

/// Solves lambda_j = external_j + sum_i lambda_i * P(i -> j) for every state, in youths per
/// day. Nullopt when the routing traps youths (some state cannot reach exit).
[[nodiscard]] std::optional<std::vector<double>> offered_arrival_rates(const Model& model);

/// Per state: true if `exit` can be reached from it through routes with probability > 0.
[[nodiscard]] std::vector<bool> reaches_exit(const Model& model);

}  // namespace careflow
