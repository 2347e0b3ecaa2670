// A batch's progress on the terminal: the BatchOptions::on_progress that feeds a Progress.
#pragma once

#include "progress.hpp"

#include <careflow/cluster.hpp>

#include <cstdint>
#include <functional>

namespace careflow::cli {

/// BatchOptions::on_progress for replications [first, first + count) reported to `progress`.
/// Of a cluster, only the first process draws, and it sees only its own share finish; the
/// shares run side by side at about the same pace, so its count is scaled to the batch's.
[[nodiscard]] std::function<void(std::uint32_t finished)> progress_reporter(
    Progress& progress, std::uint32_t first, std::uint32_t count, const Cluster* cluster);

}  // namespace careflow::cli
