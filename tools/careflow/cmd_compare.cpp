// `careflow compare`: a base scenario and its variants run under the same seeds, and the
// paired differences of every metric written to comparison.csv.
#include "cluster_access.hpp"
#include "command_options.hpp"
#include "commands.hpp"
#include "compare_table.hpp"
#include "interrupt.hpp"
#include "progress.hpp"

#include <careflow/careflow.hpp>
#include <careflow/compare.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace careflow::cli {
namespace {

std::string default_out_dir(const std::string& base) {
    const std::string stem = std::filesystem::path(base).stem().string();
    return (std::filesystem::path("results") / ("compare-" + stem)).string();
}

/// Loads every scenario before anything runs: a bad file costs no simulation time and leaves
/// nothing written. A missing file throws at once (exit 3, as for `run`); scenario errors of
/// all files are reported together, each message once (a bad --set is the same in every file).
std::vector<LoadedScenario> load_all(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& overrides) {
    std::vector<LoadedScenario> loaded;
    std::vector<Diagnostic> errors;
    std::set<std::string> seen;
    for (const std::string& path : paths) {
        try {
            loaded.push_back(load_scenario(path, overrides));
        } catch (const ScenarioError& e) {
            for (const Diagnostic& d : e.diagnostics()) {
                if (seen.insert(d.format()).second) errors.push_back(d);
            }
        }
    }
    if (!errors.empty()) throw ScenarioError(std::move(errors));
    return loaded;
}

/// The `variant` column: the file name without .yaml, or the path as given where two
/// variants share a name; the same path given twice gets " (2)", " (3)", ... after it.
std::vector<std::string> variant_labels(const std::vector<std::string>& paths) {
    const auto stem = [](const std::string& p) { return std::filesystem::path(p).stem().string(); };
    std::map<std::string, int> uses;
    std::vector<std::string> labels;
    for (const std::string& path : paths) {
        const auto same_stem = std::count_if(paths.begin(), paths.end(), [&](const auto& other) {
            return stem(other) == stem(path);
        });
        const std::string label = same_stem > 1 ? path : stem(path);
        const int use = ++uses[label];
        labels.push_back(use == 1 ? label : fmt::format("{} ({})", label, use));
    }
    return labels;
}

/// Says on stderr when a variant's own run.seed or run.replications is not what it runs
/// with, since every scenario runs under the same seed and count (that is what pairs them).
void note_common_settings(const CompareOptions& options, const std::string& path,
                          const Model& model, const BatchOptions& common) {
    const bool own_seed_differs = !options.batch.seed && model.run.seed != common.seed;
    const bool own_count_differs =
        !options.batch.replications && model.run.replications != common.replications;
    if (!own_seed_differs && !own_count_differs) return;
    std::cerr << fmt::format(
        "careflow: note: {} runs with the base's seed {} and {} replications, not its own "
        "run.seed {} and run.replications {}\n",
        path, common.seed, common.replications, model.run.seed, model.run.replications);
}

/// Says on stderr how many metric keys of either side had no partner (other states, years
/// or strategies) and so have no row.
void note_unmatched(const std::string& label, const BatchResult& base,
                    const BatchResult& variant, std::size_t matched) {
    const std::size_t base_only = base.metrics.keys.size() - matched;
    const std::size_t variant_only = variant.metrics.keys.size() - matched;
    if (base_only == 0 && variant_only == 0) return;
    std::cerr << fmt::format(
        "careflow: note: {}: {} metric key(s) only in the base and {} only in the variant "
        "(other states, years or strategies) have no row in comparison.csv\n",
        label, base_only, variant_only);
}

ComparedScenario compared_scenario(const std::string& path, const LoadedScenario& scenario,
                                   const BatchOptions& options, const std::string& command_line,
                                   double wall_seconds) {
    return {scenario.model, RunRecord{.scenario_path = path,
                                      .scenario_text = scenario.text,
                                      .command_line = command_line,
                                      .options = options,
                                      .wall_seconds = wall_seconds}};
}

struct Compared {
    std::vector<VariantComparison> comparisons;
    std::vector<ComparedScenario> scenarios;
};

/// Each variant's paired comparison with the base (batches[0]).
Compared compare_variants(const CompareOptions& options, const std::vector<LoadedScenario>& loaded,
                          const PairedBatches& paired, const BatchOptions& common,
                          const std::string& command_line) {
    const std::vector<std::string> labels = variant_labels(options.variants);
    const BatchResult& base = paired.batches.front();
    Compared out;
    for (std::size_t i = 0; i < options.variants.size(); ++i) {
        const BatchResult& variant = paired.batches[i + 1];
        out.comparisons.push_back({labels[i], compare_tables(base.metrics, variant.metrics)});
        note_unmatched(labels[i], base, variant, out.comparisons.back().metrics.size());
        out.scenarios.push_back(compared_scenario(options.variants[i], loaded[i + 1], common,
                                                  command_line, paired.wall_seconds[i + 1]));
    }
    return out;
}

/// Writes comparison.csv and the manifest, prints the tables; returns the exit code.
int write_and_show(const CompareOptions& options, const std::vector<LoadedScenario>& loaded,
                   const PairedBatches& paired, const BatchOptions& common,
                   const std::string& command_line, int interrupted_code) {
    if (paired.completed == 0) {
        std::cerr << "interrupted: no replication had finished in every scenario; nothing was "
                     "written\n";
        return interrupted_code;
    }
    const Compared compared = compare_variants(options, loaded, paired, common, command_line);
    const std::string out_dir =
        options.batch.out_dir.empty() ? default_out_dir(options.base) : options.batch.out_dir;
    write_comparison(out_dir, compared.comparisons,
                     compared_scenario(options.base, loaded.front(), common, command_line,
                                       paired.wall_seconds.front()),
                     compared.scenarios, paired.completed);
    if (!options.batch.quiet) {
        const Model& base_model = *loaded.front().model;
        const std::string base_name = base_model.name.empty() ? options.base : base_model.name;
        BatchOptions shown = common;
        shown.replications = paired.completed;
        for (const VariantComparison& comparison : compared.comparisons) {
            std::cout << compare_table(base_name, comparison, shown);
        }
    }
    if (paired.stopped) {
        std::cerr << fmt::format(
            "interrupted: compared the first {} of {} replications of every scenario; wrote "
            "{}/comparison.csv (manifest.json says partial)\n",
            paired.completed, common.replications, out_dir);
        return interrupted_code;
    }
    std::cout << fmt::format("wrote {}/comparison.csv, manifest.json\n", out_dir);
    return exit_ok;
}

}  // namespace

