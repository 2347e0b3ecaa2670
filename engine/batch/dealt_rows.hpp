// The bookkeeping of replications dealt over a cluster like cards (replication g to rank
// g mod ranks): which of a range a rank runs, how many the batch keeps after a stop, and how
// the first rank puts the gathered rows back in order.
#pragma once

#include <careflow/cluster.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace careflow::batch {

/// Rank `rank`'s replications among [begin, end) of a sequence dealt from 0, numbered from
/// `begin` (so a point's replications of a sweep laid end to end are numbered within it).
[[nodiscard]] Cluster::Deal dealt_share(std::uint64_t begin, std::uint64_t end, int rank,
                                        int ranks) noexcept;

/// How many replications from the start every rank has finished, when rank r finished the
/// first `finished[r]` of its share of `total`: the longest run 0, 1, ... with no gap.
[[nodiscard]] std::uint64_t unbroken_prefix(std::span<const std::uint32_t> finished,
                                            std::uint64_t total) noexcept;

/// The rows of replications [begin, begin + count), gathered in rank order (rank 0's share,
/// then rank 1's, ...), put back in replication order.
[[nodiscard]] std::vector<std::vector<double>> in_replication_order(
    std::vector<std::vector<double>>&& by_rank, std::uint64_t begin, std::uint32_t count,
    int ranks);

}  // namespace careflow::batch
