// A sweep spread over the processes of a cluster, point and replication alike.
#include "batch/sweep_spread.hpp"

#include "batch/batch_share.hpp"
#include "batch/dealt_rows.hpp"

#include <careflow/cluster.hpp>

#include <algorithm>
#include <vector>

namespace careflow::batch {
namespace {

/// Point p's replications in the sweep laid end to end: [p * n, (p + 1) * n).
std::uint64_t point_begin(std::size_t point, std::uint32_t replications) noexcept {
    return std::uint64_t{point} * replications;
}

/// This process's share of every point, run in point order. After a stop no share starts, so
/// what finished is a prefix of the process's replications; returns how many.
std::uint32_t run_shares(std::span<const LoadedScenario> points, const BatchOptions& options,
                         std::vector<BatchResult>& shares) {
    const Cluster& cluster = *options.cluster;
    const std::uint32_t n = options.replications;
    std::uint32_t finished_before = 0;  // of this process, for the progress callback
    bool whole = true;
    for (std::size_t p = 0; p < points.size(); ++p) {
        Cluster::Deal share = dealt_share(point_begin(p, n), point_begin(p + 1, n),
                                          cluster.rank(), cluster.size());
        if (!whole) share.count = 0;  // a run of none still gives the point's keys
        BatchOptions o = options;
        o.uncertainty = points[p].uncertainty.get();
        o.on_progress = [&](std::uint32_t finished) {
            if (options.on_progress) options.on_progress(finished_before + finished);
        };
        shares[p] = run_share(*points[p].model, o, share);
        finished_before += shares[p].replications();
        if (shares[p].partial()) whole = false;
    }
    return finished_before;
}

}  // namespace

SweepRun run_sweep_spread(std::span<const LoadedScenario> points,
                          const BatchOptions& options,
                          const std::function<void(const SweepPointResult&)>& on_point) {
    Cluster& cluster = *options.cluster;
    const std::uint32_t n = options.replications;
    std::vector<BatchResult> shares(points.size());
    const std::uint32_t finished = run_shares(points, options, shares);
    // As for one batch: the sweep keeps the replications, laid end to end, that every process
    // finished without a gap.
    const std::uint64_t total = point_begin(points.size(), n);
    const std::uint64_t kept = unbroken_prefix(cluster.all_counts(finished), total);
    SweepRun out{.stopped = kept < total};
    for (std::size_t p = 0; p < points.size(); ++p) {
        const std::uint64_t begin = point_begin(p, n);
        const auto point_kept = static_cast<std::uint32_t>(
            std::clamp(kept, begin, point_begin(p + 1, n)) - begin);
        MetricTable& metrics = shares[p].metrics;
        metrics.values.resize(
            dealt_share(begin, begin + point_kept, cluster.rank(), cluster.size()).count);
        // Every process takes part in every point's gather, in point order.
        metrics.values = cluster.gather_rows(metrics.values, metrics.keys.size());
        if (cluster.rank() != 0 || point_kept == 0) continue;
        metrics.values =
            in_replication_order(std::move(metrics.values), begin, point_kept, cluster.size());
        SweepPointResult result{.point = p};
        result.batch.metrics = std::move(metrics);
        result.batch.requested = n;
        out.last_point_replications = point_kept;
        ++out.points_run;
        result.summaries = summarize(result.batch.metrics);
        out.points.push_back({p, result.batch.metrics.keys, result.summaries});
        if (on_point) on_point(result);
    }
    return out;
}

}  // namespace careflow::batch
