// `careflow sweep`: a scenario run at every point of a grid or Latin hypercube of --vary values.
#include "cluster_access.hpp"
#include "command_options.hpp"
#include "commands.hpp"
#include "interrupt.hpp"
#include "progress.hpp"

#include <careflow/careflow.hpp>
#include <careflow/sweep.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace careflow::cli {
namespace {

/// The failing points whose errors are printed in full; the rest are only counted.
constexpr std::size_t shown_failures = 3;

std::string default_out_dir(const std::string& scenario) {
    const std::string stem = std::filesystem::path(scenario).stem().string();
    return (std::filesystem::path("results") / ("sweep-" + stem)).string();
}

SweepMode mode_of(const SweepOptions& options) {
    return options.lhs ? SweepMode::latin_hypercube : SweepMode::grid;
}

/// The replications of all points must be countable (progress counts them in 32 bits).
void check_total(const SweepDesign& design, std::uint32_t replications) {
    const std::uint64_t total = std::uint64_t{design.size()} * replications;
    if (total <= std::numeric_limits<std::uint32_t>::max()) return;
    throw ScenarioError({{Severity::error, {"--replications", 0, 0},
                          fmt::format("{} points of {} replications are {} replications in all, "
                                      "more than a sweep can run (4,294,967,295)",
                                      design.size(), replications, total),
                          {"hint: fewer points or fewer replications per point"}}});
}

/// A path both varied and --set would silently lose the --set value at every point.
void check_set_conflicts(const SweepOptions& options) {
    std::vector<Diagnostic> problems;
    for (const std::string& vary : options.vary) {
        const std::string path = vary.substr(0, vary.find('='));
        for (const std::string& set : options.batch.overrides) {
            if (set.substr(0, set.find('=')) != path) continue;
            problems.push_back({Severity::error, {"--vary " + vary, 0, 0},
                                fmt::format("'{}' is also given with --set {}", path, set),
                                {"hint: drop one; each point's --vary value would replace it"}});
        }
    }
    if (!problems.empty()) throw ScenarioError(std::move(problems));
}

/// For a Latin-hypercube point that fails where a fractional draw was set: the hint to draw
/// whole numbers for that parameter.
std::optional<std::string> whole_number_hint(const std::vector<SweepParameter>& parameters,
                                             const ScenarioError& error) {
    for (const SweepParameter& parameter : parameters) {
        if (parameter.range.whole) continue;
        const std::string flag = "--set " + parameter.path + "=";
        for (const Diagnostic& diagnostic : error.diagnostics()) {
            if (diagnostic.where.file.rfind(flag, 0) != 0) continue;
            return fmt::format("hint: if it must be a whole number, draw whole numbers with "
                               "--vary {}={}..{}:int",
                               parameter.path, parameter.range.low, parameter.range.high);
        }
    }
    return std::nullopt;
}

/// The diagnostics of one failing point, each prefixed with the point's label.
void add_point_failure(std::vector<Diagnostic>& problems, const std::string& label,
                       const ScenarioError& error, const std::optional<std::string>& hint) {
    for (Diagnostic diagnostic : error.diagnostics()) {
        diagnostic.where.file = label + ": " + diagnostic.where.file;
        problems.push_back(std::move(diagnostic));
    }
    if (hint && !problems.empty()) problems.back().notes.push_back(*hint);
}

/// A point's warnings that the scenario without the sweep's values does not have.
std::string new_warnings(const LoadedScenario& point, const std::set<std::string>& base_warnings,
                         const std::string& label) {
    std::string text;
    for (const Diagnostic& warning : point.warnings) {
        if (!base_warnings.contains(warning.format())) text += label + ": " + warning.format();
    }
    return text;
}

/// Every point's scenario, loaded and checked before anything runs; one ScenarioError naming
/// the failing points otherwise.
std::vector<LoadedScenario> load_points(const SweepOptions& options, const LoadedScenario& base,
                                        const SweepDesign& design,
                                        const std::vector<SweepParameter>& parameters) {
    std::set<std::string> base_warnings;
    for (const Diagnostic& warning : base.warnings) base_warnings.insert(warning.format());
    std::vector<LoadedScenario> points;
    std::vector<Diagnostic> problems;
    std::string warnings;  // printed only when every point loads, so errors are not buried
    std::size_t failed = 0;
    for (std::size_t p = 0; p < design.size(); ++p) {
        std::vector<std::string> overrides = options.batch.overrides;
        for (std::string& flag : design.overrides(p)) overrides.push_back(std::move(flag));
        try {
            // The bytes already read and hashed: every point runs the same file.
            points.push_back(load_scenario_text(base.text, options.scenario, overrides));
            warnings += new_warnings(points.back(), base_warnings, design.label(p));
        } catch (const ScenarioError& error) {
            if (++failed > shown_failures) continue;
            const auto hint = options.lhs ? whole_number_hint(parameters, error) : std::nullopt;
            add_point_failure(problems, design.label(p), error, hint);
        }
    }
    if (failed > shown_failures) {
        problems.push_back({Severity::error, {"--vary", 0, 0},
                            fmt::format("{} of {} points fail to load; the first {} are shown",
                                        failed, design.size(), shown_failures)});
    }
    if (!problems.empty()) throw ScenarioError(std::move(problems));
    std::cerr << warnings;
    return points;
}

/// The summary of a region-wide metric of `year` (state and provider empty).
const Summary* find_summary(const SweepPointResult& result, std::string_view metric,
                            const std::string& year, std::string_view strategy) {
    const auto& keys = result.batch.metrics.keys;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].metric == metric && keys[i].year == year && keys[i].strategy == strategy &&
            keys[i].state.empty() && keys[i].provider.empty()) {
            return &result.summaries[i];
        }
    }
    return nullptr;
}

