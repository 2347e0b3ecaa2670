// A sweep over the processes of a cluster: the points' replications laid end to end (point 0's
// replications, then point 1's, ...) and cut into one contiguous block per process, so that
// both the points and their replications are spread, even when a point has fewer replications
// than there are processes.
#pragma once

#include <careflow/sweep.hpp>

#include <cstddef>
#include <cstdint>

namespace careflow::batch {

/// The replications [first, first + count) of one point that a process runs.
struct PointPart {
    std::uint32_t first = 0;
    std::uint32_t count = 0;

    friend bool operator==(const PointPart&, const PointPart&) = default;
};

/// Of `points` points of `replications` each, the part of point `point` in the block of process
/// `rank` of `ranks` (empty when the block does not reach it).
[[nodiscard]] PointPart point_part(std::size_t points, std::uint32_t replications,
                                   std::size_t point, int rank, int ranks) noexcept;

/// run_sweep on a cluster of more than one process: each runs its block with its threads, then
/// the first gathers every point's rows in order, summarises them and reports each point.
[[nodiscard]] SweepRun run_sweep_spread(
    const SweepDesign& design, std::span<const LoadedScenario> points,
    const BatchOptions& options, const std::function<void(const SweepPointResult&)>& on_point);

}  // namespace careflow::batch
