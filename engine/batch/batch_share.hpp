// One process's share of a batch, run but not gathered: the building block of run_batch and
// of a sweep spread over a cluster.
#pragma once

#include <careflow/cluster.hpp>
#include <careflow/run.hpp>

namespace careflow::batch {

/// Replications share.first, share.first + share.stride, ... (share.count of them) on this
/// process's threads, a row each in that order; options.first_replication, replications and
/// cluster are not used. After a stop the tables hold the rows of the share's finished prefix;
/// `requested` is the share's count.
[[nodiscard]] BatchResult run_share(const Model& model, const BatchOptions& options,
                                    const Cluster::Deal& share);

}  // namespace careflow::batch
