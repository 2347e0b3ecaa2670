// A batch's progress on the terminal: the BatchOptions::on_progress that feeds a Progress.
#include "batch_progress.hpp"

namespace careflow::cli {

std::function<void(std::uint32_t finished)> progress_reporter(Progress& progress,
                                                              std::uint32_t first,
                                                              std::uint32_t count,
                                                              const Cluster* cluster) {
    const std::uint32_t own =
        cluster == nullptr ? count : Cluster::deal(first, count, 0, cluster->size()).count;
    if (own == count || own == 0) {
        return [&progress](std::uint32_t finished) { progress.update(finished); };
    }
    return [&progress, own, count](std::uint32_t finished) {
        progress.update(static_cast<std::uint32_t>(std::uint64_t{finished} * count / own));
    };
}

}  // namespace careflow::cli
