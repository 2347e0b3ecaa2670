// A batch over a cluster deals the replications out like cards: every replication runs once,
// the first rank puts the rows back in order, and after a stop the batch keeps the unbroken
// run every rank finished. The cluster here is threads of this process standing in for MPI
// ranks, so the whole path of run_batch is checked without mpirun.
#include "batch/dealt_rows.hpp"
#include "support/scenario_text.hpp"

#include <careflow/cluster.hpp>
#include <careflow/output.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace careflow {
namespace {

using batch::in_replication_order;
using batch::unbroken_prefix;

TEST(Deal, EveryReplicationGoesToExactlyOneRank) {
    for (int ranks = 1; ranks <= 8; ++ranks) {
        for (std::uint32_t total = 0; total <= 40; ++total) {
            std::vector<int> owners(total, 0);
            for (int r = 0; r < ranks; ++r) {
                const Cluster::Deal share = Cluster::deal(100, total, r, ranks);
                EXPECT_EQ(share.stride, static_cast<std::uint32_t>(ranks));
                for (std::uint32_t j = 0; j < share.count; ++j) {
                    const std::uint32_t replication = share.first + j * share.stride;
                    ASSERT_GE(replication, 100u);
                    ASSERT_LT(replication, 100u + total);
                    ++owners[replication - 100];
                }
            }
            for (std::uint32_t i = 0; i < total; ++i) {
                EXPECT_EQ(owners[i], 1) << i << " of " << total << " on " << ranks << " ranks";
            }
        }
    }
}

TEST(Deal, SharesDifferByAtMostOne) {
    EXPECT_EQ(Cluster::deal(0, 10, 0, 3), (Cluster::Deal{0, 4, 3}));
    EXPECT_EQ(Cluster::deal(0, 10, 1, 3), (Cluster::Deal{1, 3, 3}));
    EXPECT_EQ(Cluster::deal(0, 10, 2, 3), (Cluster::Deal{2, 3, 3}));
    EXPECT_EQ(Cluster::deal(0, 2, 2, 3).count, 0u);  // fewer replications than ranks
}

TEST(UnbrokenPrefix, EndsAtTheFirstReplicationAnyRankLacks) {
    const std::vector<std::uint32_t> all_done{4, 3, 3};
    EXPECT_EQ(unbroken_prefix(all_done, 10), 10u);
    // Rank 1 finished 1 and 4 but not 7: replications 0..6 are all there.
    const std::vector<std::uint32_t> rank1_short{4, 2, 3};
    EXPECT_EQ(unbroken_prefix(rank1_short, 10), 7u);
    const std::vector<std::uint32_t> rank0_none{0, 3, 3};
    EXPECT_EQ(unbroken_prefix(rank0_none, 10), 0u);
    const std::vector<std::uint32_t> rank2_none{4, 3, 0};
    EXPECT_EQ(unbroken_prefix(rank2_none, 10), 2u);
    const std::vector<std::uint32_t> alone{6};
    EXPECT_EQ(unbroken_prefix(alone, 10), 6u);
}

TEST(InReplicationOrder, PutsTheRanksRowsBackInOrder) {
    // 7 replications on 3 ranks, gathered in rank order: 0 3 6 | 1 4 | 2 5.
    std::vector<std::vector<double>> by_rank{{0}, {3}, {6}, {1}, {4}, {2}, {5}};
    const auto ordered = in_replication_order(std::move(by_rank), 7, 3);
    ASSERT_EQ(ordered.size(), 7u);
    for (std::size_t i = 0; i < ordered.size(); ++i) EXPECT_EQ(ordered[i], std::vector<double>{
                                                                  static_cast<double>(i)});
    EXPECT_THROW((void)in_replication_order({{0}, {1}}, 3, 2), std::logic_error);
}

/// Threads of this process as the ranks of a cluster: every rank is one thread, and each
/// collective meets at a barrier, as MPI's would.
class ThreadCluster {
public:
    explicit ThreadCluster(int ranks)
        : ranks_(ranks), meeting_(ranks), rows_(static_cast<std::size_t>(ranks)),
          counts_(static_cast<std::size_t>(ranks)) {}

    /// The Cluster one rank's thread passes to run_batch.
    class Rank final : public Cluster {
    public:
        Rank(ThreadCluster& all, int rank) : all_(all), rank_(rank) {}
        [[nodiscard]] int rank() const noexcept override { return rank_; }
        [[nodiscard]] int size() const noexcept override { return all_.ranks_; }
        std::vector<std::vector<double>> gather_rows(const std::vector<std::vector<double>>& rows,
                                                     std::size_t) override {
            all_.rows_[index()] = rows;
            all_.meeting_.arrive_and_wait();
            std::vector<std::vector<double>> gathered;
            if (rank_ == 0) {
                for (const auto& block : all_.rows_) {
                    gathered.insert(gathered.end(), block.begin(), block.end());
                }
            }
            all_.meeting_.arrive_and_wait();  // nobody writes a slot before rank 0 has read it
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
            all_.counts_[index()] = mine;
            all_.meeting_.arrive_and_wait();
            std::vector<std::uint32_t> counts = all_.counts_;
            all_.meeting_.arrive_and_wait();
            return counts;
        }

