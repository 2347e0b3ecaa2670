// A sweep point's rows are exactly those of a plain batch of the scenario with its values set.
#include <careflow/careflow.hpp>
#include <careflow/sweep.hpp>

#include "batch/sweep_spread.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace careflow {
namespace {

const std::string scenario_name = "youth-care-region.yaml";

std::string bundled_text() {
    std::ifstream in(std::string(CAREFLOW_SOURCE_DIR) + "/scenarios/" + scenario_name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Short runs: the test is about bytes, not about the region.
const std::vector<std::string> short_run = {"run.horizon=2 years", "run.warmup=1 year"};

std::vector<std::string> with_short_run(std::vector<std::string> overrides) {
    overrides.insert(overrides.begin(), short_run.begin(), short_run.end());
    return overrides;
}

/// The lines of `csv` (header dropped) that start with `prefix`, the prefix removed.
std::string rows_starting_with(const std::string& csv, const std::string& prefix) {
    std::istringstream in(csv);
    std::string line;
    std::string out;
    std::getline(in, line);
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0) out += line.substr(prefix.size()) + "\n";
    }
    return out;
}

std::string without_header(const std::string& csv) { return csv.substr(csv.find('\n') + 1); }

class SweepRunner : public ::testing::Test {
protected:
    void SetUp() override {
        design_ = grid_design(parse_vary({"states.residential.capacity=30,46",
                                          "arrivals.crisis line.per_year=40,80"},
                                         SweepMode::grid));
        for (std::size_t p = 0; p < design_.size(); ++p) {
            points_.push_back(
                load_scenario_text(text_, scenario_name, with_short_run(design_.overrides(p))));
        }
    }

