// Threads of this process as the ranks of a cluster, so the cluster paths of run_batch and
// run_sweep are tested without mpirun: every rank is one thread, and each collective meets at
// a barrier, as MPI's would.
#pragma once

#include <careflow/cluster.hpp>

#include <barrier>
#include <cstdint>
#include <functional>
#include <vector>

namespace careflow::testing {

class ThreadCluster {
public:
    explicit ThreadCluster(int ranks);

    /// Runs `work(cluster)` on every rank at once, each on its own thread with the Cluster it
    /// should pass on, and returns when all are done.
    void run(const std::function<void(Cluster&)>& work);

private:
    class Rank;

    int ranks_;
    std::barrier<> meeting_;
    std::vector<std::vector<std::vector<double>>> rows_;  ///< gather_rows: each rank's rows
    std::vector<std::uint32_t> counts_;                    ///< all_counts: each rank's count
};

}  // namespace careflow::testing
