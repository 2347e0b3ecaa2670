// A sweep point's rows are exactly those of a plain batch of the scenario with its values set.
#include <careflow/careflow.hpp>
#include <careflow/cluster.hpp>
#include <careflow/sweep.hpp>

#include "support/thread_cluster.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <functional>
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
    const std::string sweep = sweep_csv(design_, run_sweep(design_, points_, options_));
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
    const std::string sweep = sweep_csv(design_, run);
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
    const std::string csv = sweep_csv(design_, run);
    EXPECT_EQ(csv, sweep_csv(design_, run_sweep(design_, points_, options_)).substr(0, csv.size()));
    EXPECT_TRUE(rows_starting_with(csv, "2,").empty());
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
    const std::string csv = sweep_csv(design_, run);
    EXPECT_TRUE(rows_starting_with(csv, "3,").empty());
    // The second point's rows summarise its two replications: n is 2 where defined.
    const std::string second = rows_starting_with(csv, "2,");
    ASSERT_FALSE(second.empty());
    const std::string first_row = second.substr(0, second.find('\n'));
    EXPECT_EQ(first_row.substr(first_row.rfind(',') + 1), "2") << first_row;
}

/// run_sweep on every rank of a cluster of `ranks` threads, rank r with `options_of(r)`;
/// returns the first rank's result (the others' hold the header only).
SweepRun sweep_on_ranks(int ranks, const SweepDesign& design,
                        const std::vector<LoadedScenario>& points,
                        const std::function<BatchOptions(int rank)>& options_of) {
    std::vector<SweepRun> runs(static_cast<std::size_t>(ranks));
    testing::ThreadCluster(ranks).run([&](Cluster& cluster) {
        BatchOptions options = options_of(cluster.rank());
        options.cluster = &cluster;
        runs[static_cast<std::size_t>(cluster.rank())] = run_sweep(design, points, options);
    });
    for (std::size_t r = 1; r < runs.size(); ++r) {
        EXPECT_TRUE(runs[r].points.empty()) << "rank " << r;
        EXPECT_EQ(runs[r].stopped, runs[0].stopped) << "rank " << r;
    }
    return std::move(runs[0]);
}

TEST_F(SweepRunner, ProcessesOfAClusterGiveTheBytesOfOne) {
    const SweepRun alone = run_sweep(design_, points_, options_);
    for (const int ranks : {2, 3, 5}) {  // 4 points x 3: points split, and whole points apart
        const SweepRun spread =
            sweep_on_ranks(ranks, design_, points_, [&](int) { return options_; });
        EXPECT_FALSE(spread.stopped);
        EXPECT_EQ(spread.points_run, 4U);
        EXPECT_EQ(sweep_csv(design_, spread), sweep_csv(design_, alone)) << ranks << " ranks";
    }
    BatchOptions single = options_;
    single.replications = 1;  // fewer replications than ranks: one point per rank
    EXPECT_EQ(sweep_csv(design_, sweep_on_ranks(3, design_, points_, [&](int) { return single; })),
              sweep_csv(design_, run_sweep(design_, points_, single)));
}

TEST_F(SweepRunner, AStopOnAClusterKeepsWhatEveryProcessFinishedWithoutAGap) {
    // 4 points x 3 = 12 replications laid end to end, dealt over 2 ranks; rank 1 stops after
    // its 5th (1, 3, 5, 7, 9): it lacks 11, so 0..10 are kept: points 1 to 3 whole and point 4
    // with its first 2, as one process stopped after 11.
    std::atomic<bool> rank1_stop{false};
    const SweepRun spread = sweep_on_ranks(2, design_, points_, [&](int rank) {
        BatchOptions options = options_;
        options.threads = 1;
        if (rank == 1) {
            options.stop = &rank1_stop;
            options.on_progress = [&](std::uint32_t finished) {
                if (finished == 5) rank1_stop = true;
            };
        }
        return options;
    });
    EXPECT_TRUE(spread.stopped);
    EXPECT_EQ(spread.points_run, 4U);
    EXPECT_EQ(spread.last_point_replications, 2U);

    std::atomic<bool> stop{false};
    BatchOptions one = options_;
    one.threads = 1;
    one.stop = &stop;
    one.on_progress = [&](std::uint32_t finished_in_sweep) {
        if (finished_in_sweep == 11) stop = true;
    };
    const SweepRun alone = run_sweep(design_, points_, one);
    EXPECT_EQ(alone.points_run, 4U);
    EXPECT_EQ(alone.last_point_replications, 2U);
    EXPECT_EQ(sweep_csv(design_, spread), sweep_csv(design_, alone));
}

TEST_F(SweepRunner, RefusesScenariosThatDoNotMatchThePoints) {
    points_.pop_back();
    EXPECT_THROW((void)run_sweep(design_, points_, options_), std::invalid_argument);
}

}  // namespace
}  // namespace careflow
