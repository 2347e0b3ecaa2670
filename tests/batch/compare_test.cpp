// Comparing scenarios under common random numbers: identical scenarios differ by exactly
// zero, one more place is measured far more precisely paired than unpaired; and the files.
#include "support/scenario_text.hpp"

#include <careflow/compare.hpp>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace careflow {
namespace {

// Calendar years, out-of-home and crisis kinds, waiting, and two strategies: one pricing the
// shared trajectories, one changing flows (and so simulated on its own).
constexpr const char* region_yaml = R"(
version: 2
start: 2019-01-01
run: {horizon: 3 years, warmup: 1 year, replications: 8, seed: 3}
states:
  - name: ambulatory
    capacity: 40
    length_of_stay: {exponential: {mean: 90 days}}
    next: {residential: 0.1, crisis: 0.05, exit: 0.85}
  - name: residential
    kind: residential
    capacity: 12
    length_of_stay: {exponential: {mean: 200 days}}
    next: {ambulatory: 0.5, exit: 0.5}
  - name: crisis
    kind: crisis
    capacity: 3
    length_of_stay: {uniform: {min: 1 week, max: 6 weeks}}
    next: {ambulatory: 0.6, exit: 0.4}
arrivals: [{to: ambulatory, per_year: 150}, {to: crisis, per_year: 10}]
strategies:
  - name: day-price
    contracts: [{state: residential, scheme: day_price, price: 280}]
  - name: longer-stays
    contracts:
      - {state: residential, scheme: day_price, price: 280, behaviour: {length_of_stay: 1.2}}
)";

