// write_sweep: a sweep's folder with sweep.csv, points.csv and manifest.json.
#include "output/atomic_file.hpp"
#include "output/sweep_manifest.hpp"

#include <careflow/sweep.hpp>

#include <system_error>

namespace careflow {

void write_sweep(const std::filesystem::path& dir, const SweepRun& run,
                 const SweepDesign& design, const Model& model, const SweepRecord& record) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw std::system_error(error, "cannot create directory '" + dir.string() + "'");
    }
    output::write_file_atomically(dir / "sweep.csv", sweep_csv(design, run));
    output::write_file_atomically(dir / "points.csv", points_csv(design));
    // Written last: a manifest beside the CSVs means they are complete and belong to it.
    output::write_file_atomically(dir / "manifest.json",
                                  output::sweep_manifest_json(model, design, record));
}

}  // namespace careflow
