// run_batch: replications in parallel on oneTBB, gathered in replication order.
#include <careflow/run.hpp>

#include "batch/metrics.hpp"
#include "sim/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace careflow {

BatchResult run_batch(const Model& model, const BatchOptions& options) {
    BatchResult result;
    result.metrics.keys = batch::metric_keys(model);
    result.metrics.values.resize(options.replications);
    result.timeseries.keys = batch::series_keys(model);
    result.timeseries.values.resize(options.replications);
    // Each replication owns its Simulation and writes only its own slot, and every random
    // number is keyed by the replication index, so the thread count cannot change a value.
    const int threads = options.threads == 0 ? tbb::task_arena::automatic
                                             : static_cast<int>(options.threads);
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, options.replications, 1),
                          [&](const tbb::blocked_range<std::uint32_t>& range) {
                              for (std::uint32_t r = range.begin(); r != range.end(); ++r) {
                                  sim::Simulation simulation(model, options.seed, r);
                                  const sim::ReplicationMetrics m = simulation.run();
                                  result.metrics.values[r] = batch::metric_values(model, m);
                                  result.timeseries.values[r] = batch::series_values(m);
                              }
                          });
    });
    return result;
}

}  // namespace careflow
