// A batch over a cluster deals the replications out like cards: every replication runs once,
// the first rank puts the rows back in order, and after a stop the batch keeps the unbroken
// run every rank finished. The cluster here is threads of this process standing in for MPI
// ranks (tests/support/thread_cluster), so the whole path of run_batch is checked without
// mpirun.
#include "batch/dealt_rows.hpp"
#include "support/scenario_text.hpp"
#include "support/thread_cluster.hpp"

#include <careflow/cluster.hpp>
#include <careflow/output.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

namespace careflow {
namespace {

using batch::dealt_share;
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

TEST(DealtShare, ARangeOfASequenceDealtFromZeroIsNumberedWithinTheRange) {
    // A sweep of 3 points x 4 replications on 3 ranks, laid end to end: 0..11, rank g mod 3.
    // Point 1 is 4..7: rank 0 has 6, rank 1 has 4 and 7, rank 2 has 5.
    EXPECT_EQ(dealt_share(4, 8, 0, 3), (Cluster::Deal{2, 1, 3}));
    EXPECT_EQ(dealt_share(4, 8, 1, 3), (Cluster::Deal{0, 2, 3}));
    EXPECT_EQ(dealt_share(4, 8, 2, 3), (Cluster::Deal{1, 1, 3}));
    EXPECT_EQ(dealt_share(4, 5, 2, 3).count, 0u);  // only 4 in the range: rank 1's
    // From 0, a range is the deal itself.
    for (int r = 0; r < 4; ++r) EXPECT_EQ(dealt_share(0, 10, r, 4), Cluster::deal(0, 10, r, 4));
}

TEST(DealtShare, EveryReplicationOfEveryRangeGoesToExactlyOneRank) {
    for (int ranks = 1; ranks <= 6; ++ranks) {
        for (std::uint64_t begin = 0; begin <= 13; ++begin) {
            for (std::uint64_t end = begin; end <= begin + 9; ++end) {
                std::vector<int> owners(end - begin, 0);
                for (int r = 0; r < ranks; ++r) {
                    const Cluster::Deal share = dealt_share(begin, end, r, ranks);
                    for (std::uint32_t j = 0; j < share.count; ++j) {
                        const std::uint64_t local = share.first + j * share.stride;
                        ASSERT_LT(local, end - begin);
                        EXPECT_EQ((begin + local) % static_cast<std::uint64_t>(ranks),
                                  static_cast<std::uint64_t>(r));
                        ++owners[local];
                    }
                }
                for (const int owner : owners) EXPECT_EQ(owner, 1);
            }
        }
    }
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
    const auto ordered = in_replication_order(std::move(by_rank), 0, 7, 3);
    ASSERT_EQ(ordered.size(), 7u);
    for (std::size_t i = 0; i < ordered.size(); ++i) EXPECT_EQ(ordered[i], std::vector<double>{
                                                                  static_cast<double>(i)});
    EXPECT_THROW((void)in_replication_order({{0}, {1}}, 0, 3, 2), std::logic_error);
    // A sweep's point 1 of 4 replications on 3 ranks, 4..7: rank 0 has 6, rank 1 4 and 7,
    // rank 2 has 5.
    const auto point = in_replication_order({{6}, {4}, {7}, {5}}, 4, 4, 3);
    EXPECT_EQ(point, (std::vector<std::vector<double>>{{4}, {5}, {6}, {7}}));
}

/// run_batch on every rank of a cluster of `ranks` threads, rank r with `options_of(r)`;
/// returns the first rank's result, after checking that the others know as much as it does.
BatchResult run_on_ranks(int ranks, const Model& model,
                         const std::function<BatchOptions(int rank)>& options_of) {
    std::vector<BatchResult> results(static_cast<std::size_t>(ranks));
    testing::ThreadCluster(ranks).run([&](Cluster& cluster) {
        BatchOptions options = options_of(cluster.rank());
        options.cluster = &cluster;
        results[static_cast<std::size_t>(cluster.rank())] = run_batch(model, options);
    });
    for (std::size_t r = 1; r < results.size(); ++r) {
        EXPECT_FALSE(results[r].holds_results);
        EXPECT_EQ(results[r].stopped, results[0].stopped) << "rank " << r;
    }
    return std::move(results[0]);
}

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
    const BatchResult gathered = run_on_ranks(3, *model, [&](int) { return plain; });
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
    const BatchResult stopped = run_on_ranks(3, *model, [&](int rank) {
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
    const BatchResult later = run_on_ranks(2, *model, [](int) {
        return BatchOptions{.replications = 5, .seed = 5, .threads = 1, .first_replication = 4};
    });
    BatchResult whole = run_batch(*model, {.replications = 9, .seed = 5, .threads = 1});
    whole.metrics.values.erase(whole.metrics.values.begin(), whole.metrics.values.begin() + 4);
    EXPECT_EQ(replications_csv(later.metrics), replications_csv(whole.metrics));
}

}  // namespace
}  // namespace careflow
