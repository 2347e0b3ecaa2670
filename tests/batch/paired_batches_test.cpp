// compare's batches: the scenarios take turns, the turns change no value, and a stop leaves
// every scenario with the same replications.
#include "support/scenario_text.hpp"

#include <careflow/compare.hpp>
#include <careflow/output.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

namespace careflow {
namespace {

LoadedScenario queue_with_places(int places) {
    const std::string text = R"(
version: 1
run: {horizon: 2 years, warmup: 100 days, replications: 10, seed: 7}
states:
  - name: queue
    capacity: )" + std::to_string(places) + R"(
    waitlist: fifo
    length_of_stay: {exponential: {mean: 20 days}}
    next: {exit: 1}
arrivals:
  - {to: queue, per_year: 50}
)";
    return {.model = testing::model_from_yaml(text), .warnings = {}, .text = text,
            .uncertainty = nullptr};
}

/// The metrics as replications.csv writes them: NaN (undefined) compares equal to NaN here.
std::string rows_of(const BatchResult& batch) { return replications_csv(batch.metrics); }

PairedBatches run_quietly(const std::vector<LoadedScenario>& scenarios,
                          const BatchOptions& options) {
    BatchWatcher unwatched;
    return run_paired(scenarios, options, unwatched);
}

TEST(PairedBatches, TurnsAreATenthOfTheBatchButNotFewerThan32) {
    EXPECT_EQ(paired_chunk(10), 10u);
    EXPECT_EQ(paired_chunk(100), 32u);
    EXPECT_EQ(paired_chunk(400), 40u);
    EXPECT_EQ(paired_chunk(5001), 501u);
}

TEST(PairedBatches, TakingTurnsGivesEveryScenarioTheValuesOfOnePlainBatch) {
    const std::vector<LoadedScenario> scenarios{queue_with_places(3), queue_with_places(4)};
    const BatchOptions options{.replications = 70, .seed = 7, .threads = 2};  // turns 32, 32, 6
    const PairedBatches paired = run_quietly(scenarios, options);
    EXPECT_FALSE(paired.stopped);
    EXPECT_EQ(paired.completed, 70u);
    ASSERT_EQ(paired.batches.size(), 2u);
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
        const BatchResult plain = run_batch(*scenarios[s].model, options);
        EXPECT_TRUE(rows_of(paired.batches[s]) == rows_of(plain)) << "scenario " << s;
        EXPECT_TRUE(paired.batches[s].timeseries.values.empty());  // not kept: not compared
    }
    EXPECT_NE(rows_of(paired.batches[0]), rows_of(paired.batches[1]));
}

TEST(PairedBatches, AStopKeepsTheReplicationsEveryScenarioFinished) {
    // One thread: a replication starts only after the one before it finished. The base's first
    // turn runs 32; the stop comes after the variant's 8th.
    std::atomic<bool> stop{false};
    std::atomic<std::uint32_t> finished{0};
    BatchOptions options{.replications = 70, .seed = 7, .threads = 1, .stop = &stop};
    options.on_progress = [&](std::uint32_t) {
        if (++finished == 40) stop = true;
    };
    const std::vector<LoadedScenario> scenarios{queue_with_places(3), queue_with_places(4)};
    const PairedBatches paired = run_quietly(scenarios, options);
    EXPECT_TRUE(paired.stopped);
    EXPECT_EQ(paired.completed, 8u);
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
        const BatchResult plain =
            run_batch(*scenarios[s].model, {.replications = 8, .seed = 7, .threads = 2});
        EXPECT_TRUE(rows_of(paired.batches[s]) == rows_of(plain)) << "scenario " << s;
    }
}

TEST(PairedBatches, AStopBeforeAnyTurnLeavesNothingToPair) {
    const std::atomic<bool> stop{true};
    const std::vector<LoadedScenario> scenarios{queue_with_places(3), queue_with_places(4)};
    const PairedBatches paired =
        run_quietly(scenarios, {.replications = 70, .seed = 7, .threads = 2, .stop = &stop});
    EXPECT_TRUE(paired.stopped);
    EXPECT_EQ(paired.completed, 0u);
}

}  // namespace
}  // namespace careflow