/// "12.3 ± 0.4", or "-" when the metric is undefined in every replication.
std::string mean_and_half_width(const Summary* s, double scale, int decimals) {
    if (s == nullptr || s->n == 0) return "-";
    if (!s->ci_high) return fmt::format("{:.{}f}", s->mean * scale, decimals);
    return fmt::format("{:.{}f} ± {:.{}f}", s->mean * scale, decimals,
                       (*s->ci_high - s->mean) * scale, decimals);
}

/// The terminal line of a finished point: its values, the region's clients in the last year
/// and, with strategies, the first strategy's total cost that year.
std::string point_line(const SweepDesign& design, const Model& model,
                       const SweepPointResult& result) {
    std::string line = fmt::format("point {}/{} ({})", result.point + 1, design.size(),
                                   fmt::join(design.overrides(result.point), ", "));
    if (model.calendar.year_labels.empty()) return line + "\n";
    const std::string& year = model.calendar.year_labels.back();
    line += fmt::format(": clients {} {}", year,
                        mean_and_half_width(find_summary(result, "clients", year, ""), 1.0, 1));
    if (!model.strategies.empty()) {
        const std::string& strategy = model.strategies.front().name;
        line += fmt::format(
            "; cost_total {} {} EUR {} mln", strategy, year,
            mean_and_half_width(find_summary(result, "cost_total", year, strategy), 1e-6, 2));
    }
    if (result.batch.partial()) {
        line += fmt::format(" [interrupted: {} of {} replications]", result.batch.replications(),
                            result.batch.requested);
    }
    return line + "\n";
}

/// The sweep's run under `options`, with a progress bar over every point's replications and
/// the line of each point as it finishes.
SweepRun run_points(const SweepOptions& options, const SweepDesign& design,
                    const std::vector<LoadedScenario>& points, BatchOptions batch_options) {
    Progress progress(Progress::style_for_stderr(options.batch.quiet), std::cerr);
    const std::uint32_t n = batch_options.replications;
    const auto total = static_cast<std::uint32_t>(design.size()) * n;  // checked: it fits
    batch_options.on_progress = progress_reporter(progress, 0, total, batch_options.cluster);
    progress.start_batch(0, total);
    const SweepRun run =
        run_sweep(design, points, batch_options, [&](const SweepPointResult& result) {
            if (options.batch.quiet) return;
            progress.print(std::cout, point_line(design, *points[result.point].model, result));
        });
    // The points before the last are whole; the last may have been cut short.
    const auto before_last =
        static_cast<std::uint32_t>(run.points_run > 0 ? run.points_run - 1 : 0);
    progress.finish(before_last * n + run.last_point_replications);
    return run;
}

