// run_batch: replications in parallel on oneTBB, gathered in replication order. Each
// replication runs every pass of the plan (the shared one, then one per strategy that changes
// flows) under the same seed, and its row is the passes' metrics side by side.
#include <careflow/run.hpp>

#include "batch/cost_metrics.hpp"
#include "batch/metrics.hpp"
#include "batch/passes.hpp"
#include "sim/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <memory>

namespace careflow {
namespace {

MetricTable flow_table(const Model& model, const batch::PassPlan& plan, bool series) {
    MetricTable table;
    for (const std::string& label : plan.labels) {
        auto keys = series ? batch::series_keys(model, label) : batch::metric_keys(model, label);
        table.keys.insert(table.keys.end(), keys.begin(), keys.end());
    }
    return table;
}

/// One replication's rows: every pass's flows (and series), then the costs.
void record(const Model& model, const batch::PassPlan& plan,
            const std::vector<sim::ReplicationMetrics>& passes, std::uint32_t r,
            BatchResult& result) {
    auto& metrics = result.metrics.values[r];
    auto& series = result.timeseries.values[r];
    for (const sim::ReplicationMetrics& m : passes) {
        const auto flows = batch::metric_values(model, m);
        metrics.insert(metrics.end(), flows.begin(), flows.end());
        const auto months = batch::series_values(m);
        series.insert(series.end(), months.begin(), months.end());
    }
    const auto costs = batch::cost_summary_values(model, plan, passes);
    metrics.insert(metrics.end(), costs.begin(), costs.end());
    result.costs.values[r] = batch::cost_cell_values(model, plan, passes);
}

}  // namespace

BatchResult run_batch(const Model& model, const BatchOptions& options) {
    std::unique_ptr<finance::ContractTable> contracts;
    if (!model.strategies.empty()) contracts = std::make_unique<finance::ContractTable>(model);
    const batch::PassPlan plan = batch::plan_passes(model, contracts.get());
    BatchResult result;
    result.metrics = flow_table(model, plan, false);
    const auto cost_keys = batch::cost_summary_keys(model);
    result.metrics.keys.insert(result.metrics.keys.end(), cost_keys.begin(), cost_keys.end());
    result.timeseries = flow_table(model, plan, true);
    result.costs.keys = batch::cost_cell_keys(model);
    result.metrics.values.resize(options.replications);
    result.timeseries.values.resize(options.replications);
    result.costs.values.resize(options.replications);
    // Each replication owns its Simulations and writes only its own slot, and every random
    // number is keyed by the replication index, so the thread count cannot change a value.
    const int threads = options.threads == 0 ? tbb::task_arena::automatic
                                             : static_cast<int>(options.threads);
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, options.replications, 1),
                          [&](const tbb::blocked_range<std::uint32_t>& range) {
                              for (std::uint32_t r = range.begin(); r != range.end(); ++r) {
                                  std::vector<sim::ReplicationMetrics> passes;
                                  for (const sim::Pass& pass : plan.passes) {
                                      sim::Simulation simulation(model, options.seed, r, pass);
                                      passes.push_back(simulation.run());
                                  }
                                  record(model, plan, passes, r, result);
                              }
                          });
    });
    return result;
}

}  // namespace careflow
