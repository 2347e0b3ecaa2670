// Cluster: the processes that share one batch (the ranks of an MPI job). The batch gives each
// a contiguous block of replications and gathers the blocks, in order, on the first.
#pragma once

#include <cstdint>
#include <vector>

namespace careflow {

class Cluster {
public:
    virtual ~Cluster() = default;

    [[nodiscard]] virtual int rank() const noexcept = 0;
    [[nodiscard]] virtual int size() const noexcept = 0;

    /// Every rank passes its block (rows of `width` doubles, possibly none); the first rank
    /// gets all blocks concatenated in rank order, the others get nothing back.
    [[nodiscard]] virtual std::vector<std::vector<double>> gather_rows(
        const std::vector<std::vector<double>>& rows, std::size_t width) = 0;

    /// Every rank's flag, in rank order, on every rank.
    [[nodiscard]] virtual std::vector<std::uint8_t> all_flags(bool mine) = 0;

    /// The replications [first, first + count) rank `rank` runs, of `total` from `start`.
    struct Block {
        std::uint32_t first = 0;
        std::uint32_t count = 0;
    };
    [[nodiscard]] static Block block(std::uint32_t start, std::uint32_t total, int rank,
                                     int ranks) noexcept {
        const auto r = static_cast<std::uint64_t>(rank);
        const auto k = static_cast<std::uint64_t>(ranks);
        const auto begin = static_cast<std::uint32_t>(total * r / k);
        const auto end = static_cast<std::uint32_t>(total * (r + 1) / k);
        return {start + begin, end - begin};
    }
};

}  // namespace careflow