    private:
        [[nodiscard]] std::size_t index() const { return static_cast<std::size_t>(rank_); }
        ThreadCluster& all_;
        int rank_;
    };

    /// run_batch on every rank at once, rank r with `options_of(r)`; returns rank 0's result.
    template <typename OptionsOf>
    BatchResult run(const Model& model, OptionsOf options_of) {
        std::vector<BatchResult> results(static_cast<std::size_t>(ranks_));
        std::vector<std::thread> threads;
        for (int r = 0; r < ranks_; ++r) {
            threads.emplace_back([&, r] {
                Rank rank(*this, r);
                BatchOptions options = options_of(r);
                options.cluster = &rank;
                results[static_cast<std::size_t>(r)] = run_batch(model, options);
            });
        }
        for (std::thread& thread : threads) thread.join();
        for (std::size_t r = 1; r < results.size(); ++r) {
            EXPECT_FALSE(results[r].holds_results);
            EXPECT_EQ(results[r].stopped, results[0].stopped) << "rank " << r;
        }
        return std::move(results[0]);
    }

private:
    int ranks_;
    std::barrier<> meeting_;
    std::vector<std::vector<std::vector<double>>> rows_;
    std::vector<std::uint32_t> counts_;
};

std::shared_ptr<const Model> noord_veluwe() {  // strategies: costs.csv has rows
    std::ifstream in(std::string(CAREFLOW_SOURCE_DIR) + "/scenarios/noord-veluwe-2019.yaml");
    std::stringstream text;
    text << in.rdbuf();
    return load_scenario_text(text.str(), "noord-veluwe-2019.yaml").model;
}

/// Every table as its CSV writes it (NaN equals NaN here).
std::string bytes_of(const BatchResult& batch) {
    return replications_csv(batch.metrics) + replications_csv(batch.timeseries) +
           replications_csv(batch.costs);
}

TEST(DealtBatch, ThreeRanksGiveTheBytesOfOneProcess) {
    const auto model = noord_veluwe();
    const BatchOptions plain{.replications = 11, .seed = 5, .threads = 1};
    const BatchResult alone = run_batch(*model, plain);
    ThreadCluster cluster(3);
    const BatchResult gathered = cluster.run(*model, [&](int) { return plain; });
    EXPECT_FALSE(gathered.stopped);
    ASSERT_EQ(gathered.replications(), 11u);
    ASSERT_FALSE(gathered.costs.keys.empty());
    EXPECT_EQ(bytes_of(gathered), bytes_of(alone));
}

TEST(DealtBatch, AStopKeepsTheRunEveryRankFinished) {
    const auto model = noord_veluwe();
    // 30 replications on 3 ranks; rank 1 stops after its 5th (1, 4, 7, 10, 13): it lacks 16,
    // so 0..15 are kept, more than any one rank ran, and the result is that of a batch of 16.
    std::atomic<bool> rank1_stop{false};
    ThreadCluster cluster(3);
    const BatchResult stopped = cluster.run(*model, [&](int rank) {
        BatchOptions options{.replications = 30, .seed = 5, .threads = 1};
        if (rank == 1) {
            options.stop = &rank1_stop;
            options.on_progress = [&](std::uint32_t finished) {
                if (finished == 5) rank1_stop = true;
            };
        }
        return options;
    });
    EXPECT_TRUE(stopped.stopped);
    EXPECT_EQ(stopped.requested, 30u);
    ASSERT_EQ(stopped.replications(), 16u);
    const BatchResult sixteen = run_batch(*model, {.replications = 16, .seed = 5, .threads = 1});
    EXPECT_EQ(bytes_of(stopped), bytes_of(sixteen));
}

TEST(DealtBatch, ABatchThatContinuesAnotherIsDealtFromItsFirstReplication) {
    const auto model = noord_veluwe();
    ThreadCluster cluster(2);
    const BatchResult later = cluster.run(*model, [](int) {
        return BatchOptions{.replications = 5, .seed = 5, .threads = 1, .first_replication = 4};
    });
    BatchResult whole = run_batch(*model, {.replications = 9, .seed = 5, .threads = 1});
    whole.metrics.values.erase(whole.metrics.values.begin(), whole.metrics.values.begin() + 4);
    EXPECT_EQ(replications_csv(later.metrics), replications_csv(whole.metrics));
}

}  // namespace
}  // namespace careflow
