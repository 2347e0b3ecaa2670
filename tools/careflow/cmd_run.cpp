// `careflow run`: a batch of replications, a table on the terminal, files in the out folder.
#include "commands.hpp"
#include "result_table.hpp"

#include <careflow/careflow.hpp>

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace careflow::cli {
namespace {

std::string default_out_dir(const std::string& scenario) {
    return (std::filesystem::path("results") / std::filesystem::path(scenario).stem()).string();
}

}  // namespace

void add_run_command(CLI::App& app, RunOptions& options) {
    auto* cmd = app.add_subcommand("run", "Run a batch of replications of a scenario");
    cmd->add_option("scenario", options.scenario, "Scenario YAML file")->required();
    cmd->add_option("-n,--replications", options.replications,
                    "Replications (default: the scenario's run.replications)")
        ->check(CLI::Range(std::uint32_t{1}, max_replications));
    cmd->add_option("-s,--seed", options.seed, "Master seed (default: the scenario's run.seed)");
    cmd->add_option("-t,--threads", options.threads, "Worker threads; 0 = all cores")
        ->check(CLI::Range(0u, 1024u));
    cmd->add_option("-o,--out", options.out_dir, "Output folder (default: results/<scenario>)");
    cmd->add_flag("-q,--quiet", options.quiet, "Print no result table");
    cmd->add_option("--set", options.overrides,
                    "Override a scenario value, e.g. --set states.residential.capacity=40 "
                    "(repeatable)");
}

int run_command(const RunOptions& options, const std::string& command_line) {
    const LoadedScenario loaded = load_scenario(options.scenario, options.overrides);
    std::cerr << format_all(loaded.warnings);
    const Model& model = *loaded.model;

    BatchOptions batch_options{.replications = options.replications.value_or(model.run.replications),
                               .seed = options.seed.value_or(model.run.seed),
                               .threads = options.threads,
                               .uncertainty = loaded.uncertainty.get()};
    const auto started = std::chrono::steady_clock::now();
    const BatchResult batch = run_batch(model, batch_options);
    const std::vector<Summary> summaries = summarize(batch.metrics);
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - started;

    const std::string out_dir = options.out_dir.empty() ? default_out_dir(options.scenario)
                                                        : options.out_dir;
    const RunRecord record{.scenario_path = options.scenario,
                           .scenario_text = loaded.text,
                           .command_line = command_line,
                           .options = batch_options,
                           .wall_seconds = wall.count()};
    write_run(out_dir, model, batch, summaries, record);
    if (!options.quiet) {
        std::cout << result_table(model, batch, summaries, batch_options, wall.count());
    }
    std::cout << fmt::format("wrote {}/summary.csv, replications.csv, timeseries.csv, {}manifest.json\n",
                             out_dir, model.strategies.empty() ? "" : "costs.csv, ");
    return exit_ok;
}

}  // namespace careflow::cli
