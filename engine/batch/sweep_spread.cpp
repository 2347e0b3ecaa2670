// A sweep spread over the processes of a cluster, point and replication alike.
#include "batch/sweep_spread.hpp"

#include <careflow/cluster.hpp>

#include <algorithm>
#include <vector>

namespace careflow::batch {
namespace {

/// Where process `rank`'s block of the `total` replications laid end to end begins.
std::uint64_t block_start(std::uint64_t total, int rank, int ranks) noexcept {
    return total * static_cast<std::uint64_t>(rank) / static_cast<std::uint64_t>(ranks);
}

/// This process's parts of every point, run in point order. After a stop no part starts, so
/// what finished is a prefix of the block; returns whether it is the whole block.
bool run_parts(std::span<const LoadedScenario> points, const BatchOptions& options,
               std::vector<BatchResult>& parts) {
    const Cluster& cluster = *options.cluster;
    std::uint32_t finished_before = 0;  // in this block, for the progress callback
    bool whole = true;
    for (std::size_t p = 0; p < points.size(); ++p) {
        const PointPart part = point_part(points.size(), options.replications, p, cluster.rank(),
                                          cluster.size());
        BatchOptions o = options;
        o.cluster = nullptr;
        o.uncertainty = points[p].uncertainty.get();
        o.first_replication = part.first;
        o.replications = whole ? part.count : 0;  // a run of none still gives the keys
        o.on_progress = [&](std::uint32_t finished) {
            if (options.on_progress) options.on_progress(finished_before + finished);
        };
        parts[p] = run_batch(*points[p].model, o);
        finished_before += parts[p].replications();
        if (parts[p].replications() < part.count) whole = false;
    }
    return whole;
}

}  // namespace

PointPart point_part(std::size_t points, std::uint32_t replications, std::size_t point, int rank,
                     int ranks) noexcept {
    const std::uint64_t total = std::uint64_t{points} * replications;
    const std::uint64_t point_begin = std::uint64_t{point} * replications;
    const std::uint64_t begin = std::max(block_start(total, rank, ranks), point_begin);
    const std::uint64_t end =
        std::min(block_start(total, rank + 1, ranks), point_begin + replications);
    if (end <= begin) return {};
    return {static_cast<std::uint32_t>(begin - point_begin),
            static_cast<std::uint32_t>(end - begin)};
}

SweepRun run_sweep_spread(const SweepDesign& design, std::span<const LoadedScenario> points,
                          const BatchOptions& options,
                          const std::function<void(const SweepPointResult&)>& on_point) {
    Cluster& cluster = *options.cluster;
    std::vector<BatchResult> parts(points.size());
    const bool whole = run_parts(points, options, parts);
    // As for one batch: the sweep keeps a prefix of the replications laid end to end, so a
    // process's rows follow on only if every earlier process finished its whole block.
    const auto short_blocks = cluster.all_flags(!whole);
    const auto is_short = [](std::uint8_t f) { return f != 0; };
    const bool gap_before =
        std::any_of(short_blocks.begin(), short_blocks.begin() + cluster.rank(), is_short);
    SweepRun out{.csv = sweep_csv_header(design),
                 .stopped = std::any_of(short_blocks.begin(), short_blocks.end(), is_short)};
    for (std::size_t p = 0; p < points.size(); ++p) {
        MetricTable& metrics = parts[p].metrics;
        if (gap_before) metrics.values.clear();
        // Every process takes part in every point's gather, in point order.
        metrics.values = cluster.gather_rows(metrics.values, metrics.keys.size());
        if (cluster.rank() != 0 || metrics.values.empty()) continue;
        SweepPointResult result{.point = p};
        result.batch.metrics = std::move(metrics);
        result.batch.requested = options.replications;
        out.last_point_replications = result.batch.replications();
        ++out.points_run;
        result.summaries = summarize(result.batch.metrics);
        out.csv += sweep_csv_rows(design, p, result.batch.metrics, result.summaries);
        if (on_point) on_point(result);
    }
    return out;
}

}  // namespace careflow::batch
