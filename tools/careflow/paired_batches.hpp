// The batches of `careflow compare`: a base scenario and its variants, run in turn chunk by
// chunk, so that a stop leaves every scenario with the same replications to pair.
#pragma once

#include "progress.hpp"

#include <careflow/run.hpp>
#include <careflow/scenario.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace careflow::cli {

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
/// random numbers), each with its own input uncertainty, reporting to `progress` (and to
/// options.on_progress, if set, with the count of the turn under way). The results do not
/// depend on the chunking: replications k..k+n-1 continue 0..k-1 exactly.
[[nodiscard]] PairedBatches run_paired(std::span<const LoadedScenario> scenarios,
                                       const BatchOptions& options, Progress& progress);

}  // namespace careflow::cli
