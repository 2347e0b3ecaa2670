// A sweep over the processes of a cluster: the points' replications laid end to end (point 0's
// replications, then point 1's, ...) and dealt over the processes like cards, so that both the
// points and their replications are spread, even when a point has fewer replications than
// there are processes, and a stop keeps nearly all the work done.
#pragma once

#include <careflow/sweep.hpp>

namespace careflow::batch {

/// run_sweep on a cluster of more than one process: each runs its share of every point with
/// its threads, then the first gathers every point's rows in order, summarises them and
/// reports each point.
[[nodiscard]] SweepRun run_sweep_spread(
    std::span<const LoadedScenario> points,
    const BatchOptions& options, const std::function<void(const SweepPointResult&)>& on_point);

}  // namespace careflow::batch