/// What an interrupted sweep says on stderr after writing what it had.
std::string interrupted_line(const SweepRun& run, const SweepDesign& design, std::uint32_t n,
                             const std::string& out_dir) {
    const bool cut = run.points_run > 0 && run.last_point_replications < n;
    const std::size_t whole = run.points_run - (cut ? 1 : 0);
    std::string line = fmt::format("interrupted: wrote {} of {} points", whole, design.size());
    if (cut) {
        line += fmt::format(" and {} of {} replications of point {}",
                            run.last_point_replications, n, run.points_run);
    }
    return line + fmt::format(" to {} (manifest.json says partial)\n", out_dir);
}

}  // namespace

void add_sweep_command(CLI::App& app, SweepOptions& options) {
    auto* cmd = app.add_subcommand(
        "sweep", "Run a scenario at every point of a grid (or Latin hypercube) of values");
    cmd->add_option("scenario", options.scenario, "Scenario YAML file")->required();
    add_repeatable_option(*cmd, "--vary", options.vary,
                          "A value to vary, addressed as for --set: PATH=v1,v2,... for a grid, "
                          "PATH=LOW..HIGH (or LOW..HIGH:int for whole numbers) with --lhs "
                          "(repeatable)")
        ->required();
    cmd->add_option("--lhs", options.lhs,
                    "Latin hypercube of N points over the --vary ranges, instead of a grid")
        ->check(CLI::Range(std::uint32_t{1}, static_cast<std::uint32_t>(max_sweep_points)));
    add_batch_flags(
        *cmd, options.batch,
        {.replications = "Replications per point (default: the scenario's run.replications)",
         .seed = "Master seed of every point (default: the scenario's run.seed)",
         .out_dir = "Output folder (default: results/sweep-<scenario>)",
         .quiet = "Print no line per point and no progress",
         .overrides = "Override a scenario value at every point, e.g. --set "
                      "states.crisis.capacity=10 (repeatable)"});
}

int sweep_command(const SweepOptions& options, const std::string& command_line) {
    const std::vector<SweepParameter> parameters = parse_vary(options.vary, mode_of(options));
    check_set_conflicts(options);
    const LoadedScenario base = load_scenario(options.scenario, options.batch.overrides);
    std::cerr << format_all(base.warnings);
    const Model& model = *base.model;
    const InterruptGuard interrupt;
    const BatchOptions batch_options{
        .replications = options.batch.replications.value_or(model.run.replications),
        .seed = options.batch.seed.value_or(model.run.seed),
        .threads = options.batch.threads,
        .stop = &interrupt.stop_flag(),
        .cluster = cluster()};
    const SweepDesign design = options.lhs
                                   ? lhs_design(parameters, *options.lhs, batch_options.seed)
                                   : grid_design(parameters);
    check_total(design, batch_options.replications);
    const std::vector<LoadedScenario> points = load_points(options, base, design, parameters);

    const auto started = std::chrono::steady_clock::now();
    const SweepRun run = run_points(options, design, points, batch_options);
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - started;
    if (!is_lead()) return exit_ok;  // the first process of the cluster writes
    if (run.points_run == 0) {
        std::cerr << "interrupted: no replication had finished; nothing was written\n";
        return interrupt.exit_code();
    }

    const std::string out_dir = options.batch.out_dir.empty()
                                    ? default_out_dir(options.scenario)
                                    : options.batch.out_dir;
    const SweepRecord record{.run = {.scenario_path = options.scenario,
                                     .scenario_text = base.text,
                                     .command_line = command_line,
                                     .options = batch_options,
                                     .wall_seconds = wall.count()},
                             .overrides = options.batch.overrides,
                             .mode = mode_of(options),
                             .parameters = parameters,
                             .points_run = run.points_run,
                             .stopped = run.stopped,
                             .last_point_replications = run.last_point_replications};
    write_sweep(out_dir, run, design, model, record);
    if (run.stopped) {
        std::cerr << interrupted_line(run, design, batch_options.replications, out_dir);
        return interrupt.exit_code();
    }
    std::cout << fmt::format("wrote {}/sweep.csv, points.csv, manifest.json ({} points)\n",
                             out_dir, design.size());
    return exit_ok;
}

}  // namespace careflow::cli