void add_compare_command(CLI::App& app, CompareOptions& options) {
    auto* cmd = app.add_subcommand(
        "compare", "Run a base scenario and variants under the same seeds; paired differences");
    cmd->add_option("base", options.base, "Base scenario YAML file")->required();
    cmd->add_option("variants", options.variants, "Variant scenario YAML files")->required();
    add_batch_flags(
        *cmd, options.batch,
        {.replications = "Replications of every scenario (default: the base's run.replications)",
         .seed = "Master seed of every scenario (default: the base's run.seed)",
         .out_dir = "Output folder (default: results/compare-<base>)",
         .quiet = "Print no comparison table and no progress",
         .overrides = "Override a value in every scenario, e.g. --set "
                      "states.residential.capacity=40 (repeatable)"});
}

int compare_command(const CompareOptions& options, const std::string& command_line) {
    std::vector<std::string> paths{options.base};
    paths.insert(paths.end(), options.variants.begin(), options.variants.end());
    const std::vector<LoadedScenario> loaded = load_all(paths, options.batch.overrides);
    for (const LoadedScenario& scenario : loaded) std::cerr << format_all(scenario.warnings);

    const Model& base_model = *loaded.front().model;
    const InterruptGuard interrupt;
    const BatchOptions common{
        .replications = options.batch.replications.value_or(base_model.run.replications),
        .seed = options.batch.seed.value_or(base_model.run.seed),
        .threads = options.batch.threads,
        .stop = &interrupt.stop_flag(),
        .cluster = cluster()};
    for (std::size_t i = 0; i < options.variants.size(); ++i) {
        note_common_settings(options, options.variants[i], *loaded[i + 1].model, common);
    }
    Progress progress(Progress::style_for_stderr(options.batch.quiet), std::cerr);
    const PairedBatches paired = run_paired(loaded, common, progress);
    if (!paired.batches.front().holds_results) return exit_ok;  // the first process reports
    return write_and_show(options, loaded, paired, common, command_line, interrupt.exit_code());
}

}  // namespace careflow::cli
