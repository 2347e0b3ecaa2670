// The bookkeeping of replications dealt over a cluster (Cluster::deal): how many of them the
// batch keeps after a stop, and how the first rank puts the gathered rows back in order.
#pragma once

#include <careflow/cluster.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace careflow::batch {

/// How many replications from the start every rank has finished, when rank r finished the
/// first `finished[r]` of its share of `total`: the longest run 0, 1, ... with no gap.
[[nodiscard]] std::uint32_t unbroken_prefix(std::span<const std::uint32_t> finished,
                                            std::uint32_t total) noexcept;

/// Rows gathered in rank order (rank 0's share of the first `prefix` replications, then rank
/// 1's, ...) put back in replication order.
[[nodiscard]] std::vector<std::vector<double>> in_replication_order(
    std::vector<std::vector<double>>&& by_rank, std::uint32_t prefix, int ranks);

}  // namespace careflow::batch
