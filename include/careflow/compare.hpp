// Comparing scenarios run under the same seeds: their batches, run in turn chunk by chunk,
// paired differences per replication, and the comparison.csv they are written to.
#pragma once

#include <careflow/batch_watcher.hpp>
#include <careflow/model.hpp>
#include <careflow/output.hpp>
#include <careflow/run.hpp>
#include <careflow/scenario.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace careflow {

/// The batches of a comparison: a base scenario and its variants, run in turn chunk by chunk,
/// so that a stop leaves every scenario with the same replications to pair.
struct PairedBatches {
    /// Per scenario, in the order given: replications 0..completed-1 of its metrics. The time
    /// series and cost cells are dropped as they come (a comparison reads neither), so the
    /// memory held is that of the summary metrics alone.
    std::vector<BatchResult> batches{};
    std::vector<double> wall_seconds{};  ///< per scenario: the time its batches took
    std::uint32_t completed = 0;         ///< replications every scenario finished
    bool stopped = false;                ///< by BatchOptions::stop, before all were done
};

/// How many replications each scenario runs before the next takes its turn: about a tenth of
/// the batch, so that a stop loses little, but not so few that threads wait at each turn.
[[nodiscard]] std::uint32_t paired_chunk(std::uint32_t replications) noexcept;

/// Runs replications 0..options.replications-1 of every scenario under options' seed (common
/// random numbers), each with its own input uncertainty, reporting to `watcher` (and to
/// options.on_progress, if set, with the count of the turn under way). The results do not
/// depend on the chunking: replications k..k+n-1 continue 0..k-1 exactly.
[[nodiscard]] PairedBatches run_paired(std::span<const LoadedScenario> scenarios,
                                       const BatchOptions& options, BatchWatcher& watcher);

/// One metric of a variant against its base, replication by replication (variant − base).
/// Replications where either value is undefined (NaN) are left out of everything.
struct PairedDifference {
    double base_mean = 0.0;     ///< over the pairs used; NaN when n == 0
    double variant_mean = 0.0;  ///< over the pairs used; NaN when n == 0
    double diff_mean = 0.0;     ///< mean of the differences; NaN when n == 0
    /// Paired 95 % Student-t interval: diff_mean ∓ t(n − 1) × sd(diff) / √n; needs n >= 2.
    std::optional<double> diff_ci_low{};
    std::optional<double> diff_ci_high{};
    double diff_p05 = 0.0;  ///< percentiles of the differences (R's type 7)
    double diff_p50 = 0.0;
    double diff_p95 = 0.0;
    /// Welch's 95 % interval, as if the two samples were independent; needs n >= 2.
    std::optional<double> unpaired_ci_low{};
    std::optional<double> unpaired_ci_high{};
    std::size_t n = 0;  ///< pairs used
};

/// Compares one metric's replication values; `base` and `variant` have the same length
/// (replication r of one is paired with replication r of the other).
[[nodiscard]] PairedDifference paired_difference(std::span<const double> base,
                                                 std::span<const double> variant);

/// Welch–Satterthwaite degrees of freedom of the difference of two independent means, from
/// the sample variances and sizes; std::nullopt when both variances are 0.
[[nodiscard]] std::optional<double> welch_degrees_of_freedom(double base_variance,
                                                             std::size_t base_n,
                                                             double variant_variance,
                                                             std::size_t variant_n);

/// Two-sided 95 % Student-t critical value for real (not necessarily whole)
/// `degrees_of_freedom` > 0, as Welch's interval needs.
[[nodiscard]] double t_critical_95_real(double degrees_of_freedom);

/// One metric key present in both tables, with its comparison.
struct ComparedMetric {
    MetricKey key;
    PairedDifference difference;
};

/// Every key of `base` that `variant` has too (matched on metric, state, year, strategy and
/// provider), in the base's order; the tables hold the same number of replications.
[[nodiscard]] std::vector<ComparedMetric> compare_tables(const MetricTable& base,
                                                         const MetricTable& variant);

/// One variant's comparison with the base, labelled as in comparison.csv's `variant` column.
struct VariantComparison {
    std::string label;
    std::vector<ComparedMetric> metrics;
};

/// The comparison.csv text: one row per variant and metric key, variants in the order given.
[[nodiscard]] std::string comparison_csv(std::span<const VariantComparison> variants);

/// A scenario of a comparison, as its manifest entry needs it.
struct ComparedScenario {
    std::shared_ptr<const Model> model;
    RunRecord record;
};

/// Writes comparison.csv, then manifest.json (naming the base and every variant) into `dir`
/// (created if needed), each atomically. `completed`: the replications every scenario ran;
/// fewer than the records' options.replications (a stopped comparison) makes the manifest
/// say partial. Throws std::system_error naming the path.
void write_comparison(const std::filesystem::path& dir,
                      std::span<const VariantComparison> variants, const ComparedScenario& base,
                      std::span<const ComparedScenario> variant_scenarios,
                      std::uint32_t completed);

}  // namespace careflow
