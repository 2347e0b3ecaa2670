// Running a scenario's replications in batches: once, or until every --target-ci is met.
#pragma once

#include "progress.hpp"
#include "target_ci.hpp"

#include <careflow/model.hpp>
#include <careflow/run.hpp>

#include <cstdint>
#include <vector>

namespace careflow::cli {

/// Why the replications ended.
enum class LoopEnd : std::uint8_t { complete, target_met, cap_reached, stopped };

/// How many replications to run.
struct ReplicationPlan {
    std::uint32_t first = 1;          ///< the first batch: -n, or the scenario's replications
    std::vector<CiTarget> targets{};  ///< none: run the first batch only
    std::uint32_t max_replications = default_max_replications;  ///< with targets: the cap
};

struct LoopResult {
    BatchResult batch{};  ///< replications 0..n-1, as one run_batch of n would give them
    LoopEnd end = LoopEnd::complete;
    std::vector<TargetStatus> targets{};  ///< over `batch`, in the plan's order
};

/// Runs `plan` under `options` (seed, threads, stop, uncertainty; the replication range is set
/// here), reporting to `progress`. A target that names no metric throws ScenarioError before
/// any replication runs.
[[nodiscard]] LoopResult run_replications(const Model& model, const BatchOptions& options,
                                          const ReplicationPlan& plan, Progress& progress);

}  // namespace careflow::cli
