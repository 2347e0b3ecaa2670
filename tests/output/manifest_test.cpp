// manifest.json: provenance fields, the scenario hash and the resolved model, read back as JSON.
#include "output/manifest.hpp"

#include <careflow/version.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace careflow::output {
namespace {

using nlohmann::json;

Model tiny_model() {
    Model model;
    model.version = 1;
    model.name = "Tiny";
    model.description = "Two states";
    model.run = {.warmup_days = 365.25, .horizon_days = 730.5, .replications = 10, .seed = 7};

    CareState foster;
    foster.name = "foster";
    foster.label = "Foster care";
    foster.segment = "family";
    foster.places = 20;
    foster.length_of_stay.emplace();
    foster.length_of_stay->kind = DistributionKind::lognormal;
    foster.length_of_stay->shape = 0.5;
    foster.length_of_stay->scale = 200.0;
    foster.length_of_stay->mean_days = 226.6;
    foster.length_of_stay->variance_days2 = 14567.0;
    foster.next = {{StateId{1}, 0.25}, {StateId::exit, 0.75}};

    CareState home;
    home.name = "home";
    home.label = "At home";
    home.segment = "ambulant";
    home.length_of_stay.emplace();
    home.length_of_stay->kind = DistributionKind::empirical;
    home.length_of_stay->values_days = {10.0, 30.0};
    home.length_of_stay->cumulative = {0.5, 1.0};
    home.length_of_stay->interpolate = true;
    home.length_of_stay->mean_days = 15.0;
    home.length_of_stay->variance_days2 = 75.0;
    home.next = {{StateId::exit, 1.0}};

    model.states = {foster, home};
    model.arrivals = {{.name = "referrals", .to_by_severity = {StateId{0}}, .rate_per_day = 2.0}};
    return model;
}

RunRecord tiny_record() {
    RunRecord record;
    record.scenario_path = "scenarios/tiny.yaml";
    record.scenario_text = "version: 1\nname: Tiny\n";
    record.command_line = "careflow run scenarios/tiny.yaml";
    record.options = {.replications = 10, .seed = 7, .threads = 0};
    record.wall_seconds = 1.5;
    return record;
}

TEST(Manifest, RecordsTheVersionSeedOptionsAndCommandLine) {
    const json got = json::parse(manifest_json(tiny_model(), tiny_record()));
    const json want_provenance = {
        {"careflow_version", version_string}, {"format_version", 1}, {"seed", 7},
        {"replications", 10}, {"threads", "all"},
        {"command_line", "careflow run scenarios/tiny.yaml"}, {"wall_time_seconds", 1.5},
        {"partial", false}};
    json got_provenance = got;
    got_provenance.erase("scenario");
    got_provenance.erase("resolved");
    EXPECT_EQ(got_provenance, want_provenance);
}

TEST(Manifest, HashesTheScenarioTextWithSha256) {
    const RunRecord record = tiny_record();
    const json got = json::parse(manifest_json(tiny_model(), record))["scenario"];
    const json want = {{"path", "scenarios/tiny.yaml"},
                       {"sha256", sha256_hex(record.scenario_text)},
                       {"name", "Tiny"},
                       {"description", "Two states"}};
    EXPECT_EQ(got, want);
}

// The top-level keys in the order they appear: the lines indented by exactly two spaces.
std::vector<std::string> top_level_keys(const std::string& text) {
    std::vector<std::string> keys;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  \"", 0) == 0) keys.push_back(line.substr(3, line.find('"', 3) - 3));
    }
    return keys;
}

TEST(Manifest, IsPrettyPrintedWithTwoSpacesKeysInOrderAndATrailingNewline) {
    const std::string text = manifest_json(tiny_model(), tiny_record());
    const std::string want_start =
        std::string("{\n  \"careflow_version\": \"") + version_string + "\",\n"
        "  \"format_version\": 1,\n"
        "  \"scenario\": {\n"
        "    \"path\": \"scenarios/tiny.yaml\",\n";
    EXPECT_EQ(text.substr(0, want_start.size()), want_start);
    EXPECT_EQ(text.substr(text.size() - 7), "\n  }\n}\n");
    const std::vector<std::string> want_keys = {
        "careflow_version", "format_version", "scenario",          "seed",    "replications",
        "threads",          "command_line",   "wall_time_seconds", "partial", "resolved"};
    EXPECT_EQ(top_level_keys(text), want_keys);
}