TEST(CommonRandomNumbers, AVariantIdenticalToItsBaseDiffersByExactlyZeroForEveryKey) {
    // Loaded twice, as `careflow compare x.yaml x.yaml` does: two models, the same text.
    const auto base_model = load_scenario_text(region_yaml, "base.yaml").model;
    const auto variant_model = load_scenario_text(region_yaml, "variant.yaml").model;
    const BatchOptions options{.replications = 8, .seed = 3};
    const BatchResult base = run_batch(*base_model, options);
    const BatchResult variant = run_batch(*variant_model, options);

    const std::vector<ComparedMetric> rows = compare_tables(base.metrics, variant.metrics);
    ASSERT_EQ(rows.size(), base.metrics.keys.size());
    std::size_t with_interval = 0;
    for (const ComparedMetric& row : rows) {
        const PairedDifference& d = row.difference;
        const std::string what = fmt::format("{} {} {} {} {}", row.key.metric, row.key.state,
                                             row.key.year, row.key.strategy, row.key.provider);
        if (d.n == 0) continue;  // undefined in every replication, in both alike
        EXPECT_EQ(d.diff_mean, 0.0) << what;
        EXPECT_EQ(d.diff_p05, 0.0) << what;
        EXPECT_EQ(d.diff_p95, 0.0) << what;
        EXPECT_EQ(d.base_mean, d.variant_mean) << what;
        if (d.n < 2) continue;  // one defined pair: a difference, but no interval
        ++with_interval;
        EXPECT_EQ(d.diff_ci_low, 0.0) << what;
        EXPECT_EQ(d.diff_ci_high, 0.0) << what;
    }
    EXPECT_GT(with_interval, rows.size() / 2) << "most keys should have an interval to check";
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::shared_ptr<const Model> ward_with_places(int places) {
    // About 18.5 places' worth of demand: heavy waiting on 20 places, less on 21.
    return testing::model_from_yaml(fmt::format(R"(
version: 1
name: ward-{0}
run: {{horizon: 2 years, warmup: 1 year, replications: 40, seed: 20261125}}
states:
  - name: residential
    capacity: {0}
    waitlist: fifo
    length_of_stay: {{exponential: {{mean: 90 days}}}}
    next: {{exit: 1}}
arrivals:
  - {{to: residential, per_year: 75}}
)", places));
}

double paired_half_width(const PairedDifference& d) { return *d.diff_ci_high - d.diff_mean; }
double unpaired_half_width(const PairedDifference& d) {
    return *d.unpaired_ci_high - d.diff_mean;
}

const PairedDifference& find_row(const std::vector<ComparedMetric>& rows, const MetricKey& key) {
    for (const ComparedMetric& row : rows) {
        if (row.key == key) return row.difference;
    }
    throw std::invalid_argument("no row for " + key.metric);
}

const MetricKey wait_key{"wait_days_mean", "residential", "", ""};
const MetricKey in_care_key{"in_care_mean", "residential", "", ""};

double precision_gain(const PairedDifference& d) {
    return unpaired_half_width(d) / paired_half_width(d);
}

TEST(CommonRandomNumbers, OneMorePlaceIsMeasuredAtLeastThreeTimesMorePreciselyPaired) {
    const BatchOptions options{.replications = 40, .seed = 20261125};
    const BatchResult base = run_batch(*ward_with_places(20), options);
    const BatchResult variant = run_batch(*ward_with_places(21), options);
    const std::vector<ComparedMetric> rows = compare_tables(base.metrics, variant.metrics);

    // The same children arrive with the same stays: the wait and occupancy of the two runs
    // move together from replication to replication, and their difference varies little.
    const PairedDifference& wait = find_row(rows, wait_key);
    EXPECT_LT(*wait.diff_ci_high, 0.0) << "one more place shortens the wait, detectably";
    EXPECT_GE(precision_gain(wait), 3.0) << "paired ± " << paired_half_width(wait)
                                         << ", unpaired ± " << unpaired_half_width(wait);
    const PairedDifference& in_care = find_row(rows, in_care_key);
    EXPECT_GE(precision_gain(in_care), 3.0) << "paired ± " << paired_half_width(in_care)
                                            << ", unpaired ± " << unpaired_half_width(in_care);
}

TEST(CommonRandomNumbers, WithoutThemPairingGainsNothing) {
    // The variant under another seed: independent replications, so pairing cannot help.
    const BatchResult base = run_batch(*ward_with_places(20), {.replications = 40, .seed = 1});
    const BatchResult variant = run_batch(*ward_with_places(21), {.replications = 40, .seed = 2});
    const std::vector<ComparedMetric> rows = compare_tables(base.metrics, variant.metrics);
    EXPECT_LT(precision_gain(find_row(rows, wait_key)), 2.0);
    EXPECT_LT(precision_gain(find_row(rows, in_care_key)), 2.0);
}

VariantComparison small_comparison() {
    // Values chosen by hand: the test is about the text, not the arithmetic.
    const PairedDifference shorter{.base_mean = 12.5, .variant_mean = 10.0, .diff_mean = -2.5,
                                   .diff_ci_low = -3.25, .diff_ci_high = -1.75,
                                   .diff_p05 = -4.0, .diff_p50 = -2.5, .diff_p95 = -0.5,
                                   .unpaired_ci_low = -6.0, .unpaired_ci_high = 1.0, .n = 40};
    const PairedDifference same{.base_mean = 1e6, .variant_mean = 1e6, .diff_mean = 0.0,
                                .diff_ci_low = 0.0, .diff_ci_high = 0.0,
                                .diff_p05 = 0.0, .diff_p50 = 0.0, .diff_p95 = 0.0,
                                .unpaired_ci_low = -0.125, .unpaired_ci_high = 0.125, .n = 40};
    const double nan = std::nan("");
    const PairedDifference undefined{.base_mean = nan, .variant_mean = nan, .diff_mean = nan,
                                     .diff_p05 = nan, .diff_p50 = nan, .diff_p95 = nan, .n = 0};
    const PairedDifference one_pair{.base_mean = 3.0, .variant_mean = 3.5, .diff_mean = 0.5,
                                    .diff_p05 = 0.5, .diff_p50 = 0.5, .diff_p95 = 0.5, .n = 1};
    return {"more, places",
            {{{"wait_days_mean", "residential", "", ""}, shorter},
             {{"cost_total", "", "2024", "day-price", "p"}, same},
             {{"over_norm_share", "foster", "2024", ""}, undefined},
             {{"stay_days_mean", "crisis", "2024", ""}, one_pair}}};
}

TEST(ComparisonCsv, WritesOneRowPerVariantAndKeyWithEmptyFieldsForUndefinedValues) {
    const std::vector<VariantComparison> variants{small_comparison()};
    const std::string want =
        "variant,metric,state,year,strategy,provider,base_mean,variant_mean,diff_mean,"
        "diff_ci_low,diff_ci_high,diff_p05,diff_p50,diff_p95,unpaired_ci_low,unpaired_ci_high,"
        "n\n"
        "\"more, places\",wait_days_mean,residential,,,,12.5,10,-2.5,-3.25,-1.75,-4,-2.5,-0.5,"
        "-6,1,40\n"
        "\"more, places\",cost_total,,2024,day-price,p,1000000,1000000,0,0,0,0,0,0,-0.125,"
        "0.125,40\n"
        "\"more, places\",over_norm_share,foster,2024,,,,,,,,,,,,,0\n"
        "\"more, places\",stay_days_mean,crisis,2024,,,3,3.5,0.5,,,0.5,0.5,0.5,,,1\n";
    EXPECT_EQ(comparison_csv(variants), want);
}

TEST(WriteComparison, WritesTheCsvAndAManifestNamingEveryScenarioWithItsHash) {
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("careflow-compare-test-{}", ::getpid());
    std::filesystem::remove_all(dir);
    const BatchOptions options{.replications = 5, .seed = 11};
    const auto record = [&](const std::string& path, const std::string& text) {
        return RunRecord{.scenario_path = path, .scenario_text = text,
                         .command_line = "careflow compare a.yaml b.yaml", .options = options};
    };
    const ComparedScenario base{ward_with_places(20), record("a.yaml", "text a")};
    const std::vector<ComparedScenario> scenarios{
        {ward_with_places(21), record("b.yaml", "text b")}};
    const std::vector<VariantComparison> variants{small_comparison()};

    write_comparison(dir, variants, base, scenarios, 5);
    EXPECT_EQ(read_text(dir / "comparison.csv"), comparison_csv(variants));
    const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
    EXPECT_EQ(manifest["command"], "compare");
    EXPECT_EQ(manifest["partial"], false);
    EXPECT_FALSE(manifest.contains("replications_requested"));
    EXPECT_EQ(manifest["seed"], 11);
    EXPECT_EQ(manifest["replications"], 5);
    EXPECT_EQ(manifest["command_line"], "careflow compare a.yaml b.yaml");
    EXPECT_EQ(manifest["base"]["scenario"]["path"], "a.yaml");
    EXPECT_EQ(manifest["base"]["scenario"]["sha256"], sha256_hex("text a"));
    ASSERT_EQ(manifest["variants"].size(), 1u);
    EXPECT_EQ(manifest["variants"][0]["label"], "more, places");
    EXPECT_EQ(manifest["variants"][0]["scenario"]["sha256"], sha256_hex("text b"));
    EXPECT_EQ(manifest["variants"][0]["seed"], 11);
    EXPECT_EQ(manifest["variants"][0]["resolved"]["name"], "ward-21");
    std::filesystem::remove_all(dir);
}

TEST(WriteComparison, AStoppedComparisonsManifestSaysPartialForEveryScenario) {
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("careflow-compare-partial-test-{}", ::getpid());
    std::filesystem::remove_all(dir);
    const RunRecord record{.scenario_path = "a.yaml", .scenario_text = "text a",
                           .options = {.replications = 5, .seed = 11}};
    const ComparedScenario base{ward_with_places(20), record};
    const std::vector<ComparedScenario> scenarios{{ward_with_places(21), record}};
    const std::vector<VariantComparison> variants{small_comparison()};

    write_comparison(dir, variants, base, scenarios, 3);
    const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
    EXPECT_EQ(manifest["partial"], true);
    EXPECT_EQ(manifest["replications"], 3);
    EXPECT_EQ(manifest["replications_requested"], 5);
    EXPECT_EQ(manifest["replications_completed"], 3);
    EXPECT_EQ(manifest["base"]["partial"], true);
    EXPECT_EQ(manifest["variants"][0]["replications_completed"], 3);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace careflow