    const std::string text_ = bundled_text();
    SweepDesign design_;
    std::vector<LoadedScenario> points_;
    const BatchOptions options_{.replications = 3, .seed = 5, .threads = 2};
};

TEST_F(SweepRunner, APointsRowsEqualAPlainBatchWithItsValuesSet) {
    const std::string sweep = run_sweep(design_, points_, options_).csv;
    const LoadedScenario plain = load_scenario_text(
        text_, scenario_name,
        with_short_run({"states.residential.capacity=46", "arrivals.crisis line.per_year=40"}));
    const BatchResult batch = run_batch(*plain.model, {.replications = 3, .seed = 5, .threads = 1,
                                                       .uncertainty = plain.uncertainty.get()});
    const std::string want = without_header(summary_csv(batch.metrics, summarize(batch.metrics)));
    EXPECT_EQ(rows_starting_with(sweep, "3,46,40,"), want);
}

TEST_F(SweepRunner, WritesTheHeaderAndEveryPointsRowsInPointOrder) {
    std::vector<std::size_t> finished;
    const SweepRun run =
        run_sweep(design_, points_, options_,
                  [&](const SweepPointResult& result) { finished.push_back(result.point); });
    const std::string& sweep = run.csv;
    EXPECT_FALSE(run.stopped);
    EXPECT_EQ(run.points_run, 4U);
    EXPECT_EQ(finished, (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(sweep.substr(0, sweep.find('\n')),
              "point,states.residential.capacity,arrivals.crisis line.per_year,metric,state,year,"
              "strategy,provider,mean,sd,ci_low,ci_high,p05,p50,p95,n");
    const std::string first = rows_starting_with(sweep, "1,30,40,");
    const std::string last = rows_starting_with(sweep, "4,46,80,");
    EXPECT_FALSE(first.empty());
    EXPECT_NE(first, last);  // the values reached the model
    const auto lines = static_cast<std::size_t>(std::count(sweep.begin(), sweep.end(), '\n'));
    EXPECT_EQ(lines, 1 + 4 * static_cast<std::size_t>(std::count(first.begin(), first.end(), '\n')));
}

TEST_F(SweepRunner, AStopBetweenPointsKeepsTheFinishedPointsWhole) {
    std::atomic<bool> stop{false};
    BatchOptions options = options_;
    options.stop = &stop;
    const SweepRun run = run_sweep(design_, points_, options,
                                   [&](const SweepPointResult&) { stop = true; });
    EXPECT_TRUE(run.stopped);
    EXPECT_EQ(run.points_run, 1U);
    EXPECT_EQ(run.last_point_replications, 3U);  // the first, whole; the second started none
    EXPECT_EQ(run.csv, run_sweep(design_, points_, options_).csv.substr(0, run.csv.size()));
    EXPECT_TRUE(rows_starting_with(run.csv, "2,").empty());
}

TEST_F(SweepRunner, AStopInsideAPointKeepsItsFinishedReplications) {
    // One thread: a replication starts only after the one before has finished, so a stop
    // raised after the fifth leaves exactly 3 (the first point) + 2.
    std::atomic<bool> stop{false};
    std::atomic<int> finished{0};
    BatchOptions options = options_;
    options.threads = 1;
    options.stop = &stop;
    options.on_progress = [&](std::uint32_t) {
        if (++finished == 5) stop = true;
    };
    const SweepRun run = run_sweep(design_, points_, options);
    EXPECT_TRUE(run.stopped);
    EXPECT_EQ(run.points_run, 2U);
    EXPECT_EQ(run.last_point_replications, 2U);
    EXPECT_TRUE(rows_starting_with(run.csv, "3,").empty());
    // The second point's rows summarise its two replications: n is 2 where defined.
    const std::string second = rows_starting_with(run.csv, "2,");
    ASSERT_FALSE(second.empty());
    const std::string first_row = second.substr(0, second.find('\n'));
    EXPECT_EQ(first_row.substr(first_row.rfind(',') + 1), "2") << first_row;
}

TEST(SweepSpread, ProcessesGetContiguousBlocksOfThePointsReplicationsLaidEndToEnd) {
    using batch::point_part;
    using batch::PointPart;
    // 3 points of 4 replications, 12 in all, over 2 processes: 0..5 and 6..11.
    EXPECT_EQ(point_part(3, 4, 0, 0, 2), (PointPart{0, 4}));
    EXPECT_EQ(point_part(3, 4, 1, 0, 2), (PointPart{0, 2}));
    EXPECT_EQ(point_part(3, 4, 2, 0, 2), (PointPart{}));
    EXPECT_EQ(point_part(3, 4, 0, 1, 2), (PointPart{}));
    EXPECT_EQ(point_part(3, 4, 1, 1, 2), (PointPart{2, 2}));
    EXPECT_EQ(point_part(3, 4, 2, 1, 2), (PointPart{0, 4}));
    // Fewer replications than processes: whole points go to different processes.
    EXPECT_EQ(point_part(3, 1, 0, 0, 3), (PointPart{0, 1}));
    EXPECT_EQ(point_part(3, 1, 1, 1, 3), (PointPart{0, 1}));
    EXPECT_EQ(point_part(3, 1, 2, 2, 3), (PointPart{0, 1}));
    EXPECT_EQ(point_part(3, 1, 2, 1, 3), (PointPart{}));
}

TEST(SweepSpread, EveryReplicationOfEveryPointHasExactlyOneProcess) {
    for (const int ranks : {1, 2, 3, 5, 8}) {
        for (const std::uint32_t n : {1U, 3U, 7U}) {
            for (std::size_t p = 0; p < 5; ++p) {
                std::uint32_t next = 0;  // the blocks follow each other in rank order
                for (int r = 0; r < ranks; ++r) {
                    const auto part = batch::point_part(5, n, p, r, ranks);
                    if (part.count == 0) continue;
                    EXPECT_EQ(part.first, next) << ranks << " ranks, n " << n << ", point " << p;
                    next = part.first + part.count;
                }
                EXPECT_EQ(next, n) << ranks << " ranks, n " << n << ", point " << p;
            }
        }
    }
}

TEST_F(SweepRunner, RefusesScenariosThatDoNotMatchThePoints) {
    points_.pop_back();
    EXPECT_THROW((void)run_sweep(design_, points_, options_), std::invalid_argument);
}

}  // namespace
}  // namespace careflow
