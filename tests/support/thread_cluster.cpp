#include "support/thread_cluster.hpp"

#include <thread>

namespace careflow::testing {

/// One rank's view: its number, and the shared slots the collectives meet in.
class ThreadCluster::Rank final : public Cluster {
public:
    Rank(ThreadCluster& all, int rank) : all_(all), rank_(rank) {}

    [[nodiscard]] int rank() const noexcept override { return rank_; }
    [[nodiscard]] int size() const noexcept override { return all_.ranks_; }

    std::vector<std::vector<double>> gather_rows(const std::vector<std::vector<double>>& rows,
                                                 std::size_t /*width*/) override {
        all_.rows_[slot()] = rows;
        all_.meeting_.arrive_and_wait();
        std::vector<std::vector<double>> gathered;
        if (rank_ == 0) {
            for (const auto& block : all_.rows_) {
                gathered.insert(gathered.end(), block.begin(), block.end());
            }
        }
        all_.meeting_.arrive_and_wait();  // no rank refills a slot before the first has read it
        return gathered;
    }

    std::vector<std::uint8_t> all_flags(bool mine) override {
        std::vector<std::uint8_t> flags;
        for (const std::uint32_t count : all_counts(mine ? 1 : 0)) {
            flags.push_back(count != 0 ? 1 : 0);
        }
        return flags;
    }

    std::vector<std::uint32_t> all_counts(std::uint32_t mine) override {
        all_.counts_[slot()] = mine;
        all_.meeting_.arrive_and_wait();
        std::vector<std::uint32_t> counts = all_.counts_;
        all_.meeting_.arrive_and_wait();
        return counts;
    }

private:
    [[nodiscard]] std::size_t slot() const { return static_cast<std::size_t>(rank_); }

    ThreadCluster& all_;
    int rank_;
};

ThreadCluster::ThreadCluster(int ranks)
    : ranks_(ranks), meeting_(ranks), rows_(static_cast<std::size_t>(ranks)),
      counts_(static_cast<std::size_t>(ranks)) {}

void ThreadCluster::run(const std::function<void(Cluster&)>& work) {
    std::vector<std::thread> threads;
    for (int r = 0; r < ranks_; ++r) {
        threads.emplace_back([this, r, &work] {
            Rank rank(*this, r);
            work(rank);
        });
    }
    for (std::thread& thread : threads) thread.join();
}

}  // namespace careflow::testing
