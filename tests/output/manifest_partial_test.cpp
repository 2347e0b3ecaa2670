// manifest.json of a stopped run (partial, requested and completed) and of a --target-ci run.
#include "output/manifest.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace careflow::output {
namespace {

using nlohmann::json;

Model empty_model() {
    Model model;
    model.version = 1;
    model.name = "empty";
    return model;
}

RunRecord record_of(std::uint32_t requested) {
    RunRecord record;
    record.scenario_path = "empty.yaml";
    record.options = {.replications = requested, .seed = 7};
    return record;
}

TEST(ManifestPartial, AStoppedRunSaysHowManyWereAskedForAndHowManyFinished) {
    const json got = json::parse(manifest_json(empty_model(), record_of(1000), true, 37));
    EXPECT_EQ(got["replications"], 37);
    EXPECT_EQ(got["partial"], true);
    EXPECT_EQ(got["replications_requested"], 1000);
    EXPECT_EQ(got["replications_completed"], 37);
}

TEST(ManifestPartial, ACompleteRunHasNoCountsBesideReplications) {
    const json got = json::parse(manifest_json(empty_model(), record_of(10)));
    EXPECT_EQ(got["replications"], 10);
    EXPECT_FALSE(got.contains("replications_requested"));
    EXPECT_FALSE(got.contains("replications_completed"));
    EXPECT_FALSE(got.contains("targets"));
}

TEST(ManifestPartial, RecordsEachTargetAndTheOutcome) {
    RunRecord record = record_of(180);
    record.targets = TargetsRecord{
        .max_replications = 10'000,
        .outcome = TargetOutcome::cap_reached,
        .targets = {{"clients//2019", 5.0, 7.25, false}, {"referrals", 1.0, std::nullopt, false}}};
    const json got = json::parse(manifest_json(empty_model(), record))["targets"];
    const json want = json::parse(R"({
      "max_replications": 10000, "outcome": "cap reached",
      "metrics": [
        {"metric": "clients//2019", "target_half_width": 5.0, "half_width": 7.25, "met": false},
        {"metric": "referrals", "target_half_width": 1.0, "half_width": null, "met": false}
      ]})");
    EXPECT_EQ(got, want);
}

TEST(ManifestPartial, TheNewKeysFollowPartialAndPrecedeResolved) {
    RunRecord record = record_of(50);
    record.targets = TargetsRecord{.max_replications = 100, .outcome = TargetOutcome::interrupted};
    const std::string text = manifest_json(empty_model(), record, true, 20);
    const auto at = [&text](const char* key) { return text.find(std::string("\"") + key + "\":"); };
    EXPECT_LT(at("partial"), at("replications_requested"));
    EXPECT_LT(at("replications_requested"), at("replications_completed"));
    EXPECT_LT(at("replications_completed"), at("targets"));
    EXPECT_LT(at("targets"), at("resolved"));
}

}  // namespace
}  // namespace careflow::output
