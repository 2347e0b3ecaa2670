// A batch's progress for its watcher: the BatchOptions::on_progress that feeds a BatchWatcher.
#include <careflow/batch_watcher.hpp>
#include <careflow/cluster.hpp>

namespace careflow {

std::function<void(std::uint32_t finished)> progress_reporter(BatchWatcher& watcher,
                                                              std::uint32_t first,
                                                              std::uint32_t count,
                                                              const Cluster* cluster) {
    const std::uint32_t own =
        cluster == nullptr ? count : Cluster::deal(first, count, 0, cluster->size()).count;
    if (own == count || own == 0) {
        return [&watcher](std::uint32_t finished) { watcher.update(finished); };
    }
    return [&watcher, own, count](std::uint32_t finished) {
        watcher.update(static_cast<std::uint32_t>(std::uint64_t{finished} * count / own));
    };
}

}  // namespace careflow
