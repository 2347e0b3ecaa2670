// Running a sweep: every point a batch under the same seed, its summary rows gathered in order
// (on a cluster, see sweep_spread.hpp).
#include <careflow/cluster.hpp>
#include <careflow/sweep.hpp>

#include "batch/sweep_spread.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

namespace careflow {

SweepRun run_sweep(const SweepDesign& design, std::span<const LoadedScenario> points,
                   const BatchOptions& options,
                   const std::function<void(const SweepPointResult&)>& on_point) {
    if (points.size() != design.size()) {
        throw std::invalid_argument(fmt::format("run_sweep: {} scenarios for {} points",
                                                points.size(), design.size()));
    }
    // Same seed and replications at every point: the points differ only by their values
    // (common random numbers), so differences between them are not sampling noise alone.
    if (options.cluster != nullptr && options.cluster->size() > 1) {
        return batch::run_sweep_spread(points, options, on_point);
    }
    SweepRun out;
    for (std::size_t p = 0; p < points.size() && !out.stopped; ++p) {
        BatchOptions point_options = options;
        point_options.uncertainty = points[p].uncertainty.get();
        const auto done_before = static_cast<std::uint32_t>(out.points_run) * options.replications;
        point_options.on_progress = [&](std::uint32_t finished) {
            if (options.on_progress) options.on_progress(done_before + finished);
        };
        SweepPointResult result{p, run_batch(*points[p].model, point_options), {}};
        out.stopped = result.batch.stopped;
        if (result.batch.replications() == 0) break;  // stopped before its first finished
        out.last_point_replications = result.batch.replications();
        ++out.points_run;
        result.summaries = summarize(result.batch.metrics);
        out.points.push_back({p, result.batch.metrics.keys, result.summaries});
        if (on_point) on_point(result);
    }
    return out;
}

}  // namespace careflow
