// Same scenario and seed give the same bytes, on one thread or many; seeds matter.
#include "support/scenario_text.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace careflow {
namespace {

std::shared_ptr<const Model> bundled_default() {
    std::ifstream in(std::string(CAREFLOW_SOURCE_DIR) + "/scenarios/youth-care-region.yaml");
    std::stringstream text;
    text << in.rdbuf();
    return load_scenario_text(text.str(), "youth-care-region.yaml").model;
}

std::string summary_bytes(const Model& model, unsigned threads, std::uint64_t seed) {
    const BatchResult batch = run_batch(model, {.replications = 12, .seed = seed,
                                                .threads = threads});
    return summary_csv(batch.metrics, summarize(batch.metrics)) +
           replications_csv(batch.metrics) +
           timeseries_csv(batch.timeseries, summarize(batch.timeseries));
}

TEST(Determinism, SameSeedGivesIdenticalBytesOnAnyThreadCount) {
    const auto model = bundled_default();
    const std::string one_thread = summary_bytes(*model, 1, 42);
    EXPECT_EQ(one_thread, summary_bytes(*model, 1, 42));
    EXPECT_EQ(one_thread, summary_bytes(*model, 2, 42));
    EXPECT_EQ(one_thread, summary_bytes(*model, 8, 42));
}

TEST(Determinism, ADifferentSeedGivesDifferentResults) {
    const auto model = bundled_default();
    EXPECT_NE(summary_bytes(*model, 2, 42), summary_bytes(*model, 2, 43));
}

}  // namespace
}  // namespace careflow
