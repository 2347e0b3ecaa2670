// Replications dealt like cards over a cluster: the unbroken prefix and the order of the rows.
#include "batch/dealt_rows.hpp"

#include <algorithm>
#include <stdexcept>

namespace careflow::batch {

std::uint32_t unbroken_prefix(std::span<const std::uint32_t> finished,
                              std::uint32_t total) noexcept {
    // Rank r's first missing replication is r + finished[r] * ranks (if it has one); the
    // prefix ends at the earliest of them.
    const auto ranks = static_cast<std::uint64_t>(finished.size());
    std::uint64_t prefix = total;
    for (std::uint64_t r = 0; r < ranks; ++r) {
        prefix = std::min(prefix, r + std::uint64_t{finished[r]} * ranks);
    }
    return static_cast<std::uint32_t>(prefix);
}

std::vector<std::vector<double>> in_replication_order(std::vector<std::vector<double>>&& by_rank,
                                                      std::uint32_t prefix, int ranks) {
    if (by_rank.size() != prefix) {
        throw std::logic_error("in_replication_order: the gathered rows are not the prefix");
    }
    std::vector<std::vector<double>> ordered(prefix);
    std::size_t from = 0;  // rank r's rows start where rank r - 1's end
    for (int r = 0; r < ranks; ++r) {
        const Cluster::Deal share = Cluster::deal(0, prefix, r, ranks);
        for (std::uint32_t j = 0; j < share.count; ++j) {
            ordered[share.first + j * share.stride] = std::move(by_rank[from++]);
        }
    }
    return ordered;
}

}  // namespace careflow::batch
