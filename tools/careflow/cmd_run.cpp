// `careflow run`: a batch of replications, a table on the terminal, files in the out folder.
#include "cluster_access.hpp"
#include "command_options.hpp"
#include "commands.hpp"
#include "interrupt.hpp"
#include "progress.hpp"
#include "result_table.hpp"
#include "target_text.hpp"

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

/// What a finished (or stopped) run has to write and say.
struct Finished {
    const LoopResult& run;
    const ReplicationPlan& plan;
    BatchOptions options;  ///< as run; replications: as many as were asked for
    double wall_seconds = 0.0;
};

std::optional<TargetsRecord> targets_record(const Finished& f) {
    if (f.plan.targets.empty()) return std::nullopt;
    const TargetOutcome outcome = f.run.end == LoopEnd::target_met    ? TargetOutcome::met
                                  : f.run.end == LoopEnd::cap_reached ? TargetOutcome::cap_reached
                                                                      : TargetOutcome::interrupted;
    TargetsRecord out{.max_replications = f.plan.max_replications, .outcome = outcome};
    for (const TargetStatus& s : f.run.targets) {
        out.targets.push_back({s.target.name, s.target.half_width, s.half_width, s.met});
    }
    return out;
}

/// "target met: clients//2019 ± 4.6 ≤ 5 after 180 replications", or why it is not.
std::string target_line(const LoopResult& run) {
    const char* verdict = run.end == LoopEnd::target_met    ? "target met"
                          : run.end == LoopEnd::cap_reached ? "cap reached"
                                                            : "target not met (interrupted)";
    return fmt::format("{}: {} after {} replications\n", verdict, describe(run.targets),
                       with_thousands(run.batch.replications()));
}

/// Writes the run's files and prints the table and the target verdict.
void write_and_show(const RunOptions& options, const LoadedScenario& loaded,
                    const std::string& command_line, const Finished& f,
                    const std::string& out_dir) {
    const BatchResult& batch = f.run.batch;
    const std::vector<Summary> summaries = summarize(batch.metrics);
    const RunRecord record{.scenario_path = options.scenario,
                           .scenario_text = loaded.text,
                           .command_line = command_line,
                           .options = f.options,
                           .wall_seconds = f.wall_seconds,
                           .targets = targets_record(f)};
    write_run(out_dir, *loaded.model, batch, summaries, record);
    if (!options.batch.quiet) {
        BatchOptions shown = f.options;
        shown.replications = batch.replications();
        std::cout << result_table(*loaded.model, batch, summaries, shown, f.wall_seconds);
    }
    if (!f.plan.targets.empty()) std::cout << target_line(f.run);
}

/// Writes and reports a run that has ended; returns careflow's exit code.
int conclude(const RunOptions& options, const LoadedScenario& loaded,
             const std::string& command_line, const Finished& f, int interrupted_code) {
    const BatchResult& batch = f.run.batch;
    if (!batch.holds_results) return exit_ok;  // another process of the cluster reports
    if (batch.replications() == 0) {
        std::cerr << "interrupted: no replication had finished; nothing was written\n";
        return interrupted_code;
    }
    const std::string out_dir = options.batch.out_dir.empty()
                                    ? default_out_dir(options.scenario)
                                    : options.batch.out_dir;
    write_and_show(options, loaded, command_line, f, out_dir);
    if (f.run.end == LoopEnd::stopped) {
        std::cerr << fmt::format(
            "interrupted: wrote {} of {} replications to {} (manifest.json says partial)\n",
            batch.replications(), batch.requested, out_dir);
        return interrupted_code;
    }
    std::cout << fmt::format(
        "wrote {}/summary.csv, replications.csv, timeseries.csv, {}manifest.json\n", out_dir,
        loaded.model->strategies.empty() ? "" : "costs.csv, ");
    return exit_ok;
}

}  // namespace

void add_run_command(CLI::App& app, RunOptions& options) {
    auto* cmd = app.add_subcommand("run", "Run a batch of replications of a scenario");
    cmd->add_option("scenario", options.scenario, "Scenario YAML file")->required();
    add_batch_flags(
        *cmd, options.batch,
        {.replications = "Replications (default: the scenario's run.replications); with "
                         "--target-ci, the first batch",
         .seed = "Master seed (default: the scenario's run.seed)",
         .out_dir = "Output folder (default: results/<scenario>)",
         .quiet = "Print no result table and no progress",
         .overrides = "Override a scenario value, e.g. --set states.residential.capacity=40 "
                      "(repeatable)"});
    auto* target = add_repeatable_option(
        *cmd, "--target-ci", options.target_ci,
        "Add replications until the 95 % CI half-width of METRIC (metric/state/year/strategy as "
        "in summary.csv) is at most HALF_WIDTH, e.g. clients//2019=5 (repeatable)");
    cmd->add_option("--max-replications", options.max_replications,
                    "With --target-ci: never run more replications than this (default 10000)")
        ->check(CLI::Range(std::uint32_t{1}, max_replications))
        ->needs(target);
}

int run_command(const RunOptions& options, const std::string& command_line) {
    const std::vector<CiTarget> targets = parse_targets(options.target_ci);
    const LoadedScenario loaded = load_scenario(options.scenario, options.batch.overrides);
    std::cerr << format_all(loaded.warnings);
    const Model& model = *loaded.model;
    const ReplicationPlan plan{
        .first = options.batch.replications.value_or(model.run.replications),
        .targets = targets,
        .max_replications = options.max_replications};

    const InterruptGuard interrupt;
    BatchOptions batch_options{.seed = options.batch.seed.value_or(model.run.seed),
                               .threads = options.batch.threads,
                               .stop = &interrupt.stop_flag(),
                               .uncertainty = loaded.uncertainty.get(),
                               .cluster = cluster()};
    Progress progress(Progress::style_for_stderr(options.batch.quiet), std::cerr);
    const auto started = std::chrono::steady_clock::now();
    const LoopResult run = run_replications(model, batch_options, plan, progress);
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - started;

    batch_options.replications = run.batch.requested;
    return conclude(options, loaded, command_line, {run, plan, batch_options, wall.count()},
                    interrupt.exit_code());
}

}  // namespace careflow::cli
