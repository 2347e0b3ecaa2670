// Replications dealt like cards over a cluster: shares of a range, the unbroken prefix and the
// order of the rows.
#include "batch/dealt_rows.hpp"

#include <algorithm>
#include <stdexcept>

namespace careflow::batch {

Cluster::Deal dealt_share(std::uint64_t begin, std::uint64_t end, int rank, int ranks) noexcept {
    const auto k = static_cast<std::uint64_t>(ranks);
    const auto r = static_cast<std::uint64_t>(rank);
    const std::uint64_t first = begin + (r + k - begin % k) % k;  // first g >= begin, g = r mod k
    const std::uint64_t count = first < end ? (end - first - 1) / k + 1 : 0;
    return {static_cast<std::uint32_t>(first - begin), static_cast<std::uint32_t>(count),
            static_cast<std::uint32_t>(k)};
}

std::uint64_t unbroken_prefix(std::span<const std::uint32_t> finished,
                              std::uint64_t total) noexcept {
    // Rank r's first missing replication is r + finished[r] * ranks (if it has one); the
    // prefix ends at the earliest of them.
    const auto ranks = static_cast<std::uint64_t>(finished.size());
    std::uint64_t prefix = total;
    for (std::uint64_t r = 0; r < ranks; ++r) {
        prefix = std::min(prefix, r + std::uint64_t{finished[r]} * ranks);
    }
    return prefix;
}

std::vector<std::vector<double>> in_replication_order(std::vector<std::vector<double>>&& by_rank,
                                                      std::uint64_t begin, std::uint32_t count,
                                                      int ranks) {
    if (by_rank.size() != count) {
        throw std::logic_error("in_replication_order: the gathered rows are not the range");
    }
    std::vector<std::vector<double>> ordered(count);
    std::size_t from = 0;  // rank r's rows start where rank r - 1's end
    for (int r = 0; r < ranks; ++r) {
        const Cluster::Deal share = dealt_share(begin, begin + count, r, ranks);
        for (std::uint32_t j = 0; j < share.count; ++j) {
            ordered[share.first + j * share.stride] = std::move(by_rank[from++]);
        }
    }
    return ordered;
}

}  // namespace careflow::batch
