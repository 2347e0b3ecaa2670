// run_batch: replications in parallel on oneTBB, gathered in replication order. Each
// replication runs every pass of the plan (the shared one, then one per strategy that changes
// flows) under the same seed, and its row is the passes' metrics side by side. A replication
// with drawn inputs prices and gates with the contracts of its drawn model. With a cluster,
// the replications are dealt over the processes like cards and the first gathers them in order.
#include <careflow/cluster.hpp>
#include <careflow/run.hpp>
#include <careflow/uncertainty.hpp>

#include "batch/batch_share.hpp"
#include "batch/cost_metrics.hpp"
#include "batch/dealt_rows.hpp"
#include "batch/metrics.hpp"
#include "batch/passes.hpp"
#include "sim/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>

namespace careflow {
namespace {

/// The keys of one replication's rows: every pass's flows (and series), then the costs and the
/// drawn inputs.
BatchResult empty_tables(const Model& model, const batch::PassPlan& plan,
                         const InputUncertainty* uncertainty) {
    BatchResult result;
    for (const std::string& label : plan.labels) {
        auto flows = batch::metric_keys(model, label);
        result.metrics.keys.insert(result.metrics.keys.end(), flows.begin(), flows.end());
        auto series = batch::series_keys(model, label);
        result.timeseries.keys.insert(result.timeseries.keys.end(), series.begin(), series.end());
    }
    const auto costs = batch::cost_summary_keys(model);
    result.metrics.keys.insert(result.metrics.keys.end(), costs.begin(), costs.end());
    if (uncertainty != nullptr) {
        const auto inputs = uncertainty->keys();
        result.metrics.keys.insert(result.metrics.keys.end(), inputs.begin(), inputs.end());
    }
    result.costs.keys = batch::cost_cell_keys(model);
    return result;
}

/// One replication, all its passes, written into row `row` of the tables.
void run_replication(const Model& model, const batch::PassPlan& plan, std::uint64_t seed,
                     std::uint32_t replication, const std::vector<double>& inputs,
                     BatchResult& result, std::size_t row) {
    std::vector<sim::ReplicationMetrics> passes;
    for (const sim::Pass& pass : plan.passes) {
        passes.push_back(sim::Simulation(model, seed, replication, pass).run());
    }
    auto& metrics = result.metrics.values[row];
    auto& series = result.timeseries.values[row];
    for (const sim::ReplicationMetrics& m : passes) {
        const auto flows = batch::metric_values(model, m);
        metrics.insert(metrics.end(), flows.begin(), flows.end());
        const auto months = batch::series_values(m);
        series.insert(series.end(), months.begin(), months.end());
    }
    const auto costs = batch::cost_summary_values(model, plan, passes);
    metrics.insert(metrics.end(), costs.begin(), costs.end());
    metrics.insert(metrics.end(), inputs.begin(), inputs.end());
    result.costs.values[row] = batch::cost_cell_values(model, plan, passes);
}

/// A replication with drawn inputs runs the model of its draw. Its contracts come from that
/// model too, so a drawn price, ceiling, budget or behaviour prices and gates this replication;
/// the passes are still those planned for the nominal model (see with_contracts). The nominal
/// path needs no table of its own: the plan's is the nominal model's.
void run_drawn_replication(const InputUncertainty& uncertainty, const batch::PassPlan& plan,
                           std::uint64_t seed, std::uint32_t replication, BatchResult& result,
                           std::size_t row) {
    const auto draw = uncertainty.draw(seed, replication);
    if (draw.model->strategies.empty()) {
        run_replication(*draw.model, plan, seed, replication, draw.values, result, row);
        return;
    }
    const finance::ContractTable contracts(*draw.model);
    run_replication(*draw.model, batch::with_contracts(plan, contracts), seed, replication,
                    draw.values, result, row);
}

/// Gathers one table's rows of replications [0, kept) of a dealt batch on the first rank, in
/// replication order.
void gather(Cluster& cluster, MetricTable& table, std::uint32_t kept) {
    table.values.resize(batch::dealt_share(0, kept, cluster.rank(), cluster.size()).count);
    table.values = cluster.gather_rows(table.values, table.keys.size());
    if (cluster.rank() == 0) {
        table.values = batch::in_replication_order(std::move(table.values), 0, kept,
                                                   cluster.size());
    }
}

}  // namespace

namespace batch {

BatchResult run_share(const Model& model, const BatchOptions& options,
                      const Cluster::Deal& share) {
    const std::uint32_t count = share.count;
    std::unique_ptr<finance::ContractTable> contracts;
    if (!model.strategies.empty()) contracts = std::make_unique<finance::ContractTable>(model);
    const batch::PassPlan plan = batch::plan_passes(model, contracts.get());
    BatchResult result = empty_tables(model, plan, options.uncertainty);
    result.requested = count;
    for (MetricTable* table : {&result.metrics, &result.timeseries, &result.costs}) {
        table->values.assign(count, {});
    }
    std::vector<std::uint8_t> done(count, 0);
    std::atomic<std::uint32_t> finished{0};
    const int threads = options.threads == 0 ? tbb::task_arena::automatic
                                             : static_cast<int>(options.threads);
    tbb::task_arena arena(threads);
    // Each replication owns its Simulations and writes only its own row, and every random
    // number is keyed by the replication's number, so the thread count cannot change a value.
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, count, 1), [&](const auto& range) {
            for (std::uint32_t i = range.begin(); i != range.end(); ++i) {
                if (options.stop != nullptr && options.stop->load()) return;
                const std::uint32_t replication = share.first + i * share.stride;
                if (options.uncertainty != nullptr && !options.uncertainty->empty()) {
                    run_drawn_replication(*options.uncertainty, plan, options.seed, replication,
                                          result, i);
                } else {
                    run_replication(model, plan, options.seed, replication, {}, result, i);
                }
                done[i] = 1;
                const std::uint32_t now = ++finished;
                if (options.on_progress) options.on_progress(now);
            }
        });
    });
    const auto prefix = static_cast<std::size_t>(
        std::find(done.begin(), done.end(), std::uint8_t{0}) - done.begin());
    for (MetricTable* table : {&result.metrics, &result.timeseries, &result.costs}) {
        table->values.resize(prefix);
    }
    return result;
}

}  // namespace batch

