// Parameter sweeps: the --vary parameters, the points of a grid or Latin hypercube, running
// every point under common random numbers, and the sweep.csv / points.csv they are written to.
#pragma once

#include <careflow/model.hpp>
#include <careflow/output.hpp>
#include <careflow/run.hpp>
#include <careflow/scenario.hpp>
#include <careflow/summary.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace careflow {

/// At most this many points in one sweep: each point is a whole batch of replications.
inline constexpr std::size_t max_sweep_points = 10'000;

/// A full factorial grid of listed values, or a Latin hypercube over numeric ranges.
enum class SweepMode : std::uint8_t { grid, latin_hypercube };

/// A numeric range LOW..HIGH a Latin hypercube draws from.
struct SweepRange {
    double low = 0.0;
    double high = 0.0;
    /// `:int`: whole numbers LOW..HIGH (both included, each equally likely), for values such
    /// as capacities that must be whole.
    bool whole = false;

    friend bool operator==(const SweepRange&, const SweepRange&) = default;
};

/// One --vary: a scenario value addressed as for --set, and what it takes.
struct SweepParameter {
    std::string path{};                ///< e.g. "states.residential.capacity"
    std::vector<std::string> values{};  ///< grid: the values as written (YAML scalars)
    SweepRange range{};                ///< Latin hypercube: where the values are drawn

    friend bool operator==(const SweepParameter&, const SweepParameter&) = default;
};

/// Parses the --vary texts ("PATH=v1,v2,..." for a grid, "PATH=LOW..HIGH[:int]" for a Latin
/// hypercube). Throws ScenarioError listing every problem, each naming its flag.
[[nodiscard]] std::vector<SweepParameter> parse_vary(const std::vector<std::string>& texts,
                                                     SweepMode mode);

/// The points of a sweep: for each point, the value (as --set text) of every parameter.
struct SweepDesign {
    std::vector<std::string> paths{};               ///< the varied paths, in --vary order
    std::vector<std::vector<std::string>> values{};  ///< values[point][parameter]

    [[nodiscard]] std::size_t size() const noexcept { return values.size(); }
    /// The point's --set overrides, "PATH=VALUE" in parameter order (`point` is 0-based).
    [[nodiscard]] std::vector<std::string> overrides(std::size_t point) const;
    /// "point 3 (a=1, b=2)": how messages and the terminal name a point (`point` is 0-based).
    [[nodiscard]] std::string label(std::size_t point) const;
};

/// Every combination of the parameters' values; the last parameter varies fastest. Throws
/// ScenarioError when there would be more than max_sweep_points.
[[nodiscard]] SweepDesign grid_design(const std::vector<SweepParameter>& parameters);

/// A Latin hypercube of `points` points: each range cut into `points` equal strata, one value
/// drawn uniformly inside each stratum, the strata shuffled independently per range. Returns
/// samples[point][range]; the same seed gives the same samples on any platform.
[[nodiscard]] std::vector<std::vector<double>> latin_hypercube(std::span<const SweepRange> ranges,
                                                               std::size_t points,
                                                               std::uint64_t seed);

/// The Latin-hypercube design over the parameters' ranges, `:int` ranges rounded to whole
/// numbers, every value written as the shortest text that reads back exactly.
[[nodiscard]] SweepDesign lhs_design(const std::vector<SweepParameter>& parameters,
                                     std::size_t points, std::uint64_t seed);

/// What one point of a sweep measured.
struct SweepPointResult {
    std::size_t point = 0;  ///< 0-based
    BatchResult batch{};
    std::vector<Summary> summaries{};  ///< of batch.metrics
};

/// One point's rows of sweep.csv: summary.csv's keys and their summaries.
struct SweepPointRows {
    std::size_t point = 0;  ///< 0-based
    std::vector<MetricKey> keys{};
    std::vector<Summary> summaries{};  ///< one per key
};

/// What run_sweep ran: every point's rows and how far it got. The output layer writes them
/// (sweep_csv, write_sweep).
struct SweepRun {
    /// The points run, from the first, in point order; on a process of a cluster other than
    /// the first: none (the first holds them all).
    std::vector<SweepPointRows> points{};
    std::size_t points_run = 0;  ///< points run, from the first (known on every process)
    /// A stop (BatchOptions::stop) cut the sweep short: the last point run may hold fewer
    /// replications than asked for, and later points none.
    bool stopped = false;
    std::uint32_t last_point_replications = 0;  ///< of the last point run
};

/// Runs every point (`points[i]`: the scenario loaded with design point i's overrides) under
/// the same seed and replications (common random numbers), each with its own input
/// uncertainty, in point order; calls `on_point` as each finishes (on the first process of a
/// cluster only). options.on_progress hears the replications this process has finished in the
/// whole sweep. A stop ends the sweep after the point it interrupts, whose finished
/// replications are kept. On a cluster the points' replications, laid end to end, are dealt
/// over the processes like cards (so points too are spread), and the points are reported once
/// all shares are done; a stop keeps the replications every process finished without a gap.
[[nodiscard]] SweepRun run_sweep(const SweepDesign& design,
                                 std::span<const LoadedScenario> points,
                                 const BatchOptions& options,
                                 const std::function<void(const SweepPointResult&)>& on_point = {});

/// sweep.csv's header: point, one column per varied path, then summary.csv's columns.
[[nodiscard]] std::string sweep_csv_header(const SweepDesign& design);

/// One point's rows of sweep.csv: summary.csv's rows with the point and its values in front.
[[nodiscard]] std::string sweep_csv_rows(const SweepDesign& design, const SweepPointRows& rows);

/// sweep.csv's text: the header, then the rows of every point run.
[[nodiscard]] std::string sweep_csv(const SweepDesign& design, const SweepRun& run);

/// The points.csv text: one row per point with its parameter values.
[[nodiscard]] std::string points_csv(const SweepDesign& design);

/// What the sweep's manifest records about how it came to be.
struct SweepRecord {
    RunRecord run{};  ///< scenario, command line, the seed and replications every point used
    std::vector<std::string> overrides{};  ///< the plain --set flags, applied at every point
    SweepMode mode = SweepMode::grid;
    std::vector<SweepParameter> parameters{};
    /// How far the sweep got (an interrupted sweep's manifest says partial).
    std::size_t points_run = 0;
    bool stopped = false;
    std::uint32_t last_point_replications = 0;
};

/// Writes sweep.csv (the rows of `run`), points.csv and then manifest.json into
/// `dir` (created if needed), each atomically; `model` is the scenario without the sweep's
/// values, for its name. Throws std::system_error naming the path.
void write_sweep(const std::filesystem::path& dir, const SweepRun& run,
                 const SweepDesign& design, const Model& model, const SweepRecord& record);

}  // namespace careflow
