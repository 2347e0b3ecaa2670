// sweep.csv, points.csv and the sweep's manifest.json: exact text, quoting, the files written.
#include "output/sweep_manifest.hpp"

#include <careflow/sweep.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace careflow {
namespace {

SweepDesign two_points() {
    return {{"states.a.capacity", "arrivals.x, y.per_year"}, {{"40", "100"}, {"46", "1e+20"}}};
}

MetricTable one_metric() {
    MetricTable table;
    table.keys = {{"clients", "", "2024", ""}};
    table.values = {{10.0}, {12.0}};
    return table;
}

TEST(SweepCsv, PutsThePointAndItsValuesBeforeEachSummaryRow) {
    const SweepDesign design = two_points();
    Summary s{11.0, 1.5, 8.0, 14.0, 10.1, 11.0, 11.9, 2};
    EXPECT_EQ(sweep_csv_header(design),
              "point,states.a.capacity,\"arrivals.x, y.per_year\",metric,state,year,strategy,"
              "provider,mean,sd,ci_low,ci_high,p05,p50,p95,n\n");
    EXPECT_EQ(sweep_csv_rows(design, {1, one_metric().keys, {s}}),
              "2,46,1e+20,clients,,2024,,,11,1.5,8,14,10.1,11,11.9,2\n");
}

TEST(SweepCsv, RefusesSummariesThatDoNotMatchTheKeys) {
    EXPECT_THROW((void)sweep_csv_rows(two_points(), {0, one_metric().keys, {}}),
                 std::invalid_argument);
}

TEST(PointsCsv, ListsEveryPointWithItsValues) {
    EXPECT_EQ(points_csv(two_points()),
              "point,states.a.capacity,\"arrivals.x, y.per_year\"\n1,40,100\n2,46,1e+20\n");
}

TEST(WriteSweep, WritesTheCsvFilesAndAManifestNamingThePoints) {
    // Per process: test runs of several build folders may share the temporary folder.
    const auto dir = std::filesystem::temp_directory_path() /
                     ("careflow-sweep-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    Model model;
    model.name = "tiny";
    SweepRecord record;
    record.run = {.scenario_path = "tiny.yaml",
                  .scenario_text = "abc",
                  .command_line = "careflow sweep tiny.yaml",
                  .options = {.replications = 2, .seed = 9}};
    record.parameters = {{"states.a.capacity", {"40", "46"}, {}}};
    SweepRun run;
    run.points = {{1, one_metric().keys, {Summary{11.0, 1.5, 8.0, 14.0, 10.1, 11.0, 11.9, 2}}}};
    run.points_run = 2;
    write_sweep(dir, run, two_points(), model, record);

    std::ifstream sweep(dir / "sweep.csv");
    std::stringstream sweep_text;
    sweep_text << sweep.rdbuf();
    EXPECT_EQ(sweep_text.str(), sweep_csv(two_points(), run));
    EXPECT_NE(sweep_text.str().find("\n2,46,1e+20,clients,"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(dir / "points.csv"));
    std::ifstream manifest_file(dir / "manifest.json");
    const auto manifest = nlohmann::json::parse(manifest_file);
    EXPECT_EQ(manifest["scenario"]["sha256"], sha256_hex("abc"));
    EXPECT_EQ(manifest["seed"], 9);
    EXPECT_EQ(manifest["replications"], 2);
    EXPECT_EQ(manifest["design"], "grid");
    EXPECT_EQ(manifest["points"][1]["values"]["arrivals.x, y.per_year"], "1e+20");
    EXPECT_EQ(manifest["parameters"][0]["values"][1], "46");
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace careflow