BatchResult run_batch(const Model& model, const BatchOptions& options) {
    if (options.cluster == nullptr || options.cluster->size() <= 1) {
        BatchResult result = batch::run_share(
            model, options, {options.first_replication, options.replications, 1});
        result.stopped = result.partial();
        return result;
    }
    Cluster& cluster = *options.cluster;
    BatchResult result = batch::run_share(
        model, options,
        Cluster::deal(options.first_replication, options.replications, cluster.rank(),
                      cluster.size()));
    // After a stop the batch keeps the replications every rank finished without a gap, as
    // one process would have: the result is that of a batch of that many.
    const auto finished = cluster.all_counts(result.replications());
    const auto kept = static_cast<std::uint32_t>(
        batch::unbroken_prefix(finished, options.replications));
    result.requested = options.replications;
    result.stopped = kept < options.replications;
    for (MetricTable* table : {&result.metrics, &result.timeseries, &result.costs}) {
        gather(cluster, *table, kept);
    }
    result.holds_results = cluster.rank() == 0;
    return result;
}

void append(BatchResult& into, BatchResult&& more) {
    if (into.metrics.keys.size() != more.metrics.keys.size() ||
        into.costs.keys.size() != more.costs.keys.size()) {
        throw std::invalid_argument("append: the batches have different metrics");
    }
    for (auto [to, from] : {std::pair{&into.metrics, &more.metrics},
                            std::pair{&into.timeseries, &more.timeseries},
                            std::pair{&into.costs, &more.costs}}) {
        for (auto& row : from->values) to->values.push_back(std::move(row));
    }
    into.requested += more.requested;
    into.stopped = into.stopped || more.stopped;
}

}  // namespace careflow
