// The batches of `careflow compare`, run in turn chunk by chunk.
#include <careflow/batch_watcher.hpp>
#include <careflow/compare.hpp>

#include <algorithm>
#include <chrono>

namespace careflow {
namespace {

constexpr std::uint32_t turns_per_batch = 10;
constexpr std::uint32_t min_chunk = 32;

/// Replications [first, first + count) of one scenario, timed into `wall_seconds`.
BatchResult run_chunk(const LoadedScenario& scenario, BatchOptions options, std::uint32_t first,
                      std::uint32_t count, double& wall_seconds) {
    options.uncertainty = scenario.uncertainty.get();
    options.first_replication = first;
    options.replications = count;
    const auto started = std::chrono::steady_clock::now();
    BatchResult chunk = run_batch(*scenario.model, options);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    wall_seconds += took.count();
    chunk.timeseries.values.clear();
    chunk.costs.values.clear();
    return chunk;
}

/// Cuts every batch to the replications all of them finished: the pairs.
std::uint32_t keep_common_prefix(std::vector<BatchResult>& batches) {
    std::uint32_t common = batches.front().replications();
    for (const BatchResult& batch : batches) common = std::min(common, batch.replications());
    for (BatchResult& batch : batches) batch.metrics.values.resize(common);
    return common;
}

}  // namespace

std::uint32_t paired_chunk(std::uint32_t replications) noexcept {
    const std::uint32_t tenth = (replications + turns_per_batch - 1) / turns_per_batch;
    return std::min(replications, std::max(tenth, min_chunk));
}

PairedBatches run_paired(std::span<const LoadedScenario> scenarios, const BatchOptions& options,
                         BatchWatcher& watcher) {
    const std::uint32_t n = options.replications;
    const auto count_of_scenarios = static_cast<std::uint32_t>(scenarios.size());
    const std::uint32_t chunk = paired_chunk(n);
    PairedBatches out;
    out.batches.resize(scenarios.size());
    out.wall_seconds.assign(scenarios.size(), 0.0);
    for (std::uint32_t first = 0; first < n && !out.stopped; first += chunk) {
        const std::uint32_t count = std::min(chunk, n - first);
        for (std::uint32_t s = 0; s < count_of_scenarios && !out.stopped; ++s) {
            watcher.start_batch(first * count_of_scenarios + s * count, n * count_of_scenarios);
            BatchOptions chunk_options = options;
            chunk_options.on_progress = [report = progress_reporter(watcher, first, count,
                                                                   options.cluster),
                                         &caller = options.on_progress](std::uint32_t finished) {
                report(finished);
                if (caller) caller(finished);
            };
            BatchResult more = run_chunk(scenarios[s], chunk_options, first, count,
                                         out.wall_seconds[s]);
            out.stopped = more.stopped;  // known on every process: all leave together
            if (first == 0) {
                out.batches[s] = std::move(more);
            } else {
                append(out.batches[s], std::move(more));
            }
        }
    }
    // A scenario the stop came before holds no replication, so nothing pairs.
    out.completed = keep_common_prefix(out.batches);
    watcher.finish(out.completed * count_of_scenarios);
    return out;
}

}  // namespace careflow
