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
    result.keys = batch::metric_keys(model);
    result.values.resize(options.replications);
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
                                  result.values[r] = batch::metric_values(simulation.run());
                              }
                          });
    });
    return result;
}

}  // namespace careflow
