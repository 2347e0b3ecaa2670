// Cluster: the processes that share one batch (the ranks of an MPI job). The batch deals the
// replications out like cards and gathers them, in replication order, on the first.
#pragma once

#include <cstdint>
#include <vector>

namespace careflow {

class Cluster {
public:
    virtual ~Cluster() = default;

    [[nodiscard]] virtual int rank() const noexcept = 0;
    [[nodiscard]] virtual int size() const noexcept = 0;

    /// Every rank passes its rows (of `width` doubles each, possibly none); the first rank
    /// gets all of them, rank 0's first, then rank 1's, ...; the others get nothing back.
    [[nodiscard]] virtual std::vector<std::vector<double>> gather_rows(
        const std::vector<std::vector<double>>& rows, std::size_t width) = 0;

    /// Every rank's flag, in rank order, on every rank.
    [[nodiscard]] virtual std::vector<std::uint8_t> all_flags(bool mine) = 0;

    /// Every rank's count, in rank order, on every rank.
    [[nodiscard]] virtual std::vector<std::uint32_t> all_counts(std::uint32_t mine) = 0;

    /// The replications one rank runs: first, first + stride, ... (count of them).
    struct Deal {
        std::uint32_t first = 0;
        std::uint32_t count = 0;
        std::uint32_t stride = 1;

        friend bool operator==(const Deal&, const Deal&) = default;
    };
    /// Rank `rank`'s share of the `total` replications from `start`, dealt like cards: rank r
    /// gets start + r, start + r + ranks, ... Every rank works through its share from the low
    /// end, so when a stop comes the replications finished everywhere form a long unbroken run
    /// from `start`, and the batch keeps nearly all the work done (contiguous blocks would
    /// throw away every rank's work after the first unfinished block).
    [[nodiscard]] static Deal deal(std::uint32_t start, std::uint32_t total, int rank,
                                   int ranks) noexcept {
        const auto r = static_cast<std::uint32_t>(rank);
        const auto k = static_cast<std::uint32_t>(ranks);
        const std::uint32_t count = total > r ? (total - r - 1) / k + 1 : 0;
        return {start + r, count, k};
    }
};

}  // namespace careflow
