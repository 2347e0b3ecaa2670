// Writing a run's folder: summary.csv, replications.csv, manifest.json (each atomically).
#pragma once

#include <careflow/model.hpp>
#include <careflow/run.hpp>
#include <careflow/summary.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace careflow {

/// How a run with precision targets (`careflow run --target-ci`) ended.
enum class TargetOutcome : std::uint8_t { met, cap_reached, interrupted };

/// One precision target: the 95 % half-width of a metric's mean, asked for and reached.
struct TargetRecord {
    std::string metric{};                ///< metric/state/year/strategy, as given
    double target_half_width = 0.0;
    std::optional<double> half_width{};  ///< none: fewer than two defined values
    bool met = false;
};

/// The targets a run added replications for, and how that ended.
struct TargetsRecord {
    std::uint32_t max_replications = 0;
    TargetOutcome outcome = TargetOutcome::met;
    std::vector<TargetRecord> targets{};
};

/// What the manifest records about how a run came to be.
struct RunRecord {
    std::string scenario_path{};
    std::string scenario_text{};  ///< hashed (SHA-256) into the manifest
    std::string command_line{};
    BatchOptions options;         ///< options.replications: as many as were asked for
    double wall_seconds = 0.0;
    std::optional<TargetsRecord> targets{};  ///< with precision targets only
};

/// Writes summary.csv, replications.csv, timeseries.csv, costs.csv (when the model has
/// strategies) and manifest.json into `dir`
/// (created if needed); `summaries` are those of batch.metrics. A stopped batch (fewer
/// replications than asked for) is written as it is, and its manifest says partial.
/// Each file appears whole or not at all. Throws std::system_error naming the path.
void write_run(const std::filesystem::path& dir, const Model& model, const BatchResult& batch,
               const std::vector<Summary>& summaries, const RunRecord& record);

/// The summary.csv text: byte-identical for the same batch.
[[nodiscard]] std::string summary_csv(const MetricTable& metrics,
                                      const std::vector<Summary>& summaries);

/// The replications.csv text: one row per replication and metric.
[[nodiscard]] std::string replications_csv(const MetricTable& metrics);

/// The timeseries.csv text: per metric, state and month the mean and P05/P50/P95 bands.
[[nodiscard]] std::string timeseries_csv(const MetricTable& series,
                                         const std::vector<Summary>& summaries);

/// The costs.csv text: per strategy, year, state, provider, municipality and component the
/// cost in euros over replications; cells never billed are left out.
[[nodiscard]] std::string costs_csv(const Model& model, const MetricTable& costs,
                                    const std::vector<Summary>& summaries);

/// Lower-case hex SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(const std::string& bytes);

}  // namespace careflow
