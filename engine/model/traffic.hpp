// The traffic equations of an open network: the mean arrival rate each state must handle.
#pragma once

#include <careflow/model.hpp>

#include <optional>
#include <vector>

namespace careflow {

/// How a state is left on average: mean stay and where youths go. Exact for states with
/// only a length of stay and routing (format version 1); for competing clocks it treats every
/// clock as exponential with its base rate (severity 1, no age effects), enough for load
/// checks and for sizing buffers, not for results.
struct StateFlow {
    double mean_stay_days = 0.0;
    std::vector<Route> routes;  ///< probabilities sum to 1
};

[[nodiscard]] std::vector<StateFlow> approximate_flows(const Model& model);

/// Solves lambda_j = external_j + sum_i lambda_i * P(i -> j) for every state, in youths per
/// day. Nullopt when the routing traps youths (some state cannot reach exit).
[[nodiscard]] std::optional<std::vector<double>> offered_arrival_rates(const Model& model);

/// Per state: true if `exit` can be reached from it through routes with probability > 0.
[[nodiscard]] std::vector<bool> reaches_exit(const Model& model);

}  // namespace careflow
