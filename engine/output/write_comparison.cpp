// write_comparison: a comparison's folder with comparison.csv and a manifest.json that holds
// each scenario's own run manifest.
#include "output/atomic_file.hpp"
#include "output/manifest.hpp"

#include <careflow/compare.hpp>
#include <careflow/version.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace careflow {
namespace {

using Json = nlohmann::ordered_json;

// Each scenario's entry is exactly what `careflow run` would record for it (path, SHA-256,
// seed, replications, command line, resolved model), so the two manifests read alike.
Json scenario_entry(const ComparedScenario& scenario, std::uint32_t completed) {
    const bool partial = completed < scenario.record.options.replications;
    return Json::parse(output::manifest_json(*scenario.model, scenario.record, partial, completed));
}

std::string comparison_manifest(std::span<const VariantComparison> variants,
                                const ComparedScenario& base,
                                std::span<const ComparedScenario> variant_scenarios,
                                std::uint32_t completed) {
    const BatchOptions& options = base.record.options;
    const bool partial = completed < options.replications;
    Json out;
    out["careflow_version"] = version_string;
    out["command"] = "compare";
    out["seed"] = options.seed;
    // What comparison.csv holds: rerunning with this many replications gives the same bytes.
    out["replications"] = completed;
    out["threads"] = options.threads == 0 ? Json("all") : Json(options.threads);
    out["command_line"] = base.record.command_line;
    out["partial"] = partial;
    if (partial) {
        out["replications_requested"] = options.replications;
        out["replications_completed"] = completed;
    }
    out["base"] = scenario_entry(base, completed);
    out["variants"] = Json::array();
    for (std::size_t i = 0; i < variant_scenarios.size(); ++i) {
        Json entry{{"label", variants[i].label}};
        entry.update(scenario_entry(variant_scenarios[i], completed));
        out["variants"].push_back(std::move(entry));
    }
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

void write_comparison(const std::filesystem::path& dir,
                      std::span<const VariantComparison> variants, const ComparedScenario& base,
                      std::span<const ComparedScenario> variant_scenarios,
                      std::uint32_t completed) {
    if (variants.size() != variant_scenarios.size()) {
        throw std::invalid_argument("write_comparison: one scenario per variant expected");
    }
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw std::system_error(error, "cannot create directory '" + dir.string() + "'");
    }
    output::write_file_atomically(dir / "comparison.csv", comparison_csv(variants));
    // Written last, as for a run: a manifest means comparison.csv beside it is complete.
    output::write_file_atomically(dir / "manifest.json",
                                  comparison_manifest(variants, base, variant_scenarios, completed));
}

}  // namespace careflow