TEST(Manifest, RecordsAnExplicitThreadCountAndAPartialRun) {
    RunRecord record = tiny_record();
    record.options.threads = 4;
    const json got = json::parse(manifest_json(tiny_model(), record, /*partial=*/true));
    EXPECT_EQ(got["threads"], 4);
    EXPECT_EQ(got["partial"], true);
}

TEST(Manifest, WritesTheResolvedModelWithNamedParametersAndStateNames) {
    const json got = json::parse(manifest_json(tiny_model(), tiny_record()))["resolved"];
    const json want = json::parse(R"({
      "version": 1, "name": "Tiny", "description": "Two states",
      "run": {"warmup_days": 365.25, "horizon_days": 730.5, "replications": 10, "seed": 7},
      "states": [
        {"name": "foster", "label": "Foster care", "segment": "family", "places": 20,
         "kind": "other", "max_age_years": 18.0, "transitions": [], "never_waits": false,
         "waitlist": {"order": "fifo", "norm_days": null, "while_waiting": []},
         "length_of_stay": {"kind": "lognormal", "mean_days": 226.6, "variance_days2": 14567.0,
                            "median_days": 200.0, "sigma_log": 0.5},
         "next": [{"to": "home", "probability": 0.25}, {"to": "exit", "probability": 0.75}]},
        {"name": "home", "label": "At home", "segment": "ambulant", "places": "unlimited",
         "kind": "other", "max_age_years": 18.0, "transitions": [], "never_waits": false,
         "waitlist": {"order": "fifo", "norm_days": null, "while_waiting": []},
         "length_of_stay": {"kind": "empirical", "mean_days": 15.0, "variance_days2": 75.0,
                            "values_days": [10.0, 30.0], "cumulative": [0.5, 1.0],
                            "interpolate": true},
         "next": [{"to": "exit", "probability": 1.0}]}
      ],
      "arrivals": [{"name": "referrals", "to_by_severity": ["foster"], "rate_per_day": 2.0,
                    "rate_per_year": 730.5, "trend_per_year": 0.0, "seasonality": [],
                    "mix": {"severity_cumulative": [1.0], "guardianship_share": 0.0}}],
      "initial_stock": [],
      "youth": {"severity_levels": ["standard"], "age_bands": ["0+"], "leave_age_years": 18.0}
    })");
    EXPECT_EQ(got, want);
}

Distribution distribution(DistributionKind kind) {
    Distribution d;
    d.kind = kind;
    d.shape = 2.0;
    d.scale = 3.0;
    d.low = 1.0;
    d.high = 5.0;
    d.mean_days = 6.0;
    d.variance_days2 = 7.0;
    return d;
}

json length_of_stay_of(const Distribution& d) {
    Model model = tiny_model();
    model.states[0].length_of_stay = d;
    return json::parse(manifest_json(model, tiny_record()))["resolved"]["states"][0]
                                                            ["length_of_stay"];
}

TEST(Manifest, NamesEachDistributionsOwnParameters) {
    using K = DistributionKind;
    EXPECT_EQ(length_of_stay_of(distribution(K::exponential)),
              json({{"kind", "exponential"}, {"mean_days", 3.0}, {"variance_days2", 7.0}}));
    EXPECT_EQ(length_of_stay_of(distribution(K::gamma)),
              json({{"kind", "gamma"}, {"mean_days", 6.0}, {"variance_days2", 7.0},
                    {"shape", 2.0}, {"scale_days", 3.0}}));
    EXPECT_EQ(length_of_stay_of(distribution(K::weibull)),
              json({{"kind", "weibull"}, {"mean_days", 6.0}, {"variance_days2", 7.0},
                    {"shape", 2.0}, {"scale_days", 3.0}}));
    EXPECT_EQ(length_of_stay_of(distribution(K::deterministic)),
              json({{"kind", "deterministic"}, {"mean_days", 6.0}, {"variance_days2", 7.0},
                    {"value_days", 3.0}}));
    EXPECT_EQ(length_of_stay_of(distribution(K::uniform)),
              json({{"kind", "uniform"}, {"mean_days", 6.0}, {"variance_days2", 7.0},
                    {"low_days", 1.0}, {"high_days", 5.0}}));
}

}  // namespace
}  // namespace careflow::output
