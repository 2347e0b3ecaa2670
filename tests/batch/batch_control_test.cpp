// The batch controls: continuing from a first replication, appending, stopping, and a batch of
// no replications (the keys alone).
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <string>

namespace careflow {
namespace {

using testing::batch_file_bytes;
using testing::small_queue_model;

/// The first `n` replications of `batch`.
BatchResult first_rows(BatchResult batch, std::uint32_t n) {
    for (MetricTable* table : {&batch.metrics, &batch.timeseries, &batch.costs}) {
        table->values.resize(n);
    }
    return batch;
}

/// Expects `got`'s rows to be the first rows of `full`, in every table.
void expect_prefix_of(const BatchResult& got, const BatchResult& full) {
    ASSERT_LE(got.replications(), full.replications());
    EXPECT_EQ(batch_file_bytes(got), batch_file_bytes(first_rows(full, got.replications())));
}

TEST(BatchControl, ABatchFromAFirstReplicationAppendedEqualsOneBatch) {
    const auto model = small_queue_model();
    const BatchResult full = run_batch(*model, {.replications = 10, .seed = 7, .threads = 2});
    BatchResult got = run_batch(*model, {.replications = 4, .seed = 7, .threads = 2});
    append(got, run_batch(*model, {.replications = 6, .seed = 7, .threads = 1,
                                   .first_replication = 4}));
    EXPECT_EQ(got.requested, 10u);
    EXPECT_FALSE(got.partial());
    EXPECT_EQ(batch_file_bytes(got), batch_file_bytes(full));
}

TEST(BatchControl, AppendRefusesABatchWithOtherMetrics) {
    BatchResult into = run_batch(*small_queue_model(), {.replications = 1, .seed = 7});
    BatchResult other;
    EXPECT_THROW(append(into, std::move(other)), std::invalid_argument);
}

TEST(BatchControl, AStopAfterKReplicationsOnOneThreadKeepsExactlyThoseK) {
    const auto model = small_queue_model();
    constexpr std::uint32_t k = 3;
    std::atomic<bool> stop{false};
    const BatchResult got = run_batch(
        *model, {.replications = 20, .seed = 7, .threads = 1,
                 .on_progress = [&stop](std::uint32_t finished) { if (finished >= k) stop = true; },
                 .stop = &stop});
    EXPECT_TRUE(got.partial());
    EXPECT_EQ(got.requested, 20u);
    EXPECT_EQ(got.replications(), k);
    expect_prefix_of(got, run_batch(*model, {.replications = 20, .seed = 7, .threads = 2}));
}

TEST(BatchControl, AStopOnSeveralThreadsKeepsAPrefixOfTheFullRun) {
    const auto model = small_queue_model();
    std::atomic<bool> stop{false};
    const BatchResult got = run_batch(
        *model, {.replications = 40, .seed = 7, .threads = 4,
                 .on_progress = [&stop](std::uint32_t finished) { if (finished >= 5) stop = true; },
                 .stop = &stop});
    EXPECT_TRUE(got.partial());
    EXPECT_LT(got.replications(), 40u);
    const BatchResult full = run_batch(*model, {.replications = 40, .seed = 7, .threads = 1});
    expect_prefix_of(got, full);
    // The prefix's files are a plain run's of that many replications, byte for byte.
    const BatchResult same_count =
        run_batch(*model, {.replications = got.replications(), .seed = 7, .threads = 1});
    EXPECT_EQ(batch_file_bytes(got), batch_file_bytes(same_count));
}

TEST(BatchControl, AStopBeforeTheBatchRunsNothingButKeepsTheKeys) {
    std::atomic<bool> stop{true};
    const BatchResult got =
        run_batch(*small_queue_model(), {.replications = 5, .seed = 7, .stop = &stop});
    EXPECT_EQ(got.replications(), 0u);
    EXPECT_TRUE(got.partial());
    EXPECT_FALSE(got.metrics.keys.empty());
}

TEST(BatchControl, ABatchOfNoReplicationsHasTheKeysOfAnyOther) {
    const auto model = small_queue_model();
    const BatchResult none = run_batch(*model, {.replications = 0, .seed = 7});
    const BatchResult one = run_batch(*model, {.replications = 1, .seed = 7});
    EXPECT_EQ(none.replications(), 0u);
    EXPECT_FALSE(none.partial());
    EXPECT_EQ(none.metrics.keys, one.metrics.keys);
    EXPECT_EQ(none.timeseries.keys, one.timeseries.keys);
}

}  // namespace
}  // namespace careflow
