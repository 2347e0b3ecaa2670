// Running a scenario's replications in batches: once, or until every --target-ci is met.
#include <careflow/batch_watcher.hpp>
#include <careflow/cluster.hpp>
#include <careflow/replications.hpp>

#include <algorithm>
#include <optional>

namespace careflow {
namespace {

/// Replications [first, first + count); the watcher counts on from `first`.
BatchResult run_step(const Model& model, BatchOptions options, std::uint32_t first,
                     std::uint32_t count, BatchWatcher& watcher) {
    options.first_replication = first;
    options.replications = count;
    options.on_progress = progress_reporter(watcher, first, count, options.cluster);
    watcher.start_batch(first, first + count);
    return run_batch(model, options);
}

/// The targets' columns, found before anything runs: a batch of no replications has the keys.
std::vector<std::size_t> target_columns(const Model& model, const BatchOptions& options,
                                        const std::vector<CiTarget>& targets) {
    if (targets.empty()) return {};
    BatchOptions probe = options;
    probe.first_replication = 0;
    probe.replications = 0;
    probe.on_progress = {};
    return find_targets(run_batch(model, probe).metrics.keys, targets);
}

/// Whether to stop after the replications so far, and why; none: add a batch.
std::optional<LoopEnd> judge(const LoopResult& so_far, const ReplicationPlan& plan) {
    if (so_far.batch.partial()) return LoopEnd::stopped;
    if (plan.targets.empty()) return LoopEnd::complete;
    if (all_met(so_far.targets)) return LoopEnd::target_met;
    if (so_far.batch.replications() >= plan.max_replications) return LoopEnd::cap_reached;
    return std::nullopt;
}

/// The first process's decision, on every process of a cluster: only it holds the results.
std::optional<LoopEnd> shared(std::optional<LoopEnd> decision, Cluster* cluster) {
    if (cluster == nullptr || cluster->size() <= 1) return decision;
    if (cluster->all_flags(decision.has_value()).front() == 0) return std::nullopt;
    return decision.value_or(LoopEnd::complete);  // the other ranks report nothing
}

}  // namespace

LoopResult run_replications(const Model& model, const BatchOptions& options,
                            const ReplicationPlan& plan, BatchWatcher& watcher) {
    const auto columns = target_columns(model, options, plan.targets);
    const std::uint32_t first =
        plan.targets.empty() ? plan.first : std::min(plan.first, plan.max_replications);
    LoopResult out{.batch = run_step(model, options, 0, first, watcher)};
    for (;;) {
        out.targets = target_status(out.batch.metrics, plan.targets, columns);
        const auto mine = out.batch.holds_results ? judge(out, plan) : std::nullopt;
        if (const auto end = shared(mine, options.cluster)) {
            out.end = *end;
            break;
        }
        // Replications done..done+k-1 continue 0..done-1 exactly: appending them gives the
        // bytes a single run of the final count would. Going on means none was left out, so
        // every process knows `done` (only the first holds the rows).
        const std::uint32_t done = out.batch.requested;
        append(out.batch, run_step(model, options, done,
                                   next_batch_size(done, plan.max_replications), watcher));
    }
    watcher.finish(out.batch.replications());
    return out;
}

}  // namespace careflow
