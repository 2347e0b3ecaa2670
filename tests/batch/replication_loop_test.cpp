// The replication loop: one batch, or batches until every --target-ci is met or the cap;
// either way the bytes of one plain batch of the final count.
#include "support/scenario_text.hpp"

#include <careflow/diagnostics.hpp>
#include <careflow/output.hpp>
#include <careflow/replications.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <string>

namespace careflow {
namespace {

using testing::batch_file_bytes;
using testing::small_queue_model;

LoopResult run_plan(const Model& model, const ReplicationPlan& plan,
                    const std::atomic<bool>* stop = nullptr) {
    BatchWatcher unwatched;
    return run_replications(model, {.seed = 7, .threads = 2, .stop = stop}, plan, unwatched);
}

TEST(ReplicationLoop, WithoutTargetsRunsTheFirstBatchOnly) {
    const auto model = small_queue_model();
    const LoopResult got = run_plan(*model, {.first = 12});
    EXPECT_EQ(got.end, LoopEnd::complete);
    EXPECT_EQ(got.batch.replications(), 12u);
    EXPECT_TRUE(got.targets.empty());
}

TEST(ReplicationLoop, AddsBatchesUntilTheTargetIsMetAndEqualsOnePlainBatch) {
    const auto model = small_queue_model();
    const ReplicationPlan plan{.first = 10, .targets = {parse_target("in_care_mean/queue=0.08")}};
    const LoopResult got = run_plan(*model, plan);
    ASSERT_EQ(got.end, LoopEnd::target_met);
    ASSERT_GT(got.batch.replications(), 10u) << "the target should need more than the first 10";
    EXPECT_TRUE(got.targets[0].met);
    EXPECT_LE(*got.targets[0].half_width, 0.08);
    const BatchResult plain =
        run_batch(*model, {.replications = got.batch.replications(), .seed = 7, .threads = 1});
    EXPECT_EQ(batch_file_bytes(got.batch), batch_file_bytes(plain));
}

TEST(ReplicationLoop, StopsAtTheCap) {
    const auto model = small_queue_model();
    const ReplicationPlan plan{.first = 10,
                               .targets = {parse_target("in_care_mean/queue=0.000001")},
                               .max_replications = 40};
    const LoopResult got = run_plan(*model, plan);
    EXPECT_EQ(got.end, LoopEnd::cap_reached);
    EXPECT_EQ(got.batch.replications(), 40u);
    EXPECT_FALSE(got.targets[0].met);
}

TEST(ReplicationLoop, AFirstBatchAboveTheCapIsCut) {
    const ReplicationPlan plan{.first = 50,
                               .targets = {parse_target("in_care_mean/queue=0.000001")},
                               .max_replications = 20};
    EXPECT_EQ(run_plan(*small_queue_model(), plan).batch.replications(), 20u);
}

TEST(ReplicationLoop, AnUnknownTargetFailsBeforeAnythingRuns) {
    const ReplicationPlan plan{.first = 10, .targets = {parse_target("in_care_mean/queu=1")}};
    EXPECT_THROW((void)run_plan(*small_queue_model(), plan), ScenarioError);
}

TEST(ReplicationLoop, AStopEndsTheLoopWithThePrefixFinished) {
    const std::atomic<bool> stop{true};
    const ReplicationPlan plan{.first = 10, .targets = {parse_target("in_care_mean/queue=0.01")}};
    const LoopResult got = run_plan(*small_queue_model(), plan, &stop);
    EXPECT_EQ(got.end, LoopEnd::stopped);
    EXPECT_EQ(got.batch.replications(), 0u);
    EXPECT_TRUE(got.batch.partial());
}

}  // namespace
}  // namespace careflow
