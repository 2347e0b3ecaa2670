// Running a scenario's replications in batches: once, or until every precision target
// (--target-ci METRIC=HALF_WIDTH) is met; the targets, their parsing and the stopping rule.
#pragma once

#include <careflow/batch_watcher.hpp>
#include <careflow/model.hpp>
#include <careflow/run.hpp>
#include <careflow/summary.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace careflow {

/// `--max-replications` when not given: documented in the README.
inline constexpr std::uint32_t default_max_replications = 10'000;

/// One precision goal: the 95 % half-width of a metric's mean at most `half_width`.
struct CiTarget {
    std::string flag{};  ///< the flag as typed, for messages: "--target-ci clients//2019=5"
    std::string name{};  ///< metric/state/year/strategy, trailing empty parts dropped
    MetricKey key{};
    double half_width = 0.0;

    friend bool operator==(const CiTarget&, const CiTarget&) = default;
};

/// A target and where the replications so far leave it.
struct TargetStatus {
    CiTarget target{};
    std::optional<double> half_width{};  ///< none: fewer than two defined values
    bool met = false;
};

/// Parses "metric[/state[/year[/strategy]]]=HALF_WIDTH"; throws ScenarioError citing the flag.
[[nodiscard]] CiTarget parse_target(const std::string& text);

/// Every target, parsed; throws one ScenarioError listing every malformed one.
[[nodiscard]] std::vector<CiTarget> parse_targets(const std::vector<std::string>& texts);

/// A summary.csv row's name as --target-ci spells it: "clients//2019".
[[nodiscard]] std::string target_name(const MetricKey& key);

/// The column of each target among `keys` (rows with an empty provider); throws one
/// ScenarioError naming close matches for every target that names no row.
[[nodiscard]] std::vector<std::size_t> find_targets(const std::vector<MetricKey>& keys,
                                                    const std::vector<CiTarget>& targets);

/// The 95 % half-width of the mean (ci_high − mean); none with fewer than two values.
[[nodiscard]] std::optional<double> half_width(const Summary& summary);

/// Where each target stands over the table's replications; `columns` from find_targets.
[[nodiscard]] std::vector<TargetStatus> target_status(const MetricTable& metrics,
                                                     const std::vector<CiTarget>& targets,
                                                     const std::vector<std::size_t>& columns);

/// True when every target is met (and there is at least one).
[[nodiscard]] bool all_met(const std::vector<TargetStatus>& statuses);

/// Replications to add after `done`: half as many again, at least 32, never past `cap`. It
/// ignores the thread count so that the final count (and so every result) does not depend on it.
[[nodiscard]] std::uint32_t next_batch_size(std::uint32_t done, std::uint32_t cap);

/// Why the replications ended.
enum class LoopEnd : std::uint8_t { complete, target_met, cap_reached, stopped };

/// How many replications to run.
struct ReplicationPlan {
    std::uint32_t first = 1;          ///< the first batch: -n, or the scenario's replications
    std::vector<CiTarget> targets{};  ///< none: run the first batch only
    std::uint32_t max_replications = default_max_replications;  ///< with targets: the cap
};

struct LoopResult {
    BatchResult batch{};  ///< replications 0..n-1, as one run_batch of n would give them
    LoopEnd end = LoopEnd::complete;
    std::vector<TargetStatus> targets{};  ///< over `batch`, in the plan's order
};

/// Runs `plan` under `options` (seed, threads, stop, uncertainty; the replication range is set
/// here), reporting to `watcher`. A target that names no metric throws ScenarioError before
/// any replication runs.
[[nodiscard]] LoopResult run_replications(const Model& model, const BatchOptions& options,
                                          const ReplicationPlan& plan, BatchWatcher& watcher);

}  // namespace careflow
