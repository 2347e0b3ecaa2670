// A sweep's manifest.json, serialised with nlohmann::ordered_json so keys keep their order.
#include "output/sweep_manifest.hpp"

#include <careflow/version.hpp>

#include <nlohmann/json.hpp>

namespace careflow::output {
namespace {

using Json = nlohmann::ordered_json;

Json parameter_json(const SweepParameter& parameter, SweepMode mode) {
    Json out;
    out["path"] = parameter.path;
    if (mode == SweepMode::grid) {
        out["values"] = parameter.values;
    } else {
        out["low"] = parameter.range.low;
        out["high"] = parameter.range.high;
        out["whole"] = parameter.range.whole;
    }
    return out;
}

Json points_json(const SweepDesign& design) {
    Json out = Json::array();
    for (std::size_t p = 0; p < design.size(); ++p) {
        Json values = Json::object();
        for (std::size_t j = 0; j < design.paths.size(); ++j) {
            values[design.paths[j]] = design.values[p][j];
        }
        out.push_back({{"point", p + 1}, {"values", std::move(values)}});
    }
    return out;
}

}  // namespace

std::string sweep_manifest_json(const Model& model, const SweepDesign& design,
                                const SweepRecord& record) {
    const RunRecord& run = record.run;
    Json out;
    out["careflow_version"] = version_string;
    out["scenario"] = {{"path", run.scenario_path},
                       {"sha256", sha256_hex(run.scenario_text)},
                       {"name", model.name},
                       {"description", model.description}};
    out["seed"] = run.options.seed;
    out["replications"] = run.options.replications;
    out["threads"] = run.options.threads == 0 ? Json("all") : Json(run.options.threads);
    out["command_line"] = run.command_line;
    out["wall_time_seconds"] = run.wall_seconds;
    out["set"] = record.overrides;
    out["design"] = record.mode == SweepMode::grid ? "grid" : "latin_hypercube";
    out["parameters"] = Json::array();
    for (const SweepParameter& parameter : record.parameters) {
        out["parameters"].push_back(parameter_json(parameter, record.mode));
    }
    out["points"] = points_json(design);
    out["partial"] = record.stopped;
    if (record.stopped) {
        // sweep.csv holds the first points_completed points whole and, when the stop came in
        // the middle of one, that point's finished replications.
        const bool last_cut = record.last_point_replications < run.options.replications;
        out["points_requested"] = design.size();
        out["points_completed"] = record.points_run - (last_cut ? 1 : 0);
        if (last_cut && record.points_run > 0) {
            out["interrupted_point"] = {{"point", record.points_run},
                                        {"replications_completed",
                                         record.last_point_replications}};
        }
    }
    // Invalid UTF-8 (say, in a command-line argument) becomes U+FFFD rather than an exception.
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace careflow::output
