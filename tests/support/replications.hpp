// Test helpers for running a model's replications directly on the kernel.
#pragma once

#include "sim/replication_metrics.hpp"

#include <careflow/model.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace careflow::testing {

/// Index of the state called `name`; throws if there is none.
[[nodiscard]] std::size_t state_index(const Model& model, std::string_view name);

/// Replications 0..n-1 of `model` under `seed`, each a sim::Simulation run.
[[nodiscard]] std::vector<sim::ReplicationMetrics> replicate(const Model& model,
                                                             std::uint64_t seed,
                                                             std::uint32_t replications);

/// One state's metrics in one year of one replication.
[[nodiscard]] const sim::YearStateMetrics& year_of(const sim::ReplicationMetrics& m,
                                                   std::size_t year, std::size_t state);

}  // namespace careflow::testing
