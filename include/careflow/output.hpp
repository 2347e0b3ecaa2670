// Writing a run's folder: summary.csv, replications.csv, manifest.json (each atomically).
#pragma once

#include <careflow/model.hpp>
#include <careflow/run.hpp>
#include <careflow/summary.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace careflow {

/// What the manifest records about how a run came to be.
struct RunRecord {
    std::string scenario_path{};
    std::string scenario_text{};  ///< hashed (SHA-256) into the manifest
    std::string command_line{};
    BatchOptions options;
    double wall_seconds = 0.0;
};

/// Writes summary.csv, replications.csv, timeseries.csv, costs.csv (when the model has
/// strategies) and manifest.json into `dir`
/// (created if needed); `summaries` are those of batch.metrics.
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
