// BatchWatcher: what a loop of batches tells its observer (a progress bar) as it goes, and
// the BatchOptions::on_progress that feeds one.
#pragma once

#include <cstdint>
#include <functional>

namespace careflow {

class Cluster;

/// Hears how far the replications of run_replications, run_paired or a sweep have got; a
/// terminal's progress bar implements it. update() is called once per finished replication,
/// never per event, so a virtual call costs nothing measurable. The base hears nothing: pass
/// it as it is to watch silently, or override what you want to hear.
class BatchWatcher {
public:
    virtual ~BatchWatcher() = default;

    /// Main thread, between batches: `done` replications are finished, `total` will be once
    /// this batch ends.
    virtual void start_batch(std::uint32_t /*done*/, std::uint32_t /*total*/) {}
    /// Any thread: `finished` replications of the current batch are done. It must be
    /// thread-safe and quick: the batch's workers call it.
    virtual void update(std::uint32_t /*finished*/) {}
    /// Main thread, after the last batch: `done` replications were kept (after a stop, fewer
    /// than updates saw finish).
    virtual void finish(std::uint32_t /*done*/) {}
};

/// BatchOptions::on_progress for replications [first, first + count) reported to `watcher`.
/// Of a cluster, only the first process is shown (the CLI silences the others), and it sees
/// only its own share finish; the shares run side by side at about the same pace, so its count
/// is scaled to the batch's.
[[nodiscard]] std::function<void(std::uint32_t finished)> progress_reporter(
    BatchWatcher& watcher, std::uint32_t first, std::uint32_t count, const Cluster* cluster);

}  // namespace careflow
